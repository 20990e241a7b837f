/** The API Gateway (HTTP API) module: registers the internal API under `apigateway` and serves every API's URL. */
import type { ServiceFactory } from '../core/types.ts';
import { APIGATEWAY_REGISTRY_KEY } from './api.ts';
import { HttpApiGateway } from './gateway.ts';
import { HttpApiStore } from './store.ts';

export const apiGatewayService: ServiceFactory = (ctx) => {
  const store = new HttpApiStore(ctx);
  ctx.registry.set(APIGATEWAY_REGISTRY_KEY, store);
  const gateway = new HttpApiGateway(ctx, store);
  return {
    name: 'apigateway',
    matches: (req) => gateway.matches(req),
    handle: (req) => gateway.handle(req),
  };
};
