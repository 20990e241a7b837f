/**
 * The digests SQS returns and the SDK verifies: MD5 of the body, MD5 of the message attributes in AWS's binary
 * encoding (names sorted; each name, data type and value length-prefixed big-endian; transport byte 1 = string,
 * 2 = binary), and SHA-256 of the body for FIFO content-based deduplication.
 */
import { createHash, hash } from 'node:crypto';
import type { SqsMessageAttributes } from './api.ts';

// One-shot `hash` is several times cheaper than createHash for small inputs (hot path of every send).
export const md5Hex = (text: string): string => hash('md5', text, 'hex');

export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

function lengthPrefixed(bytes: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return [length, bytes];
}

export function md5OfAttributes(attributes: SqsMessageAttributes): string {
  const hash = createHash('md5');
  for (const name of Object.keys(attributes).sort()) {
    const { DataType, StringValue, BinaryValue } = attributes[name];
    for (const part of lengthPrefixed(Buffer.from(name, 'utf8'))) hash.update(part);
    for (const part of lengthPrefixed(Buffer.from(DataType, 'utf8'))) hash.update(part);
    const binary = DataType.startsWith('Binary');
    hash.update(Buffer.from([binary ? 2 : 1]));
    const value = binary ? Buffer.from(BinaryValue ?? '', 'base64') : Buffer.from(StringValue ?? '', 'utf8');
    for (const part of lengthPrefixed(value)) hash.update(part);
  }
  return hash.digest('hex');
}
