/**
 * Serves the built tab (`vite build` -> `dist/tab`) at `/tab/`. Hashed files under `assets/` are
 * cached for a year as immutable; `index.html` is never cached so a deploy is picked up at once.
 * Any other `/tab/...` path that is not a file (a client route) gets `index.html` (SPA fallback).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface StaticTabOptions {
  /** Absolute (or cwd-relative) path of the Vite output, normally `<repo>/dist/tab`. */
  distDir: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

/** Registers `/` -> `/tab/` redirect and the static tab under `/tab/`. */
export async function registerStaticTab(fastify: FastifyInstance, options: StaticTabOptions): Promise<void> {
  const root = resolve(options.distDir);
  const indexFile = join(root, 'index.html');

  fastify.get('/', (_request, reply) => reply.redirect('/tab/', 302));

  if (!existsSync(indexFile)) {
    const message = `The tab is not built: ${indexFile} is missing. Run \`npm run build:tab\`, then restart.\n`;
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      reply.status(503).type('text/plain; charset=utf-8').header('cache-control', NO_CACHE).send(message);
    fastify.get('/tab', notBuilt);
    fastify.get('/tab/*', notBuilt);
    return;
  }

  const sendIndex = async (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', NO_CACHE).send(await readFile(indexFile));

  await fastify.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        // A nested context: do not clash with a `sendFile` another plugin may decorate.
        decorateReply: false,
        redirect: true,
        index: false,
        cacheControl: false,
        etag: true,
        lastModified: true,
        setHeaders: (res, path) => {
          const hashed = path.startsWith(join(root, 'assets'));
          res.setHeader('cache-control', hashed ? IMMUTABLE : NO_CACHE);
        },
      });
      scope.get('/', (_request, reply) => sendIndex(reply));
      scope.setNotFoundHandler((request, reply) => {
        const path = request.url.split('?')[0] ?? '';
        // A missing asset is a real 404 (an HTML body would break the script or style loader).
        if (request.method !== 'GET' || extname(path) !== '') {
          return reply.status(404).type('text/plain; charset=utf-8').send('Not found\n');
        }
        return sendIndex(reply);
      });
    },
    { prefix: '/tab' },
  );
}
