/** A minimal, valid course in a temporary folder, for tests that break one thing and expect the right error. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Chapter } from '../../course.config.ts';

export const fixtureChapter: Chapter = {
  slug: '01-demo',
  title: { de: 'Demo', en: 'Demo' },
  summary: { de: 'Ein Kapitel für Tests.', en: 'A chapter for tests.' },
  labs: ['demo'],
};

const deck = (lang: string) => `---
theme: seriph
addons:
  - '@/../shared'
title: Demo
lang: ${lang}
fonts:
  provider: none
favicon: ../shared/assets/favicon.svg
routerMode: hash
---

# Demo

[Workbook](../../../${lang === 'de' ? '' : 'en/'}01-demo#goals)

---
layout: quiz
quiz: 01-demo
---

# Quiz
`;

const page = (lang: 'de' | 'en') => `# Demo

<ChapterLinks chapter="01-demo" />

## Goals

See the [lab](${lang === 'de' ? '/labs/demo' : '/en/labs/demo'}#steps) and the [home page](./).

## Quiz

<Quiz chapter="01-demo" />
`;

const readme = `# Demo lab

## Steps

Edit [exercise/client.ts](exercise/client.ts), read [the steps](#steps).
`;

export interface FixtureCourse {
  root: string;
  write: (file: string, text: string) => void;
  remove: (file: string) => void;
  cleanup: () => void;
}

export function createFixtureCourse(): FixtureCourse {
  const root = mkdtempSync(path.join(tmpdir(), 'course-fixture-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('slides/01-demo/de.md', deck('de'));
  write('slides/01-demo/en.md', deck('en'));
  write('docs/index.md', '# Start\n\n[Demo](/01-demo)\n');
  write('docs/en/index.md', '# Start\n\n[Demo](/en/01-demo)\n');
  write('docs/01-demo.md', page('de'));
  write('docs/en/01-demo.md', page('en'));
  write('docs/labs/index.md', '# Labs\n');
  write('docs/en/labs/index.md', '# Labs\n');
  write('docs/quizzes/01-demo.ts', 'export default {};\n');
  write('labs/demo/README.md', readme);
  write('labs/demo/README.de.md', readme);
  for (const dir of ['exercise', 'solution', 'tests']) write(`labs/demo/${dir}/client.ts`, 'export {};\n');
  return {
    root,
    write,
    remove: (file) => rmSync(path.join(root, file), { recursive: true, force: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
