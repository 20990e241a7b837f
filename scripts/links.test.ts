import { afterEach, describe, expect, it } from 'vitest';
import { chapters } from '../course.config.ts';
import { repoRoot } from './lib/cli.ts';
import { createFixtureCourse, fixtureChapter, type FixtureCourse } from './lib/fixture-course.ts';
import { draftChapterPages } from './lib/drafts.ts';
import { checkLinks, formatProblem, linkSources } from './lib/links.ts';
import { anchors, slugify } from './lib/markdown.ts';

describe('internal links of the course', () => {
  it('reads every workbook page, deck and lab README of the manifest', () => {
    const sources = linkSources(repoRoot, chapters);
    expect(sources.decks).toBe(chapters.length * 2);
    expect(sources.pages).toBeGreaterThanOrEqual(chapters.length * 2);
    expect(sources.labReadmes).toBe(chapters.flatMap((c) => c.labs).length * 2);
  });

  it('all resolve to a page, deck, lab file or anchor', () => {
    expect(checkLinks(repoRoot, chapters).map(formatProblem)).toEqual([]);
  });
});

describe('heading anchors follow VitePress', () => {
  it.each([
    ['1. Das Netzwerk ist zuverlässig', '_1-das-netzwerk-ist-zuverlassig'],
    // „ is not among the characters VitePress replaces, so it stays in the anchor.
    ['„There is no cloud. It’s just someone else’s computer.“', '„there-is-no-cloud-it-s-just-someone-else-s-computer'],
    ['Wechselseitiger Ausschluss (Mutual Exclusion)', 'wechselseitiger-ausschluss-mutual-exclusion'],
  ])('%s → %s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });

  it('honours explicit ids and numbers repeated headings', () => {
    expect([...anchors('# A\n\n## Quiz {#quiz}\n\n## Steps\n\n## Steps\n\n```\n# not a heading\n```\n')]).toEqual([
      'a',
      'quiz',
      'steps',
      'steps-1',
    ]);
  });
});

describe('link check on a fixture course', () => {
  let course: FixtureCourse;
  afterEach(() => course.cleanup());
  /** Problems found, optionally only those in one file (a change to one file may break links elsewhere too). */
  const problems = (file?: string) =>
    checkLinks(course.root, [fixtureChapter])
      .filter((p) => !file || p.file === file)
      .map(formatProblem);

  it('accepts a course whose links all resolve', () => {
    course = createFixtureCourse();
    expect(problems()).toEqual([]);
  });

  it('names file, line and link of a page link to nowhere', () => {
    course = createFixtureCourse();
    course.write('docs/01-demo.md', '# Demo\n\nSee [chapter 2](/02-missing).\n');
    expect(problems('docs/01-demo.md')).toEqual(['docs/01-demo.md:3: link "/02-missing" points to /02-missing, which is no page, deck or lab of the course']);
  });

  it('rejects an anchor the target page does not define', () => {
    course = createFixtureCourse();
    course.write('docs/index.md', '# Start\n\n[Demo](/01-demo#nope) [Lab](/labs/demo#steps)\n');
    expect(problems()).toEqual(['docs/index.md:3: link "/01-demo#nope" points to anchor #nope, which docs/01-demo.md does not define']);
  });

  it('checks what <ChapterLinks> renders: decks, labs and the quiz anchor', () => {
    course = createFixtureCourse();
    course.write('docs/01-demo.md', '# Demo\n\n<ChapterLinks chapter="01-demo" />\n');
    course.remove('slides/01-demo/en.md');
    expect(problems('docs/01-demo.md')).toEqual([
      'docs/01-demo.md:3: link "/slides/01-demo/en/" points to /slides/01-demo/en/, which is no page, deck or lab of the course',
      'docs/01-demo.md:3: link "#quiz" points to anchor #quiz, which docs/01-demo.md does not define',
    ]);
  });

  it('leaves out draft chapter pages (not yet in the manifest) but checks them once listed', () => {
    course = createFixtureCourse();
    course.write('docs/02-next.md', '# Next\n\n[lab](/labs/next)\n');
    expect(draftChapterPages(course.root, [fixtureChapter])).toEqual(['02-next.md']);
    expect(problems()).toEqual([]);
    const listed = { ...fixtureChapter, slug: '02-next', labs: [] };
    expect(checkLinks(course.root, [fixtureChapter, listed]).map(formatProblem)).toContain(
      'docs/02-next.md:3: link "/labs/next" points to /labs/next, which is no page, deck or lab of the course',
    );
  });

  it('rejects absolute links in decks and broken relative ones', () => {
    course = createFixtureCourse();
    course.write('slides/01-demo/de.md', '# Demo\n\n[a](/01-demo) [b](../../../01-demo#nope) [c](#/2) [d](../../../labs/demo)\n');
    expect(problems()).toEqual([
      'slides/01-demo/de.md:3: link "/01-demo" is absolute: decks run under a base path, link relatively (e.g. ../../../01-cloud)',
      'slides/01-demo/de.md:3: link "../../../01-demo#nope" points to anchor #nope, which docs/01-demo.md does not define',
    ]);
  });

  it('resolves lab README links inside the repository', () => {
    course = createFixtureCourse();
    course.write('labs/demo/README.md', '# Lab\n\n[ok](tests/client.ts) [missing](exercise/nope.ts) [other](README.de.md#steps)\n');
    course.write('labs/demo/README.de.md', '# Lab\n\n## Schritte\n');
    expect(problems('labs/demo/README.md')).toEqual([
      'labs/demo/README.md:3: link "exercise/nope.ts" points to labs/demo/exercise/nope.ts, which does not exist',
      'labs/demo/README.md:3: link "README.de.md#steps" points to anchor #steps, which labs/demo/README.de.md does not define',
    ]);
  });
});
