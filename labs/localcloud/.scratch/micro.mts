import { startLocalCloud } from '../index.ts';
import { createSqsService } from '../sqs/index.ts';
const c = await startLocalCloud({ port: 0 });
const { module } = createSqsService(c.context);
const mk = (target: string, body: object) => ({ method: 'POST', path: '/', query: new URLSearchParams(), headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target }, body: Buffer.from(JSON.stringify(body)) });
await module.handle(mk('AmazonSQS.CreateQueue', { QueueName: 'b' }));
const req = mk('AmazonSQS.SendMessage', { QueueUrl: 'http://x/000000000000/b', MessageBody: 'x'.repeat(256) });
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  for (let i = 0; i < 50000; i++) await module.handle(req);
  console.log('handle µs/op', ((performance.now() - t0) / 50000 * 1000).toFixed(2));
}
await c.stop();
