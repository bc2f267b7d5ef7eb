/**
 * Directory sync: the members of an Entra group read from a local server that speaks Graph's
 * transitiveMembers endpoint (paging, ConsistencyLevel, 429 Retry-After), imported through the
 * same rules as a CSV file on Azurite; disabled accounts left out, roles set by the programme kept.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, GraphError } from '../../../src/bot/graph/graph-client.js';
import { listGroupPeople } from '../../../src/bot/graph/graph-directory.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { registerPeopleRoutes } from '../../../src/bot/http/people.routes.js';
import { createPeopleImportService } from '../../../src/bot/services/people-import.service.js';
import type { ImportJob } from '../../../src/bot/services/people-import.ports.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';
import { startGraphDirectoryServer, type DirectoryUser, type GraphDirectoryServer } from '../../support/graph-directory-server.js';

const TENANT = 'people-sync';
const GROUP = '3f9c1b52-0000-4000-8000-000000000001';
let app: FastifyInstance;
let repos: TableRepositories;
let graph: GraphDirectoryServer;
const waits: number[] = [];
const finished: Array<Promise<ImportJob>> = [];

const user = (n: number, patch: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: `aad-${n}`, displayName: `Person ${n}`, mail: `p${n}@contoso.com`, userPrincipalName: `p${n}@contoso.onmicrosoft.com`,
  department: n % 2 ? 'Sales' : 'Ops', preferredLanguage: n % 3 ? 'ja-JP' : 'de-DE', accountEnabled: true, ...patch,
});

beforeAll(async () => {
  repos = await createTestRepositories('peoplesync');
  const members = Array.from({ length: 1203 }, (_, i) => user(i + 1));
  members[4] = user(5, { accountEnabled: false });
  members[6] = user(7, { mail: null });
  members[8] = user(9, { id: 'bad id' });
  graph = await startGraphDirectoryServer({ [GROUP]: members });
  await repos.employees.upsertMany([makeEmployee({ id: 'aad-2', tenantId: TENANT, roles: ['employee', 'trainer'], persona: 'networker' })]);
  const client = createGraphClient({ baseUrl: graph.baseUrl, getToken: async () => 'graph-test-token', sleep: async (ms) => void waits.push(ms) });
  const service = createPeopleImportService({ jobs: repos.importJobs, employees: repos.employees, newId: () => `sync-${finished.length + 1}`, concurrency: 16 });
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    request.identity = { tenantId: TENANT, employeeId: 'admin-1', displayName: 'Admin', roles: [request.headers['x-test-role'] === 'employee' ? 'employee' : 'admin'] };
  });
  registerPeopleRoutes(app, {
    peopleImport: {
      ...service,
      async startFromDirectory(...args) {
        const started = await service.startFromDirectory(...args);
        finished.push(started.finished);
        return started;
      },
    },
    directory: () => listGroupPeople(client, GROUP),
  });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await graph?.close();
});

describe('directory sync through Microsoft Graph', () => {
  it('is for admins only', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/admin/people/sync', headers: { 'x-test-role': 'employee' } })).statusCode).toBe(403);
    expect(graph.requests).toHaveLength(0);
  });

  it('imports every enabled member over two pages of 999, honouring a 429', async () => {
    graph.throttleNext(1, 2);
    const started = await app.inject({ method: 'POST', url: '/api/admin/people/sync' });
    expect(started.statusCode).toBe(202);
    const job = await finished[0]!;
    expect(job).toMatchObject({ state: 'done', total: 1202, created: 1200, updated: 1, failed: 1 });
    expect(waits).toEqual([2000]);
    // 1 throttled + 2 pages (999 + 204); the advanced query header sent each time.
    expect(graph.requests).toHaveLength(3);
    expect(graph.requests.every((r) => r.headers.consistencylevel === 'eventual')).toBe(true);
    expect(graph.requests[1]!.url).toContain('$select=id,displayName,mail,userPrincipalName,department,preferredLanguage,accountEnabled');

    const report = (await app.inject({ method: 'GET', url: `/api/admin/people/import/${job.id}` })).json<{ issues: Array<{ problem: string; value?: string }> }>();
    expect(report.issues).toEqual([expect.objectContaining({ problem: 'invalid-id', value: 'bad id' })]);
    expect((await repos.employees.find(TENANT, 'aad-5'))).toBeUndefined();
    expect((await repos.employees.get(TENANT, 'aad-7')).value.email).toBe('p7@contoso.onmicrosoft.com');
    // German is not a catalog language: kept as the default instead of refusing the person.
    expect((await repos.employees.get(TENANT, 'aad-3')).value.language).toBe('en');
    expect((await repos.employees.get(TENANT, 'aad-1')).value.language).toBe('ja');
    // What the programme set is kept: roles and persona of someone already enrolled.
    expect((await repos.employees.get(TENANT, 'aad-2')).value).toMatchObject({ roles: ['employee', 'trainer'], persona: 'networker', displayName: 'Person 2', team: 'Ops' });
  });

  it('fails clearly when Graph refuses, and never follows a nextLink to another host', async () => {
    const bad = createGraphClient({ baseUrl: graph.baseUrl, getToken: async () => 'wrong', sleep: async () => undefined });
    await expect(listGroupPeople(bad, GROUP)[Symbol.asyncIterator]().next()).rejects.toThrow(GraphError);
    const hostile = createGraphClient({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      getToken: async () => 't',
      fetch: (async () => new Response(JSON.stringify({ value: [], '@odata.nextLink': 'https://evil.example/steal' }), { status: 200 })) as typeof fetch,
    });
    const pages = hostile.pages('/groups/x/members')[Symbol.asyncIterator]();
    await expect(pages.next()).rejects.toThrow(/outside the Graph base URL/);
  });
});
