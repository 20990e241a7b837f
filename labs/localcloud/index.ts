export { startLocalCloud, DEFAULT_PORT, DEFAULT_REGION, DEFAULT_ACCOUNT, type LocalCloud, type LocalCloudOptions } from './core/server.ts';
export { manualClock, systemClock, type Clock, type ManualClock } from './core/clock.ts';
export type { CloudEvent } from './core/events.ts';
export type { FaultConfig, FaultRule } from './faults/config.ts';
export { sqsApi, type SqsInternalApi } from './sqs/api.ts';
