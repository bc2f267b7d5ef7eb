/**
 * Typed storage errors: services and HTTP routes branch on these classes, never on SDK
 * `RestError` status codes, so the storage SDK stays an implementation detail of this folder.
 */

/** Any storage failure that is not one of the specific cases below (network, 5xx, throttling). */
export class StorageError extends Error {
  constructor(
    message: string,
    /** HTTP status from the service, when there was a response. */
    readonly statusCode?: number,
    /** Service error code, e.g. `EntityTooLarge`, `OperationTimedOut`. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** The row asked for does not exist (404). */
export class NotFoundError extends StorageError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, 404, options?.code ?? 'ResourceNotFound', options);
    this.name = 'NotFoundError';
  }
}

/**
 * A write lost a race: the row already exists (409 `EntityAlreadyExists`) or changed since it was
 * read (412 `UpdateConditionNotSatisfied`, a stale ETag). Re-read and retry, or report it.
 */
export class ConflictError extends StorageError {
  constructor(message: string, statusCode: 409 | 412, code?: string, options?: { cause?: unknown }) {
    super(message, statusCode, code ?? (statusCode === 412 ? 'UpdateConditionNotSatisfied' : 'EntityAlreadyExists'), options);
    this.name = 'ConflictError';
  }
}

/**
 * Input that cannot be stored as given: a bad key, an oversized property or entity, or a row
 * read back that does not match its schema. Raised before the service would answer an opaque 400.
 */
export class ValidationError extends StorageError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, 400, options?.code ?? 'InvalidInput', options);
    this.name = 'ValidationError';
  }
}

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
