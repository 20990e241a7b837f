// Throwaway check (deleted after use): chapter 5 decks and workbook pages with the course's own e2e helpers.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './scripts/lib/chromium.ts';
import { serveStatic } from './scripts/lib/static-server.ts';
import { walkDeck } from './scripts/e2e/deck.ts';
import { checkPage, checkQuiz } from './scripts/e2e/workbook.ts';
const quiz = (await import(pathToFileURL(path.resolve('docs/quizzes/05-serverless.ts')).href)).default;
const browser = await launchChromium();
const artifacts = '/tmp/ch5-artifacts';
try {
  const wb = await serveStatic('/tmp/ch5-wb', '/', 0);
  for (const [lang, link] of [['de', '/05-serverless'], ['en', '/en/05-serverless']] as const) {
    const ctx = { browser, siteUrl: wb.url, artifacts };
    for (const [what, run] of [
      ['page', () => checkPage(ctx, link, `${lang}-05`, '[data-testid="quiz"]')],
      ['quiz', () => checkQuiz(ctx, link, quiz, lang)],
      ['lab link', () => checkPage(ctx, lang === 'de' ? '/labs/notification' : '/en/labs/notification', `${lang}-lab`)],
    ] as const) {
      try { await run(); console.log(lang, what, 'ok'); } catch (e) { console.log(lang, what, 'FAILED', (e as Error).message); }
    }
  }
  await wb.close();
  for (const lang of ['de', 'en']) {
    const site = await serveStatic(`/tmp/ch5-deck-${lang}`, '/', 0);
    try {
      const walk = await walkDeck({ browser, siteUrl: site.url, artifacts }, site.url, `05-${lang}`);
      console.log(lang, 'deck', JSON.stringify(walk));
    } catch (e) { console.log(lang, 'deck FAILED', (e as Error).message); }
    await site.close();
  }
} finally { await browser.close(); }
