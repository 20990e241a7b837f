/**
 * Deploys one stack's template into the local cloud: parameters, conditions, topological order, create / update in
 * place / replace by logical id, deletion of resources that left the template, outputs. A failure names the logical
 * id, removes what this run created and leaves the cloud serving.
 */
import { createHash } from 'node:crypto';
import type { CloudContext } from '../core/types.ts';
import { apiGatewayApi, APIGATEWAY_REGISTRY_KEY } from '../apigateway/api.ts';
import { SSM_REGISTRY_KEY, type SsmInternalApi } from '../ssm/api.ts';
import { KeyedMutex } from '../dynamodb/mutex.ts';
import { NO_VALUE, Resolver, type ResolvedResource } from './intrinsics.ts';
import { deploymentOrder } from './order.ts';
import { localizeApiUrls } from './resources/apigateway.ts';
import { resourceHandlers, typeSupport } from './resources/index.ts';
import { PropertyError, sameJson, type Deployed, type ResourceContext } from './resources/types.ts';
import { TemplateError, type Template } from './template.ts';

export interface DeployInput {
  stackName: string;
  template: Template;
  assemblyDir: string;
  /** Overrides of template parameters. */
  parameters?: Record<string, string>;
}

export interface StackChanges {
  created: string[];
  updated: string[];
  replaced: string[];
  deleted: string[];
  unchanged: string[];
}

export interface StackResult {
  stackName: string;
  outputs: Record<string, string>;
  warnings: string[];
  changes: StackChanges;
}

interface DeployedResource extends Deployed {
  type: string;
  properties: Record<string, unknown>;
}

interface DeployedStack {
  stackName: string;
  assemblyDir: string;
  /** In creation order; deleted in reverse. */
  resources: Map<string, DeployedResource>;
  outputs: Record<string, string>;
}

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `Stack-LogicalId-SUFFIX` like CloudFormation, but with a suffix derived from the names so redeploys keep it. */
export function physicalName(stackName: string, logicalId: string, maxLength = 128): string {
  const digest = createHash('sha256').update(`${stackName}/${logicalId}`).digest();
  const suffix = Array.from(digest.subarray(0, 12), (b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');
  const room = Math.max(2, maxLength - suffix.length - 2);
  const stackPart = stackName.slice(0, Math.max(1, Math.floor(room / 2)));
  const logicalPart = logicalId.slice(0, room - stackPart.length);
  return `${stackPart}-${logicalPart}-${suffix}`;
}

function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

function outputText(value: unknown, id: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',');
  throw new TemplateError(id, 'output Value must resolve to a string');
}

function asTemplateError(error: unknown, logicalId: string, type: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TemplateError(logicalId, error instanceof PropertyError ? `${type}: ${message}` : `${type} could not be created: ${message}`);
}

export class StackEngine {
  private readonly stacks = new Map<string, DeployedStack>();
  private readonly managedPolicies = new Map<string, unknown>();
  private readonly lock = new KeyedMutex();

  constructor(private readonly ctx: CloudContext) {}

  list(): Array<{ stackName: string; resources: number; outputs: Record<string, string> }> {
    return [...this.stacks.values()].map((s) => ({ stackName: s.stackName, resources: s.resources.size, outputs: s.outputs }));
  }

  deploy(input: DeployInput): Promise<StackResult> {
    return this.lock.run(['stacks'], () => this.deployLocked(input));
  }

  /** Logical ids removed; undefined when the stack is not deployed (like `cdk destroy`, that is no error). */
  destroy(stackName: string): Promise<string[] | undefined> {
    return this.lock.run(['stacks'], async () => {
      const stack = this.stacks.get(stackName);
      if (!stack) return undefined;
      const deleted = await this.deleteResources(stack, [...stack.resources.keys()].reverse(), []);
      this.stacks.delete(stackName);
      return deleted;
    });
  }

  private resourceContext(stackName: string, logicalId: string, assemblyDir: string, metadata: Record<string, unknown> | undefined, warnings: string[]): ResourceContext {
    return {
      ctx: this.ctx,
      stackName,
      logicalId,
      assemblyDir,
      metadata: metadata ?? {},
      warn: (message) => warnings.push(message),
      physicalName: (maxLength, suffix = '') => physicalName(stackName, logicalId, (maxLength ?? 128) - suffix.length) + suffix,
      managedPolicies: this.managedPolicies,
    };
  }

  private parameterValues(input: DeployInput): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    const declared = input.template.Parameters ?? {};
    for (const name of Object.keys(input.parameters ?? {})) {
      if (!(name in declared)) throw new TemplateError(name, 'a value was given for a parameter the template does not declare');
    }
    for (const [name, parameter] of Object.entries(declared)) {
      const raw = input.parameters?.[name] ?? parameter.Default;
      if (raw === undefined) {
        values[name] = new Error(`parameter ${name} has no Default and no value was given`);
        continue;
      }
      if (parameter.AllowedValues && !parameter.AllowedValues.map(String).includes(String(raw))) {
        throw new TemplateError(name, `value ${String(raw)} is not one of AllowedValues ${parameter.AllowedValues.join(', ')}`);
      }
      if (parameter.Type.startsWith('AWS::SSM::Parameter::Value<')) {
        const ssm = this.ctx.registry.get(SSM_REGISTRY_KEY) as SsmInternalApi | undefined;
        const stored = ssm?.getParameterValue(String(raw));
        values[name] = stored ?? new Error(`parameter ${name} reads SSM parameter ${String(raw)}, which does not exist locally`);
      } else if (parameter.Type === 'CommaDelimitedList' || parameter.Type.startsWith('List<')) {
        values[name] = Array.isArray(raw) ? raw : String(raw).split(',');
      } else values[name] = String(raw);
    }
    return values;
  }

  private async deployLocked(input: DeployInput): Promise<StackResult> {
    const { template, stackName, assemblyDir } = input;
    const warnings: string[] = [];
    const unsupported = Object.entries(template.Resources).filter(([, r]) => typeSupport(r.Type) === 'unknown');
    if (unsupported.length) {
      const [firstId] = unsupported[0]!;
      throw new TemplateError(firstId, `resource type${unsupported.length > 1 ? 's' : ''} not supported by the local cloud: ${unsupported.map(([id, r]) => `${id} (${r.Type})`).join(', ')}`);
    }
    const order = deploymentOrder(template);
    const skipped = new Set(Object.entries(template.Resources).filter(([, r]) => typeSupport(r.Type) !== 'deploy').map(([id]) => id));
    const noisy = [...skipped].filter((id) => typeSupport(template.Resources[id]!.Type) === 'skip');
    if (noisy.length) warnings.push(`Skipped ${noisy.length} resource(s) without local meaning: ${noisy.map((id) => `${id} (${template.Resources[id]!.Type})`).join(', ')}`);

    const resolved = new Map<string, ResolvedResource>();
    const disabled = new Set<string>();
    const resolver = new Resolver({
      template,
      pseudo: { region: this.ctx.region, accountId: this.ctx.accountId, stackName, stackId: `arn:aws:cloudformation:${this.ctx.region}:${this.ctx.accountId}:stack/${stackName}/${physicalName(stackName, 'id', 36)}` },
      parameters: this.parameterValues(input),
      resources: resolved,
      skipped,
      disabled,
    });
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Condition !== undefined && !resolver.condition(resource.Condition, id)) disabled.add(id);
    }

    const previous = this.stacks.get(stackName);
    const next: DeployedStack = { stackName, assemblyDir, resources: new Map(), outputs: {} };
    const changes: StackChanges = { created: [], updated: [], replaced: [], deleted: [], unchanged: [] };
    const createdNow: string[] = [];
    const localize = (value: unknown) => mapStrings(value, (text) => localizeApiUrls(text, this.ctx.registry.has(APIGATEWAY_REGISTRY_KEY) ? apiGatewayApi(this.ctx.registry) : undefined));

    try {
      for (const id of order) {
        if (skipped.has(id) || disabled.has(id)) continue;
        const resource = template.Resources[id]!;
        const handler = resourceHandlers[resource.Type]!;
        const rc = this.resourceContext(stackName, id, assemblyDir, resource.Metadata, warnings);
        const properties = localize(resolver.resolve(resource.Properties ?? {}, id)) as Record<string, unknown>;
        const old = previous?.resources.get(id);
        let deployed: Deployed;
        try {
          if (old && old.type === resource.Type && sameJson(old.properties, properties)) {
            deployed = old;
            changes.unchanged.push(id);
          } else if (old && old.type === resource.Type && handler.update && (deployed = (await handler.update(properties, old, old.properties, rc))!)) {
            changes.updated.push(id);
          } else {
            if (old) {
              await resourceHandlers[old.type]?.delete(old, this.resourceContext(stackName, id, previous!.assemblyDir, undefined, warnings));
              previous!.resources.delete(id);
            }
            deployed = await handler.create(properties, rc);
            (old ? changes.replaced : changes.created).push(id);
            createdNow.push(id);
          }
        } catch (error) {
          throw asTemplateError(error, id, resource.Type);
        }
        next.resources.set(id, { ...deployed, type: resource.Type, properties });
        resolved.set(id, { ref: deployed.physicalId, attributes: deployed.attributes });
        this.emit('DeployResource', id, resource.Type);
      }
    } catch (error) {
      // Roll back what this run created; resources updated in place keep their new state.
      await this.deleteResources(next, createdNow.reverse(), warnings).catch(() => undefined);
      for (const id of createdNow) next.resources.delete(id);
      for (const [id, kept] of previous?.resources ?? []) if (!next.resources.has(id)) next.resources.set(id, kept);
      if (next.resources.size) this.stacks.set(stackName, { ...next, outputs: previous?.outputs ?? {} });
      else this.stacks.delete(stackName);
      throw error;
    }

    if (previous) {
      const gone = [...previous.resources.keys()].filter((id) => !next.resources.has(id)).reverse();
      changes.deleted.push(...(await this.deleteResources(previous, gone, warnings)));
    }
    for (const [id, output] of Object.entries(template.Outputs ?? {})) {
      if (output.Condition !== undefined && !resolver.condition(output.Condition, id)) continue;
      const value = resolver.resolve(output.Value, `Outputs.${id}`);
      if (value === NO_VALUE) continue;
      next.outputs[id] = outputText(localize(value), `Outputs.${id}`);
    }
    this.stacks.set(stackName, next);
    return { stackName, outputs: next.outputs, warnings, changes };
  }

  private async deleteResources(stack: DeployedStack, ids: string[], warnings: string[]): Promise<string[]> {
    const deleted: string[] = [];
    for (const id of ids) {
      const resource = stack.resources.get(id);
      if (!resource) continue;
      try {
        await resourceHandlers[resource.type]?.delete(resource, this.resourceContext(stack.stackName, id, stack.assemblyDir, undefined, warnings));
      } catch (error) {
        warnings.push(`${id}: could not be deleted: ${(error as Error).message}`);
      }
      stack.resources.delete(id);
      deleted.push(id);
      this.emit('DeleteResource', id, resource.type);
    }
    return deleted;
  }

  private emit(action: string, logicalId: string, type: string): void {
    this.ctx.events.emit({ type: 'call', service: 'cloudformation', action, resource: logicalId, detail: { type }, time: this.ctx.clock.now() });
  }
}
