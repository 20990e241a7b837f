import { startLocalCloud } from '../index.ts';
import { sqsApi } from '../sqs/api.ts';
const c = await startLocalCloud({ port: 0 });
const sqs = sqsApi(c.context.registry);
const svc: any = (c.context.registry as any);
await fetch(c.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' }, body: JSON.stringify({ QueueName: 'm' }) });
const n = 200_000;
const t = Buffer.alloc(1024, 'x');
(globalThis as any).gc(); const m0 = process.memoryUsage();
for (let i = 0; i < n; i++) { t.write(String(i).padStart(12, '0'), 0, 'latin1'); sqs.sendMessage('m', t.toString('latin1')); }
(globalThis as any).gc(); const m1 = process.memoryUsage();
console.log('heap B/msg', ((m1.heapUsed - m0.heapUsed) / n).toFixed(0), 'rss B/msg', ((m1.rss - m0.rss) / n).toFixed(0), 'external', ((m1.external - m0.external)/n).toFixed(0));
process.exit(0);
