/** AWS::DynamoDB::Table/GlobalTable, AWS::SSM::Parameter and AWS::Logs::LogGroup. */
import { DYNAMODB_REGISTRY_KEY, type DynamoDbInternalApi } from '../../dynamodb/api.ts';
import { SSM_REGISTRY_KEY, type SsmInternalApi } from '../../ssm/api.ts';
import { PropertyError, optionalString, registryApi as service, requireString, sameJson, type ResourceHandler } from './types.ts';

const TABLE_FIELDS = ['KeySchema', 'AttributeDefinitions', 'BillingMode', 'ProvisionedThroughput', 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes'];

function createTableInput(properties: Record<string, unknown>, name: string): Record<string, unknown> {
  const input: Record<string, unknown> = { TableName: name };
  for (const field of TABLE_FIELDS) if (properties[field] !== undefined) input[field] = properties[field];
  if (!Array.isArray(input.KeySchema) || !Array.isArray(input.AttributeDefinitions)) throw new PropertyError('KeySchema and AttributeDefinitions are required');
  if (input.BillingMode === undefined && input.ProvisionedThroughput === undefined) input.BillingMode = 'PAY_PER_REQUEST';
  if (input.BillingMode === 'PAY_PER_REQUEST' && Array.isArray(input.GlobalSecondaryIndexes)) {
    input.GlobalSecondaryIndexes = (input.GlobalSecondaryIndexes as Array<Record<string, unknown>>).map(({ ProvisionedThroughput: _unused, ...gsi }) => gsi);
  }
  return input;
}

const ttlAttribute = (properties: Record<string, unknown>) => {
  const spec = properties.TimeToLiveSpecification as { AttributeName?: string; Enabled?: unknown } | undefined;
  return spec && (spec.Enabled === true || spec.Enabled === 'true') ? spec.AttributeName : undefined;
};

const tableHandler: ResourceHandler = {
  async create(properties, rc) {
    const name = optionalString(properties, 'TableName') ?? rc.physicalName(255);
    const dynamodb = service<DynamoDbInternalApi>(rc, DYNAMODB_REGISTRY_KEY);
    let table;
    try {
      table = await dynamodb.createTable(createTableInput(properties, name));
    } catch (error) {
      throw new PropertyError(`CreateTable failed: ${(error as Error).message}`);
    }
    await dynamodb.setTimeToLive(name, ttlAttribute(properties));
    // dynalite has no streams: references resolve, but nothing reads from the stream locally.
    const streamed = (properties.StreamSpecification as { StreamViewType?: string } | undefined)?.StreamViewType !== undefined;
    if (streamed) rc.warn(`${rc.logicalId}: DynamoDB streams are not emulated locally; the table works without one`);
    return { physicalId: name, attributes: { Arn: table.tableArn, ...(streamed ? { StreamArn: `${table.tableArn}/stream/local` } : {}) } };
  },
  async update(properties, previous, old, rc) {
    const name = optionalString(properties, 'TableName') ?? rc.physicalName(255);
    if (name !== previous.physicalId || !sameJson(createTableInput(properties, name), createTableInput(old, name))) {
      rc.warn(`${rc.logicalId}: table definition changed — the local table is replaced and its items are gone`);
      return undefined;
    }
    await service<DynamoDbInternalApi>(rc, DYNAMODB_REGISTRY_KEY).setTimeToLive(name, ttlAttribute(properties));
    return previous;
  },
  async delete(previous, rc) {
    await service<DynamoDbInternalApi>(rc, DYNAMODB_REGISTRY_KEY).deleteTable(previous.physicalId).catch(() => undefined);
  },
};

const PARAMETER_TYPES = new Set(['String', 'StringList']);

const parameterHandler: ResourceHandler = {
  async create(properties, rc) {
    const name = optionalString(properties, 'Name') ?? `CFN-${rc.physicalName(1011)}`;
    const type = requireString(properties, 'Type');
    if (!PARAMETER_TYPES.has(type)) throw new PropertyError(`Type ${type} cannot be created by CloudFormation (String or StringList; SecureString parameters are put with \`npm run secret\`)`);
    const value = requireString(properties, 'Value');
    const ssm = service<SsmInternalApi>(rc, SSM_REGISTRY_KEY);
    try {
      ssm.putParameter(name, type as 'String', value, optionalString(properties, 'Description'));
    } catch (error) {
      throw new PropertyError((error as Error).message);
    }
    return { physicalId: name, attributes: { Type: type, Value: value } };
  },
  async update(properties, previous, _old, rc) {
    const name = optionalString(properties, 'Name') ?? previous.physicalId;
    return name === previous.physicalId ? parameterHandler.create({ ...properties, Name: name }, rc) : undefined;
  },
  async delete(previous, rc) {
    service<SsmInternalApi>(rc, SSM_REGISTRY_KEY).deleteParameter(previous.physicalId);
  },
};

/** Log groups exist only as names locally: function logs go to the cloud's console and event stream. */
const logGroupHandler: ResourceHandler = {
  async create(properties, rc) {
    const name = optionalString(properties, 'LogGroupName') ?? rc.physicalName(512);
    return { physicalId: name, attributes: { Arn: `arn:aws:logs:${rc.ctx.region}:${rc.ctx.accountId}:log-group:${name}:*` } };
  },
  async update(properties, previous) {
    return properties.LogGroupName === undefined || properties.LogGroupName === previous.physicalId ? previous : undefined;
  },
  async delete() {},
};

export const dataHandlers: Record<string, ResourceHandler> = {
  'AWS::DynamoDB::Table': tableHandler,
  'AWS::DynamoDB::GlobalTable': tableHandler,
  'AWS::SSM::Parameter': parameterHandler,
  'AWS::Logs::LogGroup': logGroupHandler,
};

