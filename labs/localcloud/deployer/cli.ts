/**
 * `npm run deploy:local -- <lab> | --assembly <dir>` and `npm run destroy:local -- …`: synthesizes (for a lab),
 * asks the running local cloud to deploy the assembly, prints outputs like `cdk deploy` and writes the outputs file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args.ts';
import { DEFAULT_ENDPOINT, deployAssembly, destroyStack } from './client.ts';
import type { StackResult } from './engine.ts';
import { labDeployment } from './lab.ts';
import { formatResult, writeOutputsFile } from './outputs.ts';
import { synthesize } from './synth.ts';
import { watchAndRedeploy } from './watch.ts';

export async function deploy(options: CliOptions, log: (line: string) => void = console.log): Promise<StackResult[]> {
  let assembly = options.assembly;
  let stacks = options.stacks;
  let outputsFile = options.outputsFile;
  if (options.lab) {
    const lab = labDeployment(options.lab);
    log(`Synthesizing ${lab.stackName} (cdk synth)…`);
    fs.rmSync(lab.assemblyDir, { recursive: true, force: true });
    await synthesize({ appDir: lab.appDir, outDir: lab.assemblyDir, context: options.context, stackName: lab.stackName });
    assembly = lab.assemblyDir;
    stacks = [lab.stackName];
    outputsFile ??= lab.outputsFile;
  }
  const { stacks: results } = await deployAssembly(options.endpoint, { assembly: path.resolve(assembly!), stacks: stacks.length ? stacks : undefined, parameters: options.parameters });
  for (const result of results) log(formatResult(result));
  if (outputsFile) {
    writeOutputsFile(outputsFile, results);
    log(`\nOutputs written to ${path.relative(process.cwd(), outputsFile) || outputsFile}`);
  }
  return results;
}

export async function destroy(options: CliOptions, log: (line: string) => void = console.log): Promise<void> {
  let names = options.stacks;
  if (options.lab) {
    const lab = labDeployment(options.lab);
    names = [lab.stackName];
    fs.rmSync(options.outputsFile ?? lab.outputsFile, { force: true });
  } else if (options.assembly) {
    const { readAssembly } = await import('./assembly.ts');
    names = readAssembly(options.assembly).map((s) => s.stackName).reverse();
  }
  for (const name of names) {
    const { deleted, existed } = await destroyStack(options.endpoint, name);
    log(existed ? ` ✅  ${name}: destroyed (${deleted.length} resources removed)` : ` ✅  ${name}: not deployed locally, nothing to remove`);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const options = parseArgs(argv, process.env.AWS_ENDPOINT_URL ?? DEFAULT_ENDPOINT);
    if (options.command === 'destroy') await destroy(options);
    else if (options.watch) {
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      await watchAndRedeploy(labDeployment(options.lab!).watchDirs, () => deploy(options), stop.signal);
    }
    else await deploy(options);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${argv[0] ?? 'deploy'}:local failed: ${message}`);
    if (error instanceof UsageError) console.error(USAGE);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
