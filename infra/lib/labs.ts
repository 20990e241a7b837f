/** Which stack deploys which lab. The lab kit, the local deployer and the tests read this one map. */
export const labStacks = {
  notification: 'CcvsNotification',
} as const satisfies Record<string, string>;

export type DeployableLab = keyof typeof labStacks;

export function stackNameFor(lab: string): string {
  const name = (labStacks as Record<string, string>)[lab];
  if (!name) {
    throw new Error(`Lab "${lab}" has no AWS stack. Labs with a stack: ${Object.keys(labStacks).join(', ')}`);
  }
  return name;
}

/** Where a lab's function code comes from: the student's exercise (default) or the reference solution. */
export type LabSource = 'exercise' | 'solution';

export function labSourceFrom(value: unknown): LabSource {
  if (value === undefined || value === 'exercise') return 'exercise';
  if (value === 'solution') return 'solution';
  throw new Error(`Context labSource must be "exercise" or "solution", got ${JSON.stringify(value)}`);
}
