/**
 * A client for the datalake API, used by `npm run lake` and the acceptance tests. Datasets larger than one request
 * (MAX_BODY_BYTES) are uploaded in parts and committed at once, and downloaded in ranges pinned to one version.
 */
import { randomUUID } from 'node:crypto';
import { MAX_BODY_BYTES } from '../lake/limits.ts';

export interface DatasetSummary {
  name: string;
  size: number;
  contentType: string;
  updatedAt: string;
}

export class LakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`${status}: ${message}`);
    this.name = 'LakeApiError';
  }
}

async function failure(response: Response): Promise<LakeApiError> {
  const text = await response.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    // not JSON: keep the text
  }
  return new LakeApiError(response.status, message);
}

export class LakeClient {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  private url(pathname: string, query: Record<string, string | number> = {}): string {
    const url = new URL(`${this.apiUrl.replace(/\/$/, '')}${pathname}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private async send(method: string, pathname: string, init: { query?: Record<string, string | number>; headers?: Record<string, string>; body?: Buffer } = {}) {
    const response = await fetch(this.url(pathname, init.query), {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...init.headers },
      body: init.body ? new Uint8Array(init.body) : undefined,
    });
    if (!response.ok) throw await failure(response);
    return response;
  }

  async put(name: string, data: Buffer, contentType = 'application/octet-stream'): Promise<DatasetSummary & { version: string }> {
    const pathname = `/datasets/${encodeURIComponent(name)}`;
    const headers = { 'content-type': contentType };
    if (data.length <= MAX_BODY_BYTES) return (await this.send('PUT', pathname, { headers, body: data })).json();
    const upload = randomUUID();
    const parts = Math.ceil(data.length / MAX_BODY_BYTES);
    for (let part = 0; part < parts; part++) {
      const body = data.subarray(part * MAX_BODY_BYTES, (part + 1) * MAX_BODY_BYTES);
      await this.send('PUT', pathname, { query: { upload, part }, headers, body });
    }
    return (await this.send('PUT', pathname, { query: { upload, parts }, headers, body: Buffer.alloc(0) })).json();
  }

  /** The whole dataset; ranges after the first are pinned to the version the first one returned. */
  async get(name: string): Promise<{ data: Buffer; contentType: string; version: string }> {
    const pathname = `/datasets/${encodeURIComponent(name)}`;
    const first = await this.send('GET', pathname, { headers: { range: `bytes=0-${MAX_BODY_BYTES - 1}` } });
    const size = Number(first.headers.get('x-lake-size'));
    const version = first.headers.get('etag') ?? '';
    const chunks = [Buffer.from(await first.arrayBuffer())];
    for (let offset = chunks[0].length; offset < size; offset += MAX_BODY_BYTES) {
      const next = await this.send('GET', pathname, { headers: { range: `bytes=${offset}-${offset + MAX_BODY_BYTES - 1}`, 'if-match': version } });
      chunks.push(Buffer.from(await next.arrayBuffer()));
    }
    return { data: Buffer.concat(chunks), contentType: first.headers.get('content-type') ?? '', version: version.replace(/"/g, '') };
  }

  async list(options: { limit?: number; next?: string } = {}): Promise<{ datasets: DatasetSummary[]; next?: string }> {
    const query: Record<string, string | number> = {};
    if (options.limit !== undefined) query.limit = options.limit;
    if (options.next !== undefined) query.next = options.next;
    return (await this.send('GET', '/datasets', { query })).json();
  }

  /** Every dataset, page by page. */
  async listAll(pageSize?: number): Promise<DatasetSummary[]> {
    const all: DatasetSummary[] = [];
    let next: string | undefined;
    do {
      const page = await this.list({ limit: pageSize, next });
      all.push(...page.datasets);
      next = page.next;
    } while (next);
    return all;
  }

  async remove(name: string): Promise<void> {
    await this.send('DELETE', `/datasets/${encodeURIComponent(name)}`);
  }
}
