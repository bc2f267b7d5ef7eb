/**
 * Share door benchmark: latency of `GET /s/:code/:network` on the real app over in-memory Azurite
 * with the demo seed. 100 prompts; each case opens the door 100 times, one request at a time, and
 * prints p50 / p95 / max. Run: `npx tsx bench/share-door.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/bot/config.js';
import { startApp } from '../src/bot/index.js';
import { startAzurite } from '../src/bot/storage/azurite-launcher.js';

const azurite = await startAzurite({ inMemory: true });
const config = loadConfig({ NODE_ENV: 'test', PORT: '0', STORAGE_TABLE_PREFIX: 'm' + Date.now().toString(36), SEED_DEMO: 'true', PLAYGROUND: 'false', LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://hub.example.com' }, 'm');
const app = await startApp(config, { connectionString: azurite.connectionString });
const tenant = 'local-tenant';
const people = (await app.repositories.employees.listByTenant(tenant)).filter((e) => e.policyVersionAcknowledged === 1).slice(0, 100);
const content = (await app.repositories.content.list(tenant, { status: 'published' }))[0]!;
const codes: string[] = [];
for (const p of people) codes.push((await app.services.sharing.preparePrompt({ tenantId: tenant, employeeId: p.id, contentId: content.id, now: new Date() })).promptCode);
async function time(label: string, paths: string[]) {
  const ms: number[] = [];
  for (const path of paths) {
    const t = performance.now();
    const res = await fetch(app.url + path, { redirect: 'manual' });
    await res.arrayBuffer();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (f: number) => ms[Math.min(ms.length - 1, Math.floor(f * ms.length))]!.toFixed(1);
  console.log(`${label}: n=${ms.length} p50=${q(0.5)} ms p95=${q(0.95)} ms max=${ms[ms.length - 1]!.toFixed(1)} ms`);
}
await time('first open (records share + link), linkedin', codes.map((c) => `/s/${c}/linkedin`));
await time('repeat open, linkedin', codes.map((c) => `/s/${c}/linkedin`));
await time('facebook copy page (first open)', codes.map((c) => `/s/${c}/facebook`));
await time('unknown code', codes.map(() => `/s/AAAAAAAAAAAA/linkedin`));
await app.close();
await azurite.stop();
