import { SQSClient, CreateQueueCommand, SendMessageCommand, ReceiveMessageCommand, DeleteMessageCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { startLocalCloud } from '../index.ts';
const t0 = performance.now();
const cloud = await startLocalCloud({ port: 0 });
console.log('start ms', performance.now() - t0);
const sqs = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'q1' }));
console.log(QueueUrl);
console.log(await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'héllo', MessageAttributes: { a: { DataType: 'String', StringValue: 'x' }, b: { DataType: 'Binary', BinaryValue: new Uint8Array([1,2]) } } })));
const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }));
console.log(JSON.stringify(r.Messages));
await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: r.Messages![0].ReceiptHandle }));
console.log((await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes);
try { await sqs.send(new SendMessageCommand({ QueueUrl: QueueUrl + 'x', MessageBody: 'a' })); } catch (e: any) { console.log(e.name, e.Code, e.$metadata.httpStatusCode, e.message); }
await cloud.stop();
