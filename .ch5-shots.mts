// Throwaway (deleted after use): screenshots of the workbook page's diagrams.
import { launchChromium } from './scripts/lib/chromium.ts';
import { serveStatic } from './scripts/lib/static-server.ts';
const browser = await launchChromium();
const site = await serveStatic('/tmp/ch5-wb', '/', 0);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}05-serverless`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  const diagrams = page.locator('.mermaid');
  const n = await diagrams.count();
  for (let i = 0; i < n; i++) await diagrams.nth(i).screenshot({ path: `/tmp/ch5-wb-diagram-${i}.png` });
  console.log(n, 'diagrams');
} finally { await browser.close(); await site.close(); }
