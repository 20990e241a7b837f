/**
 * AWS::Lambda::Function, ::EventSourceMapping and ::Url. Code comes from the cloud assembly (`asset.<hash>`
 * directories that esbuild wrote) or from an inline ZipFile. EFS mounts: an environment value equal to a
 * LocalMountPath (or below it) is replaced with the access point's local directory.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EFS_REGISTRY_KEY, type EfsInternalApi } from '../../efs/api.ts';
import { eventSourcesApi } from '../../eventsources/api.ts';
import { lambdaApi, type CreateFunctionInput, type FileSystemMount } from '../../lambda/api.ts';
import { gateway, cors } from './apigateway.ts';
import { PropertyError, optionalBoolean, optionalNumber, optionalString, requireString, sameJson, type ResourceContext, type ResourceHandler } from './types.ts';

async function guarded<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new PropertyError((error as Error).message);
  }
}

const lambda = (rc: ResourceContext) => {
  try {
    return lambdaApi(rc.ctx.registry);
  } catch (error) {
    throw new PropertyError((error as Error).message);
  }
};

/** Directory with the function's code: the asset CDK staged, or the inline ZipFile written to the data folder. */
export function codeDirectory(properties: Record<string, unknown>, rc: ResourceContext): string {
  const code = properties.Code as { S3Key?: unknown; ZipFile?: unknown; ImageUri?: unknown } | undefined;
  if (!code || typeof code !== 'object') throw new PropertyError('property Code is required');
  if (code.ImageUri !== undefined) throw new PropertyError('container image functions are not emulated locally; use a Node.js runtime with a code asset');
  if (typeof code.ZipFile === 'string') {
    const dir = path.join(rc.ctx.dataDir, 'inline-code', rc.stackName, rc.logicalId);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.js'), code.ZipFile);
    return dir;
  }
  const fromMetadata = rc.metadata['aws:asset:path'];
  const candidates: string[] = [];
  if (typeof fromMetadata === 'string' && rc.metadata['aws:asset:property'] === 'Code') candidates.push(path.resolve(rc.assemblyDir, fromMetadata));
  const key = typeof code.S3Key === 'string' ? /^([0-9a-f]{64})\.zip$/.exec(code.S3Key)?.[1] : undefined;
  if (key) candidates.push(path.join(rc.assemblyDir, `asset.${key}`));
  const found = candidates.find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
  if (!found) {
    throw new PropertyError(candidates.length
      ? `code asset ${candidates.map((c) => path.relative(rc.assemblyDir, c)).join(' or ')} is missing in ${rc.assemblyDir} — synthesize again`
      : 'Code names no asset of this cloud assembly (S3Key <hash>.zip or aws:asset:path metadata) and no ZipFile');
  }
  return found;
}

function mounts(properties: Record<string, unknown>, rc: ResourceContext): FileSystemMount[] {
  const configs = (properties.FileSystemConfigs ?? []) as Array<{ Arn?: unknown; LocalMountPath?: unknown }>;
  if (!Array.isArray(configs)) throw new PropertyError('FileSystemConfigs must be a list');
  return configs.map((c, i) => {
    if (typeof c?.Arn !== 'string' || typeof c.LocalMountPath !== 'string' || !c.LocalMountPath.startsWith('/mnt/')) {
      throw new PropertyError(`FileSystemConfigs[${i}] needs an access point Arn and a LocalMountPath under /mnt/`);
    }
    const efs = rc.ctx.registry.get(EFS_REGISTRY_KEY) as EfsInternalApi | undefined;
    const hostDir = efs?.accessPointDir(c.Arn);
    if (!hostDir) throw new PropertyError(`FileSystemConfigs[${i}]: ${c.Arn} is not an access point of a deployed stack`);
    return { localMountPath: c.LocalMountPath, hostDir };
  });
}

/** The convention of this course: handlers read the mount path from an environment variable set in the stack. */
export function mapMountPaths(environment: Record<string, string>, fileSystems: FileSystemMount[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    const mount = fileSystems.find((m) => value === m.localMountPath || value.startsWith(`${m.localMountPath}/`));
    out[name] = mount ? mount.hostDir + value.slice(mount.localMountPath.length) : value;
  }
  return out;
}

function functionInput(properties: Record<string, unknown>, rc: ResourceContext): CreateFunctionInput {
  if (Array.isArray(properties.Layers) && properties.Layers.length) throw new PropertyError('Lambda layers are not emulated locally; bundle the code into the function');
  const variables = ((properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
  const environment = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const fileSystemMounts = mounts(properties, rc);
  return {
    name: optionalString(properties, 'FunctionName') ?? rc.physicalName(64),
    runtime: requireString(properties, 'Runtime'),
    handler: requireString(properties, 'Handler'),
    codeDir: codeDirectory(properties, rc),
    environment: mapMountPaths(environment, fileSystemMounts),
    timeout: optionalNumber(properties, 'Timeout'),
    memorySize: optionalNumber(properties, 'MemorySize'),
    roleArn: optionalString(properties, 'Role'),
    reservedConcurrency: optionalNumber(properties, 'ReservedConcurrentExecutions'),
    fileSystemMounts,
    description: optionalString(properties, 'Description'),
  };
}

const functionHandler: ResourceHandler = {
  async create(properties, rc) {
    const input = functionInput(properties, rc);
    const info = await guarded(() => lambda(rc).createFunction(input));
    return { physicalId: info.functionName, attributes: { Arn: info.functionArn } };
  },
  async update(properties, previous, old, rc) {
    const input = functionInput(properties, rc);
    if (input.name !== previous.physicalId) return undefined;
    const { name, codeDir, ...configuration } = input;
    if (!sameJson(properties.Code, old.Code)) await guarded(() => lambda(rc).updateFunctionCode(name, { codeDir, handler: input.handler }));
    await guarded(() => lambda(rc).updateFunctionConfiguration(name, configuration));
    return previous;
  },
  async delete(previous, rc) {
    await guarded(() => lambda(rc).deleteFunction(previous.physicalId)).catch(() => undefined);
  },
};

const stableUuid = (rc: ResourceContext) => {
  const hex = createHash('sha256').update(`${rc.stackName}/${rc.logicalId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

function mappingInput(properties: Record<string, unknown>) {
  const scaling = properties.ScalingConfig as { MaximumConcurrency?: unknown } | undefined;
  return {
    functionName: requireString(properties, 'FunctionName'),
    batchSize: optionalNumber(properties, 'BatchSize'),
    maximumBatchingWindowInSeconds: optionalNumber(properties, 'MaximumBatchingWindowInSeconds'),
    functionResponseTypes: properties.FunctionResponseTypes as string[] | undefined,
    enabled: optionalBoolean(properties, 'Enabled'),
    scalingConfig: scaling?.MaximumConcurrency !== undefined ? { maximumConcurrency: Number(scaling.MaximumConcurrency) } : undefined,
  };
}

const eventSourceMappingHandler: ResourceHandler = {
  async create(properties, rc) {
    const eventSourceArn = requireString(properties, 'EventSourceArn');
    const info = await guarded(() => eventSourcesApi(rc.ctx.registry).createEventSourceMapping({ eventSourceArn, ...mappingInput(properties), uuid: stableUuid(rc) }));
    return { physicalId: info.uuid, attributes: { EventSourceMappingArn: `arn:aws:lambda:${rc.ctx.region}:${rc.ctx.accountId}:event-source-mapping:${info.uuid}` } };
  },
  async update(properties, previous, old, rc) {
    if (!sameJson(properties.EventSourceArn, old.EventSourceArn)) return undefined;
    await guarded(() => eventSourcesApi(rc.ctx.registry).updateEventSourceMapping(previous.physicalId, mappingInput(properties)));
    return previous;
  },
  async delete(previous, rc) {
    await guarded(() => eventSourcesApi(rc.ctx.registry).deleteEventSourceMapping(previous.physicalId)).catch(() => undefined);
  },
};

/** A function URL is served like an HTTP API with one `$default` route (same 2.0 payload). IAM auth is not emulated. */
const urlHandler: ResourceHandler = {
  async create(properties, rc) {
    const target = requireString(properties, 'TargetFunctionArn');
    if (properties.AuthType === 'AWS_IAM') rc.warn(`${rc.logicalId}: function URL AuthType AWS_IAM is not enforced locally`);
    const api = gateway(rc);
    const id = createHash('sha256').update(`${rc.stackName}/${rc.logicalId}/url`).digest('hex').slice(0, 10);
    await guarded(() => {
      api.createHttpApi({ name: `url-${rc.logicalId}`, corsConfiguration: cors(properties.Cors), apiId: id });
      const { integrationId } = api.createIntegration(id, { integrationType: 'AWS_PROXY', integrationUri: target });
      api.createRoute(id, { routeKey: '$default', target: `integrations/${integrationId}` });
    });
    const { invokeUrl } = await guarded(() => api.createStage(id, { stageName: '$default', autoDeploy: true }));
    return { physicalId: id, attributes: { FunctionUrl: invokeUrl, FunctionArn: target } };
  },
  async delete(previous, rc) {
    await guarded(() => gateway(rc).deleteHttpApi(previous.physicalId)).catch(() => undefined);
  },
};

export const lambdaHandlers: Record<string, ResourceHandler> = {
  'AWS::Lambda::Function': functionHandler,
  'AWS::Lambda::EventSourceMapping': eventSourceMappingHandler,
  'AWS::Lambda::Url': urlHandler,
};
