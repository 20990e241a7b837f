/**
 * Requests with a path sent byte for byte: fetch() and URL normalise `..` and `%2e%2e` away before sending,
 * which would hide exactly the attacks these tests make.
 */
import http from 'node:http';
import https from 'node:https';

export interface RawAnswer {
  status: number;
  body: string;
}

export function rawRequest(apiUrl: string, method: string, rawPath: string, options: { token?: string; body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  const base = new URL(apiUrl);
  const transport = base.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const request = transport.request(
      { host: base.hostname, port: base.port, method, path: `${base.pathname.replace(/\/$/, '')}${rawPath}`, headers, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${rawPath} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}
