/** GitHub webhooks against the deployed notification stack: who may send, what becomes an SMS, what is ignored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_TIMEOUT_MS, notificationStack, type NotificationStack } from './deployment.ts';
import { fixture, githubSignature, sendGithub, uniqueToken } from './webhooks.ts';

let stack: NotificationStack;
beforeAll(async () => {
  stack = await notificationStack();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

/** A push whose head commit headline carries the token. */
function pushWithToken(token: string) {
  const push = fixture('github-push');
  push.head_commit.message = `Fix the idempotency key header ${token}\n\nThe key must be the same for every attempt.`;
  return JSON.stringify(push);
}

describe('GitHub push', () => {
  it('a signed push answers 200 and sends exactly one SMS with repository, branch, pusher, commits and headline', async () => {
    const token = uniqueToken();
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', pushWithToken(token));
    expect(answer.status).toBe(200);
    expect(await stack.deliveries.messagesWith(token)).toEqual([`fh-campus/cloud-lab@main: ada-l pushed 2 commits: Fix the idempotency key header ${token}`]);
  });

  it('a push with a wrong signature answers 401 and sends no SMS', async () => {
    const token = uniqueToken();
    const body = pushWithToken(token);
    const forged = githubSignature(body, `${stack.secret}-guessed`);
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', body, { signature: forged });
    expect(answer).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });

  it('a body changed after signing answers 401 (the signature covers the raw bytes)', async () => {
    const token = uniqueToken();
    const signed = pushWithToken(token);
    const tampered = signed.replace('"ada-l"', '"mallory"');
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', tampered, { signature: githubSignature(signed, stack.secret) });
    expect(answer.status).toBe(401);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });

  it('a push without a signature answers 401 and sends no SMS', async () => {
    const token = uniqueToken();
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', pushWithToken(token), { signature: null });
    expect(answer.status).toBe(401);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });

  it('a tag push sends one SMS naming the tag', async () => {
    const token = uniqueToken();
    const tag = fixture('github-tag-push');
    tag.ref = `refs/tags/v1.4.${token}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', JSON.stringify(tag));
    expect(answer.status).toBe(200);
    expect(await stack.deliveries.messagesWith(token)).toEqual([`fh-campus/cloud-lab: ada-l pushed tag v1.4.${token}`]);
  });

  it('a deleted branch answers 202 and sends no SMS', async () => {
    const token = uniqueToken();
    const deletion = fixture('github-branch-delete');
    deletion.ref = `refs/heads/feature/retries-${token}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', JSON.stringify(deletion));
    expect(answer.status).toBe(202);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });
});

describe('GitHub workflow runs', () => {
  it('a failed run sends one SMS with the workflow, branch and link to the run', async () => {
    const token = uniqueToken();
    const run = fixture('github-workflow-run-failure');
    run.workflow_run.html_url = `https://github.com/fh-campus/cloud-lab/actions/runs/${token}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'workflow_run', JSON.stringify(run));
    expect(answer.status).toBe(200);
    expect(await stack.deliveries.messagesWith(token)).toEqual([`FAILED CI on fh-campus/cloud-lab@main https://github.com/fh-campus/cloud-lab/actions/runs/${token}`]);
  });

  it('a successful run answers 202 and sends no SMS', async () => {
    const token = uniqueToken();
    const run = fixture('github-workflow-run-success');
    run.workflow_run.html_url = `https://github.com/fh-campus/cloud-lab/actions/runs/${token}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'workflow_run', JSON.stringify(run));
    expect(answer.status).toBe(202);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });
});

describe('GitHub other requests', () => {
  it('ping answers 200 and sends no SMS', async () => {
    const token = uniqueToken();
    const ping = fixture('github-ping');
    ping.zen = `Design for failure. ${token}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'ping', JSON.stringify(ping));
    expect(answer.status).toBe(200);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });

  it('an event the function does not handle answers 202 and sends no SMS', async () => {
    const token = uniqueToken();
    const issue = fixture('github-issues-opened');
    issue.issue.title = `Retries hide a 422 ${token}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'issues', JSON.stringify(issue));
    expect(answer.status).toBe(202);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });

  it('a signed body that is not JSON answers 400', async () => {
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', '{"ref": "refs/heads/main", ');
    expect(answer.status).toBe(400);
  });

  it('a body over 1 MiB answers 413 without sending an SMS', async () => {
    const token = uniqueToken();
    const push = fixture('github-push');
    push.head_commit.message = `Huge ${token} ${'x'.repeat(1024 * 1024)}`;
    const answer = await sendGithub(stack.apiUrl, stack.secret, 'push', JSON.stringify(push));
    expect(answer.status).toBe(413);
    expect(await stack.deliveries.messagesWith(token)).toEqual([]);
  });
});
