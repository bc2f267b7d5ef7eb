/**
 * A person's traces in rows that stay (TablePersonTraces on Azurite): what matches (ids whole,
 * names as whole words, emails anywhere), what does not (another id that contains theirs, a
 * namesake's own record, another actor's audit entries), delivery records moved under the
 * pseudonym (a planned one cancelled, counts per status otherwise kept), and a second run that
 * finds nothing.
 */
import { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import { tableName, TABLES, type TableKey } from '../../../src/bot/storage/keys.js';
import { identifierPattern, TablePersonTraces, type PersonTraceTables } from '../../../src/bot/storage/personal-data-traces.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import type { PersonSubject } from '../../../src/bot/services/data-requests.ports.js';
import { createTestRepositories } from '../../support/azurite.js';
import { anEmployee } from './storage-fixtures.js';

const TENANT = 'tenant-1';
const SUBJECT: PersonSubject = { employeeId: 'u1', ids: ['u1', '29:1abc'], names: ['Kim Lee'], emails: ['kim.lee@contoso.example'], pseudonym: '~erased-00000000000000aa' };
let repos: TableRepositories;

beforeAll(async () => {
  repos = await createTestRepositories('traces');
});

const scrub = (text: string) => text.replace(identifierPattern(SUBJECT)!, SUBJECT.pseudonym);

describe('identifierPattern', () => {
  it.each([
    ['u1', '~erased-00000000000000aa'],
    ['u10 and xu1 and u1-b', 'u10 and xu1 and u1-b'],
    ['by u1.', 'by ~erased-00000000000000aa.'],
    ['{"id":"u1","user":"29:1abc"}', '{"id":"~erased-00000000000000aa","user":"~erased-00000000000000aa"}'],
    ['Kim Lee wrote this', '~erased-00000000000000aa wrote this'],
    ['kim lee, Kim Leeson', '~erased-00000000000000aa, Kim Leeson'],
    ['not-an-email-KIM.LEE@contoso.example', 'not-an-email-~erased-00000000000000aa'],
  ])('%s -> %s', (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });
});

describe('TablePersonTraces', () => {
  it('rewrites what names them, leaves namesakes and others alone, moves their delivery, and is idempotent', async () => {
    const at = new Date().toISOString();
    await repos.employees.upsertMany([
      anEmployee({ id: 'u1', tenantId: TENANT, displayName: 'Kim Lee', email: 'kim.lee@contoso.example' }),
      anEmployee({ id: 'u10', tenantId: TENANT, displayName: 'Kim Lee', email: 'kim.lee2@contoso.example', managerId: 'u1' }),
    ]);
    await repos.auditLog.append({ tenantId: TENANT, id: 'a1', at, actorId: 'u1', actorName: 'K. Lee', actorRoles: ['admin'], action: 'PUT /api/admin/people/:id/roles', target: { id: 'u10' }, status: 200, after: { note: 'Kim Lee asked' } });
    await repos.auditLog.append({ tenantId: TENANT, id: 'a2', at, actorId: 'u10', actorName: 'Kim Lee', actorRoles: ['admin'], action: 'PUT /api/admin/people/:id/roles', target: { id: 'u1' }, status: 200 });
    const delivery = { tenantId: TENANT, kind: 'share' as const, subjectId: 'c1', at, attempts: 0, updatedAt: at };
    await repos.campaigns.deliveries.createMany([
      { ...delivery, campaignId: 'camp-1', employeeId: 'u1', status: 'planned', reason: 'note about Kim Lee' },
      { ...delivery, campaignId: 'camp-2', employeeId: 'u1', status: 'planned' },
      { ...delivery, campaignId: 'camp-1', employeeId: 'u10', status: 'planned' },
    ]);
    const sent = await repos.campaigns.deliveries.get(TENANT, 'camp-2', 'u1');
    await repos.campaigns.deliveries.update({ ...sent!.value, status: 'sent', sentAt: at }, sent!.etag);

    const found = await repos.personTraces.find(TENANT, SUBJECT);
    expect(found.map((f) => f.table).sort()).toEqual(['auditLog', 'auditLog', 'deliveries', 'deliveries', 'employees']);

    expect(await repos.personTraces.pseudonymise(TENANT, SUBJECT)).toEqual({ auditLog: 2, deliveries: 2, employees: 1 });
    // Their own record is not a trace (the erasure deletes it); the namesake keeps name and email, loses the manager link.
    expect((await repos.employees.get(TENANT, 'u1')).value.displayName).toBe('Kim Lee');
    const namesake = (await repos.employees.get(TENANT, 'u10')).value;
    expect(namesake).toMatchObject({ displayName: 'Kim Lee', email: 'kim.lee2@contoso.example', managerId: SUBJECT.pseudonym });
    const audit = await repos.auditLog.list(TENANT, { limit: 10 });
    const a1 = audit.find((e) => e.id === 'a1')!;
    const a2 = audit.find((e) => e.id === 'a2')!;
    expect(a1).toMatchObject({ actorId: SUBJECT.pseudonym, actorName: SUBJECT.pseudonym, target: { id: 'u10' }, after: { note: `${SUBJECT.pseudonym} asked` }, status: 200 });
    expect(a2).toMatchObject({ actorId: 'u10', actorName: 'Kim Lee', target: { id: SUBJECT.pseudonym } });
    // Deliveries: under the pseudonym; the planned one will never be sent (cancelled), the sent one stays sent.
    expect(await repos.campaigns.deliveries.get(TENANT, 'camp-1', 'u1')).toBeUndefined();
    expect((await repos.campaigns.deliveries.get(TENANT, 'camp-1', SUBJECT.pseudonym))?.value).toMatchObject({ employeeId: SUBJECT.pseudonym, status: 'cancelled' });
    expect((await repos.campaigns.deliveries.get(TENANT, 'camp-1', SUBJECT.pseudonym))?.value.reason).toBeUndefined();
    expect((await repos.campaigns.deliveries.get(TENANT, 'camp-2', SUBJECT.pseudonym))?.value).toMatchObject({ status: 'sent', sentAt: at });
    expect((await repos.campaigns.deliveries.get(TENANT, 'camp-1', 'u10'))?.value.status).toBe('planned');

    expect(await repos.personTraces.find(TENANT, SUBJECT)).toEqual([]);
    expect(await repos.personTraces.pseudonymise(TENANT, SUBJECT)).toEqual({});
  });

  it('a row changed between the scan and the rewrite is scanned again and rewritten as it now is', async () => {
    const prefix = uniqueTablePrefix('tracerace');
    const connectionString = inject('azuriteConnectionString');
    const own = await createTableRepositories({ connectionString, tablePrefix: prefix });
    await own.ensure();
    const client = (table: TableKey) => TableClient.fromConnectionString(connectionString, tableName(prefix, table), { allowInsecureConnection: true });
    const at = new Date().toISOString();
    await own.auditLog.append({ tenantId: TENANT, id: 'r1', at, actorId: 'u1', actorName: 'Kim Lee', actorRoles: ['admin'], action: 'PUT /api/admin/settings', target: {}, status: 200 });
    // Someone else writes the row once, right before the first rewrite lands (a stale ETag then).
    const audit = client('auditLog');
    let raced = false;
    const racing = new Proxy(audit, {
      get(target, prop, receiver) {
        if (prop !== 'updateEntity') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<TableClient['updateEntity']>) => {
          if (!raced) {
            raced = true;
            const [row] = args;
            await target.updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, status: 201 }, 'Merge');
          }
          return target.updateEntity(...args);
        };
      },
    });
    const tables = Object.fromEntries((Object.keys(TABLES) as TableKey[]).map((k) => [k, client(k)])) as unknown as PersonTraceTables;
    const traces = new TablePersonTraces({ ...tables, auditLog: racing });
    expect(await traces.pseudonymise(TENANT, SUBJECT)).toEqual({ auditLog: 1 });
    expect(raced).toBe(true);
    const [entry] = await own.auditLog.list(TENANT, { limit: 5 });
    expect(entry).toMatchObject({ id: 'r1', actorId: SUBJECT.pseudonym, actorName: SUBJECT.pseudonym, status: 201 });
  });
});
