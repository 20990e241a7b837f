/**
 * The inside of one function instance: a worker thread that loads the handler once (cold start) and then runs one
 * invocation at a time for the host, keeping module scope between invocations (warm starts).
 * Plain JS on purpose: it runs without the TypeScript loader so a cold start costs only the function's own init.
 *
 * Messages to the host: ready | initError{error} | log{text} | done{id,payload,memMb} | fail{id,error,memMb}
 * Messages from the host: invoke{id,event(JSON text),deadline,clientContext}
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire, register } from 'node:module';
import Module from 'node:module';
import { pathToFileURL } from 'node:url';
import util from 'node:util';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { functionModuleFormat } from './module-format.mjs';

const config = workerData;
const codeDir = path.resolve(config.codeDir);
let currentRequestId;

const send = (message) => parentPort.postMessage(message);

// Logs go to the parent in order with the results, formatted like the Node.js runtime does it.
const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
for (const [method, level] of Object.entries(levels)) {
  console[method] = (...args) => {
    const text = util.format(...args).replace(/\n/g, '\r');
    send({ t: 'log', text: `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${text}\n` });
  };
}
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, encoding, callback) => {
    send({ t: 'log', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}

/** AWS's error document: errorType, errorMessage, trace. */
function errorDocument(error) {
  if (error instanceof Error) {
    return { errorType: error.name || 'Error', errorMessage: error.message, trace: (error.stack ?? '').split('\n') };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function runtimeError(errorType, errorMessage) {
  const error = new Error(errorMessage);
  error.name = errorType;
  return error;
}

// The instance's own memory: its V8 heap and the external memory (buffers) it holds; RSS is the whole cloud's.
let peakBytes = 0;
const memMb = () => {
  const heap = v8.getHeapStatistics();
  peakBytes = Math.max(peakBytes, heap.total_heap_size + heap.external_memory);
  return Math.ceil(peakBytes / (1024 * 1024));
};

// CommonJS files of the function are compiled as CommonJS even below the repository's `"type": "module"`.
const defaultJsLoader = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (functionModuleFormat(filename, codeDir) === 'commonjs') {
    return module._compile(fs.readFileSync(filename, 'utf8'), filename);
  }
  return defaultJsLoader.call(this, module, filename);
};

async function loadHandler() {
  const handlerSpec = config.handler;
  const slash = handlerSpec.lastIndexOf('/');
  const tail = handlerSpec.slice(slash + 1);
  const dot = tail.indexOf('.');
  if (dot <= 0 || dot === tail.length - 1) {
    throw runtimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerSpec}`);
  }
  const moduleName = handlerSpec.slice(0, slash + 1) + tail.slice(0, dot);
  const exportPath = tail.slice(dot + 1).split('.');
  const base = path.resolve(codeDir, moduleName);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => fs.existsSync(f));
  if (!file) {
    throw runtimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${codeDir}`);
  }
  let exports;
  if (functionModuleFormat(file, codeDir) === 'module') {
    register(pathToFileURL(path.join(import.meta.dirname, 'hooks.mjs')), { data: { codeDir, repoRoot: config.repoRoot } });
    exports = await import(pathToFileURL(file).href);
  } else {
    exports = createRequire(file)(file);
  }
  let handler = exports;
  for (const key of exportPath) handler = handler?.[key];
  if (typeof handler !== 'function') {
    throw runtimeError('Runtime.HandlerNotFound', `${moduleName}.${exportPath.join('.')} is undefined or not exported`);
  }
  if (config.runtime !== 'nodejs22.x' && handler.length >= 3) {
    throw runtimeError(
      'Runtime.CallbackHandlerDeprecated',
      'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.',
    );
  }
  return handler;
}

function makeContext(message, complete) {
  const context = {
    awsRequestId: message.id,
    invokedFunctionArn: config.functionArn,
    functionName: config.functionName,
    functionVersion: '$LATEST',
    memoryLimitInMB: String(config.memorySize),
    logGroupName: config.logGroupName,
    logStreamName: config.logStreamName,
    clientContext: message.clientContext,
    identity: undefined,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
  };
  if (config.runtime === 'nodejs22.x') {
    // The deprecated completion methods still exist on Node.js 22; Node.js 24 removed them.
    context.callbackWaitsForEmptyEventLoop = true;
    context.succeed = (result) => complete(undefined, result);
    context.fail = (error) => complete(error ?? 'handled');
    context.done = (error, result) => complete(error, result);
  }
  return context;
}

let handler;

async function invoke(message) {
  currentRequestId = message.id;
  let result;
  try {
    const event = JSON.parse(message.event);
    result = await new Promise((resolve, reject) => {
      let settled = false;
      const complete = (error, value) => {
        if (settled) return;
        settled = true;
        if (error !== undefined && error !== null) reject(error);
        else resolve(value);
      };
      const context = makeContext(message, complete);
      const returned = config.runtime === 'nodejs22.x' ? handler(event, context, complete) : handler(event, context);
      if (returned && typeof returned.then === 'function') returned.then((v) => complete(undefined, v), (e) => complete(e ?? new Error('undefined')));
      else if (handler.length < 3) complete(undefined, returned);
    });
  } catch (error) {
    send({ t: 'fail', id: message.id, error: errorDocument(error), memMb: memMb() });
    return;
  }
  let payload;
  try {
    payload = JSON.stringify(result === undefined ? null : result);
  } catch {
    const error = runtimeError('Error', 'Unable to stringify response body');
    send({ t: 'fail', id: message.id, error: { ...errorDocument(error), trace: [] }, memMb: memMb() });
    return;
  }
  send({ t: 'done', id: message.id, payload, memMb: memMb() });
}

// An error that escapes the handler's promise chain ends the instance, as on Lambda; the parent reports it.
process.on('uncaughtException', (error) => {
  send({ t: 'fail', id: currentRequestId, error: errorDocument(error), memMb: memMb(), fatal: true });
  setImmediate(() => process.exit(129));
});
process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const error = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: text, trace: [`Runtime.UnhandledPromiseRejection: ${text}`] };
  send({ t: 'fail', id: currentRequestId, error, memMb: memMb(), fatal: true });
  setImmediate(() => process.exit(128));
});

parentPort.on('message', (message) => {
  if (message?.t === 'invoke') void invoke(message);
});

try {
  handler = await loadHandler();
  send({ t: 'ready' });
} catch (error) {
  send({ t: 'initError', error: errorDocument(error) });
}
