/** `npm run build`: static dist/ with the workbook and every manifest deck (BASE=/path/ for a base path). */
import { siteBase } from './lib/base.ts';
import { deckJobs, main, repoRoot } from './lib/cli.ts';
import { buildSite } from './lib/site.ts';

main(async () => {
  const base = siteBase();
  const report = await buildSite({ root: repoRoot, base, jobs: deckJobs() });
  const built = report.decks.filter((d) => d.status === 'built').length;
  console.log(
    `✓ dist/ ready in ${report.seconds.toFixed(1)} s (base ${base}; workbook ${report.workbook}; ` +
      `${built} of ${report.decks.length} decks built, the rest cached)`,
  );
});
