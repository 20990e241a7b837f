/**
 * `npm run test:e2e`: builds what is missing, serves dist/ on 127.0.0.1 (ephemeral port) and drives Debian's
 * Chromium over the whole site in both languages. Screenshots go to artifacts/. Ends with `N passed, N failed`.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allLabs, chapters, deckPath, labLink, languages, pageLink, quizSource } from '../course.config.ts';
import type { Quiz } from '../docs/quizzes/quiz.ts';
import { siteBase } from './lib/base.ts';
import { launchChromium } from './lib/chromium.ts';
import { deckJobs, main, repoRoot } from './lib/cli.ts';
import { buildSite } from './lib/site.ts';
import { serveStatic } from './lib/static-server.ts';
import { walkDeck } from './e2e/deck.ts';
import { Results } from './e2e/results.ts';
import type { E2EContext } from './e2e/shared.ts';
import { checkDeckLink, checkPage, checkQuiz, checkSearch } from './e2e/workbook.ts';

const homeLink = (lang: 'de' | 'en') => (lang === 'de' ? '/' : '/en/');
const labIndexLink = (lang: 'de' | 'en') => `${homeLink(lang)}labs/`;

async function loadQuiz(slug: string): Promise<Quiz> {
  const module = (await import(pathToFileURL(path.join(repoRoot, quizSource(slug))).href)) as { default: Quiz };
  return module.default;
}

main(async () => {
  const started = performance.now();
  const base = siteBase();
  console.log('Building what is missing…');
  await buildSite({ root: repoRoot, base, jobs: deckJobs() });
  const artifacts = path.join(repoRoot, 'artifacts');
  rmSync(artifacts, { recursive: true, force: true });

  const site = await serveStatic(path.join(repoRoot, 'dist'), base, 0);
  const browser = await launchChromium();
  const ctx: E2EContext = { browser, siteUrl: site.url, artifacts };
  const results = new Results();
  console.log(`\nChecking ${site.url} with ${browser.version()}`);
  try {
    for (const lang of languages) {
      console.log(`\nWorkbook (${lang})`);
      await results.check(`home ${lang}`, () => checkPage(ctx, homeLink(lang), `${lang}-home`, '[data-testid="course-index-chapter"]'));
      for (const chapter of chapters) {
        const link = pageLink(chapter.slug, lang);
        await results.check(`chapter page ${link}`, () => checkPage(ctx, link, `${lang}-${chapter.slug}`, '[data-testid="quiz"]'));
        await results.check(`quiz on ${link}: wrong answer explained, right answer survives reload`, async () =>
          checkQuiz(ctx, link, await loadQuiz(chapter.slug), lang),
        );
        await results.check(`deck link on ${link} opens the deck`, () => checkDeckLink(ctx, link, deckPath(chapter.slug, lang)));
      }
      await results.check(`lab index ${lang}`, () => checkPage(ctx, labIndexLink(lang), `${lang}-labs`, '[data-testid="lab-index-entry"]'));
      for (const lab of allLabs()) {
        await results.check(`lab page ${labLink(lab, lang)}`, () => checkPage(ctx, labLink(lab, lang), `${lang}-lab-${lab}`));
      }
      const term = chapters[0]?.title[lang].split(/\s+/).find((word) => word.length >= 6);
      if (term) await results.check(`search (${lang}) finds "${term}"`, () => checkSearch(ctx, homeLink(lang), term, `${lang}-search`));
    }

    console.log('\nDecks');
    for (const chapter of chapters) {
      for (const lang of languages) {
        const name = `${chapter.slug}-${lang}`;
        await results.check(`deck ${deckPath(chapter.slug, lang)} slide by slide`, async () => {
          const walk = await walkDeck(ctx, new URL(deckPath(chapter.slug, lang), site.url).href, name);
          if (walk.quizSlides === 0) throw new Error('no quiz slide found in the deck');
          console.log(`      ${walk.slides} slides, ${walk.quizSlides} with quiz answers`);
        });
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }

  for (const failure of results.failed) console.log(`\nFAILED ${failure.name}\n  ${failure.message.split('\n').join('\n  ')}`);
  console.log(`\nScreenshots in artifacts/ · ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(results.summary());
  if (results.failed.length) process.exitCode = 1;
});
