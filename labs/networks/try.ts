/**
 * Try your proxy by hand: starts the two backends and YOUR proxy (exercise/, or solution/ with
 * `LAB_TARGET=solution`) on 127.0.0.1:8080 and prints commands to poke it. Stop with Ctrl-C.
 * Run: `npx tsx labs/networks/try.ts [--port 8080] [--timeout 1000]`
 */
import { parseArgs } from 'node:util';
import { loadTarget, resolveTarget } from '../kit/target.ts';
import { deadBackendUrl, startBackend } from './backends.ts';
import type { ProxyModule } from './contract.ts';

function fail(message: string): never {
  console.error(`try: ${message}`);
  process.exit(1);
}

let values: { port: string; timeout: string };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, timeout: { type: 'string', default: '1000' } } }) as { values: typeof values });
} catch (error) {
  fail(`${(error as Error).message} Usage: npx tsx labs/networks/try.ts [--port 8080] [--timeout 1000]`);
}
let startProxy: ProxyModule['startProxy'];
let target;
try {
  target = resolveTarget(process.env.LAB_TARGET ?? 'exercise');
  ({ startProxy } = await loadTarget<ProxyModule>('networks', 'proxy.ts', target));
} catch (error) {
  fail((error as Error).message);
}

const [shop, blog, down] = await Promise.all([startBackend('shop'), startBackend('blog'), deadBackendUrl()]);
let proxy;
try {
  proxy = await startProxy({
    routes: { 'shop.localhost': shop.url, 'blog.localhost': blog.url, 'down.localhost': down },
    timeoutMs: Number(values.timeout),
    port: Number(values.port),
  });
} catch (error) {
  await Promise.all([shop.stop(), blog.stop()]);
  fail((error as Error).message);
}
const { port } = proxy;
console.log(`${target} proxy on ${proxy.url}; backends shop ${shop.url}, blog ${blog.url}, down (nothing listens)`);
console.log(`
  curl -i http://shop.localhost:${port}/cart
  curl -i http://blog.localhost:${port}/posts/1
  curl -i -H 'Host: nobody.localhost' http://127.0.0.1:${port}/
  curl -i http://down.localhost:${port}/
  curl -i 'http://shop.localhost:${port}/slow?ms=3000'
  curl -N 'http://blog.localhost:${port}/stream?gapMs=2000'
  printf 'GET / HTTP/1.1\\r\\nHost: blog.localhost\\r\\nConnection: close\\r\\n\\r\\n' | nc 127.0.0.1 ${port}
`);
const stop = async () => {
  await proxy.close();
  await Promise.all([shop.stop(), blog.stop()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
