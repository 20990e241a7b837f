/** SSM Parameter Store semantics, free of HTTP: names, versions, overwrite rules, path queries. */
export type ParameterType = 'String' | 'StringList' | 'SecureString';

export interface StoredParameter {
  name: string;
  type: ParameterType;
  value: string;
  version: number;
  lastModified: number;
  description?: string;
}

export class SsmError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TYPES = new Set<ParameterType>(['String', 'StringList', 'SecureString']);
const NAME = /^\/?[a-zA-Z0-9_.\-/]+$/;
/** Standard tier value limit. */
const MAX_VALUE_BYTES = 4096;

export function validateName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 2048 || !NAME.test(name) || name.endsWith('/') || name.includes('//')) {
    throw new SsmError('ValidationException', `Parameter name ${JSON.stringify(name)} is not valid: use letters, digits, . - _ and / separated hierarchy levels`);
  }
  if (/^\/?(aws|ssm)/i.test(name)) throw new SsmError('ValidationException', 'Parameter names beginning with "aws" or "ssm" are reserved');
  return name;
}

export class ParameterStore {
  private readonly parameters = new Map<string, StoredParameter>();

  constructor(private readonly now: () => number) {}

  put(input: { name: unknown; type?: unknown; value: unknown; overwrite?: unknown; description?: unknown }): StoredParameter {
    const name = validateName(input.name);
    if (typeof input.value !== 'string' || input.value.length === 0) throw new SsmError('ValidationException', 'Value must be a non-empty string');
    if (Buffer.byteLength(input.value) > MAX_VALUE_BYTES) throw new SsmError('ValidationException', `Value exceeds ${MAX_VALUE_BYTES} bytes (Standard tier)`);
    const existing = this.parameters.get(name);
    if (existing && input.overwrite !== true) {
      throw new SsmError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this request value, set the overwrite option in the request to true.');
    }
    const type = (input.type ?? existing?.type) as ParameterType | undefined;
    if (type === undefined) throw new SsmError('ValidationException', 'Type is required when creating a parameter');
    if (!TYPES.has(type)) throw new SsmError('ValidationException', `Type ${JSON.stringify(type)} is not one of String, StringList, SecureString`);
    const parameter: StoredParameter = {
      name,
      type,
      value: input.value,
      version: (existing?.version ?? 0) + 1,
      lastModified: this.now(),
      description: typeof input.description === 'string' ? input.description : existing?.description,
    };
    this.parameters.set(name, parameter);
    return parameter;
  }

  get(name: unknown): StoredParameter {
    const found = this.parameters.get(validateName(name));
    if (!found) throw new SsmError('ParameterNotFound', `Parameter ${name as string} not found.`);
    return found;
  }

  find(name: string): StoredParameter | undefined {
    return this.parameters.get(name);
  }

  delete(name: unknown): void {
    const key = validateName(name);
    if (!this.parameters.delete(key)) throw new SsmError('ParameterNotFound', `Parameter ${key} not found.`);
  }

  /** Parameters below `path` (`/a/b`), one level deep unless recursive, sorted by name. */
  byPath(path: unknown, recursive: boolean): StoredParameter[] {
    if (typeof path !== 'string' || !path.startsWith('/')) throw new SsmError('ValidationException', 'Path must start with "/"');
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.parameters.values()]
      .filter((p) => p.name.startsWith(prefix) && (recursive || !p.name.slice(prefix.length).includes('/')))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
