/**
 * SQS on the wire: the AWS JSON 1.0 protocol (`x-amz-target: AmazonSQS.<Action>`, what SDK v3 uses) and the older
 * query protocol (form `Action=<Action>`, XML answers). Both are turned into the same JSON-shaped input for
 * semantics.ts, and its JSON-shaped output is encoded back in the caller's protocol.
 */
import { indexedList, isFormRequest, isValidUtf8, jsonResponse, nestParams, queryAction, queryErrorResponse, queryParams, xmlElement, xmlResponse, type NestedParams } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import { describeError, errors } from './errors.ts';
import type { SqsApiError } from './api.ts';
import type { Input, Output } from './semantics.ts';

export const SQS_XMLNS = 'http://queue.amazonaws.com/doc/2012-11-05/';
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AmazonSQS.';

/** Field kinds per operation: s string, i integer, m string map, a message attributes, l string list, e batch entries. */
type Kind = 's' | 'i' | 'm' | 'a' | 'l' | 'e';
type Shape = Record<string, Kind>;

const sendFields: Shape = {
  MessageBody: 's',
  DelaySeconds: 'i',
  MessageAttributes: 'a',
  MessageSystemAttributes: 'a',
  MessageDeduplicationId: 's',
  MessageGroupId: 's',
};
const handleFields: Shape = { ReceiptHandle: 's' };
const visibilityFields: Shape = { ReceiptHandle: 's', VisibilityTimeout: 'i' };

export const operations: Record<string, Shape> = {
  CreateQueue: { QueueName: 's', Attributes: 'm', tags: 'm' },
  GetQueueUrl: { QueueName: 's', QueueOwnerAWSAccountId: 's' },
  ListQueues: { QueueNamePrefix: 's', NextToken: 's', MaxResults: 'i' },
  DeleteQueue: { QueueUrl: 's' },
  PurgeQueue: { QueueUrl: 's' },
  GetQueueAttributes: { QueueUrl: 's', AttributeNames: 'l' },
  SetQueueAttributes: { QueueUrl: 's', Attributes: 'm' },
  SendMessage: { QueueUrl: 's', ...sendFields },
  SendMessageBatch: { QueueUrl: 's', Entries: 'e' },
  ReceiveMessage: {
    QueueUrl: 's',
    AttributeNames: 'l',
    MessageSystemAttributeNames: 'l',
    MessageAttributeNames: 'l',
    MaxNumberOfMessages: 'i',
    VisibilityTimeout: 'i',
    WaitTimeSeconds: 'i',
    ReceiveRequestAttemptId: 's',
  },
  DeleteMessage: { QueueUrl: 's', ...handleFields },
  DeleteMessageBatch: { QueueUrl: 's', Entries: 'e' },
  ChangeMessageVisibility: { QueueUrl: 's', ...visibilityFields },
  ChangeMessageVisibilityBatch: { QueueUrl: 's', Entries: 'e' },
  TagQueue: { QueueUrl: 's', Tags: 'm' },
  UntagQueue: { QueueUrl: 's', TagKeys: 'l' },
  ListQueueTags: { QueueUrl: 's' },
  ListDeadLetterSourceQueues: { QueueUrl: 's', NextToken: 's', MaxResults: 'i' },
};

const entryShapes: Record<string, Shape> = {
  SendMessageBatch: { Id: 's', ...sendFields },
  DeleteMessageBatch: { Id: 's', ...handleFields },
  ChangeMessageVisibilityBatch: { Id: 's', ...visibilityFields },
};

export interface ParsedRequest {
  protocol: 'json' | 'query';
  action: string;
  input: Input;
}

// ---------------------------------------------------------------- matching

export const jsonTarget = (req: LocalRequest): string | undefined => {
  const target = req.headers['x-amz-target'];
  return target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
};

/** JSON by target; query protocol when signed for `sqs`, or unsigned with an SQS action (SNS signs as `sns`). */
export function isSqsRequest(req: LocalRequest): boolean {
  if (req.headers['x-amz-target'] !== undefined) return jsonTarget(req) !== undefined;
  if (req.signingService !== undefined) return req.signingService === 'sqs';
  const action = queryAction(req);
  return action !== undefined && action in operations;
}

/** Action and queue of a request without validating it (fault rules match on them). */
export function peekActionAndQueue(req: LocalRequest): { action?: string; resource?: string } {
  const target = jsonTarget(req);
  if (target !== undefined) {
    const match = /"QueueUrl"\s*:\s*"([^"]*)"/.exec(req.body.toString('utf8'));
    return { action: target, resource: match?.[1] };
  }
  const params = queryParams(req);
  return { action: params.get('Action') ?? undefined, resource: params.get('QueueUrl') ?? (req.path.length > 1 ? req.path : undefined) };
}

// ---------------------------------------------------------------- parsing

export function parseRequest(req: LocalRequest): ParsedRequest {
  if (!isValidUtf8(req.body)) throw errors.serialization('The request body is not valid UTF-8.');
  const target = jsonTarget(req);
  if (target !== undefined || (req.headers['content-type'] ?? '').startsWith('application/x-amz-json')) {
    return parseJson(req, target);
  }
  return parseQuery(req);
}

function parseJson(req: LocalRequest, action: string | undefined): ParsedRequest {
  if (!action) throw errors.unknownOperation(req.headers['x-amz-target'] ?? '(missing X-Amz-Target)');
  const shape = operations[action];
  if (!shape) throw errors.unknownOperation(action);
  let input: unknown;
  try {
    input = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
  } catch {
    throw errors.serialization('The request body is not valid JSON.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw errors.serialization('The request body must be a JSON object.');
  checkShape(input as Input, shape, action, '');
  return { protocol: 'json', action, input: input as Input };
}

function checkShape(input: Input, shape: Shape, action: string, path: string): void {
  for (const field in input) {
    const kind = shape[field];
    const value = input[field];
    if (kind === undefined || value === null) continue; // AWS ignores unknown members
    if (!hasKind(value, kind, action, `${path}${field}`)) {
      throw errors.serialization(`Value of ${path}${field} has the wrong type: expected ${kindNames[kind]}.`);
    }
  }
}

// A plain function, not closures per field: this runs on every request.
function hasKind(value: unknown, kind: Kind, action: string, where: string): boolean {
  switch (kind) {
    case 's':
      return typeof value === 'string';
    case 'i':
      return typeof value === 'number' && Number.isInteger(value);
    case 'm':
      return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string');
    case 'l':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'a':
      return (
        isPlainObject(value) &&
        Object.values(value).every(
          (attribute) =>
            isPlainObject(attribute) &&
            (['DataType', 'StringValue', 'BinaryValue'] as const).every((key) => attribute[key] === undefined || typeof attribute[key] === 'string'),
        )
      );
    case 'e':
      if (!Array.isArray(value) || value.some((v) => !isPlainObject(v))) return false;
      value.forEach((entry: Input, i: number) => checkShape(entry, entryShapes[action], action, `${where}[${i}].`));
      return true;
  }
}

const kindNames: Record<Kind, string> = { s: 'string', i: 'integer', m: 'map of strings', a: 'map of message attributes', l: 'list of strings', e: 'list of entries' };
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseQuery(req: LocalRequest): ParsedRequest {
  const params = queryParams(req);
  const action = params.get('Action');
  if (!action) throw errors.missing('Action');
  const shape = operations[action];
  if (!shape) throw errors.unknownOperation(action);
  const input = fromQuery(nestParams(params), shape, action);
  // Older clients post to the queue URL instead of passing QueueUrl.
  if (shape.QueueUrl && input.QueueUrl === undefined && /^\/\d+\/[^/]+$/.test(req.path)) input.QueueUrl = req.path;
  return { protocol: 'query', action, input };
}

const queryNames: Record<string, string> = {
  Attributes: 'Attribute',
  tags: 'Tag',
  Tags: 'Tag',
  TagKeys: 'TagKey',
  AttributeNames: 'AttributeName',
  MessageSystemAttributeNames: 'MessageSystemAttributeName',
  MessageAttributeNames: 'MessageAttributeName',
  MessageAttributes: 'MessageAttribute',
  MessageSystemAttributes: 'MessageSystemAttribute',
};

function fromQuery(params: NestedParams, shape: Shape, action: string): Input {
  const input: Input = {};
  for (const [field, kind] of Object.entries(shape)) {
    const node = params[kind === 'e' ? `${action}RequestEntry` : (queryNames[field] ?? field)];
    if (node === undefined) continue;
    const items = indexedList(node);
    switch (kind) {
      case 's':
        if (typeof node === 'string') input[field] = node;
        break;
      case 'i':
        input[field] = typeof node === 'string' && /^-?\d+$/.test(node) ? Number(node) : node;
        break;
      case 'l':
        input[field] = items.filter((v): v is string => typeof v === 'string');
        break;
      case 'm': {
        const [keyName, valueName] = field === 'Attributes' ? ['Name', 'Value'] : ['Key', 'Value'];
        input[field] = Object.fromEntries(items.filter(isNode).map((item) => [String(item[keyName]), String(item[valueName] ?? '')]));
        break;
      }
      case 'a':
        input[field] = Object.fromEntries(
          items.filter(isNode).map((item) => {
            const value = isNode(item.Value) ? item.Value : {};
            return [String(item.Name), { DataType: value.DataType, StringValue: value.StringValue, BinaryValue: value.BinaryValue }];
          }),
        );
        break;
      case 'e':
        input[field] = items.filter(isNode).map((item) => fromQuery(item, entryShapes[action], action));
        break;
    }
  }
  return input;
}

const isNode = (value: unknown): value is NestedParams => typeof value === 'object' && value !== null;

// ---------------------------------------------------------------- encoding

export function encodeResult(protocol: 'json' | 'query', action: string, output: Output, requestId: string): LocalResponse {
  if (protocol === 'json') return jsonResponse(200, output, { 'x-amzn-requestid': requestId }, JSON_CONTENT_TYPE);
  const result = toXml(output, action);
  const body = result === '' ? '' : `<${action}Result>${result}</${action}Result>`;
  return xmlResponse(
    200,
    `<${action}Response xmlns="${SQS_XMLNS}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
    { 'x-amzn-requestid': requestId },
  );
}

export function encodeError(protocol: 'json' | 'query', error: SqsApiError, requestId: string): LocalResponse {
  const wire = describeError(error);
  if (protocol === 'query') return queryErrorResponse(wire.status, wire.queryCode, wire.message, { fault: wire.fault, xmlns: SQS_XMLNS, id: requestId });
  return jsonResponse(
    wire.status,
    { __type: wire.jsonType, message: wire.message },
    { 'x-amzn-requestid': requestId, 'x-amzn-query-error': `${wire.queryCode};${wire.fault}` },
    JSON_CONTENT_TYPE,
  );
}

/** The protocol a (possibly unparseable) request expects its error in. */
export const protocolOf = (req: LocalRequest): 'json' | 'query' =>
  jsonTarget(req) !== undefined || !isFormRequest(req) ? 'json' : 'query';

function toXml(output: Output, action: string): string {
  let xml = '';
  for (const [key, value] of Object.entries(output)) {
    if (value === undefined) continue;
    if (key === 'Attributes') xml += pairs(value as Record<string, string>, 'Attribute', 'Name', 'Value');
    else if (key === 'Tags') xml += pairs(value as Record<string, string>, 'Tag', 'Key', 'Value');
    else if (key === 'MessageAttributes') {
      for (const [name, attribute] of Object.entries(value as Record<string, Output>)) {
        xml += `<MessageAttribute>${xmlElement('Name', name)}<Value>${toXml(attribute, action)}</Value></MessageAttribute>`;
      }
    } else if (key === 'QueueUrls' || key === 'queueUrls') xml += (value as string[]).map((url) => xmlElement('QueueUrl', url)).join('');
    else if (key === 'Messages') xml += (value as Output[]).map((m) => `<Message>${toXml(m, action)}</Message>`).join('');
    else if (key === 'Successful') xml += (value as Output[]).map((e) => `<${action}ResultEntry>${toXml(e, action)}</${action}ResultEntry>`).join('');
    else if (key === 'Failed') xml += (value as Output[]).map((e) => `<BatchResultErrorEntry>${toXml(e, action)}</BatchResultErrorEntry>`).join('');
    else xml += xmlElement(key, value as string | number | boolean);
  }
  return xml;
}

const pairs = (map: Record<string, string>, element: string, keyName: string, valueName: string) =>
  Object.entries(map)
    .map(([k, v]) => `<${element}>${xmlElement(keyName, k)}${xmlElement(valueName, v)}</${element}>`)
    .join('');
