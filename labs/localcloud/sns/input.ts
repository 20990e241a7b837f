/** Reading decoded SNS request input (strings, maps, lists) and paging list results, shared by the operation files. */
import { invalidParameter, missingParameter } from './errors.ts';

export type Input = Record<string, unknown>;
export type Result = Record<string, unknown>;

export const PAGE_SIZE = 100;
/** E.164: `+`, country code, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;

export const str = (input: Input, key: string): string | undefined => (typeof input[key] === 'string' ? (input[key] as string) : undefined);

/** A required string; AWS reports a missing one as a validation error on the camel-cased member name. */
export const required = (input: Input, key: string, member = key.charAt(0).toLowerCase() + key.slice(1)): string => {
  const value = str(input, key);
  if (value === undefined) throw missingParameter(member);
  return value;
};

export const record = (input: Input, key: string): Record<string, string> => (input[key] as Record<string, string> | undefined) ?? {};

/** Offset-based pages of 100 (or `size`); the token is the offset, opaque to clients. */
export function paginate<T>(items: T[], token: string | undefined, size = PAGE_SIZE): { page: T[]; next?: string } {
  const start = token ? Number.parseInt(Buffer.from(token, 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('Invalid parameter: NextToken');
  const end = start + Math.max(1, size);
  return { page: items.slice(start, end), next: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
