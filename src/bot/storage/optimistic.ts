/**
 * Optimistic concurrency for services: read a value with its ETag, change it, write it back only
 * if nobody else did in between; on a ConflictError re-read and try again.
 */
import type { Versioned } from '../services/ports.js';
import { ConflictError } from './errors.js';

export interface RetryOptions {
  /** Total tries including the first; default 5. */
  attempts?: number;
  /** Base delay before a retry, doubled each time with jitter; default 10 ms. */
  baseDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Read-modify-write loop. `mutate` must be pure (it may run several times); it may return
 * `undefined` to skip the write (nothing to change). Throws the last ConflictError once the
 * attempts are spent; any other error immediately.
 */
export async function updateWithRetry<T>(
  read: () => Promise<Versioned<T>>,
  mutate: (current: T) => T | undefined,
  write: (next: T, etag: string) => Promise<Versioned<T>>,
  options: RetryOptions = {},
): Promise<Versioned<T>> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const baseDelayMs = options.baseDelayMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    const current = await read();
    const next = mutate(current.value);
    if (next === undefined) return current;
    try {
      return await write(next, current.etag);
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= attempts) throw err;
      await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
