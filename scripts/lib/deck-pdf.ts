/**
 * PDF of one deck without `slidev export`: that command imports the npm package playwright-chromium, whose
 * install step downloads a browser build of its own, which cannot be fetched here. This runs the same thing
 * Slidev's exporter runs — a Slidev server in export mode and its print route — and prints it with the
 * system Chromium through playwright-core. One deck per process: Slidev keeps its project roots in module state.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, resolveOptions } from '@slidev/cli';
import { injectPreparserExtensionLoader } from '@slidev/parser/fs';
import type { PreparserExtensionLoader } from '@slidev/types';
import { launchChromium } from './chromium.ts';

/**
 * Slidev's CLI registers how `setup/preparser.ts` files are loaded; used as a library, that is ours to do.
 * Without it the quiz slides would not be expanded (see slides/shared/setup/preparser.ts).
 */
const loadPreparsers: PreparserExtensionLoader = async (roots, headmatter, filepath, mode) => {
  const extensions = [];
  for (const root of roots) {
    const file = path.join(root, 'setup', 'preparser.ts');
    if (!existsSync(file)) continue;
    const setup = (await import(pathToFileURL(file).href)) as { default: (context: object) => unknown[] | Promise<unknown[]> };
    extensions.push(...(await setup.default({ filepath, headmatter, mode })));
  }
  return extensions as Awaited<ReturnType<PreparserExtensionLoader>>;
};

export async function exportDeckPdf(entry: string, output: string): Promise<void> {
  injectPreparserExtensionLoader(loadPreparsers);
  const options = await resolveOptions({ entry }, 'export');
  const server = await createServer(options, { server: { host: '127.0.0.1', port: 0 }, logLevel: 'error', clearScreen: false });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the Slidev export server did not start');
  const { canvasWidth, aspectRatio } = options.data.config;
  const width = canvasWidth;
  const height = Math.round(canvasWidth / aspectRatio);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await page.goto(`http://127.0.0.1:${address.port}/?print=true#/print`, { waitUntil: 'networkidle', timeout: 120_000 });
    await page.locator('.print-slide-container').first().waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'screen' });
    mkdirSync(path.dirname(output), { recursive: true });
    await page.pdf({ path: output, width: `${width}px`, height: `${height}px`, printBackground: true, preferCSSPageSize: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
    const slides = await page.locator('.print-slide-container').count();
    console.log(`  ${entry} → ${path.relative(process.cwd(), output)} (${slides} pages)`);
  } finally {
    await browser.close();
    await server.close();
  }
}
