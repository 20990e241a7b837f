/**
 * Datasets on the file system, per user directory:
 *   <user>/<name>/meta.json        metadata (content type, size, version) — replacing it commits a write
 *   <user>/<name>/<version>.data   the bytes of one version, never changed after it is written
 *   <user>/.uploads/<id>/<part>    parts of an upload that is not committed yet
 * A reader reads meta.json and then the version it names, so it always gets one complete version. Old versions
 * stay a minute for readers that are still fetching them in ranges, then the next write removes them.
 */
import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from './atomic.ts';
import type { DatasetInfo } from './contracts.ts';
import { LakeError } from './errors.ts';
import { MAX_BODY_BYTES, MAX_DATASET_BYTES, MAX_PARTS } from './limits.ts';

const META = 'meta.json';
const UPLOADS = '.uploads';
/** Old versions younger than this are kept for readers fetching them in ranges. */
export const OLD_VERSION_GRACE_MS = 60_000;
const versionPattern = /^[a-z0-9]{8,12}-[0-9a-f-]{36}$/;
const uploadIdPattern = /^[A-Za-z0-9-]{8,64}$/;

const newVersion = (now: number) => `${now.toString(36)}-${randomUUID()}`;
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';

export async function readInfo(datasetDir: string): Promise<DatasetInfo | undefined> {
  try {
    return JSON.parse(await readFile(path.join(datasetDir, META), 'utf8')) as DatasetInfo;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Writes a new version from `chunks` and commits it; returns its metadata. */
export async function writeDataset(
  datasetDir: string,
  name: string,
  contentType: string,
  chunks: Buffer[] | AsyncIterable<Buffer>,
  now = Date.now(),
): Promise<DatasetInfo> {
  const version = newVersion(now);
  const dataFile = path.join(datasetDir, `${version}.data`);
  await writeFileAtomically(dataFile, chunks);
  const { size } = await stat(dataFile);
  const info: DatasetInfo = { name, size, contentType, updatedAt: new Date(now).toISOString(), version };
  try {
    await writeFileAtomically(path.join(datasetDir, META), [Buffer.from(JSON.stringify(info))]);
  } catch (error) {
    await rm(dataFile, { force: true });
    throw error;
  }
  await removeOldVersions(datasetDir, version, now);
  return info;
}

async function removeOldVersions(datasetDir: string, current: string, now: number): Promise<void> {
  for (const entry of await readdir(datasetDir).catch(() => [] as string[])) {
    if (!entry.endsWith('.data') || entry === `${current}.data`) continue;
    const file = path.join(datasetDir, entry);
    const info = await stat(file).catch(() => undefined);
    if (info && now - info.mtimeMs > OLD_VERSION_GRACE_MS) await rm(file, { force: true });
  }
}

/** Bytes `start`..`end` (inclusive) of one version; undefined when that version is gone. */
export async function readVersion(datasetDir: string, version: string, start: number, end: number): Promise<Buffer | undefined> {
  if (!versionPattern.test(version)) throw new LakeError(400, 'If-Match must name a version this API returned as ETag');
  let handle;
  try {
    handle = await open(path.join(datasetDir, `${version}.data`), 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    const length = Math.max(0, end - start + 1);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function deleteDataset(datasetDir: string): Promise<boolean> {
  const info = await readInfo(datasetDir);
  if (!info) return false;
  // Removing meta.json first makes the dataset disappear at once; the data files follow.
  await rm(path.join(datasetDir, META), { force: true });
  await rm(datasetDir, { recursive: true, force: true });
  return true;
}

/** One page of a user's datasets, sorted by name, starting after `after`. */
export async function listDatasets(userDir: string, limit: number, after?: string): Promise<{ datasets: DatasetInfo[]; more: boolean }> {
  let names: string[];
  try {
    names = (await readdir(userDir, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch (error) {
    if (isMissing(error)) return { datasets: [], more: false };
    throw error;
  }
  names.sort();
  const datasets: DatasetInfo[] = [];
  for (const name of names) {
    if (after !== undefined && name <= after) continue;
    const info = await readInfo(path.join(userDir, name));
    if (!info) continue; // first write still in flight, or being deleted
    if (datasets.length === limit) return { datasets, more: true };
    datasets.push(info);
  }
  return { datasets, more: false };
}

function uploadDir(userDir: string, uploadId: string): string {
  if (!uploadIdPattern.test(uploadId)) throw new LakeError(400, 'upload must be 8 to 64 letters, digits or dashes');
  return path.join(userDir, UPLOADS, uploadId);
}

export function partNumber(value: string, what: 'part' | 'parts'): number {
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  const min = what === 'part' ? 0 : 1;
  const max = what === 'part' ? MAX_PARTS - 1 : MAX_PARTS;
  if (!(n >= min && n <= max)) throw new LakeError(400, `${what} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Uploads nobody committed are removed after this long. */
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60_000;

export async function writePart(userDir: string, uploadId: string, part: number, body: Buffer, now = Date.now()): Promise<void> {
  await writeFileAtomically(path.join(uploadDir(userDir, uploadId), String(part)), [body]);
  await removeAbandonedUploads(path.join(userDir, UPLOADS), now);
}

async function removeAbandonedUploads(uploadsDir: string, now: number): Promise<void> {
  for (const entry of await readdir(uploadsDir).catch(() => [] as string[])) {
    const dir = path.join(uploadsDir, entry);
    const info = await stat(dir).catch(() => undefined);
    if (info && now - info.mtimeMs > ABANDONED_UPLOAD_MS) await rm(dir, { recursive: true, force: true });
  }
}

/** Joins parts 0..parts-1 of an upload into a new version of the dataset, then forgets the upload. */
export async function commitUpload(userDir: string, datasetDir: string, name: string, contentType: string, uploadId: string, parts: number): Promise<DatasetInfo> {
  const dir = uploadDir(userDir, uploadId);
  let total = 0;
  for (let part = 0; part < parts; part++) {
    const size = (await stat(path.join(dir, String(part))).catch(() => undefined))?.size;
    if (size === undefined) throw new LakeError(400, `upload ${uploadId} has no part ${part}`);
    if (part < parts - 1 && size !== MAX_BODY_BYTES) throw new LakeError(400, `part ${part} must be ${MAX_BODY_BYTES} bytes (only the last part may be shorter)`);
    total += size;
  }
  if (total > MAX_DATASET_BYTES) throw new LakeError(413, `a dataset holds at most ${MAX_DATASET_BYTES} bytes`);
  async function* partsInOrder() {
    for (let part = 0; part < parts; part++) yield await readFile(path.join(dir, String(part)));
  }
  const info = await writeDataset(datasetDir, name, contentType, partsInOrder());
  await rm(dir, { recursive: true, force: true });
  return info;
}
