/**
 * One check of a lab: where its acceptance tests run and against what. Labs with an AWS stack (`infra/lib/labs.ts`)
 * need a cloud: locally, the stack is deployed into the local cloud first (started here when none runs on
 * 127.0.0.1:4566); on AWS, the tests use the stack `npm run deploy` created. `npm run check` runs one check,
 * `npm run lab` one per save, over the same session (the local cloud stays up between saves).
 */
import { existsSync } from 'node:fs';
import { awsOnlyStacks, labStacks } from '../../infra/lib/labs.ts';
import { environmentFor } from '../localcloud/cli.ts';
import { deployLabLocally, ensureLocalCloud, type CloudHandle } from './local-cloud.ts';
import { outputsFile } from './paths.ts';
import { toExercismResults } from './results.ts';
import { runLabTests, type LabRun } from './run-tests.ts';
import type { Target } from './target.ts';

export type CloudTarget = 'local' | 'aws';

/** A lab needs a cloud when its tests run against its deployed stack; the rest run their tests as they are. */
export const needsCloud = (lab: string): boolean => lab in labStacks && !awsOnlyStacks.has(lab);

export interface CheckOptions {
  target: Target;
  cloud: CloudTarget;
  /** CDK context for the local deployment (`-c key=value`). */
  context?: Record<string, string>;
  log?: (line: string) => void;
}

export interface CheckSession {
  /** Where the tests run, for the summary (e.g. "local cloud at http://127.0.0.1:4566"). */
  where: string;
  run(signal?: AbortSignal): Promise<LabRun>;
  close(): Promise<void>;
}

/** A run that never reached the tests (e.g. the exercise does not compile, so the stack cannot be built). */
function brokenRun(lab: string, target: Target, message: string): LabRun {
  return { ...toExercismResults([], message), lab, target, durationMs: 0 };
}

export async function openCheck(lab: string, options: CheckOptions): Promise<CheckSession> {
  const { target, log = () => {} } = options;
  if (!needsCloud(lab)) {
    return { where: 'this machine', run: (signal) => runLabTests(lab, { target, signal }), close: async () => {} };
  }
  if (options.cloud === 'aws') {
    const file = outputsFile(lab, 'aws');
    if (!existsSync(file)) {
      throw new Error(`No deployed ${lab} stack found (${file} is missing). Deploy it first: npm run deploy -- ${lab}${target === 'solution' ? ' --solution' : ''}`);
    }
    // The tests must reach AWS itself, even when this shell points SDKs at the local cloud.
    delete process.env.AWS_ENDPOINT_URL;
    const env = { LAB_CLOUD: 'aws', LAB_OUTPUTS: file };
    return { where: 'your AWS account (the deployed stack)', run: (signal) => runLabTests(lab, { target, env, signal }), close: async () => {} };
  }

  const cloud: CloudHandle = await ensureLocalCloud();
  log(cloud.started ? `Started a local cloud at ${cloud.endpoint} (it stops when this command ends).` : `Using the local cloud at ${cloud.endpoint}.`);
  const file = outputsFile(lab, 'local');
  const env = { ...environmentFor(cloud.endpoint), LAB_CLOUD: 'local', LAB_OUTPUTS: file };
  return {
    where: `the local cloud at ${cloud.endpoint}`,
    async run(signal) {
      try {
        await deployLabLocally(lab, { endpoint: cloud.endpoint, source: target, context: options.context, outputsFile: file, log });
      } catch (error) {
        return brokenRun(lab, target, `Deploying the ${lab} stack from ${target}/ failed: ${(error as Error).message}`);
      }
      if (signal?.aborted) return brokenRun(lab, target, 'cancelled');
      return runLabTests(lab, { target, env, signal });
    },
    close: () => cloud.stop(),
  };
}
