/**
 * Global setup for the browser tests: builds the tab into dist/tab once per run when it is
 * missing or older than its sources, so e2e tests always exercise the current code.
 */
import { buildTab, isTabBuildStale } from '../../scripts/lib/tab-build.js';

export default function setup(): void {
  if (isTabBuildStale()) buildTab();
}
