import { describe, expect, it } from 'vitest';
import type { SNSEvent } from 'aws-lambda';
import { confirmationMessage, lambdaEvent, notificationEnvelope, type SnsNotification } from './envelope.ts';
import { retryDelays, retryPolicyFrom } from './delivery.ts';

const notification: SnsNotification = {
  messageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
  topicArn: 'arn:aws:sns:eu-central-1:000000000000:orders',
  message: '{"order":42}',
  subject: 'New order',
  timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
  messageAttributes: {
    kind: { DataType: 'String', StringValue: 'order' },
    amount: { DataType: 'Number', StringValue: '9.5' },
    blob: { DataType: 'Binary', BinaryValue: 'AQID' },
  },
};
const links = { endpoint: 'http://127.0.0.1:4566', subscriptionArn: `${notification.topicArn}:sub-1` };

describe('Lambda event for SNS subscriptions', () => {
  it('has the Records[].Sns shape of @types/aws-lambda SNSEvent', () => {
    const event: SNSEvent = lambdaEvent(notification, links) as SNSEvent;
    expect(event.Records).toHaveLength(1);
    const [record] = event.Records;
    expect(record).toMatchObject({ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: links.subscriptionArn });
    expect(record.Sns).toMatchObject({
      Type: 'Notification',
      MessageId: notification.messageId,
      TopicArn: notification.topicArn,
      Subject: 'New order',
      Message: '{"order":42}',
      Timestamp: '2026-01-02T03:04:05.678Z',
      SignatureVersion: '1',
      SigningCertUrl: 'http://127.0.0.1:4566/_aws/sns/SimpleNotificationService-localcloud.pem',
      UnsubscribeUrl: `http://127.0.0.1:4566/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(links.subscriptionArn)}`,
      MessageAttributes: {
        kind: { Type: 'String', Value: 'order' },
        amount: { Type: 'Number', Value: '9.5' },
        blob: { Type: 'Binary', Value: 'AQID' },
      },
    });
    expect(record.Sns.Signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('writes Subject as null when the publish had none', () => {
    const event = lambdaEvent({ ...notification, subject: undefined }, links);
    expect(event.Records[0].Sns.Subject).toBeNull();
  });
});

describe('notification envelope', () => {
  it('keeps AWS field order and omits Subject, SequenceNumber and MessageAttributes when absent', () => {
    const plain = notificationEnvelope({ ...notification, subject: undefined, messageAttributes: {} }, links);
    expect(Object.keys(plain)).toEqual(['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL']);
    const fifo = notificationEnvelope({ ...notification, sequenceNumber: '10000000000000000001' }, links);
    expect(Object.keys(fifo)).toEqual(['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
  });

  it('signatures differ when the message differs', () => {
    const a = notificationEnvelope(notification, links).Signature;
    const b = notificationEnvelope({ ...notification, message: 'other' }, links).Signature;
    expect(a).not.toBe(b);
  });

  it('confirmation messages carry a SubscribeURL pointing at the local cloud', () => {
    const doc = confirmationMessage('SubscriptionConfirmation', { messageId: 'm', topicArn: notification.topicArn, subscriptionArn: links.subscriptionArn, token: 'tok', timestamp: 0, endpoint: links.endpoint });
    expect(doc.Type).toBe('SubscriptionConfirmation');
    expect(doc.Message).toBe(`You have chosen to subscribe to the topic ${notification.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`);
    const url = new URL(doc.SubscribeURL);
    expect(url.origin).toBe(links.endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({ Action: 'ConfirmSubscription', TopicArn: notification.topicArn, Token: 'tok' });
  });
});

describe('HTTP retry policy', () => {
  it('defaults to AWS: three retries, 20 s apart', () => {
    expect(retryDelays(retryPolicyFrom(undefined, undefined))).toEqual([20, 20, 20]);
  });

  it('reads the subscription policy over the topic policy and spreads delays along the backoff', () => {
    const topic = JSON.stringify({ http: { defaultHealthyRetryPolicy: { numRetries: 2, minDelayTarget: 7, maxDelayTarget: 7 } } });
    expect(retryDelays(retryPolicyFrom(undefined, topic))).toEqual([7, 7]);
    const subscription = JSON.stringify({ healthyRetryPolicy: { numRetries: 5, minDelayTarget: 1, maxDelayTarget: 16, backoffFunction: 'exponential' } });
    expect(retryDelays(retryPolicyFrom(subscription, topic))).toEqual([1, 2, 4, 8, 16]);
    const linear = JSON.stringify({ healthyRetryPolicy: { numRetries: 3, minDelayTarget: 10, maxDelayTarget: 30, backoffFunction: 'linear' } });
    expect(retryDelays(retryPolicyFrom(linear, undefined))).toEqual([10, 20, 30]);
  });
});
