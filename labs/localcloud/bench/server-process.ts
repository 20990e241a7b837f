/**
 * One benchmark target per process, so the load generator and the server do not share an event loop:
 *   localcloud | fauxqs | ceiling   — serve on 127.0.0.1:0 and print `READY <endpoint>`
 *   fill <count> <bytes>            — queue <count> messages in the local cloud and print `RSS <bytes>`
 * The ceiling is a bare node:http server answering every request with a fixed SendMessage/Publish answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalCloud } from '../core/server.ts';
import { sqsApi } from '../sqs/api.ts';

const sendAnswer = JSON.stringify({ MD5OfMessageBody: 'be50e8478cf24ff3595bc7307fb91b50', MessageId: '2c8b8f8e-0bb5-4e8a-9f1d-6c1f0c4b7e21' });
const publishAnswer =
  '<?xml version="1.0"?>\n<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>2c8b8f8e-0bb5-4e8a-9f1d-6c1f0c4b7e21</MessageId></PublishResult><ResponseMetadata><RequestId>9a0c3a52-1c6e-4a44-8c52-4f3f0a4f1b3c</RequestId></ResponseMetadata></PublishResponse>';

function ceiling(): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const json = req.headers['x-amz-target'] !== undefined;
      res.writeHead(200, { 'content-type': json ? 'application/x-amz-json-1.0' : 'text/xml', 'x-amzn-requestid': '9a0c3a52-1c6e-4a44-8c52-4f3f0a4f1b3c' });
      res.end(json ? sendAnswer : publishAnswer);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function fill(count: number, bytes: number): Promise<void> {
  const cloud = await startLocalCloud({ port: 0 });
  const sqs = sqsApi(cloud.context.registry);
  const queue = 'memory';
  const { CreateQueueCommand, SQSClient } = await import('@aws-sdk/client-sqs');
  const client = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  await client.send(new CreateQueueCommand({ QueueName: queue }));
  const template = Buffer.alloc(bytes, 'x');
  const before = process.memoryUsage().rss;
  for (let i = 0; i < count; i++) {
    // A fresh flat string per message, as JSON.parse would produce for a request body.
    template.write(String(i).padStart(12, '0'), 0, 'latin1');
    sqs.sendMessage(queue, template.toString('latin1'));
  }
  (globalThis as { gc?: () => void }).gc?.();
  const attributes = sqs.getQueueAttributes(queue, ['ApproximateNumberOfMessages']);
  console.log(`RSS ${process.memoryUsage().rss} BEFORE ${before} QUEUED ${attributes.ApproximateNumberOfMessages}`);
  process.exit(0);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'fill') await fill(Number(args[0]), Number(args[1]));
else {
  let endpoint: string;
  if (mode === 'ceiling') endpoint = await ceiling();
  else if (mode === 'fauxqs') {
    const { startFauxqs } = await import('fauxqs');
    const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
    endpoint = `http://127.0.0.1:${server.port}`;
  } else endpoint = (await startLocalCloud({ port: 0 })).endpoint;
  console.log(`READY ${endpoint}`);
  process.on('SIGTERM', () => process.exit(0));
}
