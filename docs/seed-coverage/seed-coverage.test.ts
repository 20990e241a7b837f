/**
 * Every seed-coverage table maps real seed slides to real sections of its chapter's pages, and leaves no slide of
 * its range out. The seeds live beside the repository (`../shared/seeds/`); where they are absent the check is
 * skipped and says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageSource } from '../../course.config.ts';
import { checkCoverage, parseCoverage } from './coverage.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedDir = join(repoRoot, '..', 'shared', 'seeds');
const here = fileURLToPath(new URL('.', import.meta.url));
const tables = readdirSync(here).filter((f) => /^\d\d-.+\.md$/.test(f));
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

describe.each(tables)('seed coverage %s', (file) => {
  const slug = file.slice(0, -3);
  const table = parseCoverage(readFileSync(join(here, file), 'utf8'), `docs/seed-coverage/${file}`);
  const seedPath = join(seedDir, table.seedFile);

  it.skipIf(!existsSync(seedPath))(`maps every slide of ${table.seedFile} lines ${table.from}–${table.to} to a section of ${slug} (skipped: seed folder ../shared/seeds/ not found beside the repository)`, () => {
    const problems = checkCoverage(table, readFileSync(seedPath, 'utf8'), { de: read(pageSource(slug, 'de')), en: read(pageSource(slug, 'en')) });
    expect(problems, `docs/seed-coverage/${file}:\n${problems.join('\n')}`).toEqual([]);
  });
});

describe('checkCoverage', () => {
  const seed = ['# Intro', 'text', '```mermaid', '# not a slide', '```', '---', '# Layers', '* OSI'].join('\n');
  const pages = { de: '# Kapitel\n## Schichten\n', en: '# Chapter\n## Layers\n' };
  const table = parseCoverage(
    ['Seed file: `deck.txt`', 'Seed lines: 1–8', '| seed line | title | de | en |', '|---|---|---|---|', '| 7 | Layers | Schichten | Layers |'].join('\n'),
    'test.md',
  );

  it('accepts a table that matches seed and pages, ignoring titles in code fences outside the table', () => {
    expect(checkCoverage({ ...table, from: 6 }, seed, pages)).toEqual([]);
  });

  it('names a slide of the range that the table leaves out', () => {
    expect(checkCoverage(table, seed, pages)).toEqual(['seed slide "Intro" (line 1) is not in the table']);
  });

  it('names a wrong seed title and a missing heading', () => {
    const wrong = { ...table, from: 6, rows: [{ line: 7, title: 'Layer', sectionDe: 'Schichten', sectionEn: 'Strata' }] };
    expect(checkCoverage(wrong, seed, pages)).toEqual(['seed line 7 is "Layers", not "Layer"', 'the English page has no heading "Strata" (seed line 7)']);
  });

  it('rejects a table without its seed header lines', () => {
    expect(() => parseCoverage('| 1 | a | b | c |', 'x.md')).toThrow(/x\.md: missing the line "Seed file/);
  });
});
