// Logs every batch it gets (SQS or SNS records); bodies starting with "fail" fail (reported or thrown, by MODE),
// "failonce" fails only on its first delivery. MODE=slow takes 300 ms per batch.
export const handler = async (event) => {
  console.log(`BATCH ${JSON.stringify(event)}`);
  if (process.env.MODE === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
  const failed = event.Records.filter((r) => {
    const body = r.body ?? '';
    return (body.startsWith('fail') && !body.startsWith('failonce')) || (body.startsWith('failonce') && r.attributes.ApproximateReceiveCount === '1');
  });
  if (process.env.MODE === 'throw' && failed.length > 0) throw new Error(`${failed.length} messages failed`);
  return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
};
