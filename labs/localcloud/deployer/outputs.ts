/** Stack outputs as `cdk deploy` prints them and as its `--outputs-file` writes them. */
import fs from 'node:fs';
import path from 'node:path';
import type { StackResult } from './engine.ts';

export function formatResult(result: StackResult): string {
  const { created, updated, replaced, deleted, unchanged } = result.changes;
  const lines = [
    ...result.warnings.map((w) => `[Warning] ${w}`),
    '',
    ` ✅  ${result.stackName} (local: ${created.length} created, ${updated.length} updated, ${replaced.length} replaced, ${deleted.length} deleted, ${unchanged.length} unchanged)`,
  ];
  const keys = Object.keys(result.outputs);
  if (keys.length) lines.push('', 'Outputs:', ...keys.map((k) => `${result.stackName}.${k} = ${result.outputs[k]}`));
  return lines.join('\n');
}

export function writeOutputsFile(file: string, results: StackResult[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const content = Object.fromEntries(results.map((r) => [r.stackName, r.outputs]));
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
