/** EFS file systems and access points as directories under `context.dataDir/efs` (no wire API locally). */
import fs from 'node:fs';
import path from 'node:path';
import type { CloudContext, ServiceModule } from '../core/types.ts';
import { EFS_REGISTRY_KEY, type EfsInternalApi } from './api.ts';

const SAFE_ID = /^fs(ap)?-[0-9a-f]{8,40}$/;

export function createEfsApi(ctx: CloudContext): EfsInternalApi {
  const root = path.join(ctx.dataDir, 'efs');
  const accessPoints = new Map<string, string>();
  const arn = (kind: 'file-system' | 'access-point', id: string) => `arn:aws:elasticfilesystem:${ctx.region}:${ctx.accountId}:${kind}/${id}`;
  const fsDir = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error(`EFS id ${id} is not valid`);
    return path.join(root, id);
  };

  return {
    createFileSystem(id) {
      const dir = fsDir(id);
      fs.mkdirSync(dir, { recursive: true });
      return { arn: arn('file-system', id), dir };
    },
    async deleteFileSystem(id) {
      await fs.promises.rm(fsDir(id), { recursive: true, force: true });
    },
    createAccessPoint(id, fileSystemId, rootPath) {
      const base = fsDir(fileSystemId);
      const dir = path.resolve(base, `.${path.posix.normalize(`/${rootPath || '/'}`)}`);
      if (dir !== base && !dir.startsWith(base + path.sep)) throw new Error(`access point path ${rootPath} leaves its file system`);
      fs.mkdirSync(dir, { recursive: true });
      accessPoints.set(arn('access-point', id), dir);
      return { arn: arn('access-point', id), dir };
    },
    deleteAccessPoint(id) {
      accessPoints.delete(arn('access-point', id));
    },
    accessPointDir: (accessPointArn) => accessPoints.get(accessPointArn),
  };
}

export function efsService(ctx: CloudContext): ServiceModule {
  ctx.registry.set(EFS_REGISTRY_KEY, createEfsApi(ctx));
  return { name: 'efs', matches: () => false, handle: async () => ({ status: 404 }) };
}
