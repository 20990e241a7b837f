import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  QueueDoesNotExist,
  QueueNameExists,
  SendMessageCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
  InvalidAttributeName,
  PurgeQueueInProgress,
} from '@aws-sdk/client-sqs';
import { rejectionOf, startSqsFixture, type SqsFixture } from './testing.ts';

let f: SqsFixture;
beforeAll(async () => {
  f = await startSqsFixture();
});
afterAll(() => f.stop());

describe('SQS queues', () => {
  it('creates a queue idempotently and returns its URL under the account id', async () => {
    const url = await f.createQueue('orders', { VisibilityTimeout: '45' });
    expect(url).toBe(`${f.cloud.endpoint}/000000000000/orders`);
    expect(await f.createQueue('orders', { VisibilityTimeout: '45' })).toBe(url);
  });

  it('refuses the same name with different attributes (QueueNameExists)', async () => {
    await f.createQueue('differs', { VisibilityTimeout: '10' });
    const error = await rejectionOf(f.sqs.send(new CreateQueueCommand({ QueueName: 'differs', Attributes: { VisibilityTimeout: '11' } })));
    expect(error).toBeInstanceOf(QueueNameExists);
    expect(error.Code).toBe('QueueAlreadyExists');
  });

  it('validates queue names and the .fifo suffix', async () => {
    const bad = await rejectionOf(f.sqs.send(new CreateQueueCommand({ QueueName: 'has space' })));
    expect(bad.name).toBe('InvalidParameterValue');
    expect(bad.message).toBe('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    const fifo = await rejectionOf(f.sqs.send(new CreateQueueCommand({ QueueName: 'nofifo', Attributes: { FifoQueue: 'true' } })));
    expect(fifo.message).toMatch(/must end with \.fifo suffix/);
    const suffix = await rejectionOf(f.sqs.send(new CreateQueueCommand({ QueueName: 'x.fifo' })));
    expect(suffix.name).toBe('InvalidParameterValue');
  });

  it('rejects out-of-range and unknown attributes', async () => {
    const range = await rejectionOf(f.sqs.send(new CreateQueueCommand({ QueueName: 'r', Attributes: { VisibilityTimeout: '43201' } })));
    expect(range.name).toBe('InvalidAttributeValue');
    expect(range.message).toBe('Invalid value for the parameter VisibilityTimeout.');
    const unknown = await rejectionOf(f.sqs.send(new CreateQueueCommand({ QueueName: 'r', Attributes: { Colour: 'blue' } as never })));
    expect(unknown).toBeInstanceOf(InvalidAttributeName);
    expect(unknown.message).toBe('Unknown Attribute Colour.');
  });

  it('gets a queue URL by name and fails with QueueDoesNotExist otherwise', async () => {
    const url = await f.createQueue('lookup');
    expect((await f.sqs.send(new GetQueueUrlCommand({ QueueName: 'lookup' }))).QueueUrl).toBe(url);
    const error = await rejectionOf(f.sqs.send(new GetQueueUrlCommand({ QueueName: 'missing' })));
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.Code).toBe('AWS.SimpleQueueService.NonExistentQueue');
    expect(error.message).toBe('The specified queue does not exist.');
  });

  it('lists queues by prefix with pagination', async () => {
    for (const n of ['page-a', 'page-b', 'page-c']) await f.createQueue(n);
    const all = await f.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-' }));
    expect(all.QueueUrls?.map((u) => u.split('/').pop())).toEqual(['page-a', 'page-b', 'page-c']);
    expect(all.NextToken).toBeUndefined();
    const first = await f.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-', MaxResults: 2 }));
    expect(first.QueueUrls).toHaveLength(2);
    const second = await f.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-', MaxResults: 2, NextToken: first.NextToken }));
    expect(second.QueueUrls?.map((u) => u.split('/').pop())).toEqual(['page-c']);
    expect(second.NextToken).toBeUndefined();
    expect((await f.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'none-' }))).QueueUrls).toBeUndefined();
  });

  it('deletes a queue', async () => {
    const url = await f.createQueue('doomed');
    await f.sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    expect(await rejectionOf(f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })))).toBeInstanceOf(QueueDoesNotExist);
  });

  it('purges a queue at most once per 60 seconds', async () => {
    const url = await f.createQueue('purge');
    await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    await f.sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    const counts = await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(counts.Attributes).toEqual({ ApproximateNumberOfMessages: '0' });
    const again = await rejectionOf(f.sqs.send(new PurgeQueueCommand({ QueueUrl: url })));
    expect(again).toBeInstanceOf(PurgeQueueInProgress);
    expect(again.$metadata?.httpStatusCode).toBe(403);
    f.clock.advance(60_000);
    await f.sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
  });

  it('returns all attributes with defaults, and sets attributes', async () => {
    const url = await f.createQueue('attrs');
    const all = (await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
    expect(all).toMatchObject({
      QueueArn: 'arn:aws:sqs:eu-central-1:000000000000:attrs',
      VisibilityTimeout: '30',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    await f.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { DelaySeconds: '5', Policy: '{}' } }));
    const some = await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['DelaySeconds', 'Policy', 'RedrivePolicy'] }));
    expect(some.Attributes).toEqual({ DelaySeconds: '5', Policy: '{}' });
    const unknown = await rejectionOf(f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Nope' as never] })));
    expect(unknown).toBeInstanceOf(InvalidAttributeName);
  });

  it('tags, untags and lists tags (also tags given at creation)', async () => {
    const { QueueUrl: url } = await f.sqs.send(new CreateQueueCommand({ QueueName: 'tagged', tags: { course: 'cc' } }));
    await f.sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { lab: 'queue', owner: 'me' } }));
    await f.sqs.send(new UntagQueueCommand({ QueueUrl: url, TagKeys: ['owner'] }));
    expect((await f.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({ course: 'cc', lab: 'queue' });
  });

  it('lists dead-letter source queues and validates the redrive policy', async () => {
    const dlq = await f.createQueue('dlq');
    const src = await f.createQueue('src', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:000000000000:dlq', maxReceiveCount: '3' }),
    });
    const sources = await f.sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }));
    expect(sources.queueUrls).toEqual([src]);
    const attrs = await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: src, AttributeNames: ['RedrivePolicy'] }));
    expect(JSON.parse(attrs.Attributes!.RedrivePolicy!)).toEqual({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:000000000000:dlq', maxReceiveCount: 3 });
    const missing = await rejectionOf(
      f.sqs.send(
        new SetQueueAttributesCommand({
          QueueUrl: src,
          Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:000000000000:nope', maxReceiveCount: 3 }) },
        }),
      ),
    );
    expect(missing.name).toBe('InvalidParameterValue');
    expect(missing.message).toMatch(/Dead letter target does not exist/);
  });
});
