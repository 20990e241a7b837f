import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeBase } from './lib/base.ts';
import { resolveRequest, serveStatic, type StaticSite } from './lib/static-server.ts';

describe('base path', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['course', '/course/'],
    ['/course', '/course/'],
    ['/course/', '/course/'],
    ['/a/b/', '/a/b/'],
  ])('%s → %s', (raw, base) => expect(normalizeBase(raw)).toBe(base));

  it.each(['a b', '/../x/', 'http://host/', '//x/'])('rejects %s with a clear message', (raw) => {
    expect(() => normalizeBase(raw)).toThrow(/BASE must be a path such as \/course\//);
  });
});

describe('static server for dist/', () => {
  let root: string;
  let site: StaticSite;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'static-server-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('index.html', 'home');
    write('01-cloud.html', 'chapter');
    write('404.html', 'not found page');
    write('en/index.html', 'english home');
    write('slides/01-cloud/de/index.html', 'deck');
    write('slides/01-cloud/de/assets/app.js', 'js');
    site = await serveStatic(root, '/course/', 0);
  });
  afterAll(async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('resolves clean URLs, directories and files below the base', () => {
    expect(resolveRequest(root, '/course/', '/course/')).toEqual({ kind: 'file', file: path.join(root, 'index.html') });
    expect(resolveRequest(root, '/course/', '/course/01-cloud')).toEqual({ kind: 'file', file: path.join(root, '01-cloud.html') });
    expect(resolveRequest(root, '/course/', '/course/slides/01-cloud/de')).toEqual({ kind: 'redirect', location: '/course/slides/01-cloud/de/' });
    expect(resolveRequest(root, '/course/', '/course')).toEqual({ kind: 'redirect', location: '/course/' });
    expect(resolveRequest(root, '/course/', '/')).toEqual({ kind: 'redirect', location: '/course/' });
  });

  it('never leaves the served folder', () => {
    expect(resolveRequest(root, '/course/', '/course/../../etc/passwd')).toEqual({ kind: 'missing' });
    expect(resolveRequest(root, '/course/', '/course/%2e%2e/%2e%2e/etc/passwd')).toEqual({ kind: 'missing' });
    expect(resolveRequest(root, '/course/', '/other/index.html')).toEqual({ kind: 'missing' });
  });

  it('serves over HTTP on 127.0.0.1 with types and the 404 page', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/course\/$/);
    const page = await fetch(`${site.url}01-cloud`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toBe('chapter');

    const script = await fetch(`${site.url}slides/01-cloud/de/assets/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');

    const missing = await fetch(`${site.url}nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('not found page');

    const post = await fetch(site.url, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
