/** Runs axe-core (WCAG 2.x A/AA) and fails on serious or critical violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The one documented exception (site-facts.md): Slidev 52.20.1 nests a <button> inside a <button> in its own
 * navigation controls (axe `nested-interactive`). That is Slidev's UI, not our slides, so nodes of exactly this
 * rule are ignored when they sit inside Slidev's <nav> and outside the slide content.
 */
async function isSlidevNavNode(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const node = document.querySelector(sel);
    return !!node && !!node.closest('nav') && !node.closest('.slidev-page');
  }, selector);
}

async function failures(page: Page, violations: Result[], slidev: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const violation of violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      const selector = node.target.map(String).join(' ');
      if (slidev && violation.id === 'nested-interactive' && (await isSlidevNavNode(page, selector))) continue;
      out.push(`axe ${violation.id} (${violation.impact}) at ${selector}: ${violation.help}`);
    }
  }
  return out;
}

/** The whole page. */
export async function assertAccessible(page: Page, options: { slidev?: boolean } = {}): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = await failures(page, result.violations, !!options.slidev);
  if (found.length) throw new Error(found.slice(0, 8).join('\n'));
}

/** axe-core's browser build, as shipped with @axe-core/playwright. */
const axeSource = (() => {
  let source: string | undefined;
  return () => {
    const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
    source ??= readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');
    return source;
  };
})();

/**
 * One slide of a deck: axe on the slide's own element only. Slidev's controls around it are the same on every
 * slide and are checked once with `assertAccessible` on the first slide; this keeps the walk about ten times faster.
 */
export async function assertSlideAccessible(page: Page, slideNo: number): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(
    ({ selector, tags }) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe
        .run({ include: [[selector]] }, { runOnly: { type: 'tag', values: tags } })
        .then((result) => result.violations),
    { selector: `[data-slidev-no="${slideNo}"]`, tags: TAGS },
  );
  const found = await failures(page, violations, true);
  if (found.length) throw new Error(found.slice(0, 8).join('\n'));
}
