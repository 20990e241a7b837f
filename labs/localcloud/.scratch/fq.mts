import { startFauxqs } from 'fauxqs';
import { SQSClient, CreateQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
const t0 = performance.now();
const s = await startFauxqs({ port: 0, logger: false });
console.log('fauxqs start', performance.now() - t0, s.port, Object.keys(s));
const c = new SQSClient({ endpoint: `http://127.0.0.1:${s.port}`, region: 'eu-central-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'x' }));
console.log(QueueUrl, await c.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hi' })));
await s.stop();
