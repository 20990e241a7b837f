/**
 * Time to live, which dynalite lacks: the setting per table, and a sweep that deletes expired items. AWS deletes
 * them "typically within a few days"; locally the sweep runs every minute of the cloud's clock, so until then
 * expired items still appear in reads — exactly why code must filter on the TTL attribute itself.
 */
import { DynamoCallError } from './dynalite.ts';

type Call = <T = Record<string, unknown>>(operation: string, input: unknown) => Promise<T>;

export const SWEEP_INTERVAL_MS = 60_000;

export class TtlSettings {
  private readonly attributes = new Map<string, string>();

  constructor(private readonly call: Call) {}

  async update(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const table = input.TableName;
    const spec = input.TimeToLiveSpecification as { Enabled?: unknown; AttributeName?: unknown } | undefined;
    if (typeof table !== 'string') throw new DynamoCallError('ValidationException', 'TableName is required', 400);
    if (!spec || typeof spec.Enabled !== 'boolean' || typeof spec.AttributeName !== 'string' || spec.AttributeName === '') {
      throw new DynamoCallError('ValidationException', 'TimeToLiveSpecification needs Enabled (boolean) and AttributeName', 400);
    }
    await this.call('DescribeTable', { TableName: table });
    const current = this.attributes.get(table);
    if (spec.Enabled && current !== undefined) throw new DynamoCallError('ValidationException', 'TimeToLive is already enabled', 400);
    if (!spec.Enabled && current === undefined) throw new DynamoCallError('ValidationException', 'TimeToLive is already disabled', 400);
    if (spec.Enabled) this.attributes.set(table, spec.AttributeName);
    else this.attributes.delete(table);
    return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
  }

  async describe(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (typeof input.TableName !== 'string') throw new DynamoCallError('ValidationException', 'TableName is required', 400);
    await this.call('DescribeTable', { TableName: input.TableName });
    const attribute = this.attributes.get(input.TableName);
    return { TimeToLiveDescription: attribute ? { TimeToLiveStatus: 'ENABLED', AttributeName: attribute } : { TimeToLiveStatus: 'DISABLED' } };
  }

  forget(table: string): void {
    this.attributes.delete(table);
  }

  /** Deletes items whose TTL attribute (epoch seconds) lies before `nowMs`; returns how many. */
  async sweep(nowMs: number, keyAttributes: (table: string) => Promise<string[]>): Promise<number> {
    let deleted = 0;
    for (const [table, attribute] of this.attributes) {
      const keys = await keyAttributes(table);
      const expired = { ExpressionAttributeNames: { '#ttl': attribute }, ExpressionAttributeValues: { ':now': { N: String(Math.floor(nowMs / 1000)) } } };
      let start: unknown;
      do {
        const page = await this.call<{ Items?: Array<Record<string, unknown>>; LastEvaluatedKey?: unknown }>('Scan', {
          TableName: table, FilterExpression: '#ttl < :now', ExclusiveStartKey: start, ...expired,
        });
        for (const item of page.Items ?? []) {
          const Key = Object.fromEntries(keys.map((k) => [k, item[k]]));
          try {
            await this.call('DeleteItem', { TableName: table, Key, ConditionExpression: '#ttl < :now', ...expired });
            deleted++;
          } catch (error) {
            if (!(error instanceof DynamoCallError) || error.code !== 'ConditionalCheckFailedException') throw error;
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return deleted;
  }
}
