import { describe, expect, it } from 'vitest';
import { allLabs } from '../course.config.ts';
import { labPages, rewriteLabLinks } from './lib/lab-pages.ts';

describe('lab pages from lab READMEs', () => {
  it('renders one page per manifest lab and language, from the README itself', () => {
    for (const lang of ['de', 'en'] as const) {
      const pages = labPages(lang);
      expect(pages.map((p) => p.params.lab)).toEqual(allLabs());
      for (const page of pages) expect(page.content.length).toBeGreaterThan(100);
    }
  });

  it('turns links to lab files into repository paths and README links into lab pages', () => {
    const markdown = [
      '[exercise/client.ts](exercise/client.ts)',
      '[the client](exercise/client.ts)',
      '[`contract.ts`](./contract.ts)',
      '[Deutsch](README.de.md#schritte)',
      '[chapter](/en/01-cloud#quiz) [web](https://example.org) [here](#steps)',
    ].join('\n');
    expect(rewriteLabLinks(markdown, 'demo', 'en').split('\n')).toEqual([
      '`labs/demo/exercise/client.ts`',
      'the client (`labs/demo/exercise/client.ts`)',
      '`labs/demo/contract.ts`',
      '[Deutsch](/labs/demo#schritte)',
      '[chapter](/en/01-cloud#quiz) [web](https://example.org) [here](#steps)',
    ]);
  });
});
