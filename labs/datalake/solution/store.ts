/** Lambda entry point of the store function (reference solution). */
import { createStoreHandler, lakeRoot } from '../lake/store-handler.ts';
import { paths } from './paths.ts';

export const handler = createStoreHandler(paths, lakeRoot());
