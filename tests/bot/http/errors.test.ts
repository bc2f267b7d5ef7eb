/**
 * The HTTP error mapping: the services' typed errors by class, Fastify's own request errors keep
 * their 4xx, and an unexpected storage failure (a 403 or 429 from the service) is a 500 with a log
 * line, never a 4xx that carries storage's message to the caller.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { ConflictError, NotFoundError, StorageError, ValidationError } from '../../../src/bot/services/errors.js';
import { translateError } from '../../../src/bot/storage/errors.js';

const logged: string[] = [];
let app: FastifyInstance;

const failures: Record<string, () => Error> = {
  'not-found': () => new NotFoundError('employee t/e: not found'),
  conflict: () => new ConflictError('employee t/e: changed since it was read', 412),
  invalid: () => new ValidationError('content id is too long'),
  'storage-403': () => translateError({ statusCode: 403, code: 'AuthorizationFailure', message: 'secret storage detail' }, 'employees of t'),
  'storage-429': () => new StorageError('employees of t: server busy, secret detail', 429, 'ServerBusy'),
  plain: () => new Error('boom with internals'),
  zod: () => z.object({ n: z.number() }).parse({ n: 'x' }) as never,
};

beforeAll(async () => {
  app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } } });
  registerErrorHandling(app);
  app.get('/fail/:kind', async (request) => {
    throw (failures[(request.params as { kind: string }).kind] as () => Error)();
  });
  app.post('/json', async () => ({ ok: true }));
  await app.ready();
});
afterAll(() => app.close());

describe('error mapping', () => {
  it.each([
    ['not-found', 404, 'notFound'],
    ['conflict', 409, 'conflict'],
    ['invalid', 400, 'badRequest'],
    ['zod', 400, 'badRequest'],
    ['storage-403', 500, 'generic'],
    ['storage-429', 500, 'generic'],
    ['plain', 500, 'generic'],
  ])('%s -> %i %s', async (kind, status, code) => {
    const before = logged.length;
    const res = await app.inject({ method: 'GET', url: `/fail/${kind}`, headers: { 'accept-language': 'ja' } });
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('internals');
    if (status === 500) {
      expect(logged.length).toBeGreaterThan(before);
      expect(body.error.message).toBe('問題が発生しました。もう一度お試しください。');
    }
  });

  it("keeps Fastify's own 4xx for a malformed JSON body", async () => {
    const res = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('badRequest');
  });
});
