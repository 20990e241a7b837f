export { startLocalCloud, type LocalCloud, type LocalCloudOptions } from './core/server.ts';
export { manualClock, systemClock, type Clock, type ManualClock } from './core/clock.ts';
