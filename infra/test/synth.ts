/** Synthesize the course app for tests: bundling skipped unless asked (esbuild per test would be slow). */
import fs from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../lib/app.ts';
import { ONLY_STACK_CONTEXT } from '../lib/labs.ts';

/** The same feature flags `cdk synth` reads from cdk.json, so tests see the template students deploy. */
const cdkJsonContext = JSON.parse(fs.readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')).context;

export function synthApp(context: Record<string, unknown> = {}, bundle = false) {
  const app = new App({
    context: { ...cdkJsonContext, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), owner: 'student', expiresAt: '2026-12-31', ...context },
  });
  buildApp(app);
  return app;
}

/** The app with just `stackName` in it, so one stack's test neither waits for nor depends on the others. */
export function stackApp(stackName: string, context: Record<string, unknown> = {}, bundle = false) {
  return synthApp({ ...context, [ONLY_STACK_CONTEXT]: stackName }, bundle);
}

export function templateOf(stackName: string, context: Record<string, unknown> = {}): Template {
  const app = stackApp(stackName, context);
  return Template.fromStack(app.node.findChild(stackName) as never);
}
