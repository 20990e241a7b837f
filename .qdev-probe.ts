import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { putEvent } from './labs/queue/app/tables.ts';
import { rush, ordersOf, tally } from './labs/queue/harness/shop.ts';
import { setFaults, clearFaults } from './labs/queue/harness/faults.ts';
import { RUSH_FAULTS } from './labs/queue/tests/faults-profile.ts';
const endpoint = readFileSync('/tmp/qdev/endpoint', 'utf8');
const o = JSON.parse(readFileSync('/tmp/qdev/outputs.json', 'utf8')).CcvsQueue;
const api = o.ApiUrl.endsWith('/') ? o.ApiUrl : o.ApiUrl + '/';
const db = new DynamoDBClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 't', secretAccessKey: 't' } });
const tables = { events: o.EventsTable, orders: o.OrdersTable };
const n = Number(process.argv[2] ?? 60), faults = process.argv[3] === 'faults';
const ev = 'p' + Date.now();
await putEvent(db, tables, ev, Math.round(n * 5 / 6));
await clearFaults(endpoint);
if (faults) await setFaults(endpoint, RUSH_FAULTS);
const t0 = Date.now();
const ids = await rush(api, ev, n);
console.log('posted', ids.length, Date.now() - t0, 'ms');
for (let i = 0; i < 60; i++) {
  const t = tally(await ordersOf(db, tables, ev));
  console.log(Date.now() - t0, JSON.stringify(t));
  if (t.pending === 0) break;
  await new Promise((r) => setTimeout(r, 2000));
}
await clearFaults(endpoint);
db.destroy();
