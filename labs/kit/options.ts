/** Checks on top of `parseKitArgs` (cli.ts): which extra flags a command accepts, and the language of its output. */
import type { Lang } from '../../course.config.ts';
import { UsageError, type KitArgs } from './cli.ts';

/** The extra flags (`args.rest`) a command allows; anything else is one clear usage error. */
export function acceptOnly(args: KitArgs, allowed: readonly string[], usage: string): Set<string> {
  const unknown = args.rest.filter((item) => !allowed.includes(item));
  if (unknown.length > 0) {
    const what = unknown.map((item) => (item.startsWith('-') ? `option ${item}` : `argument "${item}"`)).join(', ');
    throw new UsageError(`Unexpected ${what}.\nUsage: ${usage}`);
  }
  return new Set(args.rest);
}

export const LANGUAGE_FLAGS = ['--de', '--en'] as const;

/** `--de`/`--en` wins; otherwise German when the shell's locale is German, else English. */
export function languageFrom(flags: Set<string>, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flags.has('--de')) return 'de';
  if (flags.has('--en')) return 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^de([_.-]|$)/i.test(locale) ? 'de' : 'en';
}
