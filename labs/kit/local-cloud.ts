/**
 * A lab's stack in the local cloud: find (or start) the cloud, put the lab's secret into its SSM once, and deploy the
 * lab's synthesized assembly through the deployer endpoint. `npm run check`, `npm run lab` and the labs' own tests
 * share this, so a test file deploys exactly as a student's check does.
 */
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { labSecrets, stackNameFor } from '../../infra/lib/labs.ts';
import { deployAssembly } from '../localcloud/deployer/client.ts';
import { writeOutputsFile } from '../localcloud/deployer/outputs.ts';
import { DEFAULT_PORT, startLocalCloud, type LocalCloud } from '../localcloud/core/server.ts';
import { labAssembly } from './assembly.ts';
import { LOCAL_ENDPOINT, putLabSecret, ssmClientFor } from './ssm.ts';
import type { Target } from './target.ts';

/** A number from the range reserved for fiction: the SMS only ever reaches the local outbox. */
export const LOCAL_PHONE_NUMBER = '+15555550100';

export interface CloudHandle {
  endpoint: string;
  /** Whether this process started the cloud (and so must stop it). */
  started: boolean;
  stop(): Promise<void>;
}

export async function isCloudRunning(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/_localcloud/health', endpoint), { signal: AbortSignal.timeout(2000) });
    return response.ok && ((await response.json()) as { status?: string }).status === 'running';
  } catch {
    return false;
  }
}

/** Uses the cloud at 127.0.0.1:4566 when it runs; otherwise starts one in this process (on `port`; 0 means any free one). */
export async function ensureLocalCloud(options: { port?: number; reuse?: boolean; quiet?: boolean } = {}): Promise<CloudHandle> {
  if (options.reuse !== false && (await isCloudRunning(LOCAL_ENDPOINT))) {
    return { endpoint: LOCAL_ENDPOINT, started: false, stop: async () => {} };
  }
  // Function logs of a cloud started here would drown the test summary (`npm run cloud` shows them).
  if (options.quiet !== false) process.env.LOCALCLOUD_QUIET ??= '1';
  let cloud: LocalCloud;
  try {
    cloud = await startLocalCloud({ port: options.port ?? DEFAULT_PORT, host: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${options.port ?? DEFAULT_PORT} is taken by something that is not the local cloud. Stop it, or start the cloud elsewhere with: npm run cloud -- --port <n>`);
    }
    throw error;
  }
  return { endpoint: cloud.endpoint, started: true, stop: () => cloud.stop() };
}

/** Creates the lab's secret in the local SSM unless it exists: a warm function keeps the value it read at its cold start. */
export async function ensureLocalSecret(lab: string, endpoint: string): Promise<void> {
  const name = labSecrets[lab];
  if (!name) return;
  const ssm = ssmClientFor('local', undefined, endpoint);
  try {
    await ssm.send(new GetParameterCommand({ Name: name }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ParameterNotFound') throw error;
    await putLabSecret(ssm, name);
  } finally {
    ssm.destroy();
  }
}

export interface LocalDeployOptions {
  endpoint: string;
  source: Target;
  context?: Record<string, string>;
  /** Also write the outputs in `cdk deploy --outputs-file` format here. */
  outputsFile?: string;
  log?: (line: string) => void;
}

/** Deploys the lab's stack into the local cloud and returns its outputs (`ApiUrl`, …). */
export async function deployLabLocally(lab: string, options: LocalDeployOptions): Promise<Record<string, string>> {
  const { endpoint, source, log = () => {} } = options;
  const context = { phoneNumber: LOCAL_PHONE_NUMBER, ...options.context };
  await ensureLocalSecret(lab, endpoint);
  const assembly = await labAssembly(lab, source, context, log);
  const stackName = stackNameFor(lab);
  log(`Deploying ${stackName} (${source}) into the local cloud at ${endpoint} …`);
  const { stacks } = await deployAssembly(endpoint, { assembly, stacks: [stackName] });
  if (options.outputsFile) writeOutputsFile(options.outputsFile, stacks);
  const deployed = stacks.find((s) => s.stackName === stackName);
  if (!deployed) throw new Error(`The local cloud deployed no stack ${stackName}`);
  return deployed.outputs;
}
