/**
 * Shared command-line plumbing for the lab kit: arguments, clear failures (never a stack trace) and prompts.
 */
import readline from 'node:readline/promises';
import { allLabs } from '../../course.config.ts';

export class UsageError extends Error {}

export interface KitArgs {
  lab?: string;
  context: Record<string, string>;
  solution: boolean;
  yes: boolean;
  target: 'local' | 'aws';
  rest: string[];
}

export function parseKitArgs(argv: string[]): KitArgs {
  const args: KitArgs = { context: {}, solution: false, yes: false, target: 'local', rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-c' || arg === '--context') {
      const pair = argv[++i] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`${arg} expects key=value, got "${pair}"`);
      args.context[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg === '--solution') args.solution = true;
    else if (arg === '--yes' || arg === '-y') args.yes = true;
    else if (arg === '--target') {
      const target = argv[++i];
      if (target !== 'local' && target !== 'aws') throw new UsageError(`--target must be "local" or "aws", got "${target ?? ''}"`);
      args.target = target;
    } else if (arg.startsWith('-')) args.rest.push(arg);
    else if (args.lab === undefined) args.lab = arg;
    else args.rest.push(arg);
  }
  return args;
}

/** The lab named on the command line, checked against the course manifest (and an optional extra list). */
export function requireLab(lab: string | undefined, extra: string[] = []): string {
  const known = [...allLabs(), ...extra];
  if (!lab) throw new UsageError(`Name a lab: ${known.join(', ')}`);
  if (!known.includes(lab)) throw new UsageError(`Unknown lab "${lab}". Labs: ${known.join(', ')}`);
  return lab;
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|j|ja)$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** Run a command's main function; expected failures print one clear message and exit 1. */
export function runCli(main: () => Promise<void | number>): void {
  main().then(
    (code) => process.exit(typeof code === 'number' ? code : 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\n${message}\n`);
      process.exit(1);
    },
  );
}
