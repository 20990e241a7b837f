/** SSM Parameter Store over the JSON 1.1 protocol (`AmazonSSM.*`), so `@aws-sdk/client-ssm` and Powertools work. */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from '../core/types.ts';
import { jsonError, jsonResult, parseJsonBody, targetOperation } from '../iam/aws-json.ts';
import { checkAccess, jsonAccessDenied } from '../iam/enforce.ts';
import { SSM_REGISTRY_KEY, type SsmInternalApi } from './api.ts';
import { ParameterStore, SsmError, type StoredParameter } from './store.ts';

const PREFIX = 'AmazonSSM';
const PAGE_LIMIT = 10;

export function ssmService(ctx: CloudContext): ServiceModule {
  const store = new ParameterStore(() => ctx.clock.now());
  const arn = (name: string) => `arn:aws:ssm:${ctx.region}:${ctx.accountId}:parameter/${name.replace(/^\//, '')}`;
  const kmsKey = createHash('sha256').update(`localcloud-ssm-${ctx.accountId}`).digest();

  /** Without WithDecryption a SecureString shows ciphertext, as on AWS — never the secret itself. */
  const shownValue = (p: StoredParameter, decrypt: boolean) => {
    if (p.type !== 'SecureString' || decrypt) return p.value;
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', kmsKey, iv);
    return Buffer.concat([iv, cipher.update(p.value, 'utf8'), cipher.final()]).toString('base64');
  };
  const describe = (p: StoredParameter, decrypt: boolean) => ({
    Name: p.name,
    Type: p.type,
    Value: shownValue(p, decrypt),
    Version: p.version,
    LastModifiedDate: p.lastModified / 1000,
    ARN: arn(p.name),
    DataType: 'text',
  });

  const internal: SsmInternalApi = {
    putParameter: (name, type, value, description) => void store.put({ name, type, value, description, overwrite: true }),
    deleteParameter: (name) => {
      if (store.find(name)) store.delete(name);
    },
    getParameterValue: (name) => store.find(name)?.value,
    parameterArn: arn,
  };
  ctx.registry.set(SSM_REGISTRY_KEY, internal);

  type Handler = (input: Record<string, unknown>, req: LocalRequest) => unknown;
  const guard = (req: LocalRequest, action: string, names: string[]) => {
    for (const name of names) {
      const denial = checkAccess(ctx, req.accessKeyId, `ssm:${action}`, arn(name));
      if (denial) return denial;
    }
    return undefined;
  };
  const operations: Record<string, { names: (input: Record<string, unknown>) => string[]; run: Handler }> = {
    PutParameter: {
      names: (i) => [String(i.Name)],
      run: (i) => {
        const p = store.put({ name: i.Name, type: i.Type, value: i.Value, overwrite: i.Overwrite, description: i.Description });
        return { Version: p.version, Tier: 'Standard' };
      },
    },
    GetParameter: {
      names: (i) => [String(i.Name)],
      run: (i) => ({ Parameter: describe(store.get(i.Name), i.WithDecryption === true) }),
    },
    GetParameters: {
      names: (i) => (Array.isArray(i.Names) ? i.Names.map(String) : []),
      run: (i) => {
        if (!Array.isArray(i.Names) || i.Names.length === 0 || i.Names.length > 10) throw new SsmError('ValidationException', 'Names must list 1 to 10 parameter names');
        const found = i.Names.map((n) => store.find(String(n))).filter((p): p is StoredParameter => p !== undefined);
        return {
          Parameters: found.map((p) => describe(p, i.WithDecryption === true)),
          InvalidParameters: i.Names.filter((n) => !store.find(String(n))),
        };
      },
    },
    GetParametersByPath: {
      names: (i) => [String(i.Path)],
      run: (i) => {
        const all = store.byPath(i.Path, i.Recursive === true);
        const limit = typeof i.MaxResults === 'number' ? i.MaxResults : PAGE_LIMIT;
        if (limit < 1 || limit > PAGE_LIMIT) throw new SsmError('ValidationException', `MaxResults must be between 1 and ${PAGE_LIMIT}`);
        const start = typeof i.NextToken === 'string' ? Number.parseInt(i.NextToken, 10) : 0;
        if (!Number.isInteger(start) || start < 0) throw new SsmError('ValidationException', 'NextToken is not valid');
        const page = all.slice(start, start + limit);
        return {
          Parameters: page.map((p) => describe(p, i.WithDecryption === true)),
          ...(start + limit < all.length ? { NextToken: String(start + limit) } : {}),
        };
      },
    },
    DeleteParameter: {
      names: (i) => [String(i.Name)],
      run: (i) => {
        store.delete(i.Name);
        return {};
      },
    },
  };

  return {
    name: 'ssm',
    matches: (req) => targetOperation(req, PREFIX) !== undefined,
    async handle(req): Promise<LocalResponse> {
      const operation = targetOperation(req, PREFIX)!;
      const spec = operations[operation];
      if (!spec) return jsonError(400, 'InvalidAction', `Operation ${operation} is not supported by the local SSM`);
      try {
        const input = parseJsonBody(req);
        const denial = guard(req, operation, spec.names(input));
        if (denial) return jsonAccessDenied(denial);
        const result = spec.run(input, req);
        ctx.events.emit({ type: 'call', service: 'ssm', action: operation, time: ctx.clock.now() });
        return jsonResult(result);
      } catch (error) {
        if (error instanceof SsmError) return jsonError(400, error.code, error.message);
        return jsonError(400, 'ValidationException', error instanceof Error ? error.message : String(error));
      }
    },
  };
}
