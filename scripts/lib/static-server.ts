/**
 * A small static server for dist/: serves the site under its base path, resolves clean URLs
 * (/page → page.html, /dir → /dir/ → dir/index.html) like the static hosts VitePress targets,
 * and answers unknown paths with the workbook's 404 page.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

export type Resolution = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/** Maps a URL path to a file in `root`, or a redirect (directory without slash, bare root), or nothing. */
export function resolveRequest(root: string, base: string, urlPath: string): Resolution {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing' };
  }
  if (`${pathname}/` === base) return { kind: 'redirect', location: base };
  if (!pathname.startsWith(base)) return base !== '/' && pathname === '/' ? { kind: 'redirect', location: base } : { kind: 'missing' };
  const relative = pathname.slice(base.length);
  const target = path.resolve(root, relative);
  if (target !== root && !target.startsWith(root + path.sep)) return { kind: 'missing' };
  if (pathname.endsWith('/')) {
    const index = path.join(target, 'index.html');
    return isFile(index) ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  if (isFile(target)) return { kind: 'file', file: target };
  if (isFile(`${target}.html`)) return { kind: 'file', file: `${target}.html` };
  if (isFile(path.join(target, 'index.html'))) return { kind: 'redirect', location: `${pathname}/` };
  return { kind: 'missing' };
}

export interface StaticSite {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

export function serveStatic(root: string, base: string, port: number, host = '127.0.0.1'): Promise<StaticSite> {
  const absoluteRoot = path.resolve(root);
  const notFound = path.join(absoluteRoot, '404.html');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const found = resolveRequest(absoluteRoot, base, url.pathname);
    if (found.kind === 'redirect') {
      res.writeHead(301, { location: found.location + url.search }).end();
      return;
    }
    const file = found.kind === 'file' ? found.file : isFile(notFound) ? notFound : undefined;
    const status = found.kind === 'file' ? 200 : 404;
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Hashed assets never change; pages must be revalidated so a rebuild shows at once.
    const caching = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(status, { 'content-type': type, 'content-length': statSync(file).size, 'cache-control': caching });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${host}:${bound}${base}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections(); // browsers keep connections alive; do not wait for them
            server.close(() => done());
          }),
      });
    });
  });
}
