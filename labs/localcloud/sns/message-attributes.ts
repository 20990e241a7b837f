/** Message attribute rules SNS applies to every publish (topic or phone number), with AWS's texts. */
import type { SqsMessageAttributes } from '../sqs/api.ts';
import { parameterValueInvalid, validationError } from './errors.ts';

export function validateMessageAttributes(attributes: SqsMessageAttributes): void {
  for (const [name, attribute] of Object.entries(attributes)) {
    if (Buffer.byteLength(name) >= 256) throw parameterValueInvalid('Length of message attribute name must be less than 256 bytes.');
    const bad = /[^A-Za-z0-9_.-]/.exec(name);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase();
      throw parameterValueInvalid(`Invalid non-alphanumeric character '#x${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`);
    }
    if (name.startsWith('.')) throw parameterValueInvalid("Invalid message attribute name starting with character '.' was found.");
    if (name.endsWith('.')) throw parameterValueInvalid("Invalid message attribute name ending with character '.' was found.");
    if (name.includes('..')) throw parameterValueInvalid("Message attribute name can not have successive '.' character.");
    if (!attribute.DataType) throw validationError(`1 validation error detected: Value null at 'messageAttributes.${name}.member.dataType' failed to satisfy constraint: Member must not be null`);
    const base = attribute.DataType.split('.')[0];
    if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
      throw parameterValueInvalid(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    }
    const field = base === 'Binary' ? 'BinaryValue' : 'StringValue';
    const other = base === 'Binary' ? 'StringValue' : 'BinaryValue';
    if (attribute[other] !== undefined && attribute[field] === undefined) {
      throw parameterValueInvalid(`The message attribute '${name}' with type '${base}' must use field '${base === 'Binary' ? 'Binary' : 'String'}'.`);
    }
    if (!attribute[field]) {
      throw parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`);
    }
    if (base === 'Number' && !Number.isFinite(Number(attribute.StringValue))) {
      throw parameterValueInvalid(`Could not cast message attribute '${name}' value to number.`);
    }
  }
}

/** Bytes counted against the message size limit: names, types and values. */
export const attributesSize = (attributes: SqsMessageAttributes): number =>
  Object.entries(attributes).reduce((sum, [name, a]) => sum + Buffer.byteLength(name) + Buffer.byteLength(a.DataType) + Buffer.byteLength(a.StringValue ?? a.BinaryValue ?? ''), 0);
