import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const labDir = (lab: string) => path.join(repoRoot, 'labs', lab);
/** Stack outputs in `cdk deploy --outputs-file` format, per target. */
export const outputsFile = (lab: string, target: 'local' | 'aws') => path.join(labDir(lab), '.outputs', `${target}.json`);
