/**
 * A small Vite plugin: after `vite build` it prints the tab's JavaScript sizes (raw and gzip) per
 * chunk, and what each page loads in total (the entry and its static imports, plus the page's
 * lazy chunk and its static imports), and writes the same figures to `dist/tab/bundle-report.json`.
 * The board's budget (250 kB gzip outside Teams) is asserted in a browser by
 * `tests/e2e/board-budget.test.ts`, which measures what the page really fetches.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  name: string;
  code: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  facadeModuleId: string | null;
}

/** One page's total: every JS file fetched to show it (without prefetching other pages). */
export interface PageFigure {
  page: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  chunks: Array<{ file: string; rawBytes: number; gzipBytes: number }>;
  /** The shell (entry + its static imports), then each lazy page on top of it. */
  pages: PageFigure[];
}

/** kB as Vite prints them: 1 kB = 1,000 bytes. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Build the report from the output bundle (pure; exported for tests). */
export function bundleReport(bundle: Record<string, { type: string }>): BundleReport {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const sizes = new Map(chunks.map((c) => [c.fileName, { raw: Buffer.byteLength(c.code), gzip: gzipSync(c.code, { level: 9 }).length }]));
  const closure = (start: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(start)) return seen;
    seen.add(start);
    for (const dep of byFile.get(start)?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const figure = (page: string, files: Set<string>): PageFigure => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      raw += sizes.get(f)?.raw ?? 0;
      gzip += sizes.get(f)?.gzip ?? 0;
    }
    return { page, files: files.size, rawBytes: raw, gzipBytes: gzip };
  };
  const entry = chunks.find((c) => c.isEntry);
  const pages: PageFigure[] = [];
  if (entry) {
    const shell = closure(entry.fileName);
    pages.push(figure('shell', shell));
    const pageChunks = chunks.filter((c) => c.isDynamicEntry && /-page$/.test(c.name));
    for (const c of pageChunks) pages.push(figure(c.name.replace(/-page$/, ''), closure(c.fileName, new Set(shell))));
  }
  return {
    chunks: [...sizes].map(([file, s]) => ({ file, rawBytes: s.raw, gzipBytes: s.gzip })).sort((a, b) => b.gzipBytes - a.gzipBytes),
    pages,
  };
}

/** The plugin: prints the report and emits `bundle-report.json` next to the build. */
export function tabBundleReport(): Plugin {
  return {
    name: 'advocacy-hub:tab-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = bundleReport(bundle as Record<string, { type: string }>);
      const lines = [
        '',
        'Tab JavaScript per page (gzip, entry + static imports + the page chunk; teams-js only inside Teams):',
        ...report.pages.map((p) => `  ${p.page.padEnd(12)} ${kb(p.gzipBytes).padStart(10)} gzip  ${kb(p.rawBytes).padStart(10)} raw  ${p.files} files`),
        'Largest chunks (gzip):',
        ...report.chunks.slice(0, 8).map((c) => `  ${c.file.padEnd(48)} ${kb(c.gzipBytes).padStart(10)}`),
        '',
      ];
      console.log(lines.join('\n'));
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: `${JSON.stringify(report, null, 2)}\n` });
    },
  };
}
