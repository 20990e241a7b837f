// CommonJS below the repository's "type": "module": must still load as CommonJS, as on Lambda.
let invocations = 0;
const loadedAt = Date.now();
// Identifies the instance: module scope is created once per instance.
const instance = require('node:crypto').randomUUID();

exports.handler = async (event, context) => {
  invocations += 1;
  console.log('handling', JSON.stringify(event));
  return {
    invocations,
    loadedAt,
    instance,
    event,
    context: {
      awsRequestId: context.awsRequestId,
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      remaining: context.getRemainingTimeInMillis(),
    },
    env: Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k.startsWith('AWS_') || k.startsWith('LAMBDA_') || k === '_HANDLER' || k === 'GREETING' || k === 'DATA_DIR'),
    ),
  };
};

exports.slow = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms ?? 200));
  return { instance };
};
