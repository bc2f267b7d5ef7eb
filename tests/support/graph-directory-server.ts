/**
 * A local server that speaks the Microsoft Graph v1.0 endpoint the directory sync calls:
 * `GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user` with `$select`, `$top`, `$count`,
 * paged by `@odata.nextLink`. Like Graph it refuses the advanced query without
 * `ConsistencyLevel: eventual` (400 Request_UnsupportedQuery), needs a bearer token (401), and can
 * throttle (429 with Retry-After) on chosen requests. Records every request for assertions.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DirectoryUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
  department: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
}

export interface GraphDirectoryServer {
  baseUrl: string;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>;
  /** Answer the next `n` requests with 429 and `Retry-After: seconds`. */
  throttleNext(n: number, seconds: number): void;
  close(): Promise<void>;
}

export async function startGraphDirectoryServer(groups: Record<string, DirectoryUser[]>, token = 'graph-test-token'): Promise<GraphDirectoryServer> {
  const requests: GraphDirectoryServer['requests'] = [];
  let throttle = { left: 0, seconds: 0 };
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' } });
    if (throttle.left > 0) {
      throttle.left -= 1;
      return send(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'retry-after': String(throttle.seconds) });
    }
    const url = new URL(req.url ?? '/', 'http://graph.local');
    const match = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return send(404, { error: { code: 'Request_ResourceNotFound', message: 'Resource not found.' } });
    if (url.searchParams.has('$count') && req.headers.consistencylevel !== 'eventual') {
      return send(400, { error: { code: 'Request_UnsupportedQuery', message: 'ConsistencyLevel header is required for $count with OData cast.' } });
    }
    const members = groups[decodeURIComponent(match[1]!)];
    if (!members) return send(404, { error: { code: 'Request_ResourceNotFound', message: 'Group not found.' } });
    const top = Math.min(Number(url.searchParams.get('$top') ?? 100), 999);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const select = (url.searchParams.get('$select') ?? '').split(',').filter(Boolean);
    const page = members.slice(skip, skip + top).map((m) => (select.length ? Object.fromEntries(select.map((k) => [k, (m as unknown as Record<string, unknown>)[k] ?? null])) : m));
    const next = skip + top < members.length ? new URL(url) : undefined;
    next?.searchParams.set('$skiptoken', String(skip + top));
    return send(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
      ...(url.searchParams.has('$count') ? { '@odata.count': members.length } : {}),
      value: page,
      ...(next ? { '@odata.nextLink': `${baseUrl}${next.pathname.replace(/^\/v1\.0/, '')}${next.search}` } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  return {
    baseUrl,
    requests,
    throttleNext: (n, seconds) => (throttle = { left: n, seconds }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
