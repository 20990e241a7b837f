/** What a resource handler gets and returns; one handler per CloudFormation type. */
import type { CloudContext } from '../../core/types.ts';

export interface Deployed {
  /** What `Ref` returns. */
  physicalId: string;
  /** What `Fn::GetAtt` can read. */
  attributes: Record<string, unknown>;
  /** Handler-private data needed to update or delete later. */
  state?: Record<string, unknown>;
}

export interface ResourceContext {
  ctx: CloudContext;
  stackName: string;
  logicalId: string;
  /** Directory of the cloud assembly (`cdk.out`) the template came from; assets are relative to it. */
  assemblyDir: string;
  metadata: Record<string, unknown>;
  warn(message: string): void;
  /** A name as CloudFormation generates one (`Stack-LogicalId-SUFFIX`), stable across redeploys. */
  physicalName(maxLength?: number, suffix?: string): string;
  /** Customer managed policies deployed from templates, by ARN (for ManagedPolicyArns). */
  managedPolicies: Map<string, unknown>;
}

export interface ResourceHandler {
  create(properties: Record<string, unknown>, rc: ResourceContext): Promise<Deployed>;
  /** Changes a deployed resource in place; without it (or when it returns undefined) the resource is replaced. */
  update?(properties: Record<string, unknown>, previous: Deployed, oldProperties: Record<string, unknown>, rc: ResourceContext): Promise<Deployed | undefined>;
  delete(previous: Deployed, rc: ResourceContext): Promise<void>;
}

/** Thrown by handlers for bad properties; the deployer prefixes the logical id. */
export class PropertyError extends Error {}

export function requireString(properties: Record<string, unknown>, name: string): string {
  const value = properties[name];
  if (typeof value !== 'string' || value === '') throw new PropertyError(`property ${name} is required and must be a string`);
  return value;
}

export function optionalString(properties: Record<string, unknown>, name: string): string | undefined {
  const value = properties[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new PropertyError(`property ${name} must be a string`);
  return value;
}

export function optionalNumber(properties: Record<string, unknown>, name: string): number | undefined {
  const value = properties[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) throw new PropertyError(`property ${name} must be a number`);
  return number;
}

export function optionalBoolean(properties: Record<string, unknown>, name: string): boolean | undefined {
  const value = properties[name];
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  if (typeof value !== 'boolean') throw new PropertyError(`property ${name} must be true or false`);
  return value;
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An internal API from the cloud's registry; a clear error when its module is not registered. */
export function registryApi<T>(rc: ResourceContext, key: string): T {
  const api = rc.ctx.registry.get(key) as T | undefined;
  if (!api) throw new PropertyError(`the ${key} module is not registered in labs/localcloud/services.ts`);
  return api;
}
