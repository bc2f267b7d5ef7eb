/**
 * Read-modify-write for services, with the ETag the value was read at: when another writer got
 * there first (ConflictError), read again and re-apply. The storage layer has the same loop
 * (`updateWithRetry`), but services may not import storage; this one works on any port.
 */
import { ConflictError } from './errors.js';
import type { Versioned } from './ports.js';

const ATTEMPTS = 5;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `mutate` must be pure (it may run several times) and may return `undefined` for "nothing to
 * change", in which case the value read is returned without a write.
 */
export async function retryOnConflict<T>(
  read: () => Promise<Versioned<T>>,
  mutate: (current: T) => T | undefined,
  write: (next: T, etag: string) => Promise<Versioned<T>>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await read();
    const next = mutate(current.value);
    if (next === undefined) return current.value;
    try {
      return (await write(next, current.etag)).value;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err;
      await sleep(5 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
