/** Validated CDK context values. Bad values stop the synth with a sentence that names the key. */
import type { Node } from 'constructs';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function optionalString(node: Node, key: string): string | undefined {
  const value = node.tryGetContext(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

export function phoneNumberFrom(node: Node): string | undefined {
  const value = optionalString(node, 'phoneNumber');
  if (value !== undefined && !E164.test(value)) {
    throw new Error(`Context phoneNumber must be in E.164 format like +4366412345678 (plus sign, country code, no spaces), got "${value}"`);
  }
  return value;
}

export function emailFrom(node: Node, key = 'notifyEmail'): string | undefined {
  const value = optionalString(node, key);
  if (value !== undefined && !EMAIL.test(value)) throw new Error(`Context ${key} is not an e-mail address: "${value}"`);
  return value;
}
