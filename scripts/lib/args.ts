/** Validates command-line chapter/language arguments against the manifest, with errors that list the choices. */
import { chapterBySlug, chapters, languages, type Chapter, type Lang } from '../../course.config.ts';

export function chapterArg(value: string | undefined, command: string): Chapter {
  const known = chapters.map((c) => c.slug).join(', ');
  if (!value) throw new Error(`Name a chapter: npm run ${command} -- <chapter> [de|en]   (chapters: ${known})`);
  const chapter = chapterBySlug(value);
  if (!chapter) throw new Error(`Unknown chapter "${value}". Chapters in course.config.ts: ${known}`);
  return chapter;
}

export function langArg(value: string | undefined): Lang {
  if (value === undefined) return 'de';
  if (!(languages as readonly string[]).includes(value)) {
    throw new Error(`Unknown language "${value}". Use one of: ${languages.join(', ')}`);
  }
  return value as Lang;
}

/** Reads `--name value` from argv; returns undefined when absent. */
export function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

export function portOption(argv: string[], fallback: number): number {
  const raw = option(argv, 'port') ?? process.env.PORT;
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Port must be a number from 0 to 65535 (got "${raw}")`);
  return port;
}
