/**
 * SNS subscription filter policies: validation with AWS's error texts, and matching against message
 * attributes (scope `MessageAttributes`, the default) or the JSON message body (scope `MessageBody`).
 * Operators: exact (string, number, true/false/null), prefix, suffix, equals-ignore-case, anything-but
 * (value, list, or {prefix}), numeric (=, <, <=, >, >= and ranges), exists, and `$or`.
 */
import type { SqsMessageAttributes } from '../sqs/api.ts';

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';
export const FILTER_POLICY_SCOPES: readonly FilterPolicyScope[] = ['MessageAttributes', 'MessageBody'];

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type Literal = string | number | boolean | null;

type Condition =
  | { kind: 'exact'; value: Literal }
  | { kind: 'prefix' | 'suffix' | 'equals-ignore-case'; value: string }
  | { kind: 'anything-but'; values: Literal[] }
  | { kind: 'anything-but-prefix'; value: string }
  | { kind: 'numeric'; lower?: { value: number; inclusive: boolean }; upper?: { value: number; inclusive: boolean } }
  | { kind: 'exists'; value: boolean };

/** A compiled policy level: AND over keys, each key either leaf conditions (OR) or a nested level; `$or` lists alternatives. */
export interface PolicyLevel {
  leaves: Map<string, Condition[]>;
  nested: Map<string, PolicyLevel>;
  or: PolicyLevel[][];
}

export interface FilterPolicy {
  scope: FilterPolicyScope;
  root: PolicyLevel;
}

/** A validation failure; `detail` is AWS's text after `FilterPolicy: ` (callers add the parameter prefix). */
export class FilterPolicyError extends Error {
  constructor(
    readonly detail: string,
    /** True when AWS reports it without the `FilterPolicy:` prefix. */
    readonly bare = false,
  ) {
    super(detail);
  }
}

const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;
const NUMERIC_OPERATORS = new Set(['=', '<', '<=', '>', '>=']);

const isPlainObject = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLiteral = (v: unknown): v is Literal => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function compileNumeric(spec: JsonValue): Condition {
  if (!Array.isArray(spec) || spec.length === 0) throw new FilterPolicyError('Value of numeric must be an array.');
  if (spec.length > 4) throw new FilterPolicyError('Too many elements in numeric expression');
  const pairs: Array<[string, number]> = [];
  for (let i = 0; i < spec.length; i += 2) {
    const op = spec[i];
    if (typeof op !== 'string') throw new FilterPolicyError(`Invalid member in numeric match: ${JSON.stringify(op)}`);
    if (!NUMERIC_OPERATORS.has(op)) throw new FilterPolicyError(`Unrecognized numeric range operator: ${op}`);
    const value = spec[i + 1];
    if (typeof value !== 'number') throw new FilterPolicyError(`Value of ${op} must be numeric`);
    pairs.push([op, value]);
  }
  const [first, second] = pairs;
  if (first[0] === '=') {
    if (second) throw new FilterPolicyError('Too many terms in numeric range expression');
    return { kind: 'numeric', lower: { value: first[1], inclusive: true }, upper: { value: first[1], inclusive: true } };
  }
  const bound = ([op, value]: [string, number]) => ({ value, inclusive: op.endsWith('=') });
  if (!second) return first[0].startsWith('>') ? { kind: 'numeric', lower: bound(first) } : { kind: 'numeric', upper: bound(first) };
  if (!first[0].startsWith('>')) throw new FilterPolicyError(`Bad numeric range operator: ${first[0]}`);
  if (!second[0].startsWith('<')) throw new FilterPolicyError(`Bad numeric range operator: ${second[0]}`);
  if (!(first[1] < second[1])) throw new FilterPolicyError('Bottom must be less than top');
  return { kind: 'numeric', lower: bound(first), upper: bound(second) };
}

function compileAnythingBut(spec: JsonValue): Condition {
  if (typeof spec === 'string' || typeof spec === 'number') return { kind: 'anything-but', values: [spec] };
  if (Array.isArray(spec)) {
    if (spec.length === 0) throw new FilterPolicyError('Empty arrays are not allowed');
    for (const v of spec) {
      if (typeof v !== 'string' && typeof v !== 'number') throw new FilterPolicyError('Inside anything but list, start|null|boolean is not supported.');
    }
    return { kind: 'anything-but', values: spec as Literal[] };
  }
  if (isPlainObject(spec)) {
    const [operator, ...rest] = Object.keys(spec);
    if (rest.length > 0) throw new FilterPolicyError('Only one key allowed in match expression');
    if (operator !== 'prefix') throw new FilterPolicyError(`Unsupported anything-but pattern: ${operator}`);
    if (typeof spec.prefix !== 'string') throw new FilterPolicyError('prefix match pattern must be a string');
    return { kind: 'anything-but-prefix', value: spec.prefix };
  }
  throw new FilterPolicyError('Value of anything-but must be an array or single string/number value.');
}

function compileCondition(spec: JsonValue): Condition {
  if (isLiteral(spec)) return { kind: 'exact', value: spec };
  if (!isPlainObject(spec)) throw new FilterPolicyError('Match value must be String, number, true, false, or null');
  const keys = Object.keys(spec);
  if (keys.length !== 1) throw new FilterPolicyError('Only one key allowed in match expression');
  const operator = keys[0];
  const value = spec[operator];
  switch (operator) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      if (typeof value !== 'string') throw new FilterPolicyError(`${operator} match pattern must be a string`);
      return { kind: operator, value };
    case 'exists':
      if (typeof value !== 'boolean') throw new FilterPolicyError('exists match pattern must be either true or false.');
      return { kind: 'exists', value };
    case 'anything-but':
      return compileAnythingBut(value);
    case 'numeric':
      return compileNumeric(value);
    default:
      throw new FilterPolicyError(`Unrecognized match type ${operator}`);
  }
}

function compileLevel(node: Record<string, JsonValue>, scope: FilterPolicyScope): PolicyLevel {
  const level: PolicyLevel = { leaves: new Map(), nested: new Map(), or: [] };
  for (const [key, value] of Object.entries(node)) {
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2 || !value.every(isPlainObject)) {
        throw new FilterPolicyError('$or must be an array of at least two objects');
      }
      level.or.push(value.map((alternative) => compileLevel(alternative as Record<string, JsonValue>, scope)));
    } else if (Array.isArray(value)) {
      if (value.length === 0) throw new FilterPolicyError('Empty arrays are not allowed');
      level.leaves.set(key, value.map(compileCondition));
    } else if (isPlainObject(value)) {
      if (scope === 'MessageAttributes') throw new FilterPolicyError('Filter policy scope MessageAttributes does not support nested filter policy', true);
      level.nested.set(key, compileLevel(value, scope));
    } else {
      throw new FilterPolicyError(`"${key}" must be an object or an array`);
    }
  }
  return level;
}

/** Each `$or` alternative expands into its own flat policy; AWS limits keys and value combinations per expansion. */
function expansions(level: PolicyLevel): Array<{ keys: number; combinations: number }> {
  let result = [{ keys: level.leaves.size, combinations: [...level.leaves.values()].reduce((p, c) => p * c.length, 1) }];
  const multiply = (parts: Array<{ keys: number; combinations: number }>) => {
    const next: typeof result = [];
    for (const a of result) for (const b of parts) next.push({ keys: a.keys + b.keys, combinations: a.combinations * b.combinations });
    result = next;
  };
  for (const child of level.nested.values()) multiply(expansions(child));
  for (const alternatives of level.or) multiply(alternatives.flatMap(expansions));
  return result;
}

/** Parses and validates a policy; throws `FilterPolicyError`. An empty string or `{}` matches every message. */
export function parseFilterPolicy(text: string, scope: FilterPolicyScope = 'MessageAttributes'): FilterPolicy {
  if (text.trim() === '') return { scope, root: { leaves: new Map(), nested: new Map(), or: [] } };
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new FilterPolicyError(`failed to parse JSON. ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw new FilterPolicyError('Filter policy must be a JSON object');
  const root = compileLevel(parsed, scope);
  const all = expansions(root);
  if (all.some((e) => e.keys > MAX_KEYS)) throw new FilterPolicyError(`Filter policy can not have more than ${MAX_KEYS} keys`);
  if (all.reduce((sum, e) => sum + e.combinations, 0) > MAX_COMBINATIONS) throw new FilterPolicyError('Filter policy is too complex');
  return { scope, root };
}

function matchesCondition(condition: Condition, value: JsonValue): boolean {
  switch (condition.kind) {
    case 'exact':
      return value === condition.value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(condition.value);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(condition.value);
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === condition.value.toLowerCase();
    case 'anything-but':
      return value !== null && !condition.values.includes(value as Literal);
    case 'anything-but-prefix':
      return typeof value === 'string' && !value.startsWith(condition.value);
    case 'numeric': {
      if (typeof value !== 'number') return false;
      const { lower, upper } = condition;
      if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
      if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
      return true;
    }
    case 'exists':
      return condition.value;
  }
}

/** A key's values: absent (undefined), or the list of scalar values to test (arrays match if any element does). */
type Lookup = (key: string) => JsonValue[] | undefined;

function matchesLeaf(conditions: Condition[], values: JsonValue[] | undefined): boolean {
  if (values === undefined) return conditions.some((c) => c.kind === 'exists' && !c.value);
  return conditions.some((c) => (c.kind === 'exists' ? c.value : values.some((v) => matchesCondition(c, v))));
}

function matchesLevel(level: PolicyLevel, lookup: Lookup, nestedLookup: (key: string) => Lookup[] | undefined): boolean {
  for (const [key, conditions] of level.leaves) if (!matchesLeaf(conditions, lookup(key))) return false;
  for (const [key, child] of level.nested) {
    const children = nestedLookup(key);
    if (!children) {
      if (!matchesAbsentLevel(child)) return false;
    } else if (!children.some((c) => matchesLevel(child, c, bodyNested(c)))) return false;
  }
  return level.or.every((alternatives) => alternatives.some((alt) => matchesLevel(alt, lookup, nestedLookup)));
}

/** A nested level whose object is missing matches only if every leaf accepts absence (`exists: false`). */
function matchesAbsentLevel(level: PolicyLevel): boolean {
  const none: Lookup = () => undefined;
  return matchesLevel(level, none, () => undefined);
}

const asValues = (v: JsonValue): JsonValue[] => (Array.isArray(v) ? v : [v]);

function objectLookup(object: Record<string, JsonValue>): Lookup {
  return (key) => (Object.hasOwn(object, key) && !isPlainObject(object[key]) ? asValues(object[key]) : undefined);
}

const bodyLookups = new WeakMap<Lookup, Record<string, JsonValue>>();

function lookupFor(object: Record<string, JsonValue>): Lookup {
  const lookup = objectLookup(object);
  bodyLookups.set(lookup, object);
  return lookup;
}

function bodyNested(lookup: Lookup): (key: string) => Lookup[] | undefined {
  const object = bodyLookups.get(lookup);
  return (key) => {
    const value = object?.[key];
    if (isPlainObject(value)) return [lookupFor(value)];
    if (Array.isArray(value)) {
      const objects = value.filter(isPlainObject);
      return objects.length > 0 ? objects.map(lookupFor) : undefined;
    }
    return undefined;
  };
}

/** Attribute values as the matcher sees them: String → string, Number → number, String.Array → its JSON elements. */
function attributeLookup(attributes: SqsMessageAttributes): Lookup {
  return (key) => {
    const attribute = attributes[key];
    if (!attribute) return undefined;
    const type = attribute.DataType.split('.')[0];
    const raw = attribute.StringValue ?? '';
    if (attribute.DataType === 'String.Array') {
      try {
        const parsed = JSON.parse(raw) as JsonValue;
        return Array.isArray(parsed) ? parsed.filter(isLiteral) : [];
      } catch {
        return [];
      }
    }
    if (type === 'Number') return [Number(raw)];
    if (type === 'String') return [raw];
    return []; // Binary attributes exist but match no value condition.
  };
}

export function matchesFilterPolicy(policy: FilterPolicy, attributes: SqsMessageAttributes, body: string): boolean {
  if (policy.scope === 'MessageAttributes') return matchesLevel(policy.root, attributeLookup(attributes), () => undefined);
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(body) as JsonValue;
  } catch {
    return false; // AWS: a body that is not JSON never matches a MessageBody policy.
  }
  if (!isPlainObject(parsed)) return false;
  const root = lookupFor(parsed);
  return matchesLevel(policy.root, root, bodyNested(root));
}
