/**
 * Handwritten HTTP/1.1 over a plain TCP socket (`node:net`): the tests see exactly the bytes a browser would
 * send, including the Host header that a client library would otherwise fill in for them.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from sending the request to the socket's end. */
  elapsedMs: number;
  /** Milliseconds from sending to each received chunk of bytes. */
  chunkTimesMs: number[];
}

export class RawHttpTimeout extends Error {
  constructor(ms: number, received: string) {
    super(`no complete answer within ${ms} ms (the proxy hangs); received so far: ${JSON.stringify(received.slice(0, 200))}`);
    this.name = 'RawHttpTimeout';
  }
}

/** Builds a request; always `Connection: close`, so the answer ends when the socket ends. */
export function rawRequest(options: { method?: string; path?: string; host?: string | null; headers?: string[]; body?: string }): string {
  const { method = 'GET', path = '/', host, headers = [], body } = options;
  const lines = [`${method} ${path} HTTP/1.1`];
  if (host !== null && host !== undefined) lines.push(`Host: ${host}`);
  lines.push(...headers, 'Connection: close');
  if (body !== undefined && !headers.some((h) => /^transfer-encoding:/i.test(h))) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/** Decodes a `Transfer-Encoding: chunked` body. */
function dechunk(raw: string): string {
  let rest = raw;
  let out = '';
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd < 0) return out;
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

export function parseResponse(raw: string): Omit<RawResponse, 'elapsedMs' | 'chunkTimesMs'> {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) throw new Error(`not an HTTP response: ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine = '', ...headerLines] = raw.slice(0, headEnd).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = raw.slice(headEnd + 4);
  const body = headers['transfer-encoding']?.toLowerCase() === 'chunked' ? dechunk(rawBody) : rawBody;
  return { status, headers, body };
}

/** Sends `text` (or its parts, `gapMs` apart) to `url`'s address and reads until the server closes. */
export function sendRaw(url: string, text: string | string[], { timeoutMs = 3000, gapMs = 0 } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const parts = typeof text === 'string' ? [text] : text;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const started = Date.now();
    const chunkTimesMs: number[] = [];
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new RawHttpTimeout(timeoutMs, received));
    }, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('connect', async () => {
      for (const [index, part] of parts.entries()) {
        if (index > 0 && gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (!socket.destroyed) socket.write(part, 'latin1');
      }
    });
    socket.on('data', (chunk: string) => {
      chunkTimesMs.push(Date.now() - started);
      received += chunk;
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      try {
        resolve({ ...parseResponse(received), elapsedMs: Date.now() - started, chunkTimesMs });
      } catch (error) {
        reject(error);
      }
    });
  });
}
