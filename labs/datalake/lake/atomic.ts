/**
 * Atomic file replacement: write a temporary file in the same directory, flush it to disk, then rename it over the
 * target. rename() within one file system is atomic (also on NFS/EFS), so a reader opens either the old file or the
 * new one, never a half-written one, and of two concurrent writers the last rename wins with a complete file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files start with this; names starting with a dot are never valid dataset names. */
export const TEMP_PREFIX = '.tmp-';

export async function writeFileAtomically(file: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${TEMP_PREFIX}${randomUUID()}`);
  const handle = await open(temp, 'wx', 0o640);
  try {
    for await (const chunk of chunks) await handle.write(chunk);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
