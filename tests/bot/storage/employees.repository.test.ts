import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { anEmployee, jsonRoundTrips } from './storage-fixtures.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('emp');
});

describe('TableEmployeeRepository', () => {
  it('round-trips an employee exactly, with plain numbers and an etag', async () => {
    const employee = anEmployee({ id: 'round-trip' });
    const created = await repos.employees.create(employee);
    expect(created.value).toEqual(employee);
    expect(created.etag).toMatch(/^W\//);

    const read = await repos.employees.get(employee.tenantId, employee.id);
    expect(read.value).toEqual(employee);
    expect(read.etag).toBe(created.etag);
    expect(typeof read.value.workingHours.end).toBe('number');
    expect(jsonRoundTrips(read.value)).toBe(true);
  });

  it('keeps optional fields absent when they were absent', async () => {
    const { audit: _a, policyVersionAcknowledged: _p, ...bare } = anEmployee({ id: 'bare' });
    await repos.employees.create(bare);
    const read = await repos.employees.get(bare.tenantId, bare.id);
    expect(read.value).toEqual(bare);
    expect('audit' in read.value).toBe(false);
  });

  it('throws NotFoundError from get and undefined from find for a missing employee', async () => {
    await expect(repos.employees.get('tenant-1', 'nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(repos.employees.find('tenant-1', 'nobody')).resolves.toBeUndefined();
  });

  it('refuses to create the same id twice', async () => {
    const employee = anEmployee({ id: 'twice' });
    await repos.employees.create(employee);
    const err = await repos.employees.create(employee).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).statusCode).toBe(409);
  });

  it('lets one of two concurrent updates win and the other conflict (stale etag)', async () => {
    const employee = anEmployee({ id: 'race' });
    const { etag } = await repos.employees.create(employee);
    const results = await Promise.allSettled([
      repos.employees.update({ ...employee, team: 'Marketing' }, etag),
      repos.employees.update({ ...employee, team: 'Support' }, etag),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(ConflictError);
    expect((lost[0]?.reason as ConflictError).statusCode).toBe(412);

    const stored = await repos.employees.get(employee.tenantId, employee.id);
    expect(['Marketing', 'Support']).toContain(stored.value.team);
    expect(stored.etag).not.toBe(etag);
  });

  it('throws NotFoundError when updating an employee that does not exist', async () => {
    const { etag } = await repos.employees.create(anEmployee({ id: 'exists' }));
    await expect(repos.employees.update(anEmployee({ id: 'ghost' }), etag)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('requires a real etag for update', async () => {
    await expect(repos.employees.update(anEmployee({ id: 'x' }), '*')).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.employees.update(anEmployee({ id: 'x' }), '')).rejects.toBeInstanceOf(ValidationError);
  });

  it('upserts 250 employees of one tenant in several transactions and lists them all', async () => {
    const tenantId = 'big-tenant';
    const employees = Array.from({ length: 250 }, (_, i) =>
      anEmployee({ tenantId, id: `e-${i.toString().padStart(3, '0')}`, displayName: `Person ${i}` }),
    );
    await repos.employees.upsertMany(employees);
    const listed = await repos.employees.listByTenant(tenantId);
    expect(listed).toHaveLength(250);
    expect([...listed].sort((a, b) => a.id.localeCompare(b.id))).toEqual(employees);

    // Upsert again with a change: replaces, does not duplicate.
    await repos.employees.upsertMany(employees.map((e) => ({ ...e, team: 'Renamed' })));
    const again = await repos.employees.listByTenant(tenantId);
    expect(again).toHaveLength(250);
    expect(again.every((e) => e.team === 'Renamed')).toBe(true);
  });

  it('upserts employees across several tenants (partitions) in one call', async () => {
    const employees = ['ta', 'tb', 'tc'].flatMap((tenantId) =>
      Array.from({ length: 120 }, (_, i) => anEmployee({ tenantId, id: `m-${i}` })),
    );
    await repos.employees.upsertMany(employees);
    for (const tenantId of ['ta', 'tb', 'tc']) {
      expect(await repos.employees.listByTenant(tenantId)).toHaveLength(120);
    }
  });

  it('rejects an invalid employee before writing', async () => {
    const bad = { ...anEmployee({ id: 'bad' }), language: 'xx' } as unknown as Parameters<typeof repos.employees.create>[0];
    await expect(repos.employees.create(bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.employees.find('tenant-1', 'bad')).resolves.toBeUndefined();
  });

  it('keeps tenants apart', async () => {
    await repos.employees.create(anEmployee({ tenantId: 'iso-a', id: 'same' }));
    await repos.employees.create(anEmployee({ tenantId: 'iso-b', id: 'same', displayName: 'Other' }));
    expect((await repos.employees.get('iso-b', 'same')).value.displayName).toBe('Other');
    expect(await repos.employees.listByTenant('iso-a')).toHaveLength(1);
  });

  it('createMany inserts in transactions and never replaces someone already stored', async () => {
    const tenantId = 'create-many';
    await repos.employees.create(anEmployee({ tenantId, id: 'p-050', displayName: 'Enrolled from chat' }));
    const people = Array.from({ length: 230 }, (_, i) => anEmployee({ tenantId, id: `p-${String(i).padStart(3, '0')}`, displayName: `Imported ${i}` }));
    const { existing } = await repos.employees.createMany(people);
    expect(existing).toEqual(['p-050']);
    const stored = await repos.employees.listByTenant(tenantId);
    expect(stored).toHaveLength(230);
    expect(stored.find((e) => e.id === 'p-050')?.displayName).toBe('Enrolled from chat');
    expect(stored.find((e) => e.id === 'p-229')?.displayName).toBe('Imported 229');
  });
});
