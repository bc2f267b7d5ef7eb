import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { composeKey, decodeKeyPart, encodeKeyPart, MAX_KEY_LENGTH, queueName, scoreBucket, SCORE_BUCKETS, tableName } from '../../../src/bot/storage/keys.js';
import { createTestRepositories } from '../../support/azurite.js';
import { anEmployee } from './storage-fixtures.js';

const FORBIDDEN_CHARS = ['/', '\\', '#', '?'];
const isForbidden = (ch: string) => FORBIDDEN_CHARS.includes(ch) || ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f);
const awkward = [
  'a/b',
  'a#b',
  'what?',
  'back\\slash',
  'tab\there',
  'new\nline',
  'nul\u0000byte',
  'del\u007f',
  'pipe|separator',
  'bang!21',
  '%2F',
  'ünïcødé 日本語 🚀',
  ' leading and trailing ',
];

describe('key encoding', () => {
  it.each(awkward)('encodes %j without forbidden characters and decodes it back', (raw) => {
    const encoded = encodeKeyPart(raw);
    expect([...encoded].filter(isForbidden)).toEqual([]);
    expect(encoded).not.toContain('|');
    expect(decodeKeyPart(encoded)).toBe(raw);
  });

  it('leaves GUIDs, emails and days readable', () => {
    expect(encodeKeyPart('8f0e2b1c-1b2a-4c3d-9e8f-0a1b2c3d4e5f')).toBe('8f0e2b1c-1b2a-4c3d-9e8f-0a1b2c3d4e5f');
    expect(encodeKeyPart('aiko@example.com')).toBe('aiko@example.com');
    expect(composeKey('click', '2026-04-02', 'v1')).toBe('2026-04-02|v1');
  });

  it('keeps distinct inputs distinct (no collisions through escaping)', () => {
    const inputs = ['a|b', 'a!7Cb', 'a', 'A', 'a b', 'a+b'];
    expect(new Set(inputs.map((i) => encodeKeyPart(i))).size).toBe(inputs.length);
    expect(composeKey('k', 'a|b', 'c')).not.toBe(composeKey('k', 'a', 'b|c'));
  });

  it('rejects empty and oversized keys with ValidationError', () => {
    expect(() => encodeKeyPart('')).toThrow(ValidationError);
    expect(() => composeKey('k', 'x'.repeat(2048))).toThrow(ValidationError);
    expect(() => composeKey('k', 'x'.repeat(MAX_KEY_LENGTH))).not.toThrow();
    expect(() => composeKey('k', '/'.repeat(200))).toThrow(/too long/); // 600 characters once escaped
  });

  it('validates table and queue names built from a prefix', () => {
    expect(tableName('ah', 'employees')).toBe('ahEmployees');
    expect(() => tableName('1bad', 'employees')).toThrow(ValidationError);
    expect(() => tableName('with-dash', 'employees')).toThrow(ValidationError);
    expect(queueName('Ah', 'deliveries')).toBe('ah-deliveries');
  });

  it('spreads employees evenly over the score buckets', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1600; i++) {
      const bucket = scoreBucket(`employee-${i}`);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    expect(counts.size).toBe(SCORE_BUCKETS);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60); // mean 100
    expect(scoreBucket('same')).toBe(scoreBucket('same'));
  });
});

describe('awkward keys against Azurite', () => {
  let repos: TableRepositories;
  beforeAll(async () => {
    repos = await createTestRepositories('keys');
  });

  it.each(awkward)('stores and reads an employee whose tenant and id are %j', async (raw) => {
    const employee = anEmployee({ tenantId: `t-${raw}`, id: raw });
    await repos.employees.create(employee);
    expect((await repos.employees.get(employee.tenantId, raw)).value).toEqual(employee);
    expect(await repos.employees.listByTenant(employee.tenantId)).toEqual([employee]);
  });

  it('rejects an empty or 2 KiB id before calling storage', async () => {
    await expect(repos.employees.create(anEmployee({ id: '' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.employees.create(anEmployee({ id: 'x'.repeat(2048) }))).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.employees.get('tenant-1', 'x'.repeat(2048))).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.trackedLinks.find('')).rejects.toBeInstanceOf(ValidationError);
  });
});
