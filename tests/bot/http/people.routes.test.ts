/**
 * People import over HTTP on Azurite: admins only; a file with bad rows imports every good row,
 * reports each bad one (line, column, problem), writes nothing for them; re-import is idempotent
 * and keeps what the programme learnt; unreadable files are refused whole.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { registerPeopleRoutes } from '../../../src/bot/http/people.routes.js';
import { createPeopleImportService } from '../../../src/bot/services/people-import.service.js';
import type { ImportJob } from '../../../src/bot/services/people-import.ports.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { Role } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';

const TENANT = 'people-import';
let app: FastifyInstance;
let repos: TableRepositories;
const finished: Array<Promise<ImportJob>> = [];

beforeAll(async () => {
  repos = await createTestRepositories('people');
  const service = createPeopleImportService({ jobs: repos.importJobs, employees: repos.employees, newId: () => `job-${finished.length + 1}`, saveEveryMs: 0 });
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (typeof role === 'string') request.identity = { tenantId: TENANT, employeeId: 'admin-1', displayName: 'Admin', roles: [role as Role] };
  });
  registerPeopleRoutes(app, {
    peopleImport: {
      ...service,
      async start(...args) {
        const started = await service.start(...args);
        finished.push(started.finished);
        return started;
      },
    },
  });
  await app.ready();
});
afterAll(() => app?.close());

const upload = (csv: string, role = 'admin') =>
  app.inject({ method: 'POST', url: '/api/admin/people/import', headers: { 'x-test-role': role, 'content-type': 'text/csv' }, payload: csv });
const status = (id: string) => app.inject({ method: 'GET', url: `/api/admin/people/import/${id}`, headers: { 'x-test-role': 'admin' } });

const FILE = [
  'Entra Object ID,Display Name,Email,Team,Manager,Time Zone,Language,Roles',
  'u-1,Aiko Tanaka,aiko@contoso.com,Sales,u-2,Asia/Tokyo,ja,employee',
  'u-2,"Rossi, Marco",marco@contoso.com,Sales,,Europe/Rome,it,executive;trainer',
  'u-3,Broken Zone,b@contoso.com,Ops,,Mars/Base,en,employee',
  'u-4,No Mail,,Ops,,,,',
  'u-1,Aiko Again,aiko2@contoso.com,Sales,,,ja,',
  'u-5,Short row',
  'u-6,Somchai,somchai@contoso.com,Ops,,Asia/Bangkok,th-TH,admin',
].join('\r\n');

describe('people import', () => {
  it('is for admins only', async () => {
    expect((await upload(FILE, 'coordinator')).statusCode).toBe(403);
    expect((await upload(FILE, 'employee')).statusCode).toBe(403);
    expect(await repos.employees.listByTenant(TENANT)).toEqual([]);
  });

  it('refuses unreadable files and missing columns whole, writing nothing', async () => {
    const unclosed = await upload('id,name,email\n"u-9,Broken,b@c.io\n');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.details).toMatch(/not a readable CSV file/);
    const noEmail = await upload('id,name\nu-9,Nine\n');
    expect(noEmail.json().error.details).toBe('missing required columns: email');
    expect((await app.inject({ method: 'POST', url: '/api/admin/people/import', headers: { 'x-test-role': 'admin', 'content-type': 'application/json' }, payload: { csv: 'x' } })).statusCode).toBe(400);
    expect(await repos.employees.listByTenant(TENANT)).toEqual([]);
  });

  it('imports the good rows, reports every bad one, never half-writes', async () => {
    const started = await upload(FILE);
    expect(started.statusCode).toBe(202);
    const id = started.json<{ job: ImportJob }>().job.id;
    await finished.at(-1);
    const report = (await status(id)).json<{ job: ImportJob; issues: Array<{ line: number; column: string; problem: string }> }>();
    expect(report.job).toMatchObject({ state: 'done', total: 7, processed: 7, created: 3, updated: 0, failed: 4 });
    expect(report.issues.map((i) => [i.line, i.column, i.problem])).toEqual([
      [4, 'timeZone', 'invalid-time-zone'],
      [5, 'email', 'missing'],
      [6, 'id', 'duplicate-id'],
      [7, 'row', 'wrong-column-count'],
    ]);
    const people = await repos.employees.listByTenant(TENANT);
    expect(people.map((p) => p.id).sort()).toEqual(['u-1', 'u-2', 'u-6']);
    const marco = people.find((p) => p.id === 'u-2')!;
    expect(marco).toMatchObject({ displayName: 'Rossi, Marco', language: 'it', roles: ['employee', 'trainer', 'executive'], leader: true, persona: 'observer' });
    expect(people.find((p) => p.id === 'u-6')).toMatchObject({ language: 'th', roles: ['employee', 'admin'] });

    const csv = await app.inject({ method: 'GET', url: `/api/admin/people/import/${id}/report.csv`, headers: { 'x-test-role': 'admin' } });
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('4,timeZone,invalid-time-zone,Mars/Base');
  });

  it('re-imports idempotently and keeps what the programme learnt', async () => {
    const aiko = await repos.employees.get(TENANT, 'u-1');
    await repos.employees.update({ ...aiko.value, persona: 'networker', policyVersionAcknowledged: 3 }, aiko.etag);
    const again = await upload(FILE);
    await finished.at(-1);
    const report = (await status(again.json<{ job: ImportJob }>().job.id)).json<{ job: ImportJob }>();
    expect(report.job).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 4 });
    expect((await repos.employees.get(TENANT, 'u-1')).value).toMatchObject({ persona: 'networker', policyVersionAcknowledged: 3, managerId: 'u-2' });
  });

  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    expect((await status('nope')).statusCode).toBe(404);
    expect((await status('a%2Fb')).statusCode).toBe(400);
  });
});
