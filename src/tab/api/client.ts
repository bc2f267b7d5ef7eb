/**
 * Typed client of the tab API. Every response is parsed with the shared zod contract; every
 * failure becomes an `ApiError` whose `code` names a `common:error.*` message, so pages show it in
 * the UI language without knowing HTTP.
 */
import { ApiErrorBodySchema, isApiErrorCode, type ApiErrorCode } from '../../shared/contracts/api-errors.js';
import { BoardResponseSchema, type BoardQuery, type BoardResponse } from '../../shared/contracts/board.js';

export type { ApiErrorCode };

/** A failed API call, reduced to what the UI shows. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    readonly details?: string,
  ) {
    super(`${code} (${status})${details ? `: ${details}` : ''}`);
    this.name = 'ApiError';
  }
}

/** How the client authenticates and which language it asks errors in. */
export interface ApiClientOptions {
  /** Teams SSO token, or `undefined` in standalone mode. */
  getAuthToken(): Promise<string | undefined>;
  /** Sent as `x-dev-user` (standalone "view as" for local runs; the server ignores it in production). */
  devUser?: string;
  /** UI language for server messages (`Accept-Language`). */
  language: string;
  /** API origin + path prefix; defaults to the page origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface ApiClient {
  getBoard(query: BoardQuery, signal?: AbortSignal): Promise<BoardResponse>;
}

/** Build the client once per host; it is cheap and stateless. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? window.location.origin;

  async function getJson(path: string, params: Record<string, string | undefined>, signal?: AbortSignal) {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);

    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.language };
    const token = await options.getAuthToken().catch(() => undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.devUser) headers['x-dev-user'] = options.devUser;

    let response: Response;
    try {
      response = await doFetch(url, { headers, signal, credentials: 'same-origin' });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError('generic', 0, err instanceof Error ? err.message : undefined);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toApiError(response.status, body);
    return body;
  }

  return {
    async getBoard(query, signal) {
      const body = await getJson('/api/board', { category: query.category, language: query.language }, signal);
      const parsed = BoardResponseSchema.safeParse(body);
      if (!parsed.success) throw new ApiError('generic', 200, 'unexpected response shape');
      return parsed.data;
    },
  };
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = ApiErrorBodySchema.safeParse(body);
  const code = parsed.success && isApiErrorCode(parsed.data.error.code) ? parsed.data.error.code : codeFor(status);
  return new ApiError(code, status, parsed.success ? parsed.data.error.details : undefined);
}

function codeFor(status: number): ApiErrorCode {
  if (status === 400) return 'badRequest';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  return 'generic';
}
