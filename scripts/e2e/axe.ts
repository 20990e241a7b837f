/** Runs axe-core (WCAG 2.x A/AA) and fails on serious or critical violations. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

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

export async function assertAccessible(page: Page, options: { slidev?: boolean } = {}): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const failures: string[] = [];
  for (const violation of result.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      const selector = node.target.map(String).join(' ');
      if (options.slidev && violation.id === 'nested-interactive' && (await isSlidevNavNode(page, selector))) continue;
      failures.push(`axe ${violation.id} (${violation.impact}) at ${selector}: ${violation.help}`);
    }
  }
  if (failures.length) throw new Error(failures.slice(0, 8).join('\n'));
}
