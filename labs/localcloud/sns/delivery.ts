/**
 * Hands a published message to one subscription: SQS (envelope or raw), HTTP/S POST with retries,
 * Lambda (through the compute module's `invokeAsync`, if registered), SMS and e-mail outboxes.
 * Every attempt is reported on the event bus as `type: 'delivery'`.
 */
import http from 'node:http';
import https from 'node:https';
import type { Timer } from '../core/clock.ts';
import type { CloudContext } from '../core/types.ts';
import { sqsApi, type SqsMessageAttributes } from '../sqs/api.ts';
import { lambdaApi } from '../lambda/api.ts';
import { confirmationMessage, isoTimestamp, lambdaEvent, notificationEnvelope, type ConfirmationType, type SnsNotification } from './envelope.ts';
import type { SmsRecord, SnsState, Subscription } from './state.ts';

export interface RetryPolicy {
  numRetries: number;
  minDelayTarget: number;
  maxDelayTarget: number;
  backoffFunction: 'linear' | 'arithmetic' | 'geometric' | 'exponential';
}

/** AWS's default HTTP/S policy: 3 retries, 20 s apart. */
export const DEFAULT_HTTP_RETRY_POLICY: RetryPolicy = { numRetries: 3, minDelayTarget: 20, maxDelayTarget: 20, backoffFunction: 'linear' };
/** One HTTP attempt may take this long before it counts as failed (AWS uses 15 s). */
export const HTTP_ATTEMPT_TIMEOUT_MS = 15_000;
export const USER_AGENT = 'Amazon Simple Notification Service Agent';
const DEFAULT_EMAIL_SUBJECT = 'AWS Notification Message';
/** Outboxes keep the newest messages only, so a long-running cloud cannot grow without bound. */
export const OUTBOX_LIMIT = 10_000;

function keepNewest<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > OUTBOX_LIMIT) list.splice(0, list.length - OUTBOX_LIMIT);
}

/** Seconds to wait before retry 1…n: grows from minDelayTarget to maxDelayTarget along the backoff function. */
export function retryDelays(policy: RetryPolicy): number[] {
  const { numRetries: n, minDelayTarget: min, maxDelayTarget: max } = policy;
  return Array.from({ length: n }, (_, i) => {
    if (n <= 1 || min === max) return min;
    const t = i / (n - 1);
    if (policy.backoffFunction === 'exponential' || policy.backoffFunction === 'geometric') return Math.round(min * (max / Math.max(min, 1)) ** t);
    return Math.round(min + (max - min) * t);
  });
}

/** The retry policy from a subscription's or topic's DeliveryPolicy attribute (AWS's JSON shape), else the default. */
export function retryPolicyFrom(subscriptionPolicy: string | undefined, topicPolicy: string | undefined): RetryPolicy {
  const read = (text: string | undefined, path: 'subscription' | 'topic'): Partial<RetryPolicy> | undefined => {
    if (!text) return undefined;
    try {
      const parsed = JSON.parse(text) as Record<string, any>;
      return path === 'subscription' ? parsed.healthyRetryPolicy : parsed.http?.defaultHealthyRetryPolicy;
    } catch {
      return undefined;
    }
  };
  return { ...DEFAULT_HTTP_RETRY_POLICY, ...read(topicPolicy, 'topic'), ...read(subscriptionPolicy, 'subscription') };
}

interface HttpPost {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** One POST; resolves with the status code, rejects on network errors and timeouts. */
function post({ url, body, headers }: HttpPost, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: HTTP_ATTEMPT_TIMEOUT_MS,
        signal,
        // Local HTTPS receivers use self-signed certificates.
        ...(target.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${HTTP_ATTEMPT_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

export class Deliverer {
  private readonly timers = new Set<Timer>();
  private readonly aborter = new AbortController();

  constructor(
    private readonly context: CloudContext,
    private readonly state: SnsState,
  ) {}

  private report(subscription: Subscription, action: string, messageId: string, status: string, detail: Record<string, unknown> = {}): void {
    if (!this.context.events.hasListeners) return; // the hot path of every fan-out
    this.context.events.emit({
      type: 'delivery',
      service: 'sns',
      action,
      resource: subscription.arn,
      detail: { protocol: subscription.protocol, endpoint: subscription.endpoint, topicArn: subscription.topicArn, messageId, status, ...detail },
      time: this.context.clock.now(),
    });
  }

  /** Delivers a notification; SQS, SMS and e-mail synchronously, HTTP/S and Lambda in the background. */
  deliver(subscription: Subscription, notification: SnsNotification): void {
    const links = { endpoint: this.context.endpoint(), subscriptionArn: subscription.arn };
    const raw = subscription.attributes.RawMessageDelivery === 'true';
    switch (subscription.protocol) {
      case 'sqs':
        return this.deliverToSqs(subscription, notification, raw);
      case 'http':
      case 'https': {
        const body = raw ? notification.message : JSON.stringify(notificationEnvelope(notification, links));
        const headers = this.httpHeaders('Notification', notification.messageId, subscription, raw);
        return this.postWithRetries(subscription, 'Notification', notification.messageId, { url: subscription.endpoint, body, headers });
      }
      case 'lambda':
        return this.deliverToLambda(subscription, notification);
      case 'sms': {
        const sms = { PhoneNumber: subscription.endpoint, Message: notification.message, MessageId: notification.messageId, TopicArn: notification.topicArn, SubscriptionArn: subscription.arn };
        return this.report(subscription, 'Notification', notification.messageId, this.sendSms(sms, notification.messageAttributes));
      }
      case 'email':
      case 'email-json': {
        const body = subscription.protocol === 'email' ? notification.message : JSON.stringify(notificationEnvelope(notification, links), null, 2);
        this.recordEmail(subscription, 'Notification', notification.messageId, notification.subject ?? DEFAULT_EMAIL_SUBJECT, body);
        return this.report(subscription, 'Notification', notification.messageId, 'delivered');
      }
      default:
        return this.report(subscription, 'Notification', notification.messageId, 'failed', { error: `protocol ${subscription.protocol} is not emulated` });
    }
  }

  /** Sends the SubscriptionConfirmation (or UnsubscribeConfirmation) to an HTTP/S endpoint or an inbox. */
  confirm(subscription: Subscription, type: ConfirmationType, token: string, messageId: string): void {
    const document = confirmationMessage(type, {
      messageId,
      topicArn: subscription.topicArn,
      subscriptionArn: subscription.arn,
      token,
      timestamp: this.context.clock.now(),
      endpoint: this.context.endpoint(),
    });
    if (subscription.protocol === 'http' || subscription.protocol === 'https') {
      const headers = this.httpHeaders(type, messageId, subscription, false);
      this.postWithRetries(subscription, type, messageId, { url: subscription.endpoint, body: JSON.stringify(document), headers });
    } else if (subscription.protocol === 'email' || subscription.protocol === 'email-json') {
      const body = subscription.protocol === 'email' ? `${document.Message}\n\n${document.SubscribeURL}` : JSON.stringify(document, null, 2);
      this.recordEmail(subscription, type, messageId, 'AWS Notification - Subscription Confirmation', body);
      this.report(subscription, type, messageId, 'delivered');
    }
  }

  /** An SMS to a number that opted out is dropped, as carriers and AWS do. */
  sendSms(record: Omit<SmsRecord, 'Timestamp' | 'SenderID' | 'SMSType'>, attributes: SqsMessageAttributes): 'delivered' | 'opted-out' {
    if (this.state.optedOut.has(record.PhoneNumber)) return 'opted-out';
    this.recordSms(record, attributes);
    return 'delivered';
  }

  recordSms(record: Omit<SmsRecord, 'Timestamp' | 'SenderID' | 'SMSType'>, attributes: SqsMessageAttributes): SmsRecord {
    const full: SmsRecord = {
      ...record,
      SenderID: attributes['AWS.SNS.SMS.SenderID']?.StringValue ?? this.state.smsAttributes.DefaultSenderID,
      SMSType: attributes['AWS.SNS.SMS.SMSType']?.StringValue ?? this.state.smsAttributes.DefaultSMSType ?? 'Promotional',
      Timestamp: isoTimestamp(this.context.clock.now()),
    };
    if (Object.keys(attributes).length > 0) full.MessageAttributes = attributes;
    keepNewest(this.state.smsOutbox, full);
    return full;
  }

  stop(): void {
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    this.aborter.abort();
  }

  private recordEmail(subscription: Subscription, type: string, messageId: string, subject: string, body: string): void {
    keepNewest(this.state.emailOutbox, {
      Destination: subscription.endpoint,
      Subject: subject,
      Body: body,
      Protocol: subscription.protocol as 'email' | 'email-json',
      Type: type,
      MessageId: messageId,
      TopicArn: subscription.topicArn,
      SubscriptionArn: subscription.arn,
      Timestamp: isoTimestamp(this.context.clock.now()),
    });
  }

  private httpHeaders(type: string, messageId: string, subscription: Subscription, raw: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': USER_AGENT,
      'x-amz-sns-message-type': type,
      'x-amz-sns-message-id': messageId,
      'x-amz-sns-topic-arn': subscription.topicArn,
    };
    if (type !== 'SubscriptionConfirmation') headers['x-amz-sns-subscription-arn'] = subscription.arn;
    if (raw) headers['x-amz-sns-rawdelivery'] = 'true';
    return headers;
  }

  private deliverToSqs(subscription: Subscription, n: SnsNotification, raw: boolean): void {
    const body = raw ? n.message : JSON.stringify(notificationEnvelope(n, { endpoint: this.context.endpoint(), subscriptionArn: subscription.arn }));
    const attributes = raw ? n.messageAttributes : undefined;
    const fifoQueue = subscription.endpoint.endsWith('.fifo');
    // FIFO queues get the topic's group and deduplication ids; standard queues get neither.
    const options = fifoQueue ? { groupId: n.groupId, dedupId: n.dedupId ?? n.messageId } : {};
    try {
      sqsApi(this.context.registry).sendMessage(subscription.endpoint, body, attributes, options);
      this.report(subscription, 'Notification', n.messageId, 'delivered');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report(subscription, 'Notification', n.messageId, 'failed', { error: message });
      this.toDeadLetterQueue(subscription, n, body, attributes, message);
    }
  }

  /** RedrivePolicy `deadLetterTargetArn`: the undeliverable message goes to that SQS queue, as AWS does. */
  private toDeadLetterQueue(subscription: Subscription, n: SnsNotification, body: string, attributes: SqsMessageAttributes | undefined, reason: string): void {
    const policy = subscription.attributes.RedrivePolicy;
    if (!policy) return;
    try {
      const target = (JSON.parse(policy) as { deadLetterTargetArn?: string }).deadLetterTargetArn;
      if (!target) return;
      const options = target.endsWith('.fifo') ? { groupId: n.groupId, dedupId: n.dedupId ?? n.messageId } : {};
      sqsApi(this.context.registry).sendMessage(target, body, attributes, options);
      this.report(subscription, 'Notification', n.messageId, 'dead-lettered', { deadLetterTargetArn: target, error: reason });
    } catch {
      // A missing dead-letter queue loses the message, as on AWS.
    }
  }

  private deliverToLambda(subscription: Subscription, n: SnsNotification): void {
    const event = lambdaEvent(n, { endpoint: this.context.endpoint(), subscriptionArn: subscription.arn });
    // The compute module registers `lambda`; without it the delivery fails like one to a missing function.
    Promise.resolve()
      .then(() => lambdaApi(this.context.registry).invokeAsync(subscription.endpoint, event))
      .then(
        () => this.report(subscription, 'Notification', n.messageId, 'delivered'),
        (error: unknown) => this.report(subscription, 'Notification', n.messageId, 'failed', { error: error instanceof Error ? error.message : String(error) }),
      );
  }

  private postWithRetries(subscription: Subscription, action: string, messageId: string, request: HttpPost): void {
    const topic = this.state.topics.get(subscription.topicArn);
    const delays = retryDelays(retryPolicyFrom(subscription.attributes.DeliveryPolicy, topic?.attributes.DeliveryPolicy));
    const attempt = (n: number): void => {
      post(request, this.aborter.signal).then(
        (status) => {
          if (status >= 200 && status < 300) this.report(subscription, action, messageId, 'delivered', { attempt: n, statusCode: status });
          else retry(n, `HTTP ${status}`);
        },
        (error: unknown) => retry(n, error instanceof Error ? error.message : String(error)),
      );
    };
    const retry = (n: number, reason: string): void => {
      if (this.aborter.signal.aborted) return;
      if (n > delays.length) {
        this.report(subscription, action, messageId, 'failed', { attempt: n, error: reason });
        return;
      }
      const delaySeconds = delays[n - 1];
      this.report(subscription, action, messageId, 'retrying', { attempt: n, error: reason, retryInSeconds: delaySeconds });
      const timer = this.context.clock.schedule(delaySeconds * 1000, () => {
        this.timers.delete(timer);
        attempt(n + 1);
      });
      this.timers.add(timer);
    };
    attempt(1);
  }
}
