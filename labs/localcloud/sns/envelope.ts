/**
 * The JSON documents SNS hands to subscribers: the notification envelope (SQS, HTTP/S, email-json),
 * subscription and unsubscribe confirmations, and the Lambda event. Field order follows AWS's documents.
 * The local cloud does not sign: `Signature` is a stable digest, not an RSA signature (see README).
 */
import { hash } from 'node:crypto';
import type { SqsMessageAttributes } from '../sqs/api.ts';

/** A published message as the delivery side sees it. */
export interface SnsNotification {
  messageId: string;
  topicArn: string;
  /** Message for this subscriber's protocol (already resolved from MessageStructure=json). */
  message: string;
  subject?: string;
  timestamp: number;
  messageAttributes: SqsMessageAttributes;
  /** FIFO topics only. */
  sequenceNumber?: string;
  groupId?: string;
  dedupId?: string;
}

export interface EnvelopeLinks {
  /** Base URL of this local cloud, e.g. `http://127.0.0.1:4566`. */
  endpoint: string;
  subscriptionArn: string;
}

export const isoTimestamp = (ms: number): string => new Date(ms).toISOString();

export const signingCertUrl = (endpoint: string): string => `${endpoint}/_aws/sns/SimpleNotificationService-localcloud.pem`;

export const unsubscribeUrl = (endpoint: string, subscriptionArn: string): string =>
  `${endpoint}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(subscriptionArn)}`;

export const subscribeUrl = (endpoint: string, topicArn: string, token: string): string =>
  `${endpoint}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topicArn)}&Token=${encodeURIComponent(token)}`;

/** A placeholder with the shape of a signature (base64), derived from the signed fields so it is stable per message. */
export function pseudoSignature(fields: Record<string, string | undefined>): string {
  const canonical = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}\n${v}\n`)
    .join('');
  return hash('sha256', canonical, 'base64'); // one-shot: cheaper on the fan-out hot path
}

const notificationSignature = (n: SnsNotification, timestamp: string): string =>
  pseudoSignature({ Message: n.message, MessageId: n.messageId, Subject: n.subject, Timestamp: timestamp, TopicArn: n.topicArn, Type: 'Notification' });

/** `{ name: { Type, Value } }` as SNS writes message attributes into envelopes (binary values stay base64). */
export function envelopeAttributes(attributes: SqsMessageAttributes): Record<string, { Type: string; Value: string }> {
  const out: Record<string, { Type: string; Value: string }> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    out[name] = { Type: attribute.DataType, Value: attribute.StringValue ?? attribute.BinaryValue ?? '' };
  }
  return out;
}

/** The `Type: Notification` document delivered to SQS (non-raw), HTTP/S (non-raw) and email-json subscribers. */
export function notificationEnvelope(n: SnsNotification, links: EnvelopeLinks): Record<string, unknown> {
  const timestamp = isoTimestamp(n.timestamp);
  const signature = notificationSignature(n, timestamp);
  const envelope: Record<string, unknown> = { Type: 'Notification', MessageId: n.messageId };
  if (n.sequenceNumber !== undefined) envelope.SequenceNumber = n.sequenceNumber;
  envelope.TopicArn = n.topicArn;
  if (n.subject !== undefined) envelope.Subject = n.subject;
  Object.assign(envelope, {
    Message: n.message,
    Timestamp: timestamp,
    SignatureVersion: '1',
    Signature: signature,
    SigningCertURL: signingCertUrl(links.endpoint),
    UnsubscribeURL: unsubscribeUrl(links.endpoint, links.subscriptionArn),
  });
  if (Object.keys(n.messageAttributes).length > 0) envelope.MessageAttributes = envelopeAttributes(n.messageAttributes);
  return envelope;
}

export type ConfirmationType = 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

/** What an HTTP/S endpoint (or email-json inbox) receives before it is subscribed, or after it was unsubscribed. */
export function confirmationMessage(
  type: ConfirmationType,
  options: { messageId: string; topicArn: string; subscriptionArn: string; token: string; timestamp: number; endpoint: string },
): Record<string, string> {
  const message =
    type === 'SubscriptionConfirmation'
      ? `You have chosen to subscribe to the topic ${options.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
      : `You have chosen to deactivate subscription ${options.subscriptionArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
  const timestamp = isoTimestamp(options.timestamp);
  const url = subscribeUrl(options.endpoint, options.topicArn, options.token);
  return {
    Type: type,
    MessageId: options.messageId,
    Token: options.token,
    TopicArn: options.topicArn,
    Message: message,
    SubscribeURL: url,
    Timestamp: timestamp,
    SignatureVersion: '1',
    Signature: pseudoSignature({ Message: message, MessageId: options.messageId, SubscribeURL: url, Timestamp: timestamp, Token: options.token, TopicArn: options.topicArn, Type: type }),
    SigningCertURL: signingCertUrl(options.endpoint),
  };
}

/** The event a Lambda function subscribed to a topic receives (`SNSEvent` in @types/aws-lambda). */
export function lambdaEvent(n: SnsNotification, links: EnvelopeLinks) {
  const timestamp = isoTimestamp(n.timestamp);
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: links.subscriptionArn,
        Sns: {
          Type: 'Notification',
          MessageId: n.messageId,
          TopicArn: n.topicArn,
          Subject: n.subject ?? null,
          Message: n.message,
          Timestamp: timestamp,
          SignatureVersion: '1',
          Signature: notificationSignature(n, timestamp),
          SigningCertUrl: signingCertUrl(links.endpoint),
          UnsubscribeUrl: unsubscribeUrl(links.endpoint, links.subscriptionArn),
          MessageAttributes: envelopeAttributes(n.messageAttributes),
        },
      },
    ],
  };
}
