/** A lab's cost table, read from its README's "Cost" section, so the figures are written once. */
import { readmeSection, readReadme } from './readme.ts';

export function costSection(lab: string): string {
  const section = readmeSection(readReadme(lab, 'en'), 'Cost');
  if (!section) throw new Error(`labs/${lab}/README.md has no "## Cost" section; every deployable lab must state its cost.`);
  return section;
}
