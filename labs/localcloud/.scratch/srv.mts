import { startLocalCloud } from '../index.ts';
const c = await startLocalCloud({ port: 4599 });
await fetch(c.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' }, body: JSON.stringify({ QueueName: 'bench' }) });
console.log('READY');
process.on('SIGINT', () => { c.stop().then(() => process.exit(0)); });
