/**
 * The hot path of `GET /l/:code`: find the registered target (in-process cache: links never change
 * once made, so no table read per click), decide whether the click counts (people only, once per
 * code, visitor and UTC day), journal a counted click durably, then let the route redirect.
 *
 * Nothing here keeps the raw IP: it goes into the keyed hash (HMAC-SHA256 with the configured
 * secret) and is forgotten.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { classifyClickSource, clickDay, clickIdentity, isCountableClick, visitorKey, type ClickSource } from '../../shared/domain/clicks.js';
import { isValidLinkCode, validateShareTarget } from '../../shared/domain/tracked-links.js';
import type { Click, TrackedLink } from '../../shared/domain/types.js';
import type { TrackedLinkRepository } from './ports.js';

export interface ClickRedirectDeps {
  links: Pick<TrackedLinkRepository, 'find'>;
  /** Resolves once the click is durable (`kept`) or could not be kept (`dropped`). */
  journal: { append(click: Click): Promise<'kept' | 'dropped'> };
  /** HMAC key of the visitor key (SECRET_CLICK_KEY). */
  secretKey: string;
  /** Maintained bot detector (`isbot`), asked after the domain's own rules. */
  isBotLibrary?: (userAgent: string) => boolean;
  now?: () => Date;
  /** Links kept in memory (LRU). Default 50,000. */
  linkCacheSize?: number;
  /** How long an unknown code is remembered as unknown. Default 5 s (a link created meanwhile shows up soon). */
  negativeTtlMs?: number;
}

export type ClickOutcome =
  | { kind: 'redirect'; location: string; counted: 'kept' | 'dropped' | 'repeat' | 'not-counted'; source: ClickSource }
  | { kind: 'not-found' };

const AGENT_CACHE_SIZE = 5_000;
const SEEN_SIZE = 50_000;

/** Small bounded LRU on Map insertion order. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/**
 * The visitor key of a click: HMAC-SHA256 (secret key) of the normalised IP and the user agent,
 * cut to 128 bits (base64url, 22 characters): unlinkable to the IP without the key, and short in
 * row keys and the journal.
 */
export function hashVisitor(key: KeyObject | string, ip: string, userAgent: string): string {
  return visitorKey(ip, userAgent, (data) => createHmac('sha256', key).update(data).digest().subarray(0, 16).toString('base64url'));
}

/** One per process; holds the caches. */
export class ClickRedirectService {
  private readonly links: Lru<TrackedLink>;
  private readonly unknown = new Map<string, number>();
  private readonly loading = new Map<string, Promise<TrackedLink | undefined>>();
  private readonly agents = new Lru<ClickSource>(AGENT_CACHE_SIZE);
  /** Clicks journaled by this process, by identity: a repeat waits for the same write instead of a second one. */
  private readonly seen = new Lru<Promise<'kept' | 'dropped'>>(SEEN_SIZE);
  private readonly key: KeyObject;
  private readonly now: () => Date;

  constructor(private readonly deps: ClickRedirectDeps) {
    this.links = new Lru(deps.linkCacheSize ?? 50_000);
    this.key = createSecretKey(Buffer.from(deps.secretKey, 'utf8'));
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Resolve a click. `ip` is the client address (X-Forwarded-For through the trusted proxy); it is
   * only hashed. Storage errors on a cache miss propagate (the route answers 503).
   */
  async click(code: string, ip: string, userAgent: string | undefined): Promise<ClickOutcome> {
    if (!isValidLinkCode(code)) return { kind: 'not-found' };
    const link = this.links.get(code) ?? (await this.load(code));
    // Defence in depth: a stored target that is not a plain http(s) URL is never followed.
    if (!link || !validateShareTarget(link.targetUrl).ok) return { kind: 'not-found' };
    const source = this.classify(userAgent);
    if (!isCountableClick(source)) return { kind: 'redirect', location: link.targetUrl, counted: 'not-counted', source };
    const at = this.now();
    const visitor = hashVisitor(this.key, ip, userAgent ?? '');
    const day = clickDay(at);
    const identity = clickIdentity(code, visitor, day);
    const earlier = this.seen.get(identity);
    if (earlier) {
      const result = await earlier;
      if (result === 'kept') return { kind: 'redirect', location: link.targetUrl, counted: 'repeat', source };
    }
    const click: Click = {
      code,
      tenantId: link.tenantId,
      visitorKey: visitor,
      day,
      at: at.toISOString(),
      employeeId: link.employeeId,
      contentId: link.contentId,
      network: link.network,
    };
    const pending = this.deps.journal.append(click);
    this.seen.set(identity, pending);
    const counted = await pending;
    if (counted === 'dropped') this.seen.delete(identity);
    return { kind: 'redirect', location: link.targetUrl, counted, source };
  }

  private classify(userAgent: string | undefined): ClickSource {
    const ua = userAgent ?? '';
    let source = this.agents.get(ua);
    if (source === undefined) {
      source = classifyClickSource(ua, { isBotLibrary: this.deps.isBotLibrary });
      this.agents.set(ua, source);
    }
    return source;
  }

  /** One read per code on a miss (concurrent misses share it); unknown codes remembered briefly. */
  private async load(code: string): Promise<TrackedLink | undefined> {
    const unknownUntil = this.unknown.get(code);
    if (unknownUntil !== undefined) {
      if (unknownUntil > Date.now()) return undefined;
      this.unknown.delete(code);
    }
    let loading = this.loading.get(code);
    if (!loading) {
      loading = this.deps.links.find(code).finally(() => this.loading.delete(code));
      this.loading.set(code, loading);
    }
    const link = await loading;
    if (link) this.links.set(code, link);
    else {
      if (this.unknown.size >= 10_000) this.unknown.clear();
      this.unknown.set(code, Date.now() + (this.deps.negativeTtlMs ?? 5_000));
    }
    return link;
  }
}
