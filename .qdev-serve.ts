// Dev-only (outside the lab): synth only the queue stack in-process, serve a local cloud with it deployed.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { QueueStack } from './infra/lib/queue-stack.ts';
import { startLocalCloud } from './labs/localcloud/index.ts';
import { deployAssembly } from './labs/localcloud/deployer/client.ts';
const source = (process.argv[2] ?? 'solution') as 'solution' | 'exercise';
const outdir = mkdtempSync('/tmp/qdev/asm-');
const app = new App({ outdir });
new QueueStack(app, 'CcvsQueue', { owner: 'dev', expiresAt: '2026-12-31', source, lab: 'queue' });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
process.env.LOCALCLOUD_QUIET = process.env.LOCALCLOUD_QUIET ?? '1';
const cloud = await startLocalCloud({ port: 0 });
const { stacks } = await deployAssembly(cloud.endpoint, { assembly: outdir, stacks: ['CcvsQueue'] });
writeFileSync('/tmp/qdev/outputs.json', JSON.stringify({ CcvsQueue: stacks[0].outputs }));
writeFileSync('/tmp/qdev/endpoint', cloud.endpoint);
console.log('READY', cloud.endpoint);
