/** SNS against the local cloud with the unmodified AWS SDK: operations, errors, and delivery to SQS, SMS and e-mail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckIfPhoneNumberIsOptedOutCommand, ConfirmSubscriptionCommand, CreateSMSSandboxPhoneNumberCommand, CreateTopicCommand, DeleteSMSSandboxPhoneNumberCommand, DeleteTopicCommand,
  GetSMSAttributesCommand, GetSMSSandboxAccountStatusCommand, GetSubscriptionAttributesCommand, GetTopicAttributesCommand,
  ListPhoneNumbersOptedOutCommand, ListSMSSandboxPhoneNumbersCommand, ListSubscriptionsByTopicCommand, ListSubscriptionsCommand, ListTagsForResourceCommand,
  ListTopicsCommand, OptInPhoneNumberCommand, PublishBatchCommand, PublishCommand, SetSMSAttributesCommand, SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand, SubscribeCommand, TagResourceCommand, UnsubscribeCommand, UntagResourceCommand, VerifySMSSandboxPhoneNumberCommand,
} from '@aws-sdk/client-sns';
import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { snsApi } from './api.ts';
import { OUTBOX_LIMIT } from './delivery.ts';
import { createQueue, drain, failure, nextEvent, startFixture, type Fixture } from './test-kit.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ seed: 7 });
});
afterAll(() => f.stop());

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;
const topic = async (name = unique('topic'), attributes?: Record<string, string>) =>
  (await f.sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes }))).TopicArn!;

async function subscribeQueue(topicArn: string, attributes?: Record<string, string>, queueAttributes: Record<string, string> = {}, queueName = unique('q')) {
  const queue = await createQueue(f, queueName, queueAttributes);
  const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queue.arn, Attributes: attributes }));
  return { ...queue, subscriptionArn: SubscriptionArn! };
}

describe('topics', () => {
  it('creates, lists, describes and deletes a standard topic; CreateTopic is idempotent', async () => {
    const arn = await topic('orders');
    expect(arn).toBe('arn:aws:sns:eu-central-1:000000000000:orders');
    expect(await topic('orders')).toBe(arn);
    const { Topics } = await f.sns.send(new ListTopicsCommand({}));
    expect(Topics?.map((t) => t.TopicArn)).toContain(arn);
    const { Attributes } = await f.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }));
    expect(Attributes).toMatchObject({ TopicArn: arn, Owner: '000000000000', SubscriptionsConfirmed: '0', SubscriptionsPending: '0', DisplayName: '' });
    expect(JSON.parse(Attributes!.Policy!).Statement[0].Resource).toBe(arn);
    await f.sns.send(new DeleteTopicCommand({ TopicArn: arn }));
    await f.sns.send(new DeleteTopicCommand({ TopicArn: arn })); // idempotent, as on AWS
    expect(await failure(f.sns.send(new GetTopicAttributesCommand({ TopicArn: arn })))).toEqual({
      name: 'NotFoundException', status: 404, code: 'NotFound', message: 'Topic does not exist', type: 'Sender',
    });
  });

  it('rejects invalid names and conflicting re-creation with AWS messages', async () => {
    for (const name of ['bad name', 'x'.repeat(257), 'plain.fifo', '']) {
      const err = await failure(f.sns.send(new CreateTopicCommand({ Name: name })));
      expect(err.status).toBe(400);
      expect(err.message).toBe(name === '' ? 'Invalid parameter: Topic Name' : 'Invalid parameter: Topic Name');
    }
    const arn = await topic(unique('conflict'), { DisplayName: 'one' });
    const name = arn.split(':')[5];
    expect((await failure(f.sns.send(new CreateTopicCommand({ Name: name, Attributes: { DisplayName: 'two' } })))).message).toBe(
      'Invalid parameter: Attributes Reason: Topic already exists with different attributes',
    );
  });

  it('sets attributes and validates their names', async () => {
    const arn = await topic();
    await f.sns.send(new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'DisplayName', AttributeValue: 'Bestellungen' }));
    const { Attributes } = await f.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }));
    expect(Attributes?.DisplayName).toBe('Bestellungen');
    expect(await failure(f.sns.send(new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'Nope', AttributeValue: 'x' })))).toMatchObject({
      name: 'InvalidParameterException', status: 400, message: 'Invalid parameter: AttributeName',
    });
  });

  it('validates ARNs structurally before looking them up', async () => {
    expect(await failure(f.sns.send(new GetTopicAttributesCommand({ TopicArn: 'not-an-arn' })))).toMatchObject({
      name: 'InvalidParameterException', status: 400, message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
    });
  });

  it('paginates ListTopics in pages of 100', async () => {
    for (let i = 0; i < 105; i++) await topic(unique('page'));
    const first = await f.sns.send(new ListTopicsCommand({}));
    expect(first.Topics).toHaveLength(100);
    expect(first.NextToken).toBeDefined();
    const second = await f.sns.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    const all = new Set([...first.Topics!, ...second.Topics!].map((t) => t.TopicArn));
    expect(all.size).toBe(first.Topics!.length + second.Topics!.length);
    expect(second.NextToken).toBeUndefined();
  });

  it('tags, lists and untags a topic; unknown resources are ResourceNotFound', async () => {
    const arn = await topic();
    await f.sns.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'course', Value: 'ccvs' }, { Key: 'lab', Value: 'fanout' }] }));
    await f.sns.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['lab'] }));
    expect((await f.sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: 'course', Value: 'ccvs' }]);
    expect(await failure(f.sns.send(new ListTagsForResourceCommand({ ResourceArn: `${arn}-gone` })))).toMatchObject({
      name: 'ResourceNotFoundException', status: 404, code: 'ResourceNotFound',
    });
  });
});

describe('subscriptions', () => {
  it('subscribes a queue (confirmed at once), lists, describes and unsubscribes it', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn);
    expect(q.subscriptionArn.startsWith(`${arn}:`)).toBe(true);
    const { Subscriptions } = await f.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: arn }));
    expect(Subscriptions).toEqual([{ SubscriptionArn: q.subscriptionArn, Owner: '000000000000', Protocol: 'sqs', Endpoint: q.arn, TopicArn: arn }]);
    expect((await f.sns.send(new ListSubscriptionsCommand({}))).Subscriptions?.some((s) => s.SubscriptionArn === q.subscriptionArn)).toBe(true);
    const { Attributes } = await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn }));
    expect(Attributes).toMatchObject({ Protocol: 'sqs', Endpoint: q.arn, TopicArn: arn, PendingConfirmation: 'false', RawMessageDelivery: 'false' });
    await f.sns.send(new UnsubscribeCommand({ SubscriptionArn: q.subscriptionArn }));
    await f.sns.send(new UnsubscribeCommand({ SubscriptionArn: q.subscriptionArn })); // idempotent
    expect(await failure(f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn })))).toMatchObject({
      name: 'NotFoundException', status: 404, message: 'Subscription does not exist',
    });
    expect((await f.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes?.SubscriptionsDeleted).toBe('1');
  });

  it('Subscribe is idempotent for the same endpoint, and refuses different attributes', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn);
    const again = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: q.arn }));
    expect(again.SubscriptionArn).toBe(q.subscriptionArn);
    expect((await failure(f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } })))).message).toBe(
      'Invalid parameter: Attributes Reason: Subscription already exists with different attributes',
    );
  });

  it('validates protocol, endpoints and attributes with AWS messages', async () => {
    const arn = await topic();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ Protocol: 'test-protocol', Endpoint: 'x' }, 'Invalid parameter: Amazon SNS does not support this protocol string: test-protocol'],
      [{ Protocol: 'sqs', Endpoint: 'not-an-arn' }, 'Invalid parameter: SQS endpoint ARN'],
      [{ Protocol: 'sms', Endpoint: 'NAA+15551234567' }, 'Invalid SMS endpoint: NAA+15551234567'],
      [{ Protocol: 'sms', Endpoint: '+15--551234567' }, 'Invalid SMS endpoint: +15--551234567'],
      [{ Protocol: 'sms', Endpoint: '+15551234567.' }, 'Invalid SMS endpoint: +15551234567.'],
      [{ Protocol: 'sms', Endpoint: '/+15551234567' }, 'Invalid SMS endpoint: /+15551234567'],
      [{ Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-central-1:000000000000:q.fifo' }, 'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics'],
      [{ Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-central-1:000000000000:q', Attributes: { RawMessageDelivery: 'wrongvalue' } }, 'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.'],
      [{ Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-central-1:000000000000:q', Attributes: { FilterPolicy: '{"a":[{"prefix":1}]}' } }, 'Invalid parameter: Attributes Reason: FilterPolicy: prefix match pattern must be a string'],
      [{ Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-central-1:000000000000:q', Attributes: { FilterPolicy: '{"a":{"b":["c"]}}' } }, 'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy'],
      [{ Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-central-1:000000000000:q', Attributes: { FilterPolicyScope: 'RandomValue' } }, 'Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes'],
    ];
    for (const [input, message] of cases) {
      const err = await failure(f.sns.send(new SubscribeCommand({ TopicArn: arn, ...input } as never)));
      expect({ name: err.name, status: err.status, message: err.message }).toEqual({ name: 'InvalidParameterException', status: 400, message });
    }
    expect(await failure(f.sns.send(new SubscribeCommand({ TopicArn: `${arn}-missing`, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-central-1:000000000000:q' })))).toMatchObject({
      name: 'NotFoundException', status: 404, message: 'Topic does not exist',
    });
  });

  it('SetSubscriptionAttributes validates like AWS and clears a filter policy with an empty value', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn);
    expect((await failure(f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'test-ValUe' })))).message).toBe(
      'Invalid parameter: RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false.',
    );
    expect((await failure(f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn, AttributeName: 'Owner', AttributeValue: 'x' })))).message).toBe(
      'Invalid parameter: AttributeName',
    );
    await f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{"k":["v"]}' }));
    let attrs = (await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn }))).Attributes!;
    expect(attrs).toMatchObject({ FilterPolicy: '{"k":["v"]}', FilterPolicyScope: 'MessageAttributes' });
    await f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '' }));
    attrs = (await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: q.subscriptionArn }))).Attributes!;
    expect(attrs.FilterPolicy).toBeUndefined();
  });

  it('Unsubscribe checks the ARN format', async () => {
    expect((await failure(f.sns.send(new UnsubscribeCommand({ SubscriptionArn: 'randomstring' })))).message).toBe(
      'Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1',
    );
    expect((await failure(f.sns.send(new UnsubscribeCommand({ SubscriptionArn: 'arn:aws:sns:eu-central-1:000000000000:topic' })))).message).toBe(
      'Invalid parameter: SubscriptionId',
    );
  });
});

describe('publishing to SQS subscribers', () => {
  it('delivers the JSON envelope with subject and message attributes', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn);
    const { MessageId } = await f.sns.send(
      new PublishCommand({ TopicArn: arn, Message: 'hello', Subject: 'Greeting', MessageAttributes: { kind: { DataType: 'String', StringValue: 'greeting' } } }),
    );
    const [message] = await drain(f, q.url);
    const envelope = JSON.parse(message.Body!);
    expect(envelope).toMatchObject({
      Type: 'Notification', MessageId, TopicArn: arn, Subject: 'Greeting', Message: 'hello', SignatureVersion: '1',
      MessageAttributes: { kind: { Type: 'String', Value: 'greeting' } },
    });
    expect(new Date(envelope.Timestamp).toISOString()).toBe(envelope.Timestamp);
    expect(new URL(envelope.UnsubscribeURL).searchParams.get('SubscriptionArn')).toBe(q.subscriptionArn);
  });

  it('keeps non-ASCII text and XML special characters intact end to end', async () => {
    const arn = await topic();
    const display = 'Bestellungen <&> "Grüße" \'ok\'';
    await f.sns.send(new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'DisplayName', AttributeValue: display }));
    expect((await f.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes?.DisplayName).toBe(display);
    const q = await subscribeQueue(arn);
    const text = 'Zustellung: 🚚 <b>morgen</b> & "übermorgen"';
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: text, Subject: 'Lieferung & Co' }));
    const [message] = await drain(f, q.url);
    expect(JSON.parse(message.Body!)).toMatchObject({ Message: text, Subject: 'Lieferung & Co' });
  });

  it('raw delivery sends the bare message with message attributes as SQS attributes', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn, { RawMessageDelivery: 'true' });
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'raw body', MessageAttributes: { n: { DataType: 'Number', StringValue: '42' } } }));
    const [message] = await drain(f, q.url, { MessageAttributeNames: ['All'] });
    expect(message.Body).toBe('raw body');
    expect(message.MessageAttributes).toEqual({ n: { DataType: 'Number', StringValue: '42' } });
  });

  it('fans out to every subscriber and applies filter policies per subscription', async () => {
    const arn = await topic();
    const all = await subscribeQueue(arn);
    const red = await subscribeQueue(arn, { FilterPolicy: JSON.stringify({ color: ['red'] }) });
    const big = await subscribeQueue(arn, { FilterPolicy: JSON.stringify({ amount: [{ numeric: ['>', 100] }] }), FilterPolicyScope: 'MessageBody' });
    const filtered = nextEvent(f.cloud, (e) => e.type === 'delivery' && e.resource === red.subscriptionArn && e.detail?.status === 'filtered');
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: JSON.stringify({ amount: 500 }), MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' } } }));
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: JSON.stringify({ amount: 5 }), MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } } }));
    await filtered;
    const messages = async (url: string) => (await drain(f, url)).map((m) => JSON.parse(JSON.parse(m.Body!).Message).amount).sort((a, b) => a - b);
    expect(await messages(all.url)).toEqual([5, 500]);
    expect(await messages(red.url)).toEqual([5]);
    expect(await messages(big.url)).toEqual([500]);
  });

  it('MessageStructure=json picks the sqs entry, falling back to default', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn);
    await f.sns.send(new PublishCommand({ TopicArn: arn, MessageStructure: 'json', Message: JSON.stringify({ default: 'for everyone', sqs: 'for queues' }) }));
    await f.sns.send(new PublishCommand({ TopicArn: arn, MessageStructure: 'json', Message: JSON.stringify({ default: 'only default' }) }));
    const bodies = (await drain(f, q.url)).map((m) => JSON.parse(m.Body!).Message).sort();
    expect(bodies).toEqual(['for queues', 'only default']);
    expect((await failure(f.sns.send(new PublishCommand({ TopicArn: arn, MessageStructure: 'json', Message: '{"sqs":"x"}' })))).message).toBe(
      'Invalid parameter: Message Structure - No default entry in JSON message body',
    );
    expect((await failure(f.sns.send(new PublishCommand({ TopicArn: arn, MessageStructure: 'json', Message: 'not json' })))).message).toBe(
      'Invalid parameter: Message Structure - JSON message body failed to parse',
    );
  });

  it('a deleted queue fails the delivery; a subscription DLQ receives the message', async () => {
    const arn = await topic();
    const dlq = await createQueue(f, unique('dlq'));
    const q = await subscribeQueue(arn, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) });
    await f.sqs.send(new DeleteQueueCommand({ QueueUrl: q.url }));
    const failed = nextEvent(f.cloud, (e) => e.type === 'delivery' && e.resource === q.subscriptionArn && e.detail?.status === 'failed');
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'lost?' }));
    expect((await failed).detail?.error).toBeTruthy();
    const [message] = await drain(f, dlq.url);
    expect(JSON.parse(message.Body!).Message).toBe('lost?');
  });

  it('validates messages and attributes with AWS codes and texts', async () => {
    const arn = await topic();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ Message: '' }, 'InvalidParameterException', 'Invalid parameter: Empty message'],
      [{ Message: 'x'.repeat(262_145) }, 'InvalidParameterException', 'Invalid parameter: Message too long'],
      [{ Message: 'x', Subject: '' }, 'InvalidParameterException', 'Invalid parameter: Subject'],
      [{ Message: 'x', Subject: 'line\nbreak' }, 'InvalidParameterException', 'Invalid parameter: Subject'],
      [{ Message: 'x', MessageAttributes: { attr1: { DataType: 'InvalidType', StringValue: 'v' } } }, 'InvalidParameterValueException', "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."],
      [{ Message: 'x', MessageAttributes: { attr1: { DataType: 'String', StringValue: '' } } }, 'InvalidParameterValueException', "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'."],
      [{ Message: 'x', MessageAttributes: { attr1: { DataType: 'Binary', StringValue: 'v' } } }, 'InvalidParameterValueException', "The message attribute 'attr1' with type 'Binary' must use field 'Binary'."],
      [{ Message: 'x', MessageAttributes: { 'a^b': { DataType: 'String', StringValue: 'v' } } }, 'InvalidParameterValueException', "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots."],
      [{ Message: 'x', MessageAttributes: { '.a': { DataType: 'String', StringValue: 'v' } } }, 'InvalidParameterValueException', "Invalid message attribute name starting with character '.' was found."],
      [{ Message: 'x', MessageDeduplicationId: 'd' }, 'InvalidParameterException', 'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type'],
    ];
    for (const [input, name, message] of cases) {
      const err = await failure(f.sns.send(new PublishCommand({ TopicArn: arn, ...input } as never)));
      expect({ name: err.name, status: err.status, message: err.message }).toEqual({ name, status: 400, message });
    }
    expect(await failure(f.sns.send(new PublishCommand({ TopicArn: `${arn}-missing`, Message: 'x' })))).toMatchObject({ name: 'NotFoundException', status: 404 });
  });

  it('PublishBatch delivers entries and reports per-entry failures', async () => {
    const arn = await topic();
    const q = await subscribeQueue(arn, { RawMessageDelivery: 'true' });
    const result = await f.sns.send(new PublishBatchCommand({
      TopicArn: arn,
      PublishBatchRequestEntries: [
        { Id: 'one', Message: 'm1' },
        { Id: 'two', Message: 'm2', MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } } },
        { Id: 'bad', Message: '' },
      ],
    }));
    expect(result.Successful?.map((s) => s.Id)).toEqual(['one', 'two']);
    expect(result.Failed).toEqual([{ Id: 'bad', Code: 'InvalidParameter', Message: 'Invalid parameter: Empty message', SenderFault: true }]);
    expect((await drain(f, q.url)).map((m) => m.Body).sort()).toEqual(['m1', 'm2']);
  });

  it('PublishBatch validates the batch as a whole', async () => {
    const arn = await topic();
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, Message: 'x' }));
    expect(await failure(f.sns.send(new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: entries(11) })))).toMatchObject({
      name: 'TooManyEntriesInBatchRequestException', status: 400, message: 'The batch request contains more entries than permissible.',
    });
    expect(await failure(f.sns.send(new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'x' }, { Id: 'a', Message: 'y' }] })))).toMatchObject({
      name: 'BatchEntryIdsNotDistinctException', message: 'Two or more batch entries in the request have the same Id.',
    });
    expect(await failure(f.sns.send(new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: [{ Id: 'message.id', Message: 'x' }] })))).toMatchObject({
      name: 'InvalidBatchEntryIdException', message: 'The Id of a batch entry in the batch request contains an impermissible character: message.id',
    });
    expect(await failure(f.sns.send(new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'x'.repeat(200_000) }, { Id: 'b', Message: 'y'.repeat(100_000) }] })))).toMatchObject({
      name: 'BatchRequestTooLongException', message: 'The length of all the messages put together is more than the limit.',
    });
  });
});

describe('FIFO topics', () => {
  it('needs a .fifo name, a group id and a deduplication id or content-based deduplication', async () => {
    const arn = await topic(`${unique('orders')}.fifo`, { FifoTopic: 'true' });
    expect((await f.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes).toMatchObject({ FifoTopic: 'true', ContentBasedDeduplication: 'false' });
    expect((await failure(f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'x' })))).message).toBe('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
    expect((await failure(f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'x', MessageGroupId: 'g' })))).message).toBe(
      'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
  });

  it('passes group ids, keeps order per group, assigns sequence numbers and deduplicates within 5 minutes', async () => {
    const arn = await topic(`${unique('ledger')}.fifo`, { FifoTopic: 'true', ContentBasedDeduplication: 'true' });
    const q = await subscribeQueue(arn, undefined, { FifoQueue: 'true' }, `${unique('ledger-q')}.fifo`);
    const results = [];
    for (const body of ['a1', 'a2', 'a3']) results.push(await f.sns.send(new PublishCommand({ TopicArn: arn, Message: body, MessageGroupId: 'account-a' })));
    const duplicate = await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'a1', MessageGroupId: 'account-a' }));
    expect(duplicate.MessageId).toBe(results[0].MessageId);
    const sequence = results.map((r) => BigInt(r.SequenceNumber!));
    expect(sequence[0] < sequence[1] && sequence[1] < sequence[2]).toBe(true);
    const received = await drain(f, q.url, { MessageSystemAttributeNames: ['MessageGroupId'] });
    expect(received.map((m) => JSON.parse(m.Body!).Message)).toEqual(['a1', 'a2', 'a3']);
    expect(received.every((m) => m.Attributes?.MessageGroupId === 'account-a')).toBe(true);
    expect(JSON.parse(received[0].Body!).SequenceNumber).toBe(results[0].SequenceNumber);
  });

  it('a FIFO subscription needs a FIFO dead-letter queue', async () => {
    const arn = await topic(`${unique('dlq-rule')}.fifo`, { FifoTopic: 'true' });
    const q = await createQueue(f, `${unique('dlq-rule-q')}.fifo`, { FifoQueue: 'true' });
    const err = await failure(f.sns.send(new SubscribeCommand({
      TopicArn: arn, Protocol: 'sqs', Endpoint: q.arn,
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:000000000000:standard-dlq' }) },
    })));
    expect(err).toMatchObject({ name: 'InvalidParameterException', status: 400, message: 'Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.' });
  });

  it('also delivers to standard queues', async () => {
    const arn = await topic(`${unique('mixed')}.fifo`, { FifoTopic: 'true' });
    const q = await subscribeQueue(arn);
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'to standard', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }));
    expect((await drain(f, q.url)).map((m) => JSON.parse(m.Body!).Message)).toEqual(['to standard']);
  });
});

describe('SMS', () => {
  it('Publish with PhoneNumber validates E.164 and lands in the outbox with sender id and type', async () => {
    for (const number of ['+1a234', 'NAA+15551234567', '0043660123456']) {
      expect(await failure(f.sns.send(new PublishCommand({ PhoneNumber: number, Message: 'x' })))).toMatchObject({
        name: 'InvalidParameterException', status: 400, message: `Invalid parameter: PhoneNumber Reason: ${number} is not valid to publish to`,
      });
    }
    const { MessageId } = await f.sns.send(new PublishCommand({
      PhoneNumber: '+436601234567', Message: 'Ihr Code: 4711',
      MessageAttributes: { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'FHTW' }, 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    }));
    const sms = snsApi(f.cloud.context.registry)!.smsMessages().find((m) => m.MessageId === MessageId);
    expect(sms).toMatchObject({ PhoneNumber: '+436601234567', Message: 'Ihr Code: 4711', SenderID: 'FHTW', SMSType: 'Transactional' });
  });

  it('delivers to sms subscriptions, and not to numbers that opted out', async () => {
    const arn = await topic();
    const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sms', Endpoint: '+49 151/2345-67.89' }));
    expect((await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes?.Endpoint).toBe('+4915123456789');
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'Alarm', Subject: 'ignored by SMS' }));
    const api = snsApi(f.cloud.context.registry)!;
    expect(api.smsMessages().filter((m) => m.SubscriptionArn === SubscriptionArn).map((m) => m.Message)).toEqual(['Alarm']);

    api.optOut('+4915123456789');
    expect((await f.sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: '+4915123456789' }))).isOptedOut).toBe(true);
    expect((await f.sns.send(new ListPhoneNumbersOptedOutCommand({}))).phoneNumbers).toContain('+4915123456789');
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'second' }));
    expect(api.smsMessages().filter((m) => m.SubscriptionArn === SubscriptionArn)).toHaveLength(1);
    await f.sns.send(new OptInPhoneNumberCommand({ phoneNumber: '+4915123456789' }));
    expect((await f.sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: '+4915123456789' }))).isOptedOut).toBe(false);
    expect(await failure(f.sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: '12ab' })))).toMatchObject({
      name: 'InvalidParameterException', message: 'Invalid parameter: PhoneNumber Reason: input incorrectly formatted',
    });
  });

  it('the outbox keeps the newest 10,000 SMS (internal publish API)', async () => {
    const api = snsApi(f.cloud.context.registry)!;
    api.clearSmsMessages();
    const arn = await topic();
    await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sms', Endpoint: '+436609999999' }));
    for (let i = 0; i < OUTBOX_LIMIT + 5; i++) api.publish(arn, `m${i}`);
    const outbox = api.smsMessages();
    expect(outbox).toHaveLength(OUTBOX_LIMIT);
    expect(outbox[0].Message).toBe('m5');
    expect(outbox.at(-1)!.Message).toBe(`m${OUTBOX_LIMIT + 4}`);
    api.clearSmsMessages();
  });

  it('SMS attributes: defaults, set/get, AWS validation messages', async () => {
    expect((await f.sns.send(new GetSMSAttributesCommand({}))).attributes).toMatchObject({ MonthlySpendLimit: '1' });
    await f.sns.send(new SetSMSAttributesCommand({ attributes: { DefaultSMSType: 'Promotional', DefaultSenderID: 'LSTest', DeliveryStatusSuccessSamplingRate: '100' } }));
    expect((await f.sns.send(new GetSMSAttributesCommand({ attributes: ['DefaultSMSType', 'DefaultSenderID'] }))).attributes).toEqual({ DefaultSMSType: 'Promotional', DefaultSenderID: 'LSTest' });
    const invalid: Array<[Record<string, string>, string]> = [
      [{ InvalidAttribute: 'x' }, 'InvalidAttribute is not a valid attribute'],
      [{ DefaultSenderID: 'TooLongSenderID' }, 'DefaultSendID is not a valid attribute'],
      [{ DefaultSenderID: '1234' }, 'DefaultSendID is not a valid attribute'],
      [{ DefaultSMSType: 'Invalid' }, 'DefaultSMSType is invalid'],
    ];
    for (const [attributes, message] of invalid) {
      expect(await failure(f.sns.send(new SetSMSAttributesCommand({ attributes })))).toMatchObject({ name: 'InvalidParameterException', status: 400, message });
    }
  });

  it('sandbox: the verification code arrives by SMS and verifies the number', async () => {
    expect((await f.sns.send(new GetSMSSandboxAccountStatusCommand({}))).IsInSandbox).toBe(false);
    const phone = '+436641112233';
    await f.sns.send(new CreateSMSSandboxPhoneNumberCommand({ PhoneNumber: phone, LanguageCode: 'de-DE' }));
    expect((await f.sns.send(new ListSMSSandboxPhoneNumbersCommand({}))).PhoneNumbers).toContainEqual({ PhoneNumber: phone, Status: 'Pending' });
    const text = snsApi(f.cloud.context.registry)!.smsMessages().filter((m) => m.PhoneNumber === phone).at(-1)!.Message;
    const code = /(\d{6})/.exec(text)![1];
    expect(await failure(f.sns.send(new VerifySMSSandboxPhoneNumberCommand({ PhoneNumber: phone, OneTimePassword: code === '000000' ? '111111' : '000000' })))).toMatchObject({
      name: 'VerificationException', status: 400,
    });
    await f.sns.send(new VerifySMSSandboxPhoneNumberCommand({ PhoneNumber: phone, OneTimePassword: code }));
    expect((await f.sns.send(new ListSMSSandboxPhoneNumbersCommand({}))).PhoneNumbers).toContainEqual({ PhoneNumber: phone, Status: 'Verified' });
    await f.sns.send(new DeleteSMSSandboxPhoneNumberCommand({ PhoneNumber: phone }));
    expect((await f.sns.send(new ListSMSSandboxPhoneNumbersCommand({}))).PhoneNumbers?.some((p) => p.PhoneNumber === phone)).toBe(false);
    expect(await failure(f.sns.send(new DeleteSMSSandboxPhoneNumberCommand({ PhoneNumber: phone })))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });
});

describe('e-mail', () => {
  it('sends a confirmation with a working link, then notifications (email: text, email-json: envelope)', async () => {
    const arn = await topic();
    const api = snsApi(f.cloud.context.registry)!;
    const text = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'email', Endpoint: 'student@example.org' }));
    const json = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'email-json', Endpoint: 'ops@example.org', ReturnSubscriptionArn: true }));
    expect(text.SubscriptionArn).toBe('pending confirmation');
    expect(json.SubscriptionArn?.startsWith(arn)).toBe(true);
    expect((await f.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: arn }))).Subscriptions?.map((s) => s.SubscriptionArn)).toEqual(['PendingConfirmation', 'PendingConfirmation']);

    // Confirm the first by following the link in the mail (unsigned GET, as a mail client would).
    const mail = api.emailMessages().find((m) => m.Destination === 'student@example.org' && m.Type === 'SubscriptionConfirmation')!;
    const link = /(http:\/\/\S+)/.exec(mail.Body)![1];
    const answer = await fetch(link);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<ConfirmSubscriptionResult><SubscriptionArn>');
    // Confirm the second through the API with the token from the JSON mail.
    const token = JSON.parse(api.emailMessages().find((m) => m.Destination === 'ops@example.org')!.Body).Token;
    expect((await f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn, Token: token }))).SubscriptionArn).toBe(json.SubscriptionArn);
    expect(await failure(f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn, Token: 'bogus' })))).toMatchObject({ message: 'Invalid parameter: Token' });

    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'Server down', Subject: 'Alarm' }));
    const notifications = api.emailMessages().filter((m) => m.TopicArn === arn && m.Type === 'Notification');
    expect(notifications.find((m) => m.Protocol === 'email')).toMatchObject({ Destination: 'student@example.org', Subject: 'Alarm', Body: 'Server down' });
    expect(JSON.parse(notifications.find((m) => m.Protocol === 'email-json')!.Body)).toMatchObject({ Type: 'Notification', Message: 'Server down', Subject: 'Alarm' });
  });
});

describe('malformed requests', () => {
  const post = (body: string | Blob, headers: Record<string, string> = {}) =>
    fetch(f.cloud.endpoint, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-central-1/sns/aws4_request, SignedHeaders=host, Signature=x', ...headers } });

  it('answers AWS-shaped XML errors and keeps serving', async () => {
    const unknown = await post('Action=FlyToTheMoon&Version=2010-03-31');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/<ErrorResponse xmlns="http:\/\/sns\.amazonaws\.com\/doc\/2010-03-31\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/);
    const missing = await post('Version=2010-03-31');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('<Code>MissingAction</Code>');
    const badUtf8 = await post(new Blob([new Uint8Array([0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x3d, 0xff, 0xfe])]));
    expect(badUtf8.status).toBe(400);
    const noMessage = await post('Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aeu-central-1%3A000000000000%3Ax');
    expect(noMessage.status).toBe(400);
    expect(await noMessage.text()).toContain('<Code>ValidationError</Code>');
    const arn = await topic();
    const wrongTypes = await post(`Action=PublishBatch&TopicArn=${encodeURIComponent(arn)}&PublishBatchRequestEntries=oops`);
    expect(wrongTypes.status).toBe(400);
    expect(await wrongTypes.text()).toContain('<Code>EmptyBatchRequest</Code>');
    const huge = await post(`Action=Publish&Message=${'x'.repeat(10 * 1024 * 1024)}`);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    expect((await f.sns.send(new ListTopicsCommand({}))).$metadata.httpStatusCode).toBe(200);
  });
});

describe('fault injection', () => {
  it('answers injected faults in SNS’s own error shape, only for the matching topic', async () => {
    const hit = await topic(unique('flaky'));
    const spared = await topic(unique('steady'));
    const rules = { rules: [{ service: 'sns', operation: 'Publish', resource: hit.split(':')[5], errorRate: 1, error: 'throttle' }] };
    const set = await fetch(`${f.cloud.endpoint}/_localcloud/faults`, { method: 'POST', body: JSON.stringify(rules) });
    expect(set.status).toBe(200);
    try {
      expect(await failure(f.sns.send(new PublishCommand({ TopicArn: hit, Message: 'x' })))).toMatchObject({ name: 'ThrottledException', status: 429, code: 'Throttled' });
      expect((await f.sns.send(new PublishCommand({ TopicArn: spared, Message: 'x' }))).MessageId).toBeDefined();
    } finally {
      await fetch(`${f.cloud.endpoint}/_localcloud/faults`, { method: 'DELETE' });
    }
    expect((await f.sns.send(new PublishCommand({ TopicArn: hit, Message: 'x' }))).MessageId).toBeDefined();
  });
});
