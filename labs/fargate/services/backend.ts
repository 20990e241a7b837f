/**
 * The non-public backend: a tiny quote service. It is the same for exercise and solution; what keeps it private
 * is where it listens (loopback locally, a security group on AWS), not its code.
 */
import type { RequestListener } from 'node:http';
import { sendJson } from './http.ts';

export const QUOTES = [
  'There is no cloud. It is just someone else’s computer.',
  'Everything fails, all the time.',
  'A distributed system is one in which the failure of a computer you didn’t even know existed can render your own computer unusable.',
] as const;

export function createBackend(): RequestListener {
  let served = 0;
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://backend').pathname;
    if (req.method !== 'GET') return sendJson(res, 405, { error: `method ${req.method} not allowed` });
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/quote') {
      const quote = QUOTES[served % QUOTES.length];
      served += 1;
      return sendJson(res, 200, { quote, served });
    }
    sendJson(res, 404, { error: `no route ${path}` });
  };
}
