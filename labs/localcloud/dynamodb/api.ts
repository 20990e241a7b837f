/** The HTTP-free DynamoDB API in `context.registry.get('dynamodb')`, used by the deployer for AWS::DynamoDB::Table. */
export const DYNAMODB_REGISTRY_KEY = 'dynamodb';

export interface TableInfo {
  tableName: string;
  tableArn: string;
}

export interface DynamoDbInternalApi {
  /** `input` is a CreateTable request (API shape); resolves once the table is ACTIVE. */
  createTable(input: Record<string, unknown>): Promise<TableInfo>;
  deleteTable(tableName: string): Promise<void>;
  /** Enables TTL on `attributeName`, or disables it when undefined. */
  setTimeToLive(tableName: string, attributeName: string | undefined): Promise<void>;
  /** Deletes expired items now (the service also sweeps every minute); returns how many. */
  sweepExpired(): Promise<number>;
}
