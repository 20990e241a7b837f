/** The CloudFormation template shape the deployer reads, and the error every template problem becomes. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
}

export interface TemplateParameter {
  Type: string;
  Default?: unknown;
  AllowedValues?: unknown[];
}

export interface TemplateOutput {
  Value: unknown;
  Description?: string;
  Condition?: string;
  Export?: unknown;
}

export interface Template {
  Parameters?: Record<string, TemplateParameter>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, TemplateOutput>;
}

/** A problem in a template or a resource, named by logical id; the deployer reports its message, never a stack trace. */
export class TemplateError extends Error {
  constructor(
    readonly logicalId: string | undefined,
    message: string,
  ) {
    super(logicalId ? `${logicalId}: ${message}` : message);
    this.name = 'TemplateError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the top-level structure so later steps can rely on it. */
export function parseTemplate(value: unknown, source: string): Template {
  if (!isObject(value)) throw new TemplateError(undefined, `${source} is not a JSON object`);
  if (!isObject(value.Resources) || Object.keys(value.Resources).length === 0) throw new TemplateError(undefined, `${source} has no Resources`);
  for (const [id, resource] of Object.entries(value.Resources)) {
    if (!isObject(resource) || typeof resource.Type !== 'string') throw new TemplateError(id, 'resource has no Type');
    if (resource.Properties !== undefined && !isObject(resource.Properties)) throw new TemplateError(id, 'Properties must be an object');
    const dependsOn = resource.DependsOn;
    if (dependsOn !== undefined && typeof dependsOn !== 'string' && !(Array.isArray(dependsOn) && dependsOn.every((d) => typeof d === 'string'))) {
      throw new TemplateError(id, 'DependsOn must be a logical id or a list of them');
    }
  }
  for (const section of ['Parameters', 'Conditions', 'Outputs', 'Mappings'] as const) {
    if (value[section] !== undefined && !isObject(value[section])) throw new TemplateError(undefined, `${source}: ${section} must be an object`);
  }
  for (const [id, output] of Object.entries((value.Outputs as Record<string, unknown> | undefined) ?? {})) {
    if (!isObject(output) || !('Value' in output)) throw new TemplateError(id, 'output has no Value');
  }
  return value as unknown as Template;
}
