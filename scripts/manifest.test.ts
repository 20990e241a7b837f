import { afterEach, describe, expect, it } from 'vitest';
import { chapters } from '../course.config.ts';
import { repoRoot } from './lib/cli.ts';
import { createFixtureCourse, fixtureChapter, type FixtureCourse } from './lib/fixture-course.ts';
import { manifestProblems } from './lib/manifest-check.ts';

describe('course manifest', () => {
  it('lists at least one chapter', () => {
    expect(chapters.length).toBeGreaterThan(0);
  });

  it('points only at files that exist and carry what the site needs', () => {
    expect(manifestProblems(repoRoot, chapters)).toEqual([]);
  });
});

describe('manifest check on a fixture course', () => {
  let course: FixtureCourse;
  afterEach(() => course.cleanup());
  const problems = () => manifestProblems(course.root, [fixtureChapter]);

  it('accepts a complete chapter', () => {
    course = createFixtureCourse();
    expect(problems()).toEqual([]);
  });

  it.each([
    ['slides/01-demo/en.md'],
    ['docs/01-demo.md'],
    ['docs/en/01-demo.md'],
    ['docs/quizzes/01-demo.ts'],
    ['labs/demo/README.de.md'],
  ])('names the missing file %s', (file) => {
    course = createFixtureCourse();
    course.remove(file);
    expect(problems()).toEqual([expect.stringContaining(`${file} is missing`)]);
  });

  it('names a lab without solution/', () => {
    course = createFixtureCourse();
    course.remove('labs/demo/solution');
    expect(problems()).toEqual(['labs/demo/solution/ is missing (every lab has exercise/, solution/ and tests/)']);
  });

  it('rejects malformed and duplicate slugs', () => {
    course = createFixtureCourse();
    const bad = { ...fixtureChapter, slug: 'demo', labs: [] };
    const twice = manifestProblems(course.root, [fixtureChapter, { ...fixtureChapter, labs: [] }]);
    expect(manifestProblems(course.root, [bad]).join('\n')).toContain('slug must look like NN-slug');
    expect(twice.join('\n')).toContain('slug is listed twice');
  });

  it('rejects a lab listed by two chapters', () => {
    course = createFixtureCourse();
    const other = { ...fixtureChapter, slug: '02-demo' };
    expect(manifestProblems(course.root, [fixtureChapter, other]).join('\n')).toContain('lab "demo" is already listed by chapter "01-demo"');
  });

  it('names the deck and the headmatter line it lacks', () => {
    course = createFixtureCourse();
    course.write('slides/01-demo/de.md', '---\ntheme: seriph\nlang: de\nbackground: /background.svg\n---\n\n# Demo\n\n---\nlayout: quiz\nquiz: 01-demo\n---\n');
    const found = problems();
    expect(found).toContain("slides/01-demo/de.md: headmatter needs \"addons: ['@/../shared']\" (see slides/README.md)");
    expect(found).toContain('slides/01-demo/de.md: headmatter needs "routerMode: hash" (see slides/README.md)');
    expect(found).toContain('slides/01-demo/de.md: headmatter needs "fonts: { provider: none }" (see slides/README.md)');
    expect(found.join('\n')).toContain('"background: /background.svg"');
  });

  it('requires the quiz slide in each deck and the chapter components on each page', () => {
    course = createFixtureCourse();
    course.write('slides/01-demo/en.md', '---\ntheme: seriph\naddons: [\'@/../shared\']\nlang: en\nfonts: { provider: none }\nfavicon: ../shared/assets/favicon.svg\nrouterMode: hash\n---\n\n# Demo\n');
    course.write('docs/en/01-demo.md', '# Demo\n');
    expect(problems()).toEqual([
      'slides/01-demo/en.md: needs a quiz slide (frontmatter "layout: quiz" and "quiz: 01-demo")',
      'docs/en/01-demo.md: needs <ChapterLinks chapter="01-demo" /> near the top',
      'docs/en/01-demo.md: needs <Quiz chapter="01-demo" /> at the end',
    ]);
  });
});
