/**
 * The SMS side of SNS: Publish to a phone number, account SMS attributes, opt-out, and the SMS sandbox
 * (verification codes are "texted" into the SMS outbox, where tests and students read them).
 */
import { randomUUID } from 'node:crypto';
import type { CloudContext } from '../core/types.ts';
import type { Deliverer } from './delivery.ts';
import { invalidParameter, SnsError } from './errors.ts';
import { E164, paginate, PAGE_SIZE, required, str, type Input, type Result } from './input.ts';
import { validateMessageAttributes } from './message-attributes.ts';
import type { PublishOptions } from './service.ts';
import type { SmsRecord, SnsState } from './state.ts';

const SMS_ATTRIBUTES = new Set(['MonthlySpendLimit', 'DeliveryStatusIAMRole', 'DeliveryStatusSuccessSamplingRate', 'DefaultSenderID', 'DefaultSMSType', 'UsageReportS3Bucket']);

/** The actions this file answers; `index.ts` routes them here. */
export const SMS_ACTIONS = new Set([
  'SetSMSAttributes', 'GetSMSAttributes', 'CheckIfPhoneNumberIsOptedOut', 'ListPhoneNumbersOptedOut', 'OptInPhoneNumber',
  'CreateSMSSandboxPhoneNumber', 'VerifySMSSandboxPhoneNumber', 'DeleteSMSSandboxPhoneNumber', 'ListSMSSandboxPhoneNumbers', 'GetSMSSandboxAccountStatus',
]);

export class SmsService {
  constructor(
    private readonly context: CloudContext,
    private readonly state: SnsState,
    private readonly deliverer: Deliverer,
  ) {}

  /** Publish with `PhoneNumber`: one SMS, straight into the outbox (unless the number opted out). */
  publishToPhone(phoneNumber: string, message: string, options: PublishOptions): Result {
    if (!E164.test(phoneNumber)) throw invalidParameter(`Invalid parameter: PhoneNumber Reason: ${phoneNumber} is not valid to publish to`);
    if (message === '') throw invalidParameter('Invalid parameter: Empty message');
    validateMessageAttributes(options.messageAttributes ?? {});
    const messageId = randomUUID();
    const sms: Omit<SmsRecord, 'Timestamp' | 'SenderID' | 'SMSType'> = { PhoneNumber: phoneNumber, Message: message, MessageId: messageId };
    if (options.subject !== undefined) sms.Subject = options.subject;
    if (options.messageStructure !== undefined) sms.MessageStructure = options.messageStructure;
    const status = this.deliverer.sendSms(sms, options.messageAttributes ?? {});
    this.context.events.emit({
      type: 'delivery', service: 'sns', action: 'Notification', resource: phoneNumber, time: this.context.clock.now(),
      detail: { protocol: 'sms', endpoint: phoneNumber, messageId, status },
    });
    return { MessageId: messageId };
  }

  SetSMSAttributes(input: Input): Result {
    const attributes = (input.attributes as Record<string, string> | undefined) ?? {};
    for (const [name, value] of Object.entries(attributes)) {
      if (!SMS_ATTRIBUTES.has(name)) throw invalidParameter(`${name} is not a valid attribute`);
      // AWS's own message misspells the attribute name here.
      if (name === 'DefaultSenderID' && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(value)) throw invalidParameter('DefaultSendID is not a valid attribute');
      if (name === 'DefaultSMSType' && value !== 'Promotional' && value !== 'Transactional') throw invalidParameter('DefaultSMSType is invalid');
      if (name === 'MonthlySpendLimit' && !/^\d+$/.test(value)) throw invalidParameter('MonthlySpendLimit is invalid');
      if (name === 'DeliveryStatusSuccessSamplingRate' && !(/^\d+$/.test(value) && Number(value) <= 100)) throw invalidParameter('DeliveryStatusSuccessSamplingRate is invalid');
    }
    Object.assign(this.state.smsAttributes, attributes);
    return {};
  }

  GetSMSAttributes(input: Input): Result {
    const names = (input.attributes as string[] | undefined) ?? [];
    const all = this.state.smsAttributes;
    const attributes = names.length === 0 ? { ...all } : Object.fromEntries(names.filter((n) => n in all).map((n) => [n, all[n]]));
    return { attributes };
  }

  private phone(input: Input, key: string): string {
    const value = required(input, key);
    if (!E164.test(value)) throw invalidParameter('Invalid parameter: PhoneNumber Reason: input incorrectly formatted');
    return value;
  }

  CheckIfPhoneNumberIsOptedOut(input: Input): Result {
    return { isOptedOut: this.state.optedOut.has(this.phone(input, 'phoneNumber')) };
  }

  ListPhoneNumbersOptedOut(input: Input): Result {
    const { page, next } = paginate([...this.state.optedOut], str(input, 'nextToken'));
    return { phoneNumbers: page, nextToken: next };
  }

  OptInPhoneNumber(input: Input): Result {
    this.state.optedOut.delete(this.phone(input, 'phoneNumber'));
    return {};
  }

  /** The recipient answered STOP: later SMS to this number are dropped (a teaching aid; AWS learns this from carriers). */
  optOut(phoneNumber: string): void {
    if (!E164.test(phoneNumber)) throw invalidParameter('Invalid parameter: PhoneNumber Reason: input incorrectly formatted');
    this.state.optedOut.add(phoneNumber);
  }

  CreateSMSSandboxPhoneNumber(input: Input): Result {
    const phoneNumber = this.phone(input, 'PhoneNumber');
    if (this.state.optedOut.has(phoneNumber)) throw new SnsError('OptedOut', 400, 'Phone number is opted out.');
    const known = this.state.sandboxNumbers.get(phoneNumber);
    if (known?.status === 'Verified') throw new SnsError('UserError', 400, 'Phone number is already verified.');
    if (!known && this.state.sandboxNumbers.size >= 10) throw new SnsError('UserError', 400, 'You have reached the limit of 10 sandbox destination phone numbers.');
    const oneTimePassword = String(this.context.random.int(900_000) + 100_000);
    this.state.sandboxNumbers.set(phoneNumber, { phoneNumber, status: 'Pending', oneTimePassword });
    // AWS texts the code to the phone; here it lands in the SMS outbox.
    this.deliverer.recordSms({ PhoneNumber: phoneNumber, Message: `Your Amazon SNS verification code is: ${oneTimePassword}`, MessageId: randomUUID() }, {});
    return {};
  }

  VerifySMSSandboxPhoneNumber(input: Input): Result {
    const phoneNumber = this.phone(input, 'PhoneNumber');
    const entry = this.state.sandboxNumbers.get(phoneNumber);
    if (!entry) throw new SnsError('ResourceNotFound', 404, 'Phone number does not exist.');
    if (entry.oneTimePassword !== required(input, 'OneTimePassword')) throw new SnsError('VerificationException', 400, 'Invalid one-time password.');
    entry.status = 'Verified';
    return {};
  }

  DeleteSMSSandboxPhoneNumber(input: Input): Result {
    const phoneNumber = this.phone(input, 'PhoneNumber');
    if (!this.state.sandboxNumbers.delete(phoneNumber)) throw new SnsError('ResourceNotFound', 404, 'Phone number does not exist.');
    return {};
  }

  ListSMSSandboxPhoneNumbers(input: Input): Result {
    const all = [...this.state.sandboxNumbers.values()].map((n) => ({ PhoneNumber: n.phoneNumber, Status: n.status }));
    const { page, next } = paginate(all, str(input, 'NextToken'), Number(str(input, 'MaxResults') ?? PAGE_SIZE));
    return { PhoneNumbers: page, NextToken: next };
  }

  GetSMSSandboxAccountStatus(): Result {
    // The local account is out of the sandbox: SMS go to every valid number (and into the outbox).
    return { IsInSandbox: false };
  }
}
