import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './scripts/lib/chromium.ts';
const [dir, out, count] = process.argv.slice(2);
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff' };
const server = http.createServer(async (req, res) => {
  let p = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/d\//, '/');
  if (p.endsWith('/')) p += 'index.html';
  try { const body = await readFile(path.join(dir, p)); res.writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' }); res.end(body); }
  catch { res.writeHead(404); res.end(); }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const external: string[] = [];
page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}`) && !r.url().startsWith('data:')) external.push(r.url()); });
for (let n = 1; n <= Number(count); n++) {
  await page.goto(`http://127.0.0.1:${port}/d/#/${n}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(700);
  const info = await page.evaluate((no) => {
    const slide = document.querySelector(`[data-slidev-no="${no}"] .slidev-layout`) as HTMLElement | null;
    if (!slide) return 'no slide';
    const box = slide.getBoundingClientRect();
    let maxBottom = 0;
    slide.querySelectorAll('*').forEach((el) => { const b = (el as HTMLElement).getBoundingClientRect(); if (b.height > 0) maxBottom = Math.max(maxBottom, b.bottom); });
    const pre = slide.querySelector('pre.mermaid-error, .mermaid pre') ? ' MERMAID?' : '';
    return `overflow ${Math.round(maxBottom - box.bottom)}px${pre} h1=${slide.querySelector('h1')?.textContent}`;
  }, n);
  console.log(n, info);
  await page.screenshot({ path: `${out}/s${String(n).padStart(2, '0')}.png` });
}
console.log('external requests:', external);
await browser.close();
server.close();
