/**
 * The click journal's on-disk format and file primitives (see click-journal.ts for the design):
 * segment names, record framing `[u32 LE length][u32 LE crc32][click JSON]`, decoding that stops
 * at a torn or corrupt record, the per-directory lock, and durable writes.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Click } from '../../shared/domain/types.js';
import { isProcessAlive } from '../util/process.js';

export const HEADER = Buffer.from('AHCJ0001', 'latin1');
export const HEADER_BYTES = HEADER.length;
export const FRAME_BYTES = 8;
/** Largest payload accepted when reading (a click is ~250 bytes); anything bigger is corruption. */
export const MAX_PAYLOAD = 64 * 1024;
export const SEGMENT_NAME = /^segment-(\d{16})\.log$/;

export const segmentName = (seq: number) => `segment-${String(seq).padStart(16, '0')}.log`;

/** Frames one click: length, checksum, JSON payload. */
export function encodeRecord(click: Click): Buffer {
  const payload = Buffer.from(
    JSON.stringify({
      code: click.code,
      tenantId: click.tenantId,
      visitorKey: click.visitorKey,
      day: click.day,
      at: click.at,
      employeeId: click.employeeId,
      contentId: click.contentId,
      network: click.network,
    }),
    'utf8',
  );
  const frame = Buffer.allocUnsafe(FRAME_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  payload.copy(frame, FRAME_BYTES);
  return frame;
}

export function parseClick(payload: Buffer): Click | undefined {
  try {
    const c = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    const fields = ['code', 'tenantId', 'visitorKey', 'day', 'at', 'employeeId', 'contentId', 'network'] as const;
    if (!fields.every((f) => typeof c[f] === 'string')) return undefined;
    return c as unknown as Click;
  } catch {
    return undefined;
  }
}

/**
 * Parses whole records from `buf` (which starts at a record boundary). Stops at the end of the
 * buffer, at a record cut by the buffer end (`complete: false`), or at a corrupt record
 * (`corrupt: true`: the rest of the segment is unusable).
 */
export function decodeRecords(buf: Buffer, max = Number.POSITIVE_INFINITY): { clicks: Click[]; bytes: number; corrupt: boolean; complete: boolean } {
  const clicks: Click[] = [];
  let pos = 0;
  while (clicks.length < max) {
    if (buf.length - pos < FRAME_BYTES) return { clicks, bytes: pos, corrupt: false, complete: pos === buf.length };
    const length = buf.readUInt32LE(pos);
    if (length === 0 || length > MAX_PAYLOAD) return { clicks, bytes: pos, corrupt: true, complete: false };
    if (buf.length - pos - FRAME_BYTES < length) return { clicks, bytes: pos, corrupt: false, complete: false };
    const payload = buf.subarray(pos + FRAME_BYTES, pos + FRAME_BYTES + length);
    const click = crc32(payload) === buf.readUInt32LE(pos + 4) ? parseClick(payload) : undefined;
    if (!click) return { clicks, bytes: pos, corrupt: true, complete: false };
    clicks.push(click);
    pos += FRAME_BYTES + length;
  }
  return { clicks, bytes: pos, corrupt: false, complete: pos === buf.length };
}

export function takeLock(dir: string): void {
  const path = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(readFileSync(path, 'utf8').trim());
    // Our own pid in a stale lock means a previous process of a container restarted with the same pid.
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid)) {
      throw new Error(`Click journal ${dir} is in use by process ${pid}; give each instance its own CLICK_JOURNAL_DIR.`);
    }
    unlinkSync(path);
  }
  throw new Error(`Could not lock click journal ${dir}.`);
}



export async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Directories cannot be opened or synced on some platforms (Windows); the rename still holds.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeAll(handle: FileHandle, buf: Buffer): Promise<void> {
  let written = 0;
  while (written < buf.length) {
    const { bytesWritten } = await handle.write(buf, written, buf.length - written, null);
    written += bytesWritten;
  }
}
