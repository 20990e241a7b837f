/**
 * The SNS wire format: the AWS query protocol (form-encoded `Action=…&Version=2010-03-31`, which the
 * installed `@aws-sdk/client-sns` sends) in, `<ActionResponse xmlns=…><ActionResult>…` XML out.
 * Nested parameters (`Attributes.entry.N.key`, `MessageAttributes.entry.N.Value.StringValue`,
 * `PublishBatchRequestEntries.member.N.…`, `Tags.member.N.Key`) become plain maps and lists here.
 */
import { indexedList, nestParams, queryParams, requestId, xmlEscape, xmlResponse, type NestedParams } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import type { SqsMessageAttributes } from '../sqs/api.ts';
import { SNS_XMLNS, SnsError } from './errors.ts';
import type { Input, Result } from './input.ts';

export const SNS_ACTIONS = [
  'CreateTopic', 'DeleteTopic', 'ListTopics', 'GetTopicAttributes', 'SetTopicAttributes',
  'Subscribe', 'ConfirmSubscription', 'Unsubscribe', 'ListSubscriptions', 'ListSubscriptionsByTopic',
  'GetSubscriptionAttributes', 'SetSubscriptionAttributes', 'Publish', 'PublishBatch',
  'TagResource', 'UntagResource', 'ListTagsForResource',
  'SetSMSAttributes', 'GetSMSAttributes', 'CheckIfPhoneNumberIsOptedOut', 'ListPhoneNumbersOptedOut', 'OptInPhoneNumber',
  'CreateSMSSandboxPhoneNumber', 'VerifySMSSandboxPhoneNumber', 'DeleteSMSSandboxPhoneNumber', 'ListSMSSandboxPhoneNumbers', 'GetSMSSandboxAccountStatus',
] as const;
export type SnsAction = (typeof SNS_ACTIONS)[number];
const ACTIONS = new Set<string>(SNS_ACTIONS);
export const isSnsAction = (action: string | undefined): action is SnsAction => action !== undefined && ACTIONS.has(action);

type Node = string | NestedParams | undefined;
const asNode = (node: Node): NestedParams => (node && typeof node === 'object' ? node : {});
const text = (node: Node): string | undefined => (typeof node === 'string' ? node : undefined);

/** `X.entry.N.<key>` / `X.entry.N.<value>` → `{ key: value }`. */
function entryMap(node: Node, keyName = 'key', valueName = 'value'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of indexedList(asNode(node).entry)) {
    const key = text(asNode(entry)[keyName]);
    if (key !== undefined) out[key] = text(asNode(entry)[valueName]) ?? '';
  }
  return out;
}

const memberList = (node: Node): Node[] => indexedList(asNode(node).member);

function messageAttributes(node: Node): SqsMessageAttributes {
  const out: SqsMessageAttributes = {};
  for (const entry of indexedList(asNode(node).entry)) {
    const name = text(asNode(entry).Name);
    if (name === undefined) continue;
    const value = asNode(asNode(entry).Value);
    out[name] = { DataType: text(value.DataType) ?? '' };
    if (value.StringValue !== undefined) out[name].StringValue = text(value.StringValue);
    if (value.BinaryValue !== undefined) out[name].BinaryValue = text(value.BinaryValue);
  }
  return out;
}

const tags = (node: Node) => memberList(node).map((m) => ({ Key: text(asNode(m).Key) ?? '', Value: text(asNode(m).Value) ?? '' }));

/** Structured parameters by name; everything else is passed through as a string. */
const decoders: Record<string, (node: Node) => unknown> = {
  Attributes: (node) => entryMap(node),
  // SetSMSAttributes sends a map, GetSMSAttributes a list of names.
  attributes: (node) => (asNode(node).entry ? entryMap(node) : memberList(node).map(text)),
  MessageAttributes: messageAttributes,
  Tags: tags,
  TagKeys: (node) => memberList(node).map(text),
  PublishBatchRequestEntries: (node) => memberList(node).map((m) => decode(asNode(m))),
};

function decode(params: NestedParams): Input {
  const input: Input = {};
  for (const [key, node] of Object.entries(params)) input[key] = decoders[key] ? decoders[key](node) : node;
  return input;
}

export function parseRequest(req: LocalRequest): { action: string | undefined; input: Input } {
  const params = queryParams(req);
  return { action: params.get('Action') ?? undefined, input: decode(nestParams(params)) };
}

/** Lists become `<member>`s, the attribute maps `<entry><key/><value/></entry>`, everything else nests by name. */
const MAP_FIELDS = new Set(['Attributes', 'attributes']);

function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `<${name}>${value.map((item) => toXml('member', item)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const inner = MAP_FIELDS.has(name)
      ? entries.map(([k, v]) => `<entry><key>${xmlEscape(k)}</key><value>${xmlEscape(String(v))}</value></entry>`).join('')
      : entries.map(([k, v]) => toXml(k, v)).join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export function successResponse(action: string, result: Result, id = requestId()): LocalResponse {
  const hasResult = Object.values(result).some((v) => v !== undefined);
  const body = hasResult ? toXml(`${action}Result`, result) : '';
  return xmlResponse(200, `<${action}Response xmlns="${SNS_XMLNS}">${body}<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${action}Response>`, {
    'x-amzn-requestid': id,
  });
}

export const missingAction = (): SnsError => new SnsError('MissingAction', 400, 'Missing Action');
export const invalidAction = (action: string): SnsError => new SnsError('InvalidAction', 400, `The action ${action} is not valid for this web service.`);
