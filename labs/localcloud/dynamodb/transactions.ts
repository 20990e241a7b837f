/**
 * TransactWriteItems and TransactGetItems on top of dynalite, which has neither. The caller holds the write lock of
 * every table involved, so no other write interleaves: first every condition is checked against the unchanged
 * tables, then all writes are applied (and undone again should one of them fail). Readers that do not use
 * TransactGetItems may see a transaction half applied — a documented difference to AWS.
 */
import { DynamoCallError } from './dynalite.ts';

type Attributes = Record<string, unknown>;
type Call = <T = Record<string, unknown>>(operation: string, input: unknown) => Promise<T>;

export interface TransactDeps {
  call: Call;
  keyAttributes(table: string): Promise<string[]>;
}

interface Operation {
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  TableName: string;
  Key: Attributes;
  Item?: Attributes;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Attributes;
  ReturnValuesOnConditionCheckFailure?: string;
}

export interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: Attributes;
}

export class TransactionCanceled extends DynamoCallError {
  constructor(readonly reasons: CancellationReason[]) {
    super('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`, 400);
  }
}

const MAX_ACTIONS = 100;
const KINDS = ['Put', 'Update', 'Delete', 'ConditionCheck'] as const;
const validation = (message: string) => new DynamoCallError('ValidationException', message, 400);

/** Only the names/values an expression uses: dynalite, like DynamoDB, rejects unused ones. */
function usedBy(expressions: Array<string | undefined>, op: Operation) {
  const text = expressions.filter(Boolean).join(' ');
  const pick = <T>(all: Record<string, T> | undefined, pattern: RegExp) => {
    if (!all) return undefined;
    const used = new Set(text.match(pattern) ?? []);
    const entries = Object.entries(all).filter(([k]) => used.has(k));
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  return {
    ExpressionAttributeNames: pick(op.ExpressionAttributeNames, /#[A-Za-z0-9_]+/g),
    ExpressionAttributeValues: pick(op.ExpressionAttributeValues, /:[A-Za-z0-9_]+/g),
  };
}

/** Table names a transaction touches (for locking and IAM), with the IAM action of each entry. */
export function transactEntries(input: Record<string, unknown>): Array<{ table: string; action: string }> {
  const items = Array.isArray(input.TransactItems) ? (input.TransactItems as Array<Record<string, { TableName?: unknown }>>) : [];
  return items.flatMap((entry) =>
    Object.entries(entry ?? {}).map(([kind, body]) => ({
      table: String(body?.TableName ?? ''),
      action: { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem', Get: 'GetItem' }[kind] ?? kind,
    })),
  );
}

async function parseOperations(deps: TransactDeps, input: Record<string, unknown>): Promise<Operation[]> {
  const items = input.TransactItems;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ACTIONS) throw validation(`TransactItems must list 1 to ${MAX_ACTIONS} actions`);
  const seen = new Set<string>();
  const operations: Operation[] = [];
  for (const entry of items as Array<Record<string, Record<string, unknown>>>) {
    const kinds = KINDS.filter((k) => entry?.[k] !== undefined);
    if (kinds.length !== 1) throw validation('Each TransactItems entry needs exactly one of Put, Update, Delete, ConditionCheck');
    const kind = kinds[0]!;
    const body = entry[kind]! as Omit<Operation, 'kind'>;
    if (typeof body.TableName !== 'string') throw validation(`${kind}.TableName is required`);
    const keyNames = await deps.keyAttributes(body.TableName);
    const source = kind === 'Put' ? body.Item : body.Key;
    if (!source || typeof source !== 'object') throw validation(`${kind} needs ${kind === 'Put' ? 'Item' : 'Key'}`);
    const key = Object.fromEntries(keyNames.map((name) => [name, source[name]]));
    if (keyNames.some((name) => source[name] === undefined)) throw validation(`${kind} on ${body.TableName} is missing key attribute(s) ${keyNames.join(', ')}`);
    const identity = `${body.TableName}\n${JSON.stringify(key)}`;
    if (seen.has(identity)) throw validation('Transaction request cannot include multiple operations on one item');
    seen.add(identity);
    if (kind === 'Update' && typeof body.UpdateExpression !== 'string') throw validation('Update needs an UpdateExpression');
    if (kind === 'ConditionCheck' && typeof body.ConditionExpression !== 'string') throw validation('ConditionCheck needs a ConditionExpression');
    operations.push({ ...body, kind, Key: key });
  }
  return operations;
}

async function checkCondition(deps: TransactDeps, op: Operation, snapshot: Attributes | undefined): Promise<CancellationReason> {
  if (!op.ConditionExpression) return { Code: 'None' };
  const condition = { TableName: op.TableName, ConditionExpression: op.ConditionExpression, ...usedBy([op.ConditionExpression], op) };
  try {
    // Rewriting the unchanged item (or deleting an absent one) evaluates the condition without changing anything.
    if (snapshot) await deps.call('PutItem', { ...condition, Item: snapshot });
    else await deps.call('DeleteItem', { ...condition, Key: op.Key });
    return { Code: 'None' };
  } catch (error) {
    if (!(error instanceof DynamoCallError) || error.code !== 'ConditionalCheckFailedException') throw error;
    const withItem = op.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && snapshot ? { Item: snapshot } : {};
    return { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', ...withItem };
  }
}

async function apply(deps: TransactDeps, op: Operation): Promise<void> {
  if (op.kind === 'Put') await deps.call('PutItem', { TableName: op.TableName, Item: op.Item });
  if (op.kind === 'Delete') await deps.call('DeleteItem', { TableName: op.TableName, Key: op.Key });
  if (op.kind === 'Update') await deps.call('UpdateItem', { TableName: op.TableName, Key: op.Key, UpdateExpression: op.UpdateExpression, ...usedBy([op.UpdateExpression], op) });
}

async function restore(deps: TransactDeps, op: Operation, snapshot: Attributes | undefined): Promise<void> {
  if (snapshot) await deps.call('PutItem', { TableName: op.TableName, Item: snapshot });
  else await deps.call('DeleteItem', { TableName: op.TableName, Key: op.Key });
}

export async function transactWriteItems(deps: TransactDeps, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const operations = await parseOperations(deps, input);
  const snapshots: Array<Attributes | undefined> = [];
  for (const op of operations) {
    const found = await deps.call<{ Item?: Attributes }>('GetItem', { TableName: op.TableName, Key: op.Key, ConsistentRead: true });
    snapshots.push(found.Item);
  }
  const reasons: CancellationReason[] = [];
  for (const [i, op] of operations.entries()) reasons.push(await checkCondition(deps, op, snapshots[i]));
  if (reasons.some((r) => r.Code !== 'None')) throw new TransactionCanceled(reasons);

  const applied: number[] = [];
  try {
    for (const [i, op] of operations.entries()) {
      if (op.kind === 'ConditionCheck') continue;
      await apply(deps, op);
      applied.push(i);
    }
  } catch (error) {
    for (const i of applied.reverse()) await restore(deps, operations[i]!, snapshots[i]);
    throw error;
  }
  return {};
}

export async function transactGetItems(deps: TransactDeps, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const items = input.TransactItems;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ACTIONS) throw validation(`TransactItems must list 1 to ${MAX_ACTIONS} Get actions`);
  const responses: Array<{ Item?: Attributes }> = [];
  for (const entry of items as Array<{ Get?: Record<string, unknown> }>) {
    if (!entry?.Get || typeof entry.Get.TableName !== 'string') throw validation('Each TransactGetItems entry needs Get with a TableName');
    const found = await deps.call<{ Item?: Attributes }>('GetItem', { ...entry.Get, ConsistentRead: true });
    responses.push(found.Item ? { Item: found.Item } : {});
  }
  return { Responses: responses };
}
