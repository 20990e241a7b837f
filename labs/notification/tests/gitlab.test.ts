/** GitLab webhooks against the deployed notification stack: the secret token, push and pipeline hooks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_TIMEOUT_MS, notificationStack, type NotificationStack } from './deployment.ts';
import { fixture, sendGitlab, uniqueToken } from './webhooks.ts';

let stack: NotificationStack;
beforeAll(async () => {
  stack = await notificationStack();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

/** Same length, last character different: only a full comparison tells it apart. */
const almostTheSecret = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;

function pushWithToken(token: string) {
  const push = fixture('gitlab-push-hook');
  push.commits.at(-1).message = `Keep uploads below 5 GB ${token}\n\nMultipart uploads come next.`;
  return JSON.stringify(push);
}

describe('GitLab Push Hook', () => {
  it('with the right token answers 200 and sends one SMS with project, branch, user, commit count and headline', async () => {
    const token = uniqueToken();
    const answer = await sendGitlab(stack.apiUrl, stack.secret, 'Push Hook', pushWithToken(token));
    expect(answer.status).toBe(200);
    expect(await stack.deliveries.messagesWith(token)).toEqual([`fh-campus/datalake@develop: grace-h pushed 2 commits: Keep uploads below 5 GB ${token}`]);
  });

  it('with a wrong token answers 401 and sends no SMS', async () => {
    const token = uniqueToken();
    const answer = await sendGitlab(stack.apiUrl, stack.secret, 'Push Hook', pushWithToken(token), { token: almostTheSecret(stack.secret) });
    expect(answer).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });

  it('without a token answers 401 and sends no SMS', async () => {
    const token = uniqueToken();
    const answer = await sendGitlab(stack.apiUrl, stack.secret, 'Push Hook', pushWithToken(token), { token: null });
    expect(answer.status).toBe(401);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });
});

describe('GitLab Pipeline Hook', () => {
  it('a failed pipeline sends one SMS with its name, branch and link', async () => {
    const token = uniqueToken();
    const hook = fixture('gitlab-pipeline-hook-failed');
    hook.object_attributes.url = `https://gitlab.example.org/fh-campus/datalake/-/pipelines/${token}`;
    const answer = await sendGitlab(stack.apiUrl, stack.secret, 'Pipeline Hook', JSON.stringify(hook));
    expect(answer.status).toBe(200);
    expect(await stack.deliveries.messagesWith(token)).toEqual([`FAILED Nightly checks on fh-campus/datalake@main https://gitlab.example.org/fh-campus/datalake/-/pipelines/${token}`]);
  });

  it('a successful pipeline answers 202 and sends no SMS', async () => {
    const token = uniqueToken();
    const hook = fixture('gitlab-pipeline-hook-failed');
    hook.object_attributes.status = 'success';
    hook.object_attributes.url = `https://gitlab.example.org/fh-campus/datalake/-/pipelines/${token}`;
    const answer = await sendGitlab(stack.apiUrl, stack.secret, 'Pipeline Hook', JSON.stringify(hook));
    expect(answer.status).toBe(202);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });
});
