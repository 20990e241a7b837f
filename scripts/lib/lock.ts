/**
 * A lock between processes on this machine (a directory holding the owner's pid). VitePress renders every
 * build through the same docs/.vitepress/.temp folder, so two workbook builds at once break each other.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function withLock<T>(dir: string, onWait: (owner: number) => void, body: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(dir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path.join(dir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !alive(owner)) {
        rmSync(dir, { recursive: true, force: true }); // left behind by a process that died
        continue;
      }
      if (!announced) onWait(owner);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
