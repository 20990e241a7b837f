/**
 * The course's one CDK app: one stack per prototype. Environment-agnostic (no lookups), so `cdk synth` works offline.
 * Context: labSource=exercise|solution, owner, expiresAt, plus each stack's own keys (see the lab READMEs).
 */
import os from 'node:os';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployableStacks, GUARDRAIL, labSourceFrom, labStacks, ONLY_STACK_CONTEXT } from './labs.ts';
import { DatalakeStack } from './datalake-stack.ts';
import { FanoutStack, slowWorkMsFrom } from './fanout-stack.ts';
import { FargateStack } from './fargate-stack.ts';
import { GuardrailStack } from './guardrail-stack.ts';
import { NotificationStack } from './notification-stack.ts';
import { QueueStack } from './queue-stack.ts';

export function buildApp(app = new App()): App {
  const source = labSourceFrom(app.node.tryGetContext('labSource'));
  const owner = String(app.node.tryGetContext('owner') ?? os.userInfo().username);
  const expiresAt = String(app.node.tryGetContext('expiresAt') ?? new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const common = { owner, expiresAt, source };

  const stacks: Record<string, () => void> = {
    [labStacks.notification]: () => new NotificationStack(app, labStacks.notification, { ...common, lab: 'notification' }),
    [labStacks.queue]: () => new QueueStack(app, labStacks.queue, { ...common, lab: 'queue' }),
    [labStacks.fanout]: () =>
      new FanoutStack(app, labStacks.fanout, { ...common, lab: 'fanout', slowWorkMs: slowWorkMsFrom(app.node.tryGetContext('slowWorkMs')) }),
    [labStacks.fargate]: () => new FargateStack(app, labStacks.fargate, { ...common, lab: 'fargate' }),
    [labStacks.datalake]: () => new DatalakeStack(app, labStacks.datalake, { ...common, lab: 'datalake' }),
    [deployableStacks[GUARDRAIL]]: () => new GuardrailStack(app, deployableStacks[GUARDRAIL], { owner, expiresAt: 'never', lab: GUARDRAIL }),
  };
  // `-c onlyStack=<name>` builds one stack: a lab's synth then neither waits for nor trips over the others.
  const only = app.node.tryGetContext(ONLY_STACK_CONTEXT);
  if (only !== undefined && !(only in stacks)) {
    throw new Error(`Context ${ONLY_STACK_CONTEXT} must name one of ${Object.keys(stacks).join(', ')}; got ${JSON.stringify(only)}`);
  }
  for (const [name, create] of Object.entries(stacks)) if (only === undefined || only === name) create();

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return app;
}
