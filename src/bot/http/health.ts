/** `GET /healthz`: JSON with storage reachability and the app version; 503 when storage is down. */
import type { FastifyInstance } from 'fastify';

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
