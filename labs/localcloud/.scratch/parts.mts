import { createHash, randomUUID } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
const body = 'x'.repeat(256);
const INVALID = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const buf = Buffer.from(JSON.stringify({ QueueUrl: 'http://x/000000000000/b', MessageBody: body }));
const time = (name: string, fn: () => unknown) => { const n = 100000; const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(name.padEnd(12), ((performance.now() - t0) / n * 1000).toFixed(2), 'µs'); };
for (let r = 0; r < 2; r++) {
time('regex', () => INVALID.test(body));
time('md5', () => createHash('md5').update(body, 'utf8').digest('hex'));
time('uuid', () => randomUUID());
time('utf8', () => isUtf8(buf));
time('json', () => JSON.parse(buf.toString('utf8')));
time('byteLength', () => Buffer.byteLength(body, 'utf8'));
time('stringify', () => JSON.stringify({ MessageId: 'abc', MD5OfMessageBody: 'def' }));
time('promise', () => Promise.resolve(1));
}
import crypto from 'node:crypto';
time('hash1shot', () => (crypto as any).hash('md5', body, 'hex'));
