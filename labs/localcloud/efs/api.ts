/**
 * Local EFS: a file system is a directory under the cloud's data folder, an access point a directory inside it.
 * Convention for handlers: the stack sets an environment variable to the function's LocalMountPath (`/mnt/…`);
 * the deployer replaces that value with the access point's local directory, so the same code runs on both.
 */
export const EFS_REGISTRY_KEY = 'efs';

export interface EfsInternalApi {
  /** Creates (or reuses) the directory of a file system; returns its ARN. */
  createFileSystem(fileSystemId: string): { arn: string; dir: string };
  deleteFileSystem(fileSystemId: string): Promise<void>;
  /** Creates (or reuses) `<fs dir>/<rootPath>`. */
  createAccessPoint(accessPointId: string, fileSystemId: string, rootPath: string): { arn: string; dir: string };
  deleteAccessPoint(accessPointId: string): void;
  /** Local directory of an access point by ARN, or undefined. */
  accessPointDir(accessPointArn: string): string | undefined;
}
