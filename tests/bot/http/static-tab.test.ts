/** Static tab serving: cache headers, SPA fallback, redirects, and the not-built message. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStaticTab } from '../../../src/bot/http/static-tab.js';

const INDEX = '<!doctype html><title>tab</title><div id="root"></div>';

describe('registerStaticTab with a built tab', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ah-static-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = Fastify();
    await registerStaticTab(app, { distDir: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('redirects / to /tab/', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/tab/');
  });

  it.each(['/tab/', '/tab', '/tab/board', '/tab/deep/link?x=1'])('serves index.html, never cached, at %s', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject('/tab/assets/index-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves other files revalidated', async () => {
    const res = await app.inject('/tab/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404, not index.html, for a missing file', async () => {
    const res = await app.inject('/tab/assets/gone-123.js');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<!doctype html>');
  });

  it('does not serve files outside the dist directory', async () => {
    const res = await app.inject('/tab/../package.json');
    expect(res.statusCode).not.toBe(200);
    const encoded = await app.inject('/tab/%2e%2e/%2e%2e/package.json');
    expect(encoded.body).not.toContain('"name"');
  });
});

describe('registerStaticTab without a build', () => {
  it('tells the developer to build the tab', async () => {
    const app = Fastify();
    await registerStaticTab(app, { distDir: join(tmpdir(), 'ah-no-such-dist') });
    const res = await app.inject('/tab/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:tab');
    await app.close();
  });
});
