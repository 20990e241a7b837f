/**
 * The deployer's endpoint inside the local cloud, so the CLI stays thin:
 *   POST   /_localcloud/stacks          { assembly: "<cdk.out dir>", stacks?: ["Name"], parameters?: { Name: value } }
 *   GET    /_localcloud/stacks          deployed stacks with their outputs
 *   DELETE /_localcloud/stacks/<name>   removes a stack's resources
 * Errors answer `{ error }` with 400 (template/resource problems, naming the logical id) — never a stack trace.
 */
import { jsonResponse } from '../core/http.ts';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from '../core/types.ts';
import { readAssembly } from './assembly.ts';
import { StackEngine, type StackResult } from './engine.ts';
import { TemplateError } from './template.ts';
import { STACKS_PATH } from './protocol.ts';


interface DeployBody {
  assembly?: unknown;
  stacks?: unknown;
  parameters?: unknown;
}

function parseBody(req: LocalRequest): DeployBody {
  try {
    const value = JSON.parse(req.body.toString('utf8') || '{}') as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as DeployBody;
  } catch {
    // fall through
  }
  throw new TemplateError(undefined, 'request body must be a JSON object like { "assembly": "path/to/cdk.out" }');
}

export function deployerService(ctx: CloudContext): ServiceModule {
  const engine = new StackEngine(ctx);

  const deploy = async (req: LocalRequest): Promise<LocalResponse> => {
    const body = parseBody(req);
    if (typeof body.assembly !== 'string' || body.assembly === '') throw new TemplateError(undefined, 'give the cloud assembly directory as "assembly"');
    const wanted = body.stacks === undefined ? undefined : Array.isArray(body.stacks) && body.stacks.every((s) => typeof s === 'string') ? (body.stacks as string[]) : null;
    if (wanted === null) throw new TemplateError(undefined, '"stacks" must be a list of stack names');
    const parameters = (body.parameters ?? {}) as Record<string, string>;
    if (typeof parameters !== 'object' || Array.isArray(parameters)) throw new TemplateError(undefined, '"parameters" must be an object of name → value');
    const all = readAssembly(body.assembly);
    const missing = (wanted ?? []).filter((name) => !all.some((s) => s.stackName === name || s.artifactId === name));
    if (missing.length) throw new TemplateError(undefined, `stack ${missing.join(', ')} is not in the cloud assembly (it has ${all.map((s) => s.stackName).join(', ')})`);
    const chosen = wanted ? all.filter((s) => wanted.includes(s.stackName) || wanted.includes(s.artifactId)) : all;
    const results: StackResult[] = [];
    for (const stack of chosen) {
      const declared = stack.template.Parameters ?? {};
      const own = Object.fromEntries(Object.entries(parameters).filter(([name]) => name in declared).map(([k, v]) => [k, String(v)]));
      results.push(await engine.deploy({ stackName: stack.stackName, template: stack.template, assemblyDir: stack.assemblyDir, parameters: own }));
    }
    return jsonResponse(200, { stacks: results });
  };

  return {
    name: 'deployer',
    matches: (req) => req.path === STACKS_PATH || req.path.startsWith(`${STACKS_PATH}/`),
    async handle(req) {
      try {
        if (req.method === 'GET' && req.path === STACKS_PATH) return jsonResponse(200, { stacks: engine.list() });
        if (req.method === 'POST' && req.path === STACKS_PATH) return await deploy(req);
        if (req.method === 'DELETE' && req.path.startsWith(`${STACKS_PATH}/`)) {
          const stackName = decodeURIComponent(req.path.slice(STACKS_PATH.length + 1));
          const deleted = await engine.destroy(stackName);
          return jsonResponse(200, { stackName, existed: deleted !== undefined, deleted: deleted ?? [] });
        }
        return jsonResponse(405, { error: `${req.method} ${req.path} is not a deployer operation` });
      } catch (error) {
        if (error instanceof TemplateError) return jsonResponse(400, { error: error.message });
        return jsonResponse(500, { error: `deployment failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
  };
}
