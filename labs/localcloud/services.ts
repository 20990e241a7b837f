/** Every service of the local cloud, in the order the front door asks them whether they own a request. */
import type { ServiceFactory } from './core/types.ts';
import { iamService } from './iam/index.ts';
import { ssmService } from './ssm/index.ts';

export const serviceFactories: ServiceFactory[] = [iamService, ssmService];
