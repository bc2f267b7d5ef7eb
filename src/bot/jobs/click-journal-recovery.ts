/**
 * Click journal recovery and reads: what an earlier run left on disk (the checkpoint, the segments
 * after it with torn or corrupt tails cut, the backlog and its age marks), and range reads of a
 * segment. The on-disk format itself is in `click-journal-format.ts`.
 */
import { open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecords, HEADER, HEADER_BYTES, SEGMENT_NAME, segmentName, writeAll } from './click-journal-format.js';

/** A place in the journal: a segment and a byte offset in it. */
export interface JournalPosition {
  segment: number;
  offset: number;
}

/** A segment file: its sequence number and the bytes of it that hold whole records. */
export interface Segment {
  seq: number;
  size: number;
}

/** What recovery found. */
export interface RecoveredJournal {
  checkpoint: JournalPosition;
  segments: Segment[];
  /** First record index of each segment with its first click's time (backlog age). */
  marks: Array<{ index: number; atMs: number }>;
  /** Records after the checkpoint, to be flushed again. */
  replayed: number;
  unflushedBytes: number;
}

/** Read the checkpoint and the segments after it, delete flushed segments and cut torn tails. */
export async function recoverSegments(dir: string, logger: { warn(details: object, message: string): void }, now: () => number): Promise<RecoveredJournal> {
  const checkpointText = await readFile(join(dir, 'checkpoint.json'), 'utf8').catch(() => undefined);
  const names = await readdir(dir);
  const seqs = names.flatMap((n) => {
    const m = SEGMENT_NAME.exec(n);
    return m ? [Number(m[1])] : [];
  }).sort((a, b) => a - b);
  let checkpoint: JournalPosition = { segment: 1, offset: HEADER_BYTES };
  if (checkpointText) {
    const parsed = JSON.parse(checkpointText) as JournalPosition;
    checkpoint = { segment: parsed.segment, offset: parsed.offset };
  } else if (seqs.length > 0) {
    checkpoint = { segment: seqs[0]!, offset: HEADER_BYTES };
  }
  const segments: Segment[] = [];
  const marks: RecoveredJournal['marks'] = [];
  let replayed = 0;
  for (const seq of seqs) {
    const path = join(dir, segmentName(seq));
    if (seq < checkpoint.segment) {
      await unlink(path);
      continue;
    }
    const buf = await readFile(path);
    const start = seq === checkpoint.segment ? checkpoint.offset : HEADER_BYTES;
    const headerOk = buf.length >= HEADER_BYTES && buf.subarray(0, HEADER_BYTES).equals(HEADER);
    const decoded = headerOk ? decodeRecords(buf.subarray(start)) : { clicks: [], bytes: 0, corrupt: buf.length > 0, complete: buf.length === 0 };
    const validEnd = headerOk ? start + decoded.bytes : HEADER_BYTES;
    if (!decoded.complete) {
      logger.warn({ segment: seq, cutBytes: buf.length - validEnd }, 'click journal: torn or corrupt tail cut (a write interrupted by a crash, never answered)');
      const handle = await open(path, 'r+');
      try {
        if (!headerOk) await writeAll(handle, HEADER);
        await handle.truncate(validEnd);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    const first = decoded.clicks[0];
    if (first) marks.push({ index: replayed, atMs: Date.parse(first.at) || now() });
    replayed += decoded.clicks.length;
    segments.push({ seq, size: validEnd });
  }
  const unflushedBytes = segments.reduce((sum, s) => sum + s.size - (s.seq === checkpoint.segment ? checkpoint.offset : HEADER_BYTES), 0);
  return { checkpoint, segments, marks, replayed, unflushedBytes };
}

/** Up to `length` bytes of a file from `offset` (fewer at its end). */
export async function readRange(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buf, read, length - read, offset + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buf.subarray(0, read);
  } finally {
    await handle.close();
  }
}
