/** Command line of `deploy:local` / `destroy:local`; every mistake becomes a one-line message with the usage. */
export interface CliOptions {
  command: 'deploy' | 'destroy';
  lab?: string;
  assembly?: string;
  stacks: string[];
  context: Record<string, string>;
  parameters: Record<string, string>;
  outputsFile?: string;
  watch: boolean;
  endpoint: string;
}

export const USAGE = `usage:
  npm run deploy:local -- <lab> [-c key=value]... [--solution] [--outputs-file <file>] [--watch]
  npm run deploy:local -- --assembly <cdk.out dir> [--stack <name>]... [--parameters Name=Value]... [--outputs-file <file>]
  npm run destroy:local -- <lab>
  npm run destroy:local -- --stack <name>... | --assembly <cdk.out dir>`;

export class UsageError extends Error {}

function keyValue(text: string | undefined, flag: string): [string, string] {
  const at = text?.indexOf('=') ?? -1;
  if (!text || at <= 0) throw new UsageError(`${flag} needs key=value, got ${JSON.stringify(text ?? '')}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

export function parseArgs(argv: string[], defaultEndpoint: string): CliOptions {
  const [command, ...rest] = argv;
  if (command !== 'deploy' && command !== 'destroy') throw new UsageError(`unknown command ${JSON.stringify(command ?? '')}`);
  const options: CliOptions = { command, stacks: [], context: {}, parameters: {}, watch: false, endpoint: defaultEndpoint };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '-c' || arg === '--context') {
      const [k, v] = keyValue(value(), arg);
      options.context[k] = v;
    } else if (arg.startsWith('--context=')) {
      const [k, v] = keyValue(arg.slice('--context='.length), '--context');
      options.context[k] = v;
    } else if (arg === '--parameters') {
      const [k, v] = keyValue(value(), arg);
      options.parameters[k] = v;
    } else if (arg === '--solution') options.context.labSource = 'solution';
    else if (arg === '--assembly') options.assembly = value();
    else if (arg === '--stack') options.stacks.push(value());
    else if (arg === '--outputs-file') options.outputsFile = value();
    else if (arg === '--endpoint') options.endpoint = value();
    else if (arg === '--watch') options.watch = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (options.lab === undefined) options.lab = arg;
    else throw new UsageError(`only one lab at a time (got ${options.lab} and ${arg})`);
  }
  if (options.lab && options.assembly) throw new UsageError('give either a lab or --assembly, not both');
  if (!options.lab && !options.assembly && !(command === 'destroy' && options.stacks.length)) throw new UsageError('name a lab or give --assembly');
  if (options.watch && !options.lab) throw new UsageError('--watch needs a lab (it re-synthesizes the lab stack on save)');
  if (options.assembly && Object.keys(options.context).length) throw new UsageError('-c/--solution apply to a lab synth; an --assembly is already synthesized');
  return options;
}
