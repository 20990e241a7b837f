/** A local cloud for one test file, and a fresh lease table per scenario (so scenarios never share state). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import type { FaultConfig } from '../../localcloud/faults/config.ts';
import type { LeaseTable } from '../contract.ts';
import { createKeyedTable, documentClient } from './dynamo.ts';

export interface LocalLeases {
  cloud: LocalCloud;
  db: DynamoDBDocumentClient;
  /** Creates a new table and returns the lease in it. */
  freshTable(): Promise<LeaseTable>;
  stop(): Promise<void>;
}

export async function startLocalLeases(faults?: FaultConfig): Promise<LocalLeases> {
  process.env.LOCALCLOUD_QUIET = '1';
  const cloud = await startLocalCloud({ port: 0, ...(faults ? { faults } : {}) });
  const db = documentClient(cloud.endpoint);
  let tables = 0;
  return {
    cloud,
    db,
    async freshTable() {
      const tableName = `leases-${++tables}`;
      await createKeyedTable(db, tableName);
      return { db, tableName, leaseName: 'leader' };
    },
    async stop() {
      db.destroy();
      await cloud.stop();
    },
  };
}
