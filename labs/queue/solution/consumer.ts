/** The consumer Lambda's entry point: the given batch loop with this folder's `settleOrder`. */
import { consumerHandler } from '../app/consumer-lambda.ts';
import { settleOrder } from './stock.ts';

export const handler = consumerHandler(settleOrder);
