/** AWS::EFS::FileSystem and ::AccessPoint → directories under the cloud's data folder (ids stable per stack). */
import { createHash } from 'node:crypto';
import { EFS_REGISTRY_KEY, type EfsInternalApi } from '../../efs/api.ts';
import { PropertyError, registryApi, requireString, type ResourceContext, type ResourceHandler } from './types.ts';

const stableHex = (rc: ResourceContext) => createHash('sha256').update(`${rc.stackName}/${rc.logicalId}`).digest('hex').slice(0, 17);

const fileSystemHandler: ResourceHandler = {
  async create(_properties, rc) {
    const id = `fs-${stableHex(rc)}`;
    const { arn } = registryApi<EfsInternalApi>(rc, EFS_REGISTRY_KEY).createFileSystem(id);
    return { physicalId: id, attributes: { Arn: arn, FileSystemId: id } };
  },
  async update(_properties, previous) {
    return previous;
  },
  async delete(previous, rc) {
    await registryApi<EfsInternalApi>(rc, EFS_REGISTRY_KEY).deleteFileSystem(previous.physicalId);
  },
};

const accessPointHandler: ResourceHandler = {
  async create(properties, rc) {
    const fileSystemId = requireString(properties, 'FileSystemId');
    const rootPath = (properties.RootDirectory as { Path?: string } | undefined)?.Path ?? '/';
    const id = `fsap-${stableHex(rc)}`;
    try {
      const { arn } = registryApi<EfsInternalApi>(rc, EFS_REGISTRY_KEY).createAccessPoint(id, fileSystemId, rootPath);
      return { physicalId: id, attributes: { Arn: arn, AccessPointId: id } };
    } catch (error) {
      throw new PropertyError((error as Error).message);
    }
  },
  async delete(previous, rc) {
    registryApi<EfsInternalApi>(rc, EFS_REGISTRY_KEY).deleteAccessPoint(previous.physicalId);
  },
};

export const efsHandlers: Record<string, ResourceHandler> = {
  'AWS::EFS::FileSystem': fileSystemHandler,
  'AWS::EFS::AccessPoint': accessPointHandler,
};
