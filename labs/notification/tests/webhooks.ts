/** Sending webhooks the way GitHub and GitLab do: their headers, a signature over the raw body, fresh delivery ids. */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type Payload = Record<string, any>;

/** A fixture from `fixtures/` as a fresh object (tests change it freely). */
export const fixture = (name: string): Payload => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

/** Digits unique per test, put into a payload so the test recognizes its own SMS. */
export const uniqueToken = () => `${Date.now() % 1_000_000}${Math.floor(Math.random() * 1e6)}`.padStart(12, '0');

export const githubSignature = (body: string | Buffer, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function post(url: string, headers: Record<string, string>, body: string | Buffer): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { raw: text };
  }
  return { status: response.status, body: parsed };
}

export interface GithubOptions {
  /** `X-Hub-Signature-256`; default: computed with the secret; `null` leaves the header out. */
  signature?: string | null;
  delivery?: string;
}

export function sendGithub(apiUrl: string, secret: string, event: string, body: string | Buffer, options: GithubOptions = {}): Promise<Answer> {
  const signature = options.signature === undefined ? githubSignature(body, secret) : options.signature;
  const headers: Record<string, string> = {
    'user-agent': 'GitHub-Hookshot/7c3a9f1',
    'x-github-event': event,
    'x-github-delivery': options.delivery ?? randomUUID(),
    'x-github-hook-id': '512345678',
    'x-github-hook-installation-target-id': '786012345',
    'x-github-hook-installation-target-type': 'repository',
  };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return post(`${apiUrl}/webhooks/github`, headers, body);
}

export interface GitlabOptions {
  /** `X-Gitlab-Token`; default: the secret; `null` leaves the header out. */
  token?: string | null;
  /** GitLab keeps `Idempotency-Key` (and the event UUID) when it retries a delivery. */
  delivery?: string;
}

export function sendGitlab(apiUrl: string, secret: string, event: string, body: string, options: GitlabOptions = {}): Promise<Answer> {
  const token = options.token === undefined ? secret : options.token;
  const delivery = options.delivery ?? randomUUID();
  const headers: Record<string, string> = {
    'user-agent': 'GitLab/18.6.0',
    'x-gitlab-event': event,
    'x-gitlab-instance': 'https://gitlab.example.org',
    'x-gitlab-webhook-uuid': '0b0f5e4e-3c1d-4a52-9d8b-6f2e1a7c9d31',
    'x-gitlab-event-uuid': delivery,
    'idempotency-key': delivery,
  };
  if (token !== null) headers['x-gitlab-token'] = token;
  return post(`${apiUrl}/webhooks/gitlab`, headers, body);
}
