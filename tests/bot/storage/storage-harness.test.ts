import { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import { startAzurite } from '../../../src/bot/storage/azurite-launcher.js';
import { ConflictError, NotFoundError, StorageError, translateError, ValidationError } from '../../../src/bot/storage/errors.js';
import { createTableRepositories } from '../../../src/bot/storage/index.js';
import { tableName } from '../../../src/bot/storage/keys.js';
import { updateWithRetry } from '../../../src/bot/storage/optimistic.js';
import { createTestRepositories, uniqueTablePrefix } from '../../support/azurite.js';
import { anEmployee } from './storage-fixtures.js';

describe('Azurite harness and repository factory', () => {
  it('ensure() is idempotent and ping() reports a reachable store', async () => {
    const repos = await createTestRepositories('harness');
    await repos.ensure();
    await expect(repos.ping()).resolves.toBe(true);
  });

  it('ping() is false, not an exception, when storage is unreachable', async () => {
    const azurite = await startAzurite();
    const repos = await createTableRepositories({ connectionString: azurite.connectionString, tablePrefix: uniqueTablePrefix() });
    await repos.ensure();
    await azurite.stop();
    await azurite.stop(); // idempotent
    const started = Date.now();
    await expect(repos.ping()).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(4000); // no retry storm behind GET /healthz
  });

  it('creates the delivery queue and keeps multi-byte text intact in large messages', async () => {
    const repos = await createTestRepositories('queues');
    const queue = repos.queues.client('deliveries');
    const text = 'ข้อความ日本語テキスト'.repeat(1500); // ~ 60 KB of UTF-8: split over several chunks
    await queue.sendMessage(text);
    const received = await queue.receiveMessages();
    expect(received.receivedMessageItems.map((m) => m.messageText)).toEqual([text]);
  });

  it('refuses to build without a connection string or account', async () => {
    await expect(createTableRepositories({})).rejects.toBeInstanceOf(ValidationError);
  });

  it('reports a corrupt row as a typed ValidationError, not undefined fields', async () => {
    const prefix = uniqueTablePrefix('corrupt');
    const repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: prefix });
    await repos.ensure();
    const raw = TableClient.fromConnectionString(inject('azuriteConnectionString'), tableName(prefix, 'employees'), {
      allowInsecureConnection: true,
    });
    await raw.createEntity({ partitionKey: 'tenant-1', rowKey: 'broken', id: 'broken', tenantId: 'tenant-1', rolesJson: '[not json' });
    await raw.createEntity({ partitionKey: 'tenant-1', rowKey: 'partial', id: 'partial', tenantId: 'tenant-1' });
    await expect(repos.employees.get('tenant-1', 'broken')).rejects.toMatchObject({ name: 'ValidationError', code: 'CorruptRow' });
    await expect(repos.employees.get('tenant-1', 'partial')).rejects.toMatchObject({ name: 'ValidationError', code: 'CorruptRow' });
  });

  it('converts Int64 columns written by other tools to plain numbers', async () => {
    const prefix = uniqueTablePrefix('int64');
    const repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: prefix });
    await repos.ensure();
    await repos.scores.put({ contestId: 'c', employeeId: 'e', points: 1, reachedAt: '2026-04-01T00:00:00.000Z' });
    const raw = TableClient.fromConnectionString(inject('azuriteConnectionString'), tableName(prefix, 'scores'), {
      allowInsecureConnection: true,
    });
    for await (const row of raw.listEntities()) {
      await raw.updateEntity({ partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '', points: BigInt(42) }, 'Merge');
    }
    const read = await repos.scores.get('c', 'e');
    expect(read?.value.points).toBe(42);
    expect(() => JSON.stringify(read)).not.toThrow();
  });
});

describe('translateError', () => {
  const rest = (statusCode: number, code?: string) => Object.assign(new Error('boom'), { statusCode, details: { odataError: { code } } });

  it.each([
    [404, 'ResourceNotFound', NotFoundError],
    [409, 'EntityAlreadyExists', ConflictError],
    [412, 'UpdateConditionNotSatisfied', ConflictError],
    [400, 'PropertyValueTooLarge', ValidationError],
    [503, 'ServerBusy', StorageError],
  ])('maps %i %s', (status, code, type) => {
    const err = translateError(rest(status, code), 'thing');
    expect(err).toBeInstanceOf(type);
    expect(err.statusCode).toBe(status);
    expect(err.code).toBe(code);
  });

  it('passes typed errors through and wraps unknown ones', () => {
    const typed = new NotFoundError('x');
    expect(translateError(typed)).toBe(typed);
    expect(translateError(new TypeError('socket hang up'))).toBeInstanceOf(StorageError);
  });
});

describe('updateWithRetry', () => {
  it('resolves a conflict by re-reading and re-applying the change', async () => {
    const repos = await createTestRepositories('optimistic');
    const employee = anEmployee({ id: 'counter', weeklyPromptCap: 0 });
    await repos.employees.create(employee);
    const read = () => repos.employees.get(employee.tenantId, employee.id);
    const write = (next: typeof employee, etag: string) => repos.employees.update(next, etag);
    const bump = (e: typeof employee) => ({ ...e, weeklyPromptCap: e.weeklyPromptCap + 1 });

    await Promise.all(Array.from({ length: 5 }, () => updateWithRetry(read, bump, write, { attempts: 20, baseDelayMs: 5 })));
    expect((await read()).value.weeklyPromptCap).toBe(5);
  });

  it('skips the write when mutate returns undefined, and gives up after the attempts', async () => {
    const etags: string[] = [];
    const value = { value: 1, etag: 'W/"1"' };
    const skipped = await updateWithRetry(async () => value, () => undefined, async () => {
      throw new Error('not called');
    });
    expect(skipped).toBe(value);

    const conflict = updateWithRetry(
      async () => value,
      (n) => n + 1,
      async (_n, etag) => {
        etags.push(etag);
        throw new ConflictError('stale', 412);
      },
      { attempts: 3, baseDelayMs: 1 },
    );
    await expect(conflict).rejects.toBeInstanceOf(ConflictError);
    expect(etags).toHaveLength(3);
  });
});
