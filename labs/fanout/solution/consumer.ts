/** The Lambda handler of every consumer queue: the shared handler with this folder's `orderFrom`. */
import { consumerHandler } from '../consumer/handler.ts';
import { orderFrom } from './envelope.ts';

export const handler = consumerHandler(orderFrom);
