/** How many hints a student has opened per lab, in `labs/<lab>/.progress.json` (gitignored), so `npm run hint` goes on. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../course.config.ts';
import { readHints, type Hint } from './hints.ts';
import { labDir } from './paths.ts';

export interface Progress {
  hintsShown: number;
}

export const progressFile = (dir: string) => join(dir, '.progress.json');

export function readProgress(dir: string): Progress {
  const file = progressFile(dir);
  if (!existsSync(file)) return { hintsShown: 0 };
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Progress>;
    const shown = value.hintsShown;
    return { hintsShown: typeof shown === 'number' && Number.isInteger(shown) && shown >= 0 ? shown : 0 };
  } catch {
    return { hintsShown: 0 }; // a hand-edited, broken file just starts over
  }
}

export function writeProgress(dir: string, progress: Progress): void {
  writeFileSync(progressFile(dir), `${JSON.stringify(progress, null, 2)}\n`);
}

export function resetProgress(dir: string): void {
  rmSync(progressFile(dir), { force: true });
}

/** The next unseen hint, remembered as seen; `hint` is undefined once all `of` hints were shown. */
export function takeNextHint(lab: string, lang: Lang, dir = labDir(lab)): { hint?: Hint; of: number } {
  const hints = readHints(lab, lang, dir);
  const { hintsShown } = readProgress(dir);
  const hint = hints[hintsShown];
  if (hint) writeProgress(dir, { hintsShown: hintsShown + 1 });
  return { hint, of: hints.length };
}

/** The hint `npm run lab` shows next to a failing test: the last one opened (the first is opened if none was). */
export function currentHint(lab: string, lang: Lang, dir = labDir(lab)): { hint: Hint; of: number } {
  const hints = readHints(lab, lang, dir);
  const { hintsShown } = readProgress(dir);
  if (hintsShown < 1) writeProgress(dir, { hintsShown: 1 });
  return { hint: hints[Math.min(Math.max(hintsShown, 1), hints.length) - 1], of: hints.length };
}
