import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClickJournal, decodeRecords, encodeRecord, type ClickLogger } from '../../../src/bot/jobs/click-journal.js';
import type { Click } from '../../../src/shared/domain/types.js';

const click = (i: number, overrides: Partial<Click> = {}): Click => ({
  code: 'AbC123xyz789',
  tenantId: 'tenant-1',
  visitorKey: `v${i}`,
  day: '2026-12-03',
  at: '2026-12-03T09:00:00.000Z',
  employeeId: 'emp-1',
  contentId: 'content-1',
  network: 'linkedin',
  ...overrides,
});

function captureLogger(): ClickLogger & { lines: Array<{ level: string; message: string; details: object }> } {
  const lines: Array<{ level: string; message: string; details: object }> = [];
  const at = (level: string) => (details: object, message: string) => void lines.push({ level, message, details });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'click-journal-test-'));
  dirs.push(dir);
  return dir;
}
const open = (dir: string, extra: Partial<Parameters<typeof ClickJournal.open>[0]> = {}) =>
  ClickJournal.open({ dir, maxBytes: 64 * 1024 * 1024, logger: captureLogger(), ...extra });

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function readAll(journal: ClickJournal): Promise<Click[]> {
  const out: Click[] = [];
  for (;;) {
    const batch = await journal.readBatch(1_000);
    if (!batch) return out;
    out.push(...batch.clicks);
    await journal.commit(batch);
  }
}

describe('record framing', () => {
  it('round-trips a click and stops at a torn or corrupt record', () => {
    const a = encodeRecord(click(1));
    const b = encodeRecord(click(2));
    expect(decodeRecords(Buffer.concat([a, b]))).toMatchObject({ clicks: [click(1), click(2)], complete: true, corrupt: false });
    const torn = decodeRecords(Buffer.concat([a, b.subarray(0, b.length - 3)]));
    expect(torn).toMatchObject({ clicks: [click(1)], bytes: a.length, complete: false, corrupt: false });
    const flipped = Buffer.concat([a, b]);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 5) ^ 0xff, flipped.length - 5);
    expect(decodeRecords(flipped)).toMatchObject({ clicks: [click(1)], corrupt: true });
  });
});

describe('ClickJournal', () => {
  it('group commit: 2,000 concurrent appends take a handful of fsyncs, and all are on disk when they resolve', async () => {
    const dir = await freshDir();
    const journal = await open(dir);
    const results = await Promise.all(Array.from({ length: 2_000 }, (_, i) => journal.append(click(i))));
    expect(results.every((r) => r === 'kept')).toBe(true);
    const stats = journal.stats();
    expect(stats).toMatchObject({ appended: 2_000, backlog: 2_000, dropped: 0 });
    expect(stats.syncs).toBeLessThanOrEqual(5);
    // Durable before close: a second reader of the files sees every record.
    const files = (await readdir(dir)).filter((f) => f.startsWith('segment-'));
    const onDisk = await Promise.all(files.map(async (f) => decodeRecords((await readFile(join(dir, f))).subarray(8)).clicks.length));
    expect(onDisk.reduce((a, b) => a + b, 0)).toBe(2_000);
    await journal.close();
  });

  it('reopening replays exactly what was not committed, in order', async () => {
    const dir = await freshDir();
    const first = await open(dir);
    await Promise.all(Array.from({ length: 30 }, (_, i) => first.append(click(i))));
    const batch = (await first.readBatch(10))!;
    expect(batch.clicks.map((c) => c.visitorKey)).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`));
    await first.commit(batch);
    await first.close();
    const second = await open(dir);
    expect(second.stats().backlog).toBe(20);
    await Promise.all([second.append(click(30)), second.append(click(31))]);
    expect((await readAll(second)).map((c) => c.visitorKey)).toEqual(Array.from({ length: 22 }, (_, i) => `v${i + 10}`));
    expect(second.stats()).toMatchObject({ backlog: 0, oldestUnflushedAgeMs: 0 });
    await second.close();
  });

  it('tolerates a torn last record (a crash mid-write) and keeps everything before it', async () => {
    const dir = await freshDir();
    const first = await open(dir);
    await Promise.all([first.append(click(1)), first.append(click(2))]);
    const segment = first.activeSegmentPath;
    await first.close();
    await appendFile(segment, encodeRecord(click(3)).subarray(0, 20));
    const logger = captureLogger();
    const second = await ClickJournal.open({ dir, maxBytes: 1 << 26, logger });
    expect(logger.lines.some((l) => l.level === 'warn' && /torn/.test(l.message))).toBe(true);
    expect((await readAll(second)).map((c) => c.visitorKey)).toEqual(['v1', 'v2']);
    await second.close();
  });

  it('rotates segments and deletes them once committed', async () => {
    const dir = await freshDir();
    const journal = await open(dir, { segmentBytes: 2_000 });
    for (let round = 0; round < 10; round += 1) await Promise.all(Array.from({ length: 10 }, (_, i) => journal.append(click(round * 10 + i))));
    expect((await journal.segmentSizes()).length).toBeGreaterThan(3);
    expect(await readAll(journal)).toHaveLength(100);
    expect((await readdir(dir)).filter((f) => f.startsWith('segment-'))).toHaveLength(1);
    expect(journal.stats()).toMatchObject({ backlog: 0, backlogBytes: 0 });
    await journal.close();
  });

  it('beyond the bound a click is dropped (counted and logged), never blocked', async () => {
    const dir = await freshDir();
    const logger = captureLogger();
    const record = encodeRecord(click(0)).length;
    const journal = await ClickJournal.open({ dir, maxBytes: record * 3 + 1, logger });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => journal.append(click(i))));
    expect(results).toEqual(['kept', 'kept', 'kept', 'dropped', 'dropped']);
    expect(journal.stats()).toMatchObject({ backlog: 3, dropped: 2 });
    expect(logger.lines.filter((l) => l.level === 'error' && /journal full/.test(l.message))).toHaveLength(1);
    await readAll(journal);
    expect(await journal.append(click(9))).toBe('kept');
    await journal.close();
  });

  it('reports the age of the oldest unflushed click', async () => {
    const dir = await freshDir();
    let now = 1_000_000;
    const journal = await open(dir, { now: () => now });
    await journal.append(click(1));
    now += 4_000;
    await journal.append(click(2));
    now += 1_000;
    expect(journal.stats().oldestUnflushedAgeMs).toBe(5_000);
    await journal.commit((await journal.readBatch(1))!);
    expect(journal.stats().oldestUnflushedAgeMs).toBe(1_000);
    await readAll(journal);
    expect(journal.stats().oldestUnflushedAgeMs).toBe(0);
    await journal.close();
  });

  it('one owner per directory: a second open is refused until the first closes; a dead owner\'s lock is taken over', async () => {
    const dir = await freshDir();
    const journal = await open(dir);
    await expect(open(dir)).rejects.toThrow(/already open/);
    await journal.close();
    await writeFile(join(dir, 'lock'), '999999999');
    const again = await open(dir);
    expect((await readFile(join(dir, 'lock'), 'utf8')).trim()).toBe(String(process.pid));
    await again.close({ removeIfFlushed: true });
    await expect(stat(dir)).rejects.toThrow();
  });
});
