/** Which IAM action on which table ARN(s) a DynamoDB request needs, as AWS evaluates it. */
import { transactEntries } from './transactions.ts';

export interface Requirement {
  action: string;
  resource: string;
}

export function requiredPermissions(operation: string, input: Record<string, unknown>, tableArn: (name: string) => string): Requirement[] {
  const action = (name: string) => `dynamodb:${name}`;
  if (operation === 'ListTables') return [{ action: action(operation), resource: '*' }];
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem') {
    const tables = Object.keys((input.RequestItems as Record<string, unknown> | undefined) ?? {});
    return tables.map((t) => ({ action: action(operation), resource: tableArn(t) }));
  }
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    return transactEntries(input).map((e) => ({ action: action(e.action), resource: tableArn(e.table) }));
  }
  if (typeof input.ResourceArn === 'string') return [{ action: action(operation), resource: input.ResourceArn }];
  if (typeof input.TableName !== 'string') return [];
  const table = tableArn(input.TableName);
  const resource = typeof input.IndexName === 'string' ? `${table}/index/${input.IndexName}` : table;
  return [{ action: action(operation), resource }];
}
