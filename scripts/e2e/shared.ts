/** What every e2e check needs: the site, the browser, the guard, and where screenshots go. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PageGuard } from './guard.ts';

export interface E2EContext {
  browser: Browser;
  /** Site URL including the base, ending in a slash. */
  siteUrl: string;
  artifacts: string;
}

/** A fresh browser context (own localStorage) guarded for errors and non-local requests. */
export async function openPage(ctx: E2EContext): Promise<{ page: Page; context: BrowserContext; guard: PageGuard }> {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const guard = new PageGuard(new URL(ctx.siteUrl).origin);
  await guard.attach(context);
  const page = await context.newPage();
  return { page, context, guard };
}

export async function screenshot(ctx: E2EContext, page: Page, name: string, fullPage = true): Promise<void> {
  const file = path.join(ctx.artifacts, `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
}

/** Diagrams that failed to parse: VitePress's plugin and Slidev both show the parser's message. */
export async function assertNoDiagramErrors(page: Page): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  const match = /Syntax error in text|Parse error on line \d+/.exec(text);
  if (match) throw new Error(`a mermaid diagram failed to render: "${match[0]}"`);
}
