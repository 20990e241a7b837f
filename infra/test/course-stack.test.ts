import { describe, expect, it } from 'vitest';
import { labStacks } from '../lib/labs.ts';
import { templateOf } from './synth.ts';

// Guarantees every course stack gives students: tagged, destroyable, short logs, no NAT gateway.
describe.each(Object.entries(labStacks))('stack of lab %s', (lab, stackName) => {
  const template = templateOf(stackName);
  const resources = Object.entries(template.toJSON().Resources as Record<string, any>);

  it('tags every taggable resource with course, lab, owner and expires-at', () => {
    const taggable = resources.filter(([, r]) => r.Properties && ('Tags' in r.Properties || r.Type === 'AWS::SNS::Topic'));
    expect(taggable.length).toBeGreaterThan(0);
    for (const [id, r] of taggable) {
      const tags = Array.isArray(r.Properties.Tags)
        ? Object.fromEntries(r.Properties.Tags.map((t: { Key: string; Value: string }) => [t.Key, t.Value]))
        : r.Properties.Tags;
      expect(tags, id).toMatchObject({ course: 'ccvs', lab, owner: 'student', 'expires-at': '2026-12-31' });
    }
  });

  it('deletes every stateful resource with the stack', () => {
    for (const [id, r] of resources) {
      if (r.DeletionPolicy !== undefined) expect(r.DeletionPolicy, id).toBe('Delete');
    }
    // allResources fails on zero matches, and not every stack has a table (e.g. fargate).
    if (Object.keys(template.findResources('AWS::DynamoDB::Table')).length > 0) {
      template.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    }
  });

  it('keeps logs for one week', () => {
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  it('creates no NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
  });
});
