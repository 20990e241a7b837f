/** Everything the SNS module remembers: topics, subscriptions, SMS settings and the SMS/e-mail outboxes. */
import type { FilterPolicy } from './filter-policy.ts';

export interface Topic {
  arn: string;
  name: string;
  fifo: boolean;
  /** Attributes set by the user (DisplayName, Policy, ContentBasedDeduplication, …); computed ones are added on read. */
  attributes: Record<string, string>;
  tags: Map<string, string>;
  /** Subscription ARNs in creation order. */
  subscriptions: Set<string>;
  /** FIFO: deduplication id → { expiry, messageId, sequenceNumber } of the first publish in the 5-minute window. */
  dedup: Map<string, { expires: number; messageId: string; sequenceNumber: string }>;
  nextSequence: bigint;
  deletedSubscriptions: number;
}

export type SubscriptionProtocol = 'sqs' | 'http' | 'https' | 'email' | 'email-json' | 'sms' | 'lambda' | 'application' | 'firehose';

export interface Subscription {
  arn: string;
  topicArn: string;
  protocol: SubscriptionProtocol;
  endpoint: string;
  owner: string;
  /** User-settable attributes as given (RawMessageDelivery, FilterPolicy, FilterPolicyScope, RedrivePolicy, DeliveryPolicy…). */
  attributes: Record<string, string>;
  filterPolicy?: FilterPolicy;
  confirmed: boolean;
  token?: string;
}

export interface SmsRecord {
  PhoneNumber: string;
  Message: string;
  MessageId: string;
  TopicArn?: string;
  SubscriptionArn?: string;
  Subject?: string;
  MessageAttributes?: Record<string, unknown>;
  MessageStructure?: string;
  /** Sender ID and SMS type as they would apply (AWS.SNS.SMS.* attributes or account defaults). */
  SenderID?: string;
  SMSType?: string;
  Timestamp: string;
}

export interface EmailRecord {
  Destination: string;
  Subject: string;
  Body: string;
  /** `email` (text) or `email-json` (the JSON document). */
  Protocol: 'email' | 'email-json';
  /** `SubscriptionConfirmation`, `Notification` or `UnsubscribeConfirmation`. */
  Type: string;
  MessageId: string;
  TopicArn: string;
  SubscriptionArn: string;
  Timestamp: string;
}

export interface SandboxNumber {
  phoneNumber: string;
  status: 'Pending' | 'Verified';
  oneTimePassword: string;
}

export class SnsState {
  readonly topics = new Map<string, Topic>();
  readonly subscriptions = new Map<string, Subscription>();
  /** Confirmation token → subscription ARN. */
  readonly tokens = new Map<string, string>();
  readonly smsAttributes: Record<string, string> = { MonthlySpendLimit: '1' };
  readonly optedOut = new Set<string>();
  readonly sandboxNumbers = new Map<string, SandboxNumber>();
  smsOutbox: SmsRecord[] = [];
  emailOutbox: EmailRecord[] = [];

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

  topicArn(name: string): string {
    return `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
  }
}
