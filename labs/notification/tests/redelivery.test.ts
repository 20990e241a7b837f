/** Webhooks arrive at least once: a redelivery with the same delivery id must not send a second SMS. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_TIMEOUT_MS, notificationStack, type NotificationStack } from './deployment.ts';
import { fixture, sendGithub, sendGitlab, uniqueToken } from './webhooks.ts';

let stack: NotificationStack;
beforeAll(async () => {
  stack = await notificationStack();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

function githubPush(token: string) {
  const push = fixture('github-push');
  push.head_commit.message = `Redeliver me ${token}`;
  return JSON.stringify(push);
}

describe('redelivery', () => {
  it('the same GitHub delivery twice sends one SMS; the second answer says it was already delivered', async () => {
    const token = uniqueToken();
    const delivery = randomUUID();
    const first = await sendGithub(stack.apiUrl, stack.secret, 'push', githubPush(token), { delivery });
    const again = await sendGithub(stack.apiUrl, stack.secret, 'push', githubPush(token), { delivery });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.message).toBe('already delivered');
    expect(await stack.deliveries.messagesWith(token)).toHaveLength(1);
  });

  it('a new delivery of an equal payload is a new event and sends a second SMS', async () => {
    const token = uniqueToken();
    await sendGithub(stack.apiUrl, stack.secret, 'push', githubPush(token));
    await sendGithub(stack.apiUrl, stack.secret, 'push', githubPush(token));
    expect(await stack.deliveries.messagesWith(token)).toHaveLength(2);
  });

  it('a GitLab retry with the same Idempotency-Key sends one SMS', async () => {
    const token = uniqueToken();
    const hook = fixture('gitlab-pipeline-hook-failed');
    hook.object_attributes.url = `https://gitlab.example.org/fh-campus/datalake/-/pipelines/${token}`;
    const delivery = randomUUID();
    await sendGitlab(stack.apiUrl, stack.secret, 'Pipeline Hook', JSON.stringify(hook), { delivery });
    await sendGitlab(stack.apiUrl, stack.secret, 'Pipeline Hook', JSON.stringify(hook), { delivery });
    expect(await stack.deliveries.messagesWith(token)).toHaveLength(1);
  });

  it('five concurrent redeliveries of one delivery send exactly one SMS', async () => {
    const token = uniqueToken();
    const delivery = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => sendGithub(stack.apiUrl, stack.secret, 'push', githubPush(token), { delivery })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.message === 'notified')).toHaveLength(1);
    expect(await stack.deliveries.messagesWith(token)).toHaveLength(1);
  }, 60_000);
});
