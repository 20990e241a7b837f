/** A lab's cost table, read from its README's "Cost" section, so the figures are written once. */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

export function costSection(lab: string): string {
  const file = path.join(repoRoot, 'labs', lab, 'README.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const match = /^## Cost[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text);
  if (!match) throw new Error(`labs/${lab}/README.md has no "## Cost" section; every deployable lab must state its cost.`);
  return match[1].trim();
}
