/**
 * Small, protocol-agnostic helpers every service module uses to read requests and write answers:
 * form/query parsing, JSON and XML responses, XML escaping, request ids and UTF-8 checks.
 */
import { randomFillSync } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { LocalRequest, LocalResponse } from './types.ts';

const hexDigits = Buffer.from('0123456789abcdef', 'latin1');
const randomPool = Buffer.alloc(16 * 256);
let poolOffset = randomPool.length;
const uuidBytes = Buffer.alloc(36);

/**
 * A random (version 4) UUID as a flat string. `crypto.randomUUID()` returns a tree of concatenated slices that costs
 * about 600 bytes per id while it lives, which matters for a million stored message ids.
 */
export function uuid(): string {
  if (poolOffset === randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += 16;
  randomPool[at + 6] = (randomPool[at + 6] & 0x0f) | 0x40;
  randomPool[at + 8] = (randomPool[at + 8] & 0x3f) | 0x80;
  let out = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) uuidBytes[out++] = 0x2d;
    const byte = randomPool[at + i];
    uuidBytes[out++] = hexDigits[byte >> 4];
    uuidBytes[out++] = hexDigits[byte & 15];
  }
  return uuidBytes.toString('latin1');
}

export const requestId = uuid;

/** True when the body is valid UTF-8 (AWS rejects anything else before parsing). */
export const isValidUtf8 = (body: Buffer): boolean => isUtf8(body);

/** True when the request carries an `application/x-www-form-urlencoded` body (the AWS query protocol). */
export function isFormRequest(req: LocalRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** Parameters of a query-protocol request: the form body merged over the URL query string. */
export function queryParams(req: LocalRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  if (req.body.length > 0 && (isFormRequest(req) || req.method === 'POST')) {
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.set(k, v);
  }
  return params;
}

/** The query-protocol `Action` without parsing the whole body when it is not needed (cheap matching). */
export function queryAction(req: LocalRequest): string | undefined {
  const fromUrl = req.query.get('Action');
  if (fromUrl) return fromUrl;
  if (!isFormRequest(req)) return undefined;
  const match = /(?:^|&)Action=([^&]*)/.exec(req.body.toString('latin1'));
  return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : undefined;
}

export type NestedParams = { [key: string]: string | NestedParams };

/**
 * Turns flat query-protocol keys (`Attribute.1.Name=x`, `Tags.member.2.Key=y`) into a nested object.
 * Numeric segments stay object keys; use `indexedList` to read them as an ordered array.
 */
export function nestParams(params: URLSearchParams): NestedParams {
  const root: NestedParams = {};
  for (const [key, value] of params) {
    const parts = key.split('.');
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const existing = node[parts[i]];
      if (typeof existing !== 'object') node[parts[i]] = {};
      node = node[parts[i]] as NestedParams;
    }
    const last = parts[parts.length - 1];
    if (typeof node[last] !== 'object') node[last] = value;
  }
  return root;
}

/** Entries `1, 2, 3…` of a nested node in numeric order (query-protocol lists are 1-based). */
export function indexedList(node: string | NestedParams | undefined): Array<string | NestedParams> {
  if (!node || typeof node !== 'object') return [];
  return Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k]);
}

export function jsonResponse(status: number, value: unknown, headers?: Record<string, string>, contentType = 'application/json'): LocalResponse {
  const all: Record<string, string> = { 'content-type': contentType };
  if (headers) for (const key in headers) all[key] = headers[key];
  return { status, headers: all, body: JSON.stringify(value) };
}

export function xmlResponse(status: number, xml: string, headers: Record<string, string> = {}): LocalResponse {
  return { status, headers: { 'content-type': 'text/xml', ...headers }, body: `<?xml version="1.0"?>\n${xml}` };
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };

export const xmlEscape = (text: string): string => text.replace(/[&<>"'\r]/g, (c) => xmlEntities[c]);

/** `<name>escaped</name>`, or nothing when the value is undefined. */
export const xmlElement = (name: string, value: string | number | boolean | undefined): string =>
  value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;

/** The query-protocol error document shared by SQS (query mode), SNS and STS. */
export function queryErrorResponse(
  status: number,
  code: string,
  message: string,
  options: { fault?: 'Sender' | 'Receiver'; xmlns?: string; id?: string } = {},
): LocalResponse {
  const id = options.id ?? requestId();
  const ns = options.xmlns ? ` xmlns="${options.xmlns}"` : '';
  const xml =
    `<ErrorResponse${ns}><Error><Type>${options.fault ?? (status >= 500 ? 'Receiver' : 'Sender')}</Type>` +
    `${xmlElement('Code', code)}${xmlElement('Message', message)}<Detail/></Error>${xmlElement('RequestId', id)}</ErrorResponse>`;
  return xmlResponse(status, xml, { 'x-amzn-requestid': id });
}
