import { startLocalCloud } from '../index.ts';
const c = await startLocalCloud({ port: 0 });
console.log('listeners', c.context.events.hasListeners, (c.context.events as any).listeners.size);
await c.stop();
