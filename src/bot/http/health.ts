/**
 * `GET /healthz`: JSON with storage reachability and the app version; 503 when storage is down.
 * Before the app listens, {@link waitForStorage} keeps a placeholder `/healthz` while storage is
 * unreachable at start.
 */
import Fastify, { type FastifyInstance } from 'fastify';

export interface HealthDeps {
  version: string;
  pingStorage: () => Promise<boolean>;
  startedAt: Date;
  /** Click pipeline figures (see docs/clicks.md); the section is left out when not given. */
  clicks?: () => ClickHealth;
}

/** The click journal of this instance: what is not in the table yet, and what was lost. */
export interface ClickHealth {
  journalBacklog: number;
  oldestUnflushedAgeMs: number;
  dropped: number;
  lastFlushError?: string;
}

export function registerHealth(fastify: FastifyInstance, deps: HealthDeps): void {
  fastify.get('/healthz', async (_request, reply) => {
    const started = performance.now();
    const storage = await deps.pingStorage().catch(() => false);
    const body = {
      status: storage ? 'ok' : 'degraded',
      version: deps.version,
      storage: { reachable: storage, latencyMs: Math.round(performance.now() - started) },
      uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      ...(deps.clicks ? { clicks: deps.clicks() } : {}),
    };
    return reply.status(storage ? 200 : 503).header('cache-control', 'no-store').send(body);
  });
}

/** How a start waits for storage (docs/privacy.md#faults, SECURITY.md). */
export interface WaitForStorageOptions {
  /** Tries storage once (creates tables and queues); throws while storage is unreachable. */
  attempt: () => Promise<void>;
  /** Where the app will listen: meanwhile `/healthz` answers there with 503 and the reason. */
  port: number;
  host: string;
  version: string;
  logger: { warn(details: object, message: string): void; info(details: object, message: string): void };
  /** First retry delay; doubles up to `maxDelayMs`. Defaults 500 ms and 10 s. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this long (0: never, the default; App Service restarts a process that exits). */
  timeoutMs?: number;
}

/**
 * Runs `attempt` until it succeeds. While storage is unreachable the start does not crash: it logs
 * one clear line per attempt (`storage unreachable at start: ...; retrying in N s`), and a small
 * placeholder server on the app's port answers `GET /healthz` with 503
 * `{ status: 'starting', storage: { reachable: false, attempts, lastError } }` and everything else
 * with a JSON 503 and `Retry-After`. Once storage answers, the placeholder closes and the start
 * goes on. Nothing is listened on when storage is there at the first try.
 */
export async function waitForStorage(options: WaitForStorageOptions): Promise<void> {
  const startedAt = Date.now();
  let attempts = 0;
  let lastError = '';
  let delay = options.minDelayMs ?? 500;
  let placeholder: FastifyInstance | undefined;
  try {
    for (;;) {
      attempts += 1;
      try {
        await options.attempt();
        if (attempts > 1) options.logger.info({ attempts, waitedMs: Date.now() - startedAt }, 'storage reachable: starting');
        return;
      } catch (err) {
        lastError = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
      }
      if (options.timeoutMs && Date.now() - startedAt + delay > options.timeoutMs) {
        throw new Error(`storage unreachable at start after ${attempts} attempts over ${Math.round((Date.now() - startedAt) / 1000)} s: ${lastError}`);
      }
      options.logger.warn({ attempts, retryInMs: delay, error: lastError }, `storage unreachable at start: ${lastError}; retrying in ${Math.ceil(delay / 1000)} s`);
      if (!placeholder) placeholder = await startPlaceholder(options, () => ({ attempts, lastError, since: startedAt }));
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
    }
  } finally {
    await placeholder?.close();
  }
}

async function startPlaceholder(options: WaitForStorageOptions, state: () => { attempts: number; lastError: string; since: number }): Promise<FastifyInstance | undefined> {
  const server = Fastify({ logger: false });
  server.get('/healthz', async (_request, reply) => {
    const { attempts, lastError, since } = state();
    return reply.status(503).header('cache-control', 'no-store').header('retry-after', '5').send({
      status: 'starting',
      version: options.version,
      storage: { reachable: false, attempts, lastError, waitingSeconds: Math.round((Date.now() - since) / 1000) },
    });
  });
  server.setNotFoundHandler((_request, reply) =>
    reply.status(503).header('retry-after', '5').send({ error: { code: 'unavailable', message: 'Starting: storage cannot be reached yet. Nothing was lost; please try again in a moment.' } }),
  );
  try {
    await server.listen({ port: options.port, host: options.host });
    return server;
  } catch (err) {
    // The port may be taken (another instance starting): waiting goes on without the placeholder.
    options.logger.warn({ error: err instanceof Error ? err.message : String(err) }, 'health placeholder could not listen while waiting for storage');
    await server.close();
    return undefined;
  }
}
