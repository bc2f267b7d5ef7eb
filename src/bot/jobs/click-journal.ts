/**
 * The local click journal: "a click answered is a click kept". `append` resolves only once the
 * click is on disk (written and fdatasync'ed), so the redirect goes out after that; a storage
 * outage then only makes the journal grow, and a restart (even after SIGKILL) replays it.
 *
 * Group commit: appends arriving within `groupCommitMs` (and while the previous write is being
 * synced) become ONE write and ONE fdatasync, then all their waiters resolve together.
 *
 * On disk (one directory per instance): `segment-<16 digits>.log` files, each an 8-byte header
 * `AHCJ0001` then records `[u32 LE length][u32 LE crc32 of payload][payload: click JSON]`, and
 * `checkpoint.json` `{ segment, offset }`: everything before it is in the Clicks table. A torn or
 * corrupt record ends its segment (a crash mid-write leaves at most the last batch incomplete,
 * and none of its waiters were answered). `lock` holds the owning process id.
 */
import { mkdir, open, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Click } from '../../shared/domain/types.js';
import { decodeRecords, encodeRecord, HEADER, HEADER_BYTES, segmentName, syncDir, takeLock, writeAll } from './click-journal-format.js';
import { readRange, recoverSegments, type JournalPosition, type Segment } from './click-journal-recovery.js';
import { DroppedClicks } from './click-journal-drops.js';

export { decodeRecords, encodeRecord };
export type { JournalPosition };

const READ_CHUNK = 4 * 1024 * 1024;
/** Backlog age is tracked in buckets of this length (health reports it to the second). */
const AGE_BUCKET_MS = 1_000;

/** Processes (this one) holding a journal directory open, so a second open in-process is refused. */
const openInProcess = new Set<string>();

/** The structured logger the jobs write to (the server's pino logger fits). */
export interface ClickLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Clicks read from the journal, and where the checkpoint goes once they are stored. */
export interface JournalBatch {
  clicks: Click[];
  end: JournalPosition;
}

export interface ClickJournalOptions {
  dir: string;
  /** Bound of unflushed bytes; beyond it appends are dropped (and counted), never blocked. */
  maxBytes: number;
  /** A segment is closed and a new one started past this size. Default 16 MiB. */
  segmentBytes?: number;
  /** How long the first append of a batch waits for company. Default 2 ms. */
  groupCommitMs?: number;
  logger: ClickLogger;
  now?: () => number;
}

/** Figures for `/healthz`, logs and tests. */
export interface ClickJournalStats {
  /** Clicks on disk not yet stored in the table. */
  backlog: number;
  backlogBytes: number;
  /** Age of the oldest unflushed click (to the second), 0 when the journal is flushed. */
  oldestUnflushedAgeMs: number;
  /** Clicks redirected but not journaled (journal full or disk failing) since start. */
  dropped: number;
  appended: number;
  /** Write+fdatasync batches since start (group commit: far fewer than appends). */
  syncs: number;
}

/** The journal of one instance; `ClickJournal.open` replays what is on disk. */
export class ClickJournal {
  private segments: Segment[] = [];
  private active!: Segment & { handle: FileHandle };
  private checkpoint: JournalPosition = { segment: 1, offset: HEADER_BYTES };
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private waiters: Array<(result: 'kept' | 'dropped') => void> = [];
  private inflight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unflushedBytes = 0;
  private appendedRecords = 0;
  private flushedRecords = 0;
  private marks: Array<{ index: number; atMs: number }> = [];
  private syncCount = 0;
  private closed = false;
  private readonly listeners = new Set<() => void>();
  private readonly segmentBytes: number;
  private readonly groupCommitMs: number;
  private readonly now: () => number;
  private readonly dropped: DroppedClicks;

  private constructor(private readonly options: ClickJournalOptions) {
    this.segmentBytes = options.segmentBytes ?? 16 * 1024 * 1024;
    this.groupCommitMs = options.groupCommitMs ?? 2;
    this.now = options.now ?? Date.now;
    this.dropped = new DroppedClicks(options.logger, this.now, () => ({ backlogBytes: this.unflushedBytes, maxBytes: options.maxBytes }));
  }

  /** Open (or create) the journal in `options.dir`, lock it, replay what is unflushed. */
  static async open(given: ClickJournalOptions): Promise<ClickJournal> {
    const options = { ...given, dir: resolve(given.dir) };
    await mkdir(options.dir, { recursive: true });
    if (openInProcess.has(options.dir)) throw new Error(`Click journal ${options.dir} is already open in this process.`);
    takeLock(options.dir);
    openInProcess.add(options.dir);
    const journal = new ClickJournal(options);
    try {
      await journal.recover();
    } catch (err) {
      openInProcess.delete(options.dir);
      await rm(join(options.dir, 'lock'), { force: true });
      throw err;
    }
    return journal;
  }

  /**
   * Journal one click. Resolves `kept` once it is on disk, or `dropped` when the journal is full or
   * the disk failed (the caller still redirects: the person must reach the target).
   */
  append(click: Click): Promise<'kept' | 'dropped'> {
    if (this.closed) return Promise.resolve(this.dropped.record(1, 'closed'));
    const frame = encodeRecord(click);
    if (this.unflushedBytes + this.pendingBytes + frame.length > this.options.maxBytes) return Promise.resolve(this.dropped.record(1, 'full'));
    this.pending.push(frame);
    this.pendingBytes += frame.length;
    const result = new Promise<'kept' | 'dropped'>((resolve) => this.waiters.push(resolve));
    if (!this.inflight && !this.timer) this.timer = setTimeout(() => this.startWrite(), this.groupCommitMs);
    return result;
  }

  /** Called whenever new clicks become durable (the flusher wakes up on it). */
  onDurable(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Up to `max` unflushed clicks from the checkpoint on, in journal order; undefined when none. */
  async readBatch(max: number): Promise<JournalBatch | undefined> {
    let pos = { ...this.checkpoint };
    for (;;) {
      const seg = this.segments.find((s) => s.seq >= pos.segment);
      if (!seg) return undefined;
      if (seg.seq !== pos.segment) pos = { segment: seg.seq, offset: HEADER_BYTES };
      if (pos.offset >= seg.size) {
        if (seg.seq === this.active.seq) return pos.segment === this.checkpoint.segment && pos.offset === this.checkpoint.offset ? undefined : { clicks: [], end: pos };
        pos = { segment: seg.seq + 1, offset: HEADER_BYTES };
        if (!this.segments.some((s) => s.seq >= pos.segment)) return { clicks: [], end: pos };
        continue;
      }
      const length = Math.min(seg.size - pos.offset, READ_CHUNK);
      const buf = await readRange(join(this.options.dir, segmentName(seg.seq)), pos.offset, length);
      const decoded = decodeRecords(buf, max);
      if (decoded.clicks.length === 0) {
        // Only a corrupt record can stop a read at zero (a record is far smaller than a chunk).
        this.options.logger.error({ segment: seg.seq, offset: pos.offset, lostBytes: seg.size - pos.offset }, 'click journal: corrupt record, skipping the rest of the segment');
        seg.size = pos.offset;
        continue;
      }
      return { clicks: decoded.clicks, end: { segment: seg.seq, offset: pos.offset + decoded.bytes } };
    }
  }

  /** The clicks of `batch` are stored: move the checkpoint past them and delete finished segments. */
  async commit(batch: JournalBatch): Promise<void> {
    const tmp = join(this.options.dir, 'checkpoint.json.tmp');
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(JSON.stringify(batch.end));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, join(this.options.dir, 'checkpoint.json'));
    await syncDir(this.options.dir);
    this.checkpoint = { ...batch.end };
    this.flushedRecords += batch.clicks.length;
    const finished = this.segments.filter((s) => s.seq < batch.end.segment);
    this.segments = this.segments.filter((s) => s.seq >= batch.end.segment);
    for (const seg of finished) await unlink(join(this.options.dir, segmentName(seg.seq))).catch(() => undefined);
    this.unflushedBytes = this.segments.reduce((sum, s) => sum + s.size - (s.seq === this.checkpoint.segment ? this.checkpoint.offset : HEADER_BYTES), 0);
    while (this.marks.length > 1 && this.marks[1]!.index <= this.flushedRecords) this.marks.shift();
  }

  stats(): ClickJournalStats {
    const backlog = this.appendedRecords - this.flushedRecords;
    const oldest = backlog > 0 ? this.marks.find((m, i) => (this.marks[i + 1]?.index ?? Infinity) > this.flushedRecords) : undefined;
    return {
      backlog,
      backlogBytes: this.unflushedBytes,
      oldestUnflushedAgeMs: oldest ? Math.max(0, this.now() - oldest.atMs) : 0,
      dropped: this.dropped.total,
      appended: this.appendedRecords,
      syncs: this.syncCount,
    };
  }

  /** Write what is pending, close the files, release the lock; `removeIfFlushed` deletes an empty journal. */
  async close(options: { removeIfFlushed?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inflight || this.pending.length > 0) {
      if (!this.inflight) this.startWrite();
      await this.inflight;
    }
    await this.active.handle.close();
    await rm(join(this.options.dir, 'lock'), { force: true });
    openInProcess.delete(this.options.dir);
    if (options.removeIfFlushed && this.appendedRecords === this.flushedRecords) await rm(this.options.dir, { recursive: true, force: true });
  }

  private startWrite(): void {
    this.timer = undefined;
    if (this.inflight || this.pending.length === 0) return;
    this.inflight = this.writePending().finally(() => {
      this.inflight = undefined;
      if (this.pending.length > 0) this.startWrite();
    });
  }

  private async writePending(): Promise<void> {
    const frames = this.pending;
    const waiters = this.waiters;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.waiters = [];
    this.pendingBytes = 0;
    try {
      if (this.active.size >= this.segmentBytes) await this.rotate();
      await writeAll(this.active.handle, frames.length === 1 ? frames[0]! : Buffer.concat(frames, bytes));
      await this.active.handle.datasync();
    } catch (err) {
      this.options.logger.error({ err, clicks: frames.length }, 'click journal write failed');
      for (const resolve of waiters) resolve(this.dropped.record(1, 'disk'));
      // The segment may end in a partial write: seal it at its durable size and start a new one.
      await this.rotate().catch((rotateErr: unknown) => this.options.logger.error({ err: rotateErr }, 'click journal could not start a new segment'));
      return;
    }
    this.active.size += bytes;
    this.unflushedBytes += bytes;
    const now = this.now();
    const last = this.marks[this.marks.length - 1];
    if (!last || now - last.atMs >= AGE_BUCKET_MS || last.index < this.flushedRecords) this.marks.push({ index: this.appendedRecords, atMs: now });
    this.appendedRecords += frames.length;
    this.syncCount += 1;
    for (const resolve of waiters) resolve('kept');
    for (const listener of this.listeners) listener();
  }

  /** Start a new active segment (header written and synced, directory entry synced). */
  private async rotate(): Promise<void> {
    const previous = this.active as (Segment & { handle: FileHandle }) | undefined;
    const seq = (this.segments[this.segments.length - 1]?.seq ?? this.checkpoint.segment - 1) + 1;
    const handle = await open(join(this.options.dir, segmentName(seq)), 'a');
    await writeAll(handle, HEADER);
    await handle.datasync();
    await syncDir(this.options.dir);
    const segment = { seq, size: HEADER_BYTES, handle };
    this.segments.push(segment);
    this.active = segment;
    await previous?.handle.close().catch(() => undefined);
  }

  /** Read what an earlier run left (checkpoint, segments, backlog), then open a new segment. */
  private async recover(): Promise<void> {
    const found = await recoverSegments(this.options.dir, this.options.logger, this.now);
    this.checkpoint = found.checkpoint;
    this.segments = found.segments;
    this.marks = found.marks;
    this.appendedRecords = found.replayed;
    this.unflushedBytes = found.unflushedBytes;
    await this.rotate();
    if (found.replayed > 0) this.options.logger.info({ replayed: found.replayed, segments: this.segments.length - 1 }, 'click journal: replaying clicks not yet stored');
  }

  /** For tests: where the active segment's file is. */
  get activeSegmentPath(): string {
    return join(this.options.dir, segmentName(this.active.seq));
  }

  /** For tests and tools: the file size on disk of every segment. */
  async segmentSizes(): Promise<number[]> {
    return Promise.all(this.segments.map(async (s) => (await stat(join(this.options.dir, segmentName(s.seq)))).size));
  }
}
