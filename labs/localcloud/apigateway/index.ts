/** The API Gateway (HTTP API) service module. */
import type { ServiceFactory } from '../core/types.ts';

export const apiGatewayService: ServiceFactory = () => ({ name: 'apigateway', matches: () => false, handle: async () => ({ status: 404 }) });
