import { runLabTests } from './labs/kit/run-tests.ts';
const run = await runLabTests('queue', { target: 'exercise', timeoutMs: 230_000 });
console.log(run.status, run.message ?? '');
for (const t of run.tests) console.log(t.status, t.name, t.status === 'fail' ? (t.message ?? '').slice(0, 160) : '');
