import { describe, expect, it } from 'vitest';
import { labStacks } from '../lib/labs.ts';
import { templateOf } from './synth.ts';

const template = templateOf(labStacks.queue, { notifyEmail: 'ops@example.org' });
describe('dump', () => {
  it('dumps', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    console.log(JSON.stringify(policies, null, 1));
  });
});
