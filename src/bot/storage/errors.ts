/**
 * Translation of Azure SDK failures into the services layer's typed errors
 * (`src/bot/services/errors.ts`), so the storage SDK stays an implementation detail of this folder.
 */
import { ConflictError, NotFoundError, StorageError, ValidationError } from '../services/errors.js';

export { ConflictError, NotFoundError, StorageError, ValidationError };

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: { odataError?: { code?: string }; errorCode?: string };
}

function asRestError(err: unknown): RestErrorLike | undefined {
  return typeof err === 'object' && err !== null && ('statusCode' in err || 'details' in err)
    ? (err as RestErrorLike)
    : undefined;
}

/** The service's error code: Tables put it in `details.odataError.code`, queues in `details.errorCode`. */
export function serviceErrorCode(err: unknown): string | undefined {
  const rest = asRestError(err);
  return rest?.details?.odataError?.code ?? rest?.details?.errorCode ?? rest?.code;
}

/**
 * Map any error from the Azure SDKs to one of the typed errors above (typed errors pass through).
 * `what` names the operation for the message, e.g. `employee t1/e1`.
 */
export function translateError(err: unknown, what = 'storage operation'): StorageError {
  if (err instanceof StorageError) return err;
  const rest = asRestError(err);
  const status = rest?.statusCode;
  const code = serviceErrorCode(err);
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  if (status === 404) return new NotFoundError(`${what}: not found`, { cause: err, code });
  if (status === 412) return new ConflictError(`${what}: changed since it was read (stale ETag)`, 412, code, { cause: err });
  if (status === 409) {
    if (code === 'TableAlreadyExists' || code === 'QueueAlreadyExists' || code === 'EntityAlreadyExists' || code === undefined) {
      return new ConflictError(`${what}: already exists`, 409, code, { cause: err });
    }
    return new StorageError(`${what}: ${detail}`, status, code, { cause: err });
  }
  if (status === 400 || status === 413) {
    return new ValidationError(`${what}: rejected by storage (${code ?? status}): ${detail}`, { cause: err, code });
  }
  return new StorageError(`${what}: ${detail}`, status, code, { cause: err });
}

/** Run a storage call and rethrow its failure as a typed error. */
export async function guard<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw translateError(err, what);
  }
}
