/**
 * The event source mapping module: registers the internal API under `eventsources` and answers Lambda's
 * event-source-mappings operations of the REST-JSON protocol.
 */
import type { ServiceFactory } from '../core/types.ts';
import { EVENTSOURCES_REGISTRY_KEY } from './api.ts';
import { EventSourceMappings } from './mappings.ts';
import { handleMappingRequest, MAPPINGS_PATH_PREFIX } from './protocol.ts';

export const eventSourcesService: ServiceFactory = (ctx) => {
  const mappings = new EventSourceMappings(ctx);
  ctx.registry.set(EVENTSOURCES_REGISTRY_KEY, mappings);
  return {
    name: 'eventsources',
    matches: (req) => req.path === MAPPINGS_PATH_PREFIX || req.path.startsWith(`${MAPPINGS_PATH_PREFIX}/`),
    handle: async (req) => handleMappingRequest(mappings, req),
    stop: () => mappings.stop(),
  };
};
