/** The event source mapping module: registers the internal API under `eventsources`; it has no wire protocol. */
import type { ServiceFactory } from '../core/types.ts';
import { EVENTSOURCES_REGISTRY_KEY } from './api.ts';
import { EventSourceMappings } from './mappings.ts';

export const eventSourcesService: ServiceFactory = (ctx) => {
  const mappings = new EventSourceMappings(ctx);
  ctx.registry.set(EVENTSOURCES_REGISTRY_KEY, mappings);
  return {
    name: 'eventsources',
    matches: () => false,
    handle: async () => ({ status: 404 }),
    stop: () => mappings.stop(),
  };
};
