/** One Azurite for the whole test run; tests get its connection string via `inject`. */
import type { TestProject } from 'vitest/node';
import { startAzurite } from './azurite.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  return () => azurite.stop();
}
