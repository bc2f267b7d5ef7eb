/**
 * A local Bot Framework connector that behaves like the one Teams runs, for tests and benchmarks:
 * the bot's replies and proactive sends go here (set the activity's `serviceUrl` to
 * {@link ConnectorServer.serviceUrl}) and are recorded in {@link ConnectorServer.sent}.
 *
 * - Endpoints: `POST /v3/conversations` (create), `POST /v3/conversations/{id}/activities` (send),
 *   `POST /v3/conversations/{id}/activities/{replyToId}` (reply), `PUT .../activities/{id}`
 *   (update), `DELETE .../activities/{id}` (delete). Anything else: 404.
 * - Validation: a body that is not a JSON object (with a string `type` for activities) gets 400;
 *   a body over `maxBodyBytes` (default 28 KB, Teams' message size limit) gets 413.
 * - Throttling: token buckets per conversation and one global set for the bot, refilled
 *   continuously; an empty bucket answers 429 with `Retry-After` (whole seconds, as Teams sends).
 *   Defaults are Teams' documented limits ({@link TEAMS_RATE_LIMITS}).
 * - Faults: {@link ConnectorServer.failNext} answers the next N matching requests with a status
 *   (500, 403 for an uninstalled app, 404 for an unknown conversation, 429, ...);
 *   {@link ConnectorServer.injectLatency} delays answers; {@link ConnectorServer.dropConnections}
 *   closes the connection without an answer, before or after the activity was accepted (the
 *   client cannot tell which). {@link ConnectorServer.counters} counts what happened.
 *
 * Plain `node:http` on a random free loopback port; no authentication is checked, the
 * `Authorization` header is only recorded.
 */
import { once, EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  activitySchema,
  conversationParametersSchema,
  ERROR_CODES,
  HttpError,
  parse,
  readBody,
  send,
} from './connector-http.js';
import { TokenBuckets, type TokenBucketLimit } from './token-bucket.js';

export type { TokenBucketLimit } from './token-bucket.js';

/** Rate limits per conversation (thread) and for the bot across all conversations. */
export interface ConnectorRateLimits {
  perConversation: TokenBucketLimit[];
  global: TokenBucketLimit[];
}

/**
 * Teams' documented bot limits: per bot per thread 7 requests/1 s, 8/2 s, 60/30 s, 1800/3600 s;
 * and 50 requests/s per bot across threads (the per-app-per-tenant global limit).
 */
export const TEAMS_RATE_LIMITS: ConnectorRateLimits = {
  perConversation: [
    { capacity: 7, windowMs: 1_000 },
    { capacity: 8, windowMs: 2_000 },
    { capacity: 60, windowMs: 30_000 },
    { capacity: 1_800, windowMs: 3_600_000 },
  ],
  global: [{ capacity: 50, windowMs: 1_000 }],
};

/** Options of {@link startConnectorServer}. */
export interface ConnectorServerOptions {
  /** `false` turns throttling off; default {@link TEAMS_RATE_LIMITS}. */
  rateLimits?: ConnectorRateLimits | false;
  /** Largest accepted request body in bytes; default 28 KB. */
  maxBodyBytes?: number;
}

/** How an activity reached the connector. */
export type SentKind = 'create' | 'send' | 'reply' | 'update' | 'delete';

/** An activity the connector accepted. */
export interface SentActivity {
  kind: SentKind;
  conversationId: string;
  /** Id the connector assigned (or the id updated/deleted). */
  activityId: string;
  replyToId?: string;
  /** The activity JSON as received (`{}` for a delete). */
  activity: { type: string; [key: string]: unknown };
  /** `Authorization` header as sent, if any (a bearer token in production mode). */
  authorization?: string;
  timestamp: string;
}

/** Every request the connector answered, including rejected ones (to observe retries). */
export interface RecordedRequest {
  method: string;
  path: string;
  conversationId?: string;
  status: number;
  timestamp: string;
  /** The client's source port (which process sent it can be told from the port). */
  remotePort?: number;
}

/** A conversation created through `POST /v3/conversations`. */
export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
  timestamp: string;
}

/** Options of {@link ConnectorServer.failNext}. */
export interface FaultOptions {
  /** Only requests this returns true for consume the fault; default every request. */
  match?: (request: { method: string; path: string; conversationId?: string }) => boolean;
  /** `Retry-After` seconds to send with a 429 or 503; default 1. */
  retryAfterSeconds?: number;
}

/** Options of {@link ConnectorServer.injectLatency} and {@link ConnectorServer.dropConnections}. */
export interface ChaosOptions extends Pick<FaultOptions, 'match'> {
  /** How many requests are affected; default unlimited (until {@link ConnectorServer.reset}). */
  count?: number;
  /** Chance in [0, 1] that a matching request is affected; default 1. */
  probability?: number;
}

/** Counters of what the connector did (reset by {@link ConnectorServer.reset}). */
export interface ConnectorCounters {
  /** Requests received (all routes). */
  requests: number;
  /** Activities accepted (2xx). */
  accepted: number;
  /** 429 answers from the rate limits (not injected ones). */
  throttled: number;
  /** Answers replaced by an injected status ({@link ConnectorServer.failNext}). */
  injected: number;
  /** Answers delayed by injected latency. */
  delayed: number;
  /** Connections closed without an answer; `droppedAfterAccept` of them after accepting the activity. */
  dropped: number;
  droppedAfterAccept: number;
}

interface ChaosRule extends ChaosOptions {
  remaining: number;
  ms?: number;
  afterAccept?: boolean;
}

/** The global buckets are per bot; this server serves one bot. */
const GLOBAL_KEY = 'bot';

interface PendingFault extends FaultOptions {
  status: number;
  remaining: number;
}

/** The running connector; create it with {@link startConnectorServer}. */
export class ConnectorServer {
  /** Activities accepted, in arrival order. */
  readonly sent: SentActivity[] = [];
  /** Every answered request with its status, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Conversations created. */
  readonly conversations: CreatedConversation[] = [];
  /** What happened, by kind. */
  readonly counters: ConnectorCounters = { requests: 0, accepted: 0, throttled: 0, injected: 0, delayed: 0, dropped: 0, droppedAfterAccept: 0 };

  private readonly server: Server;
  private readonly events = new EventEmitter();
  private readonly faults: PendingFault[] = [];
  private readonly latencies: ChaosRule[] = [];
  private readonly drops: ChaosRule[] = [];
  private buckets: { perConversation: TokenBuckets; global: TokenBuckets } | undefined;
  private readonly maxBodyBytes: number;
  private nextId = 1;
  private port = 0;

  constructor(options: ConnectorServerOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? 28 * 1024;
    this.setRateLimits(options.rateLimits ?? TEAMS_RATE_LIMITS);
    this.server = createServer((req, res) => void this.handle(req, res));
    // Idle keep-alive sockets stay open like a cloud front end's (Node's 5 s default closes a socket
    // just as a client reuses it: an ECONNRESET after the request went out, which the sender must
    // report as `unknown`). Injected drops (`dropConnections`) are unaffected.
    this.server.keepAliveTimeout = 65_000;
    this.events.setMaxListeners(100);
  }

  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The `serviceUrl` to put on activities (with the trailing slash Teams uses). */
  get serviceUrl(): string {
    return `${this.url}/`;
  }

  /** Listen on a free loopback port. */
  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Close the server and open connections. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  /** Replace the rate limits (fresh, full buckets); `false` turns throttling off. */
  setRateLimits(limits: ConnectorRateLimits | false): void {
    this.buckets = limits
      ? { perConversation: new TokenBuckets(limits.perConversation), global: new TokenBuckets(limits.global) }
      : undefined;
  }

  /** Answer the next `count` matching requests with `status` instead of handling them. */
  failNext(count: number, status: number, options: FaultOptions = {}): void {
    this.faults.push({ ...options, status, remaining: count });
  }

  /** Delay the answer to matching requests by `ms` (after the body was read). */
  injectLatency(ms: number, options: ChaosOptions = {}): void {
    this.latencies.push({ ...options, ms, remaining: options.count ?? Number.POSITIVE_INFINITY });
  }

  /**
   * Close matching connections without answering: before handling the request (nothing recorded
   * as sent), or with `afterAccept` once the activity was accepted and recorded (the client sees
   * the same reset, yet the message arrived).
   */
  dropConnections(options: ChaosOptions & { afterAccept?: boolean } = {}): void {
    this.drops.push({ ...options, remaining: options.count ?? Number.POSITIVE_INFINITY });
  }

  /** Forget records, pending faults, latency and drops, zero the counters, and refill every bucket. */
  reset(): void {
    this.sent.length = 0;
    this.requests.length = 0;
    this.conversations.length = 0;
    this.faults.length = 0;
    this.latencies.length = 0;
    this.drops.length = 0;
    for (const key of Object.keys(this.counters) as (keyof ConnectorCounters)[]) this.counters[key] = 0;
    this.buckets?.perConversation.clear();
    this.buckets?.global.clear();
  }

  /** Resolve with the first sent activity (already recorded or arriving) that matches, or reject after `timeoutMs`. */
  waitFor(predicate: (sent: SentActivity) => boolean, timeoutMs = 5_000): Promise<SentActivity> {
    return this.waitUntil(() => this.sent.find(predicate), timeoutMs);
  }

  /** Resolve with the first truthy value of `probe`, re-checked on every request; reject after `timeoutMs`. */
  waitUntil<T>(probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const first = probe();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`connector-server: condition not met within ${timeoutMs} ms (${this.sent.length} sent)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('request', check);
      };
      this.events.on('request', check);
    });
  }

  /** The first rule that matches and fires (probability), consumed once. */
  private pick(rules: ChaosRule[], request: { method: string; path: string; conversationId?: string }): ChaosRule | undefined {
    const rule = rules.find((r) => r.remaining > 0 && (r.match?.(request) ?? true) && (r.probability === undefined || Math.random() < r.probability));
    if (rule) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
    }
    return rule;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let conversationId: string | undefined;
    let status = 500;
    this.counters.requests += 1;
    try {
      const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
      conversationId = segments[0] === 'v3' && segments[1] === 'conversations' ? segments[2] : undefined;
      const raw = await readBody(req, this.maxBodyBytes);
      const request = { method, path, ...(conversationId ? { conversationId } : {}) };
      const latency = this.pick(this.latencies, request);
      if (latency?.ms) {
        this.counters.delayed += 1;
        await new Promise((resolve) => setTimeout(resolve, latency.ms));
      }
      const drop = this.pick(this.drops, request);
      if (drop && !drop.afterAccept) {
        status = 0;
        this.counters.dropped += 1;
        res.socket?.destroy();
        return;
      }
      const result = this.route(method, segments, raw, req.headers.authorization);
      status = result.status;
      if (status < 300) this.counters.accepted += 1;
      if (drop) {
        status = 0;
        this.counters.dropped += 1;
        this.counters.droppedAfterAccept += 1;
        res.socket?.destroy();
        return;
      }
      send(res, status, result.body);
    } catch (err) {
      const error = err instanceof HttpError ? err : new HttpError(500, String(err));
      status = error.status;
      if (error.injected) this.counters.injected += 1;
      else if (status === 429) this.counters.throttled += 1;
      if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      send(res, status, { error: { code: ERROR_CODES[status] ?? 'Error', message: error.message } });
    } finally {
      this.requests.push({ method, path, ...(conversationId ? { conversationId } : {}), status, timestamp: new Date().toISOString(), ...(req.socket?.remotePort ? { remotePort: req.socket.remotePort } : {}) });
      this.events.emit('request');
    }
  }

  private route(method: string, segments: string[], raw: string, authorization: string | undefined): { status: number; body: unknown } {
    const [v3, conversations, conversationId, activities, activityId, ...rest] = segments;
    if (v3 !== 'v3' || conversations !== 'conversations' || rest.length > 0 || (conversationId && activities !== 'activities')) {
      throw new HttpError(404, `no route for ${method} /${segments.join('/')}`);
    }
    if (!conversationId) {
      if (method !== 'POST') throw new HttpError(405, `${method} not allowed`);
      const parameters = parse(conversationParametersSchema, raw);
      this.applyFaultsAndLimits(method, segments, undefined);
      return { status: 201, body: this.createConversation(parameters, authorization) };
    }
    const kind: SentKind | undefined =
      method === 'POST' ? (activityId ? 'reply' : 'send') : method === 'PUT' && activityId ? 'update' : method === 'DELETE' && activityId ? 'delete' : undefined;
    if (!kind) throw new HttpError(405, `${method} not allowed here`);
    const activity = kind === 'delete' ? { type: 'delete' } : parse(activitySchema, raw);
    this.applyFaultsAndLimits(method, segments, conversationId);
    const id = kind === 'update' || kind === 'delete' ? (activityId ?? '') : this.newActivityId();
    this.record({
      kind,
      conversationId,
      activityId: id,
      ...(kind === 'reply' && activityId ? { replyToId: activityId } : {}),
      activity,
      ...(authorization ? { authorization } : {}),
      timestamp: new Date().toISOString(),
    });
    return { status: kind === 'delete' ? 200 : kind === 'update' ? 200 : 201, body: kind === 'delete' ? {} : { id } };
  }

  private createConversation(parameters: z.infer<typeof conversationParametersSchema>, authorization: string | undefined) {
    const member = parameters.members?.[0]?.id;
    const channel = (parameters.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
    // Teams returns the same 1:1 conversation for the same bot and person.
    const id = member ? `a:${parameters.tenantId ?? 'tenant'}:${member}` : `${String(channel)};messageid=${this.newActivityId()}`;
    this.conversations.push({ id, parameters: parameters as Record<string, unknown>, timestamp: new Date().toISOString() });
    if (!parameters.activity) return { id };
    const activityId = this.newActivityId();
    this.record({
      kind: 'create',
      conversationId: id,
      activityId,
      activity: parameters.activity,
      ...(authorization ? { authorization } : {}),
      timestamp: new Date().toISOString(),
    });
    return { id, activityId };
  }

  private applyFaultsAndLimits(method: string, segments: string[], conversationId: string | undefined): void {
    const request = { method, path: `/${segments.join('/')}`, ...(conversationId ? { conversationId } : {}) };
    const fault = this.faults.find((f) => f.remaining > 0 && (f.match?.(request) ?? true));
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
      const retryAfter = fault.status === 429 || fault.status === 503 ? (fault.retryAfterSeconds ?? 1) : undefined;
      const error = new HttpError(fault.status, `injected fault ${fault.status}`, retryAfter);
      error.injected = true;
      throw error;
    }
    if (!this.buckets) return;
    const { perConversation, global } = this.buckets;
    const wait = Math.max(global.waitTime(GLOBAL_KEY), conversationId ? perConversation.waitTime(conversationId) : 0);
    if (wait > 0) throw new HttpError(429, 'Too many requests: rate limit exceeded', Math.max(1, Math.ceil(wait / 1000)));
    global.consume(GLOBAL_KEY);
    if (conversationId) perConversation.consume(conversationId);
  }

  private record(sent: SentActivity): void {
    this.sent.push(sent);
  }

  private newActivityId(): string {
    return `${Date.now()}${String(this.nextId++).padStart(4, '0')}`;
  }
}

/** Create and start a connector server. */
export async function startConnectorServer(options: ConnectorServerOptions = {}): Promise<ConnectorServer> {
  const server = new ConnectorServer(options);
  await server.start();
  return server;
}
