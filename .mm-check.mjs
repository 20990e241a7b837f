import fs from 'node:fs';
import { chromium } from 'playwright-core';
const files = ['docs/04-operating-models.md','docs/en/04-operating-models.md','slides/04-operating-models/de.md','slides/04-operating-models/en.md','labs/fargate/README.md','labs/fargate/README.de.md'];
const browser = await chromium.launch({ executablePath: process.env.CHROME });
const page = await browser.newPage();
await page.setContent('<html><body></body></html>');
await page.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' });
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  for (const m of text.matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g)) {
    const r = await page.evaluate(async (src) => { try { await window.mermaid.parse(src); return 'ok'; } catch (e) { return 'ERR ' + e.message; } }, m[1]);
    console.log(r.slice(0, 300), f);
  }
}
await browser.close();
