/** `npm run export [-- <chapter> [de|en]]`: one PDF per deck into dist/pdf/<chapter>-<lang>.pdf. */
import path from 'node:path';
import { chapters, deckSource, languages } from '../course.config.ts';
import { chapterArg, langArg } from './lib/args.ts';
import { main, repoRoot } from './lib/cli.ts';
import { exportDeckPdf } from './lib/deck-pdf.ts';
import { bin, runOrThrow } from './lib/run.ts';

const pdfPath = (slug: string, lang: string) => path.join(repoRoot, 'dist', 'pdf', `${slug}-${lang}.pdf`);

main(async () => {
  const argv = process.argv.slice(2);
  if (argv[0] === '--one') {
    await exportDeckPdf(argv[1], argv[2]);
    process.exit(0); // Slidev's server leaves watchers behind
  }
  const selected = argv[0] ? [chapterArg(argv[0], 'export')] : chapters;
  const langs = argv[1] ? [langArg(argv[1])] : languages;
  console.log(`Exporting ${selected.length * langs.length} deck(s) to dist/pdf/ with the system Chromium…`);
  for (const chapter of selected) {
    for (const lang of langs) {
      await runOrThrow(`Export of ${deckSource(chapter.slug, lang)}`, bin(repoRoot, 'tsx'), [
        'scripts/export.ts',
        '--one',
        deckSource(chapter.slug, lang),
        pdfPath(chapter.slug, lang),
      ], { cwd: repoRoot });
    }
  }
  console.log('✓ PDFs in dist/pdf/');
});
