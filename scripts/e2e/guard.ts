/**
 * Watches a browser context for what must never happen on the site: console errors, uncaught page errors,
 * failed requests, HTTP errors and any request to a host other than the local server (blocked and recorded).
 */
import type { BrowserContext, Page } from 'playwright-core';

export class PageGuard {
  problems: string[] = [];

  constructor(private readonly origin: string) {}

  async attach(context: BrowserContext): Promise<void> {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === this.origin) return route.continue();
      this.problems.push(`request to a non-local host: ${url}`);
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => this.watch(page));
    for (const page of context.pages()) this.watch(page);
  }

  private watch(page: Page): void {
    page.on('console', (message) => {
      // The browser reports each blocked request once more as a console error; it is recorded already.
      if (message.type() === 'error' && message.text().includes('ERR_BLOCKED_BY_CLIENT')) return;
      if (message.type() === 'error') this.problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // Blocked non-local requests are already recorded above.
      if (!reason.startsWith('net::ERR_BLOCKED_BY_CLIENT')) this.problems.push(`failed request ${request.url()}: ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) this.problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
  }

  /** Throws with everything recorded since the last call, then starts afresh. */
  assertClean(): void {
    const problems = this.problems.splice(0);
    if (problems.length) throw new Error([...new Set(problems)].slice(0, 10).join('\n'));
  }
}
