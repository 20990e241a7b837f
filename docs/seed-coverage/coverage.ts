/**
 * Seed coverage tables (`docs/seed-coverage/<slug>.md`): each row maps a slide of a seed deck (line number and
 * title) to the section of the chapter page that covers it, in German and English. `checkCoverage` compares a
 * table with the seed and the pages and returns every mismatch as a readable problem.
 */

export interface CoverageRow {
  line: number;
  title: string;
  sectionDe: string;
  sectionEn: string;
}

export interface CoverageTable {
  seedFile: string;
  from: number;
  to: number;
  rows: CoverageRow[];
}

const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

/** Reads a coverage table; throws with the file name when its header lines or rows are malformed. */
export function parseCoverage(markdown: string, file: string): CoverageTable {
  const seedFile = /^Seed file: `([^`]+)`/m.exec(markdown)?.[1];
  const range = /^Seed lines: (\d+)[–-](\d+)/m.exec(markdown);
  if (!seedFile) throw new Error(`${file}: missing the line "Seed file: \`<name>\`"`);
  if (!range) throw new Error(`${file}: missing the line "Seed lines: <from>–<to>"`);
  const rows: CoverageRow[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const [first = '', title = '', sectionDe = '', sectionEn = ''] = cells(line);
    if (!/^\d+$/.test(first)) continue; // header and separator rows
    if (!title || !sectionDe || !sectionEn) throw new Error(`${file}: row for seed line ${first} needs a title and a section in both languages`);
    rows.push({ line: Number(first), title, sectionDe, sectionEn });
  }
  if (rows.length === 0) throw new Error(`${file}: the table has no rows`);
  return { seedFile, from: Number(range[1]), to: Number(range[2]), rows };
}

/** Slide titles of a Slidev deck: `# ` lines outside code fences, by line number (1-based). */
export function slideTitles(seed: string): Map<number, string> {
  const titles = new Map<number, string>();
  let inFence = false;
  seed.split('\n').forEach((text, index) => {
    if (/^\s*```/.test(text)) inFence = !inFence;
    else if (!inFence && text.startsWith('# ')) titles.set(index + 1, text.slice(2).trim());
  });
  return titles;
}

/** Headings of a Markdown page (any level), without `#`s, outside code fences. */
export function pageHeadings(page: string): Set<string> {
  const headings = new Set<string>();
  let inFence = false;
  for (const text of page.split('\n')) {
    if (/^\s*```/.test(text)) inFence = !inFence;
    else if (!inFence && /^#{1,6} /.test(text)) headings.add(text.replace(/^#{1,6} /, '').trim());
  }
  return headings;
}

export function checkCoverage(table: CoverageTable, seed: string, pages: { de: string; en: string }): string[] {
  const titles = slideTitles(seed);
  const headings = { de: pageHeadings(pages.de), en: pageHeadings(pages.en) };
  const problems: string[] = [];
  for (const row of table.rows) {
    const actual = titles.get(row.line);
    if (actual === undefined) problems.push(`seed line ${row.line} is not a slide title (expected "${row.title}")`);
    else if (actual !== row.title) problems.push(`seed line ${row.line} is "${actual}", not "${row.title}"`);
    if (row.line < table.from || row.line > table.to) problems.push(`seed line ${row.line} is outside the declared range ${table.from}–${table.to}`);
    if (!headings.de.has(row.sectionDe)) problems.push(`the German page has no heading "${row.sectionDe}" (seed line ${row.line})`);
    if (!headings.en.has(row.sectionEn)) problems.push(`the English page has no heading "${row.sectionEn}" (seed line ${row.line})`);
  }
  const mapped = new Set(table.rows.map((r) => r.line));
  for (const [line, title] of titles) {
    if (line >= table.from && line <= table.to && !mapped.has(line)) problems.push(`seed slide "${title}" (line ${line}) is not in the table`);
  }
  return problems;
}
