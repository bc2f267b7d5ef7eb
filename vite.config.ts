/**
 * Build of the Teams tab: `src/tab` -> `dist/tab`, served by the bot's HTTP server at `/tab/`.
 * Framework code is split into stable vendor chunks (React, i18n, zod) that cache across deploys.
 * Pages are lazy chunks that carry the Fluent components only they use (Fluent shared with the
 * shell stays in the entry), and teams-js is a lazy chunk loaded only when framed, so a page
 * outside Teams never downloads it.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { tabBundleReport } from './scripts/lib/tab-bundle-report.js';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command, mode }) => {
  // A production build ships production React even when spawned from vitest (NODE_ENV=test);
  // Vite reads NODE_ENV after loading this file, as its docs suggest for this case.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
  root: fileURLToPath(new URL('./src/tab', import.meta.url)),
  base: '/tab/',
  plugins: [react(), tabBundleReport()],
  build: {
    outDir: `${repoRoot}dist/tab`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Warn when one chunk grows past 350 kB raw (the entry is ~250 kB today, pages ~200 kB).
    chunkSizeWarningLimit: 350,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 20 },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/, priority: 20 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    // `vite` dev server: the API runs in the bot process (npm start).
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
  };
});
