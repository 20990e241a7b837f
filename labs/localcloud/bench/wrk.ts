/** Drives a server with wrk (keep-alive, pre-built bodies, Lua) in its own process and reads rate and latency. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LoadResult {
  requests: number;
  /** Requests per second over the run. */
  rate: number;
  /** Completed units per second when a unit is more than one request (receive+delete pairs), else equal to rate. */
  unitRate: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
}

const fakeSignature = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/eu-central-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`;

const luaString = (text: string) => `[==[${text}]==]`;

/** Shared Lua: counts completed units per thread and prints one JSON line at the end. */
const reporting = `
local threads = {}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency, requests)
  local units = 0
  for _, t in ipairs(threads) do units = units + (t:get("units") or 0) end
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"non2xx":%d,"socket":%d,"units":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, units))
end
`;

export function sendMessageScript(queueUrl: string, body: string): string {
  return `${reporting}
wrk.method = "POST"
wrk.headers["content-type"] = "application/x-amz-json-1.0"
wrk.headers["x-amz-target"] = "AmazonSQS.SendMessage"
wrk.headers["authorization"] = ${luaString(fakeSignature('sqs'))}
wrk.body = ${luaString(JSON.stringify({ QueueUrl: queueUrl, MessageBody: body }))}
`;
}

/** Alternates ReceiveMessage and DeleteMessage with the receipt handle just received; a unit is one deleted message. */
export function receiveDeleteScript(queueUrl: string): string {
  return `${reporting}
units = 0
local handles = {}
local headers = { ["content-type"] = "application/x-amz-json-1.0", ["authorization"] = ${luaString(fakeSignature('sqs'))} }
local receive = ${luaString(JSON.stringify({ QueueUrl: queueUrl }))}
local deletePrefix = ${luaString(`{"QueueUrl":${JSON.stringify(queueUrl)},"ReceiptHandle":"`)}
function request()
  local handle = table.remove(handles)
  if handle then
    headers["x-amz-target"] = "AmazonSQS.DeleteMessage"
    units = units + 1
    return wrk.format("POST", nil, headers, deletePrefix .. handle .. '"}')
  end
  headers["x-amz-target"] = "AmazonSQS.ReceiveMessage"
  return wrk.format("POST", nil, headers, receive)
end
function response(status, hdrs, body)
  local handle = body and string.match(body, '"ReceiptHandle":"([^"]+)"')
  if handle then table.insert(handles, handle) end
end
`;
}

export function publishScript(topicArn: string, message: string): string {
  return `${reporting}
wrk.method = "POST"
wrk.headers["content-type"] = "application/x-www-form-urlencoded"
wrk.headers["authorization"] = ${luaString(fakeSignature('sns'))}
wrk.body = ${luaString(new URLSearchParams({ Action: 'Publish', Version: '2010-03-31', TopicArn: topicArn, Message: message }).toString())}
`;
}

export function runWrk(endpoint: string, script: string, options: LoadOptions): Promise<LoadResult> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-wrk-')), 'script.lua');
  writeFileSync(file, script);
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', file, endpoint];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: (options.seconds + 30) * 1000 }, (error, stdout) => {
      const match = /WRKJSON (\{.*\})/.exec(stdout);
      if (error || !match) return reject(new Error(`wrk failed: ${error?.message ?? stdout}`));
      const r = JSON.parse(match[1]) as { requests: number; duration_us: number; p50_us: number; p99_us: number; non2xx: number; socket: number; units: number };
      const seconds = r.duration_us / 1e6;
      resolve({
        requests: r.requests,
        rate: r.requests / seconds,
        unitRate: (r.units > 0 ? r.units : r.requests) / seconds,
        p50Ms: r.p50_us / 1000,
        p99Ms: r.p99_us / 1000,
        failures: r.non2xx + r.socket,
      });
    });
  });
}
