import { describe, expect, it } from 'vitest';
import type { SqsMessageAttributes } from '../sqs/api.ts';
import { FilterPolicyError, matchesFilterPolicy, parseFilterPolicy } from './filter-policy.ts';

const attrs = (values: Record<string, string | number | string[]>): SqsMessageAttributes =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      Array.isArray(v) ? { DataType: 'String.Array', StringValue: JSON.stringify(v) } : typeof v === 'number' ? { DataType: 'Number', StringValue: String(v) } : { DataType: 'String', StringValue: v },
    ]),
  );

const onAttributes = (policy: unknown, values: Record<string, string | number | string[]>) =>
  matchesFilterPolicy(parseFilterPolicy(JSON.stringify(policy)), attrs(values), '');
const onBody = (policy: unknown, body: unknown) =>
  matchesFilterPolicy(parseFilterPolicy(JSON.stringify(policy), 'MessageBody'), {}, JSON.stringify(body));
const detail = (policy: unknown, scope: 'MessageAttributes' | 'MessageBody' = 'MessageAttributes') => {
  try {
    parseFilterPolicy(typeof policy === 'string' ? policy : JSON.stringify(policy), scope);
  } catch (error) {
    if (error instanceof FilterPolicyError) return error.detail;
    throw error;
  }
  return 'valid';
};

describe('filter policy matching on message attributes', () => {
  it('exact strings: any listed value matches, others do not', () => {
    expect(onAttributes({ color: ['red', 'blue'] }, { color: 'blue' })).toBe(true);
    expect(onAttributes({ color: ['red', 'blue'] }, { color: 'green' })).toBe(false);
    expect(onAttributes({ color: ['red'] }, {})).toBe(false);
  });

  it('all keys must match (AND), values within a key are alternatives (OR)', () => {
    expect(onAttributes({ color: ['red'], size: ['L'] }, { color: 'red', size: 'L' })).toBe(true);
    expect(onAttributes({ color: ['red'], size: ['L'] }, { color: 'red', size: 'M' })).toBe(false);
  });

  it('prefix, suffix and equals-ignore-case', () => {
    expect(onAttributes({ id: [{ prefix: 'ord-' }] }, { id: 'ord-17' })).toBe(true);
    expect(onAttributes({ id: [{ prefix: 'ord-' }] }, { id: 'inv-17' })).toBe(false);
    expect(onAttributes({ file: [{ suffix: '.png' }] }, { file: 'a.png' })).toBe(true);
    expect(onAttributes({ file: [{ suffix: '.png' }] }, { file: 'a.jpg' })).toBe(false);
    expect(onAttributes({ city: [{ 'equals-ignore-case': 'wien' }] }, { city: 'WIEN' })).toBe(true);
    expect(onAttributes({ city: [{ 'equals-ignore-case': 'wien' }] }, { city: 'Graz' })).toBe(false);
  });

  it('anything-but with a value, a list and a prefix; a missing attribute never matches it', () => {
    expect(onAttributes({ state: [{ 'anything-but': 'cancelled' }] }, { state: 'paid' })).toBe(true);
    expect(onAttributes({ state: [{ 'anything-but': 'cancelled' }] }, { state: 'cancelled' })).toBe(false);
    expect(onAttributes({ state: [{ 'anything-but': ['a', 'b'] }] }, { state: 'b' })).toBe(false);
    expect(onAttributes({ state: [{ 'anything-but': ['a', 'b'] }] }, { state: 'c' })).toBe(true);
    expect(onAttributes({ id: [{ 'anything-but': { prefix: 'test-' } }] }, { id: 'test-1' })).toBe(false);
    expect(onAttributes({ id: [{ 'anything-but': { prefix: 'test-' } }] }, { id: 'prod-1' })).toBe(true);
    expect(onAttributes({ state: [{ 'anything-but': 'cancelled' }] }, {})).toBe(false);
    expect(onAttributes({ price: [{ 'anything-but': [100] }] }, { price: 100 })).toBe(false);
    expect(onAttributes({ price: [{ 'anything-but': [100] }] }, { price: 99 })).toBe(true);
  });

  it('numeric equality, open and closed ranges on Number attributes', () => {
    expect(onAttributes({ price: [{ numeric: ['=', 10] }] }, { price: 10 })).toBe(true);
    expect(onAttributes({ price: [{ numeric: ['>', 10] }] }, { price: 10 })).toBe(false);
    expect(onAttributes({ price: [{ numeric: ['>=', 10] }] }, { price: 10 })).toBe(true);
    expect(onAttributes({ price: [{ numeric: ['>', 0, '<=', 5] }] }, { price: 5 })).toBe(true);
    expect(onAttributes({ price: [{ numeric: ['>', 0, '<', 5] }] }, { price: 5 })).toBe(false);
    expect(onAttributes({ price: [{ numeric: ['<', 0] }] }, { price: -1.5 })).toBe(true);
    expect(onAttributes({ price: [10] }, { price: 10 })).toBe(true);
    // A String attribute is not a number, even if it looks like one.
    expect(onAttributes({ price: [{ numeric: ['=', 10] }] }, { price: '10' })).toBe(false);
  });

  it('exists true/false', () => {
    expect(onAttributes({ trace: [{ exists: true }] }, { trace: 'x' })).toBe(true);
    expect(onAttributes({ trace: [{ exists: true }] }, {})).toBe(false);
    expect(onAttributes({ trace: [{ exists: false }] }, {})).toBe(true);
    expect(onAttributes({ trace: [{ exists: false }] }, { trace: 'x' })).toBe(false);
  });

  it('String.Array attributes match if any element matches', () => {
    expect(onAttributes({ tags: ['sale'] }, { tags: ['new', 'sale'] })).toBe(true);
    expect(onAttributes({ tags: ['sale'] }, { tags: ['new'] })).toBe(false);
  });

  it('$or combines alternative sub-policies', () => {
    const policy = { source: ['shop'], $or: [{ color: ['red'] }, { price: [{ numeric: ['>', 100] }] }] };
    expect(onAttributes(policy, { source: 'shop', color: 'red' })).toBe(true);
    expect(onAttributes(policy, { source: 'shop', color: 'blue', price: 150 })).toBe(true);
    expect(onAttributes(policy, { source: 'shop', color: 'blue', price: 50 })).toBe(false);
    expect(onAttributes(policy, { source: 'web', color: 'red' })).toBe(false);
  });
});

describe('filter policy matching on the message body', () => {
  it('matches nested keys', () => {
    const policy = { order: { customer: { country: ['AT', 'DE'] } } };
    expect(onBody(policy, { order: { customer: { country: 'AT' } } })).toBe(true);
    expect(onBody(policy, { order: { customer: { country: 'FR' } } })).toBe(false);
    expect(onBody(policy, { order: {} })).toBe(false);
  });

  it('arrays in the body match if any element matches, including arrays of objects', () => {
    expect(onBody({ tags: ['b'] }, { tags: ['a', 'b'] })).toBe(true);
    expect(onBody({ items: { sku: [{ prefix: 'X' }] } }, { items: [{ sku: 'A1' }, { sku: 'X9' }] })).toBe(true);
    expect(onBody({ items: { sku: [{ prefix: 'X' }] } }, { items: [{ sku: 'A1' }] })).toBe(false);
  });

  it('numbers, booleans and null compare by JSON type', () => {
    expect(onBody({ amount: [{ numeric: ['>=', 100] }] }, { amount: 250 })).toBe(true);
    expect(onBody({ paid: [true] }, { paid: true })).toBe(true);
    expect(onBody({ paid: [true] }, { paid: 'true' })).toBe(false);
    expect(onBody({ note: [null] }, { note: null })).toBe(true);
  });

  it('exists false matches a missing nested object; a non-JSON body never matches', () => {
    expect(onBody({ meta: { trace: [{ exists: false }] } }, { other: 1 })).toBe(true);
    const policy = parseFilterPolicy('{"a":["b"]}', 'MessageBody');
    expect(matchesFilterPolicy(policy, {}, 'not json')).toBe(false);
  });

  it('$or works inside nested levels', () => {
    const policy = { order: { $or: [{ state: ['new'] }, { priority: [{ numeric: ['>', 5] }] }] } };
    expect(onBody(policy, { order: { state: 'new' } })).toBe(true);
    expect(onBody(policy, { order: { state: 'old', priority: 9 } })).toBe(true);
    expect(onBody(policy, { order: { state: 'old', priority: 1 } })).toBe(false);
  });
});

describe('filter policy validation (AWS error texts)', () => {
  it.each([
    [{ a: [{ prefix: 1 }] }, 'prefix match pattern must be a string'],
    [{ a: [{ suffix: 1 }] }, 'suffix match pattern must be a string'],
    [{ a: [{ exists: 'yes' }] }, 'exists match pattern must be either true or false.'],
    [{ a: [{ 'wrong-operator': 1 }] }, 'Unrecognized match type wrong-operator'],
    [{ a: [{ prefix: 'x', suffix: 'y' }] }, 'Only one key allowed in match expression'],
    [{ a: [] }, 'Empty arrays are not allowed'],
    [{ a: [{ numeric: ['<', 'x'] }] }, 'Value of < must be numeric'],
    [{ a: [{ numeric: ['operator', 1] }] }, 'Unrecognized numeric range operator: operator'],
    [{ a: [{ numeric: ['>', 1, '<', 2, '>', 3] }] }, 'Too many elements in numeric expression'],
    [{ a: [{ numeric: ['>', 5, '<', 1] }] }, 'Bottom must be less than top'],
    [{ a: [{ numeric: ['<', 5, '>', 1] }] }, 'Bad numeric range operator: <'],
    [{ a: [{ numeric: ['=', 5, '<', 10] }] }, 'Too many terms in numeric range expression'],
    [{ a: [{ 'anything-but': { suffix: 'x' } }] }, 'Unsupported anything-but pattern: suffix'],
    [{ a: [{ 'anything-but': { exists: true } }] }, 'Unsupported anything-but pattern: exists'],
    [{ a: ['1'], b: ['2'], c: ['3'], d: ['4'], e: ['5'], f: ['6'] }, 'Filter policy can not have more than 5 keys'],
  ])('%j → %s', (policy, message) => {
    expect(detail(policy)).toBe(message);
  });

  it('rejects too many value combinations', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(detail({ a: many(13), b: many(12) })).toBe('Filter policy is too complex');
    expect(detail({ a: many(10), b: many(15) })).toBe('valid');
  });

  it('nested policies need the MessageBody scope', () => {
    expect(detail({ a: { b: ['c'] } })).toBe('Filter policy scope MessageAttributes does not support nested filter policy');
    expect(detail({ a: { b: ['c'] } }, 'MessageBody')).toBe('valid');
  });

  it('reports JSON syntax errors', () => {
    expect(detail('{invalid')).toMatch(/^failed to parse JSON\. /);
  });
});
