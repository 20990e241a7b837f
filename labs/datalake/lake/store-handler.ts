/**
 * The store function behind the relay: maps HTTP API events (payload format 2.0) to dataset operations on the
 * mounted file system. Where each user's files live, and which names are allowed, comes from `LakePaths` — the
 * part students write.
 */
import path from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { DatasetInfo, LakePaths, StoreResult } from './contracts.ts';
import { LakeError } from './errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_BODY_BYTES, MAX_PAGE_SIZE } from './limits.ts';
import { routedRecord } from './routing.ts';
import { commitUpload, deleteDataset, listDatasets, partNumber, readInfo, readVersion, writeDataset, writePart } from './storage.ts';

type Response = StoreResult['response'];

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): Response => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
  isBase64Encoded: false,
});

const contentTypePattern = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

function contentTypeOf(headers: Record<string, string | undefined>): string {
  const value = headers['content-type']?.trim() || 'application/octet-stream';
  if (!contentTypePattern.test(value)) throw new LakeError(400, 'content-type must be printable ASCII of at most 200 characters');
  return value;
}

/** Path parameters arrive decoded locally and may arrive encoded elsewhere: decode once, so `%2e%2e` is `..`. */
function rawName(event: APIGatewayProxyEventV2WithJWTAuthorizer): string {
  const name = event.pathParameters?.name ?? '';
  if (!name.includes('%')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    throw new LakeError(400, 'the dataset name is not valid percent-encoding');
  }
}

function bodyOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Buffer {
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > MAX_BODY_BYTES) {
    throw new LakeError(413, `a request body holds at most ${MAX_BODY_BYTES} bytes; upload larger datasets in parts (npm run lake -- put does)`);
  }
  return body;
}

/** `bytes=a-b`, `bytes=a-` or none; the range is clipped to the dataset and to one response. */
function rangeOf(header: string | undefined, size: number): { start: number; end: number; partial: boolean } {
  if (header === undefined) {
    if (size > MAX_BODY_BYTES) {
      throw new LakeError(416, `the dataset has ${size} bytes, more than one response carries (${MAX_BODY_BYTES}); ask for ranges with Range: bytes=start-end (npm run lake -- get does)`);
    }
    return { start: 0, end: size - 1, partial: false };
  }
  const match = /^bytes=(\d{1,12})-(\d{0,12})$/.exec(header.trim());
  if (!match) throw new LakeError(400, 'Range must look like bytes=start-end');
  const start = Number(match[1]);
  const end = Math.min(match[2] === '' ? size - 1 : Number(match[2]), size - 1, start + MAX_BODY_BYTES - 1);
  if (start >= size && size > 0) throw new LakeError(416, `the dataset has ${size} bytes`);
  return { start, end, partial: true };
}

const infoHeaders = (info: DatasetInfo) => ({
  'content-type': info.contentType,
  etag: `"${info.version}"`,
  'last-modified': new Date(info.updatedAt).toUTCString(),
  'x-lake-size': String(info.size),
  'accept-ranges': 'bytes',
});

export function createStoreHandler(paths: LakePaths, root: string) {
  async function read(event: APIGatewayProxyEventV2WithJWTAuthorizer, datasetDir: string): Promise<Response> {
    const info = await readInfo(datasetDir);
    if (!info) return json(404, { message: 'no such dataset' });
    const pinned = event.headers['if-match']?.replace(/^"|"$/g, '');
    const range = rangeOf(event.headers.range, info.size);
    const bytes = await readVersion(datasetDir, pinned ?? info.version, range.start, range.end);
    if (!bytes) return json(412, { message: 'that version was replaced; start the download again' });
    const headers: Record<string, string> = { ...infoHeaders(info), etag: `"${pinned ?? info.version}"` };
    const partial = range.partial && info.size > 0; // an empty dataset has no byte range to name
    if (partial) headers['content-range'] = `bytes ${range.start}-${range.start + bytes.length - 1}/${info.size}`;
    return { statusCode: partial ? 206 : 200, headers, body: bytes.toString('base64'), isBase64Encoded: true };
  }

  async function write(event: APIGatewayProxyEventV2WithJWTAuthorizer, owner: string, userDir: string, name: string): Promise<StoreResult> {
    const datasetDir = path.join(userDir, name);
    const query = event.queryStringParameters ?? {};
    const contentType = contentTypeOf(event.headers);
    const body = bodyOf(event);
    if (query.upload !== undefined && query.part !== undefined) {
      await writePart(userDir, query.upload, partNumber(query.part, 'part'), body);
      return { response: json(202, { upload: query.upload, part: Number(query.part), size: body.length }) };
    }
    if (query.upload !== undefined && query.parts !== undefined) {
      const info = await commitUpload(userDir, datasetDir, name, contentType, query.upload, partNumber(query.parts, 'parts'));
      return { response: json(201, info, { etag: `"${info.version}"` }) };
    }
    const info = await writeDataset(datasetDir, name, contentType, [body]);
    return { response: json(201, info, { etag: `"${info.version}"` }), route: routedRecord(owner, info, body) };
  }

  async function handle(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<StoreResult> {
    const owner = event.requestContext.authorizer?.jwt?.claims?.sub;
    if (typeof owner !== 'string' || owner === '') return { response: json(401, { message: 'Unauthorized' }) };
    const userDir = paths.userDirectory(root, owner);
    const method = event.requestContext.http.method;
    if (event.pathParameters?.name === undefined) {
      if (method !== 'GET') return { response: json(405, { message: 'method not allowed' }) };
      return { response: await list(event, userDir) };
    }
    const name = paths.checkDatasetName(rawName(event));
    const datasetDir = path.join(userDir, name);
    if (method === 'GET') return { response: await read(event, datasetDir) };
    if (method === 'PUT') return write(event, owner, userDir, name);
    if (method === 'DELETE') {
      return { response: (await deleteDataset(datasetDir)) ? { statusCode: 204, headers: {}, body: '', isBase64Encoded: false } : json(404, { message: 'no such dataset' }) };
    }
    return { response: json(405, { message: 'method not allowed' }) };
  }

  async function list(event: APIGatewayProxyEventV2WithJWTAuthorizer, userDir: string): Promise<Response> {
    const query = event.queryStringParameters ?? {};
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) return json(400, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` });
    let after: string | undefined;
    if (query.next !== undefined) {
      after = Buffer.from(query.next, 'base64url').toString('utf8');
      paths.checkDatasetName(after); // a token is a name we handed out; anything else is refused
    }
    const page = await listDatasets(userDir, limit, after);
    const last = page.datasets.at(-1);
    return json(200, {
      datasets: page.datasets.map(({ name, size, contentType, updatedAt }) => ({ name, size, contentType, updatedAt })),
      ...(page.more && last ? { next: Buffer.from(last.name).toString('base64url') } : {}),
    });
  }

  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<StoreResult> => {
    try {
      return await handle(event);
    } catch (error) {
      if (error instanceof LakeError) return { response: json(error.status, { message: error.message }) };
      console.error(JSON.stringify({ level: 'error', message: (error as Error).message, path: event.rawPath }));
      return { response: json(500, { message: 'Internal Server Error' }) };
    }
  };
}

/** The mount path from the environment the stack sets (LAKE_DIR = the function's LocalMountPath). */
export function lakeRoot(): string {
  const root = process.env.LAKE_DIR;
  if (!root) throw new Error('Environment variable LAKE_DIR is not set (the stack sets it to the EFS mount path)');
  return root;
}
