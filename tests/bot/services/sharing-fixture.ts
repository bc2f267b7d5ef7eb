/**
 * A small programme on the run's Azurite for the share-flow service tests: one tenant, people,
 * a few board items, the demo policy v1, and the three services wired as the app wires them.
 */
import { randomBytes } from 'node:crypto';
import { createOnboardingService } from '../../../src/bot/services/onboarding.service.js';
import { createPolicyService, policyTabUrl } from '../../../src/bot/services/policy.service.js';
import { createSharingService, type SharingEvents } from '../../../src/bot/services/sharing.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { buildDemoPolicy } from '../../../src/bot/seed/demo-policy.js';
import type { ContentItem, Employee, Share } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

export const BASE = 'https://hub.example.com';

export interface SharingFixture {
  repos: TableRepositories;
  tenantId: string;
  clock: { now: Date };
  recorded: Array<Share & { tenantId: string }>;
  onboarding: ReturnType<typeof createOnboardingService>;
  policy: ReturnType<typeof createPolicyService>;
  sharing: ReturnType<typeof createSharingService>;
  addEmployee(overrides?: Partial<Employee>): Promise<Employee>;
  addContent(id: string, overrides?: Partial<ContentItem>): Promise<ContentItem>;
}

let tenantCounter = 0;

/** Fresh tables (once per file) and a fresh tenant per call. */
export async function createSharingFixture(repos?: TableRepositories): Promise<SharingFixture> {
  const r = repos ?? (await createTestRepositories('share'));
  const tenantId = `tenant-${++tenantCounter}-${randomBytes(3).toString('hex')}`;
  const clock = { now: new Date('2026-12-01T01:00:00.000Z') }; // Tuesday 10:00 in Tokyo
  const recorded: Array<Share & { tenantId: string }> = [];
  const events: SharingEvents = { onShareRecorded: async (share) => void recorded.push(share) };
  const policy = createPolicyService({ policies: r.policies, employees: r.employees, clock: () => clock.now, fullTextUrl: () => policyTabUrl({ publicBaseUrl: BASE }) });
  return {
    repos: r,
    tenantId,
    clock,
    recorded,
    onboarding: createOnboardingService({ employees: r.employees, topics: r.topics }),
    policy,
    sharing: createSharingService({ repositories: r, publicBaseUrl: BASE, randomBytes, clock: () => clock.now, events }),
    async addEmployee(overrides = {}) {
      const employee = makeEmployee({ tenantId, personaHistory: [], ...overrides });
      await r.employees.create(employee);
      return employee;
    },
    async addContent(id, overrides = {}) {
      const item = makeContentItem(id, overrides);
      await r.content.create(tenantId, item);
      return item;
    },
  };
}

/** Publish the demo policy v1 for the fixture's tenant (at the clock's time minus a day). */
export async function publishPolicy(f: SharingFixture, version = 1): Promise<void> {
  const policy = buildDemoPolicy(new Date(f.clock.now.getTime() - 86_400_000));
  await f.repos.policies.upsert(f.tenantId, { ...policy, version });
}
