/** People import rules: headers, every row problem, role parsing, merge keeping programme data. */
import { describe, expect, it } from 'vitest';
import { columnOfHeader, isSamePerson, mergeImportedPerson, validatePersonRow, type ImportDefaults } from '../../../src/shared/domain/people-import.js';
import type { Employee } from '../../../src/shared/domain/types.js';

const GOOD = { id: '6f1c-aa', name: 'Aiko Tanaka', email: 'aiko@contoso.com', team: 'Sales', manager: 'boss-1', timeZone: 'Asia/Tokyo', language: 'ja-JP', roles: 'trainer; executive' };
const DEFAULTS: ImportDefaults = { workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 }, weeklyPromptCap: 3, timeZone: 'UTC', language: 'en' };

describe('columnOfHeader', () => {
  it.each([
    ['Entra Object ID', 'id'], ['objectId', 'id'], ['Display Name', 'name'], ['mail', 'email'], ['Department', 'team'],
    ['manager_id', 'manager'], ['Time-Zone', 'timeZone'], ['lang', 'language'], ['Role', 'roles'], ['salary', undefined],
  ])('%s -> %s', (header, column) => expect(columnOfHeader(header)).toBe(column));
});

describe('validatePersonRow', () => {
  it('accepts a full row; employee is always a role; language from a locale', () => {
    const result = validatePersonRow(2, GOOD);
    expect(result).toEqual({
      ok: true,
      person: { id: '6f1c-aa', displayName: 'Aiko Tanaka', email: 'aiko@contoso.com', team: 'Sales', managerId: 'boss-1', timeZone: 'Asia/Tokyo', language: 'ja', roles: ['employee', 'trainer', 'executive'] },
    });
  });

  it('tells an absent column (keep the stored value) from an empty cell', () => {
    expect(validatePersonRow(3, { id: 'x', name: 'X', email: 'x@y.io' })).toEqual({ ok: true, person: { id: 'x', displayName: 'X', email: 'x@y.io' } });
    expect(validatePersonRow(3, { id: 'x', name: 'X', email: 'x@y.io', team: '', manager: '', roles: '', timeZone: '', language: '' })).toEqual({
      ok: true,
      person: { id: 'x', displayName: 'X', email: 'x@y.io', team: '', managerId: null, roles: ['employee'] },
    });
  });

  it.each([
    [{ id: '' }, 'id', 'missing'],
    [{ id: 'a/b' }, 'id', 'invalid-id'],
    [{ name: '' }, 'name', 'missing'],
    [{ name: 'n'.repeat(201) }, 'name', 'too-long'],
    [{ email: '' }, 'email', 'missing'],
    [{ email: 'not-an-email' }, 'email', 'invalid-email'],
    [{ team: 't'.repeat(201) }, 'team', 'too-long'],
    [{ manager: 'x y' }, 'manager', 'invalid-id'],
    [{ manager: '6f1c-aa' }, 'manager', 'self-manager'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'invalid-time-zone'],
    [{ language: 'pt-BR' }, 'language', 'unsupported-language'],
    [{ roles: 'employee;ceo' }, 'roles', 'invalid-role'],
  ])('refuses %o (%s: %s)', (patch, column, problem) => {
    const result = validatePersonRow(7, { ...GOOD, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ line: 7, column, problem })]);
  });

  it('names every problem of a row at once', () => {
    const result = validatePersonRow(4, { id: '', name: '', email: 'bad' });
    expect(result.ok ? [] : result.issues.map((i) => i.problem)).toEqual(['missing', 'missing', 'invalid-email']);
  });
});

describe('mergeImportedPerson', () => {
  const person = { id: 'p1', displayName: 'New Name', email: 'n@c.io', team: 'Ops', roles: ['employee', 'executive'] as Employee['roles'] };

  it('creates an observer with the defaults', () => {
    const created = mergeImportedPerson('t', undefined, { ...person, timeZone: 'Europe/Rome', language: 'it', managerId: 'm' }, DEFAULTS, '2026-12-03T00:00:00.000Z');
    expect(created).toMatchObject({ tenantId: 't', persona: 'observer', timeZone: 'Europe/Rome', language: 'it', managerId: 'm', leader: true, weeklyPromptCap: 3, joinedAt: '2026-12-03T00:00:00.000Z' });
  });

  it('replaces directory fields and keeps what the programme learnt', () => {
    const existing = mergeImportedPerson('t', undefined, { ...person, managerId: 'old-boss' }, DEFAULTS, '2026-01-01T00:00:00.000Z');
    const learnt: Employee = { ...existing, persona: 'networker', promptsPaused: true, policyVersionAcknowledged: 2, timeZone: 'Asia/Tokyo', language: 'ja' };
    const merged = mergeImportedPerson('t', learnt, { ...person, displayName: 'Renamed', roles: ['employee'] }, DEFAULTS, '2026-12-03T00:00:00.000Z');
    expect(mergeImportedPerson('t', undefined, { id: 'n', displayName: 'N', email: 'n@c.io' }, DEFAULTS, '2026-12-03T00:00:00.000Z')).toMatchObject({ team: '', roles: ['employee'], leader: false });
    expect(merged).toMatchObject({ displayName: 'Renamed', persona: 'networker', promptsPaused: true, policyVersionAcknowledged: 2, timeZone: 'Asia/Tokyo', language: 'ja', leader: false, joinedAt: '2026-01-01T00:00:00.000Z' });
    expect(merged.managerId).toBe('old-boss');
    expect(mergeImportedPerson('t', merged, { ...person, managerId: null }, DEFAULTS, '2026-12-03T00:00:00.000Z').managerId).toBeUndefined();
    // A file without a roles column (a directory sync) keeps the stored roles.
    const { roles: _omitted, ...withoutRoles } = person;
    expect(mergeImportedPerson('t', { ...merged, roles: ['employee', 'admin'] }, withoutRoles, DEFAULTS, '2026-12-03T00:00:00.000Z').roles).toEqual(['employee', 'admin']);
    expect(isSamePerson(merged, { ...merged })).toBe(true);
    expect(isSamePerson(merged, learnt)).toBe(false);
  });
});
