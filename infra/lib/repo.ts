import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, so stacks find lab code and the lockfile wherever `cdk` is started. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
