/** Which stack deploys which lab. The lab kit, the local deployer and the tests read this one map. */
export const labStacks = {
  notification: 'CcvsNotification',
  queue: 'CcvsQueue',
  fanout: 'CcvsFanout',
  fargate: 'CcvsFargate',
  datalake: 'CcvsDatalake',
} as const satisfies Record<string, string>;

/**
 * Stacks the local cloud cannot run (it emulates no ECS): their acceptance tests run the lab's services as local
 * processes, and the stack itself is checked by synth assertions and deployed only to AWS.
 */
export const awsOnlyStacks: ReadonlySet<string> = new Set(['fargate']);

/** Optional account guardrail (a monthly cost budget with an e-mail alert); deployed like a lab. */
export const GUARDRAIL = 'guardrail';
export const deployableStacks: Record<string, string> = { ...labStacks, [GUARDRAIL]: 'CcvsGuardrail' };

/** SSM Parameter Store names of lab secrets (SecureString, created by `npm run secret`, never by a template). */
export const labSecrets: Record<string, string> = {
  notification: '/ccvs/notification/webhook-secret',
};

export type DeployableLab = keyof typeof labStacks;

export function stackNameFor(lab: string): string {
  const name = deployableStacks[lab];
  if (!name) {
    throw new Error(`Lab "${lab}" has no AWS stack. Stacks: ${Object.keys(deployableStacks).join(', ')}`);
  }
  return name;
}

/** Context key that makes the app build a single stack (see app.ts). */
export const ONLY_STACK_CONTEXT = 'onlyStack';

/** Where a lab's function code comes from: the student's exercise (default) or the reference solution. */
export type LabSource = 'exercise' | 'solution';

export function labSourceFrom(value: unknown): LabSource {
  if (value === undefined || value === 'exercise') return 'exercise';
  if (value === 'solution') return 'solution';
  throw new Error(`Context labSource must be "exercise" or "solution", got ${JSON.stringify(value)}`);
}
