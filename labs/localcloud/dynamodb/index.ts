/**
 * DynamoDB behind the cloud's own port: dynalite serves the data plane; this module adds the IAM check, one write
 * lock per table (conditional writes stay linearizable, transactions atomic towards other writes), transactions
 * and TTL, which dynalite lacks.
 */
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from '../core/types.ts';
import { jsonResult, parseJsonBody, targetOperation } from '../iam/aws-json.ts';
import { checkAccess, jsonAccessDenied } from '../iam/enforce.ts';
import { DYNAMODB_REGISTRY_KEY, type DynamoDbInternalApi } from './api.ts';
import { DynamoCallError, JSON_10, TARGET_PREFIX, startDynalite } from './dynalite.ts';
import { requiredPermissions } from './iam-resources.ts';
import { KeyedMutex } from './mutex.ts';
import { transactEntries, transactGetItems, transactWriteItems, TransactionCanceled, type TransactDeps } from './transactions.ts';
import { SWEEP_INTERVAL_MS, TtlSettings } from './ttl.ts';

const SINGLE_ITEM_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const ERROR_NAMESPACE = 'com.amazonaws.dynamodb.v20120810#';

function errorResponse(error: DynamoCallError): LocalResponse {
  const body: Record<string, unknown> = { __type: `${ERROR_NAMESPACE}${error.code}`, message: error.message };
  if (error instanceof TransactionCanceled) body.CancellationReasons = error.reasons;
  return { status: error.status, headers: { 'content-type': JSON_10 }, body: JSON.stringify(body) };
}

/** Tables whose write lock a request needs. */
function lockedTables(operation: string, input: Record<string, unknown>): string[] {
  if (SINGLE_ITEM_WRITES.has(operation) && typeof input.TableName === 'string') return [input.TableName];
  if (operation === 'BatchWriteItem') return Object.keys((input.RequestItems as object | undefined) ?? {});
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') return transactEntries(input).map((e) => e.table);
  return [];
}

export async function dynamodbService(ctx: CloudContext): Promise<ServiceModule> {
  const dynalite = await startDynalite(ctx.region, ctx.accountId);
  const locks = new KeyedMutex();
  const keyCache = new Map<string, string[]>();
  const tableArn = (name: string) => `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${name}`;

  const keyAttributes = async (table: string) => {
    let keys = keyCache.get(table);
    if (!keys) {
      const described = await dynalite.call<{ Table: { KeySchema: Array<{ AttributeName: string }> } }>('DescribeTable', { TableName: table });
      keys = described.Table.KeySchema.map((k) => k.AttributeName);
      keyCache.set(table, keys);
    }
    return keys;
  };
  const deps: TransactDeps = { call: dynalite.call, keyAttributes };
  // Writes made by the module itself (TTL sweeps) take the same table lock as client writes.
  const lockedCall = <T,>(operation: string, input: unknown) => {
    const table = (input as { TableName?: unknown }).TableName;
    const call = () => dynalite.call<T>(operation, input);
    return SINGLE_ITEM_WRITES.has(operation) && typeof table === 'string' ? locks.run([table], call) : call();
  };
  const ttl = new TtlSettings(lockedCall);
  const forgetTable = (table: string) => {
    keyCache.delete(table);
    ttl.forget(table);
  };

  const own: Record<string, (input: Record<string, unknown>) => Promise<Record<string, unknown>>> = {
    UpdateTimeToLive: (input) => ttl.update(input),
    DescribeTimeToLive: (input) => ttl.describe(input),
    TransactWriteItems: (input) => transactWriteItems(deps, input),
    TransactGetItems: (input) => transactGetItems(deps, input),
  };

  const sweepExpired = () => ttl.sweep(ctx.clock.now(), keyAttributes);
  let sweepTimer = ctx.clock.schedule(SWEEP_INTERVAL_MS, function rearm() {
    sweepExpired().catch(() => undefined).finally(() => (sweepTimer = ctx.clock.schedule(SWEEP_INTERVAL_MS, rearm)));
  });

  const internal: DynamoDbInternalApi = {
    async createTable(input) {
      const created = await dynalite.call<{ TableDescription: { TableName: string; TableArn: string } }>('CreateTable', input);
      const name = created.TableDescription.TableName;
      for (let attempt = 0; attempt < 200; attempt++) {
        const described = await dynalite.call<{ Table: { TableStatus: string } }>('DescribeTable', { TableName: name });
        if (described.Table.TableStatus === 'ACTIVE') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { tableName: name, tableArn: created.TableDescription.TableArn };
    },
    async deleteTable(tableName) {
      await dynalite.call('DeleteTable', { TableName: tableName });
      forgetTable(tableName);
    },
    async setTimeToLive(tableName, attributeName) {
      const current = (await ttl.describe({ TableName: tableName })) as { TimeToLiveDescription: { AttributeName?: string } };
      const existing = current.TimeToLiveDescription.AttributeName;
      if (existing === attributeName) return;
      if (existing) await ttl.update({ TableName: tableName, TimeToLiveSpecification: { Enabled: false, AttributeName: existing } });
      if (attributeName) await ttl.update({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: attributeName } });
    },
    sweepExpired,
  };
  ctx.registry.set(DYNAMODB_REGISTRY_KEY, internal);

  const handle = async (req: LocalRequest, operation: string): Promise<LocalResponse> => {
    let input: Record<string, unknown>;
    try {
      input = parseJsonBody(req);
    } catch {
      return dynalite.forward(req); // dynalite answers SerializationException as DynamoDB does
    }
    for (const need of requiredPermissions(operation, input, tableArn)) {
      const denial = checkAccess(ctx, req.accessKeyId, need.action, need.resource);
      if (denial) return jsonAccessDenied(denial, JSON_10);
    }
    ctx.events.emit({ type: 'call', service: 'dynamodb', action: operation, resource: typeof input.TableName === 'string' ? tableArn(input.TableName) : undefined, time: ctx.clock.now() });
    const tables = lockedTables(operation, input);
    const run = async () => {
      const ownHandler = own[operation];
      if (ownHandler) return jsonResult(await ownHandler(input), JSON_10);
      const answer = await dynalite.forward(req);
      if (operation === 'DeleteTable' && answer.status === 200 && typeof input.TableName === 'string') forgetTable(input.TableName);
      return answer;
    };
    try {
      return tables.length ? await locks.run(tables, run) : await run();
    } catch (error) {
      if (error instanceof DynamoCallError) return errorResponse(error);
      throw error;
    }
  };

  return {
    name: 'dynamodb',
    matches: (req) => targetOperation(req, TARGET_PREFIX) !== undefined,
    handle: (req) => handle(req, targetOperation(req, TARGET_PREFIX)!),
    async stop() {
      sweepTimer.cancel();
      await dynalite.stop();
    },
  };
}

