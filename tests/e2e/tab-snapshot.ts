/**
 * A private copy of the built tab for one browser test file: other test runs on the machine may
 * rebuild dist/tab while this file runs (chunk names change, the served files 404). The copy is
 * checked whole (every asset index.html and the entry import exists) and retaken if a build was
 * caught half-way.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface TabSnapshot {
  dir: string;
  remove(): Promise<void>;
}

async function isWhole(dir: string): Promise<boolean> {
  try {
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const assets = new Set(await readdir(join(dir, 'assets')));
    const referenced = [...html.matchAll(/\/tab\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
    if (referenced.length === 0 || !referenced.every((f) => assets.has(f))) return false;
    const entry = referenced.find((f) => f.startsWith('index-') && f.endsWith('.js'));
    const code = entry ? await readFile(join(dir, 'assets', entry), 'utf8') : '';
    return [...code.matchAll(/"\.\/([^"]+\.js)"/g)].every((m) => assets.has(m[1] ?? ''));
  } catch {
    return false;
  }
}

/** Copy dist/tab to a temporary directory (up to 10 tries, 3 s apart). */
export async function snapshotTabBuild(source = resolve('dist/tab')): Promise<TabSnapshot> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const dir = await mkdtemp(join(tmpdir(), 'ah-tab-'));
    await cp(source, dir, { recursive: true }).catch(() => undefined);
    if (await isWhole(dir)) return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
    await rm(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 3000));
  }
  throw new Error(`no whole tab build in ${source}`);
}
