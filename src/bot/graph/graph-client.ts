/**
 * A small Microsoft Graph v1.0 client for the app's outbound calls (directory sync, Viva
 * Learning): bearer token from an injected provider (managed identity in Azure, a test token
 * locally), JSON in and out, `@odata.nextLink` paging, and Graph's throttling rules: 429 and 503
 * wait `Retry-After` (or back off exponentially), a bounded number of times, then fail with the
 * status. Errors carry Graph's error code, never the token.
 */

export interface GraphClientOptions {
  /** Default `https://graph.microsoft.com/v1.0`; tests point it at a local server. */
  baseUrl?: string;
  /** A token for `https://graph.microsoft.com/.default`. */
  getToken(): Promise<string>;
  fetch?: typeof fetch;
  /** Tries per request on 429/503/504; default 4. */
  maxAttempts?: number;
  /** Longest wait honoured between tries; default 30 s. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A Graph call that did not succeed. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Graph ${status} ${code}: ${message}`);
    this.name = 'GraphError';
  }
}

export interface GraphClient {
  /** One JSON request; `path` is relative to the base URL (`/groups/x/members`) or an absolute nextLink. */
  request<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** Every item of a collection, following `@odata.nextLink`. */
  pages<T = unknown>(path: string, headers?: Record<string, string>): AsyncIterable<T>;
}

const RETRIED = new Set([429, 503, 504]);

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = (options.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 30_000;

  function urlOf(path: string): string {
    if (/^https?:\/\//i.test(path)) {
      // Only follow links Graph itself gave for the same service (never an arbitrary host).
      if (!path.startsWith(`${new URL(base).origin}/`)) throw new GraphError(0, 'unexpectedLink', 'nextLink points outside the Graph base URL');
      return path;
    }
    return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const url = urlOf(path);
    for (let attempt = 1; ; attempt += 1) {
      const token = await options.getToken();
      const response = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (response.ok) {
        if (response.status === 204) return undefined as T;
        const text = await response.text();
        return (text === '' ? undefined : JSON.parse(text)) as T;
      }
      if (RETRIED.has(response.status) && attempt < maxAttempts) {
        const seconds = Number(response.headers.get('retry-after'));
        const wait = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 500 * 2 ** (attempt - 1);
        await response.body?.cancel().catch(() => undefined);
        await sleep(Math.min(wait, maxWaitMs));
        continue;
      }
      const error = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
      throw new GraphError(response.status, error?.error?.code ?? 'unknown', (error?.error?.message ?? response.statusText).slice(0, 300));
    }
  }

  return {
    request: (method, path, body, headers) => request(method, path, body, headers),
    async *pages<T>(path: string, headers?: Record<string, string>) {
      let next: string | undefined = path;
      while (next) {
        const page: { value?: T[]; '@odata.nextLink'?: string } = await request('GET', next, undefined, headers);
        for (const item of page.value ?? []) yield item;
        next = page['@odata.nextLink'];
      }
    },
  };
}
