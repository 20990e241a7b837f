/** Every service of the local cloud, in the order the front door asks them whether they own a request. */
import type { ServiceFactory } from './core/types.ts';

export const serviceFactories: ServiceFactory[] = [];
