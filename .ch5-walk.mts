// Throwaway check (deleted after use): walk chapter 5 decks with the course's own e2e helpers.
import { launchChromium } from './scripts/lib/chromium.ts';
import { serveStatic } from './scripts/lib/static-server.ts';
import { walkDeck } from './scripts/e2e/deck.ts';
const browser = await launchChromium();
try {
  for (const lang of ['de', 'en']) {
    const site = await serveStatic(`/tmp/ch5-deck-${lang}`, '/', 0);
    try {
      const walk = await walkDeck({ browser, siteUrl: site.url, artifacts: `/tmp/ch5-artifacts` }, site.url, `05-${lang}`);
      console.log(lang, JSON.stringify(walk));
    } catch (e) { console.log(lang, 'FAILED', (e as Error).message); }
    await site.close();
  }
} finally { await browser.close(); }
