/**
 * Typed errors of the services layer. Repositories throw them (storage/errors.ts translates SDK
 * failures into them), services throw them for their own rules, and the HTTP layer and Teams
 * handlers branch on them with `instanceof`, never on SDK status codes or error names.
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
