/** Lambda entry point (your exercise). */
import { awsDependencies } from '../webhook/aws.ts';
import { createWebhookHandler } from '../webhook/handler.ts';
import { deliveryLog } from './deliveries.ts';
import { verifier } from './verify.ts';

const aws = awsDependencies();
export const handler = createWebhookHandler({ ...aws, verifier, deliveries: deliveryLog(aws.dynamodb, aws.table) });
