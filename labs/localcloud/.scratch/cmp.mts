import { startFauxqs } from 'fauxqs';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startLocalCloud } from '../index.ts';
import { scenarios } from '../sqs/scenarios.ts';
const fq = await startFauxqs({ port: 0, logger: false });
const lc = await startLocalCloud({ port: 0 });
const client = (endpoint: string) => new SQSClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
const a = client(lc.endpoint), b = client(`http://127.0.0.1:${fq.port}`);
for (const [name, s] of Object.entries(scenarios)) {
  const ours = JSON.stringify(await s(a, 't').catch((e) => ({ threw: String(e) })));
  const theirs = JSON.stringify(await s(b, 't').catch((e) => ({ threw: String(e) })));
  console.log(ours === theirs ? 'SAME' : 'DIFF', name);
  if (ours !== theirs) console.log('  ours  ', ours.slice(0, 600), '\n  fauxqs', theirs.slice(0, 600));
}
await fq.stop(); await lc.stop();
