/** The event source mapping module. */
import type { ServiceFactory } from '../core/types.ts';

export const eventSourcesService: ServiceFactory = () => ({ name: 'eventsources', matches: () => false, handle: async () => ({ status: 404 }) });
