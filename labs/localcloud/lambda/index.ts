/** The Lambda service module: registers the internal API under `lambda` and answers the REST-JSON protocol. */
import type { ServiceFactory } from '../core/types.ts';
import { LAMBDA_REGISTRY_KEY } from './api.ts';
import { LambdaFunctions } from './functions-service.ts';
import { handleLambdaRequest, LAMBDA_PATH_PREFIX } from './protocol.ts';

export const lambdaService: ServiceFactory = (ctx) => {
  const functions = new LambdaFunctions(ctx);
  ctx.registry.set(LAMBDA_REGISTRY_KEY, functions);
  return {
    name: 'lambda',
    matches: (req) => req.path === LAMBDA_PATH_PREFIX || req.path.startsWith(`${LAMBDA_PATH_PREFIX}/`),
    handle: (req) => handleLambdaRequest(functions, req),
    stop: () => functions.stop(),
  };
};
