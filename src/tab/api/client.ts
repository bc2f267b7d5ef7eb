/**
 * Typed client of the tab API. Every response is parsed with the shared zod contract; every
 * failure becomes an `ApiError` whose `code` names a `common:error.*` message, so pages show it in
 * the UI language without knowing HTTP.
 */
import { ApiErrorBodySchema, isApiErrorCode, type ApiErrorCode } from '../../shared/contracts/api-errors.js';
import type { z } from 'zod';
import { BoardResponseSchema, type BoardQuery, type BoardResponse } from '../../shared/contracts/board.js';
import { MeResponseSchema, type MeResponse } from '../../shared/contracts/me.js';

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

/** Query parameters; `undefined` and empty values are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface ApiClient {
  /** `GET path`, the answer parsed with `schema`. */
  get<T>(path: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, options?: { query?: QueryParams; signal?: AbortSignal }): Promise<T>;
  /** `POST`/`PUT`/`DELETE` with a JSON body, the answer parsed with `schema`. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, body?: unknown, signal?: AbortSignal): Promise<T>;
  /**
   * `GET path` of a file (CSV, JSON export) with the same authentication, for the browser to save:
   * the bytes as sent (a CSV's BOM kept for Excel) and the file name from `Content-Disposition` (or `fallbackName`).
   */
  download(path: string, options?: { query?: QueryParams; signal?: AbortSignal; fallbackName?: string }): Promise<DownloadedFile>;
  /** `POST`/`PUT` of a file's text with its own content type (e.g. `text/csv`), the JSON answer parsed with `schema`. */
  upload<T>(method: 'POST' | 'PUT', path: string, contentType: string, text: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, signal?: AbortSignal): Promise<T>;
  getBoard(query: BoardQuery, signal?: AbortSignal): Promise<BoardResponse>;
  getMe(signal?: AbortSignal): Promise<MeResponse>;
}

/** A file the API returned, ready for `saveFile`. */
export interface DownloadedFile {
  filename: string;
  /** The body as sent, typed with the response's media type (e.g. `text/csv;charset=utf-8`). */
  blob: Blob;
}

/** Build the client once per host; it is cheap and stateless. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? window.location.origin;

  /** One authenticated request; `body` is sent as JSON unless it is a typed text (`{ contentType, text }`). */
  async function request(method: string, path: string, query: QueryParams, accept: string, body: unknown, signal?: AbortSignal, raw?: { contentType: string; text: string }): Promise<Response> {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));

    const headers: Record<string, string> = { accept, 'accept-language': options.language };
    const token = await options.getAuthToken().catch(() => undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.devUser) headers['x-dev-user'] = options.devUser;
    if (raw) headers['content-type'] = raw.contentType;
    else if (body !== undefined) headers['content-type'] = 'application/json';

    try {
      return await doFetch(url, {
        method,
        headers,
        signal,
        credentials: 'same-origin',
        ...(raw ? { body: raw.text } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError('generic', 0, err instanceof Error ? err.message : undefined);
    }
  }

  async function call<T>(method: string, path: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, query: QueryParams, body: unknown, signal?: AbortSignal, raw?: { contentType: string; text: string }): Promise<T> {
    const response = await request(method, path, query, 'application/json', body, signal, raw);
    const answer: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) throw toApiError(response.status, answer);
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new ApiError('generic', response.status, 'unexpected response shape');
    return parsed.data;
  }

  const client: ApiClient = {
    get: (path, schema, opts) => call('GET', path, schema, opts?.query ?? {}, undefined, opts?.signal),
    send: (method, path, schema, body, signal) => call(method, path, schema, {}, body, signal),
    upload: (method, path, contentType, text, schema, signal) => call(method, path, schema, {}, undefined, signal, { contentType, text }),
    download: async (path, opts) => {
      const response = await request('GET', path, opts?.query ?? {}, '*/*', undefined, opts?.signal);
      if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      const blob = new Blob([await response.arrayBuffer()], { type });
      const filename = filenameOf(response.headers.get('content-disposition')) ?? opts?.fallbackName ?? path.split('/').pop() ?? 'download';
      return { filename, blob };
    },
    getBoard: (query, signal) => client.get('/api/board', BoardResponseSchema, { query: { ...query }, signal }),
    getMe: (signal) => client.get('/api/me', MeResponseSchema, { signal }),
  };
  return client;
}

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''...` or `filename="..."`), without any path. */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  let name: string | undefined;
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1];
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : undefined;
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
