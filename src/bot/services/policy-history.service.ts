/**
 * The Policy page: the version in force in the caller's language, the published versions with
 * when the caller agreed to each, and one older version read-only. Agreeing goes through the
 * policy service (`policy.service.ts`), the same gate the bot's policy card uses.
 */
import type { AcknowledgePolicyResponse, PolicyResponse, PolicyText } from '../../shared/contracts/policy.js';
import type { Language } from '../../shared/domain/types.js';
import { NotFoundError } from './errors.js';
import { currentStoredPolicy, type PolicyService } from './policy.service.js';
import type { PolicyRepository, StoredPolicy } from './sharing.ports.js';

export interface PolicyHistoryService {
  view(tenantId: string, employeeId: string, language: Language): Promise<PolicyResponse>;
  /** A published version; NotFoundError for a draft, a future or an unknown version. */
  version(tenantId: string, version: number, language: Language): Promise<PolicyText>;
  /** Agree to `version` (ConflictError when it is not the current one); returns when the agreement was first recorded. */
  acknowledge(tenantId: string, employeeId: string, version: number): Promise<AcknowledgePolicyResponse>;
}

export interface PolicyHistoryDeps {
  policies: Pick<PolicyRepository, 'list' | 'listAcknowledgements'>;
  policy: Pick<PolicyService, 'acknowledge'>;
  clock: () => Date;
}

function published(policies: readonly StoredPolicy[], now: Date): (StoredPolicy & { publishedAt: string })[] {
  return policies
    .filter((p): p is StoredPolicy & { publishedAt: string } => p.publishedAt !== undefined && Date.parse(p.publishedAt) <= now.getTime())
    .sort((a, b) => b.version - a.version);
}

function textOf(policy: StoredPolicy, language: Language, current: boolean): PolicyText {
  const translated = policy.texts[language];
  const text = translated ?? policy.texts.en;
  return {
    version: policy.version,
    title: text.title,
    summary: text.summary,
    body: text.body,
    language: translated ? language : 'en',
    ...(policy.publishedAt ? { publishedAt: policy.publishedAt } : {}),
    current,
  };
}

export function createPolicyHistoryService(deps: PolicyHistoryDeps): PolicyHistoryService {
  return {
    async view(tenantId, employeeId, language) {
      const now = deps.clock();
      const [policies, acks] = await Promise.all([deps.policies.list(tenantId), deps.policies.listAcknowledgements(tenantId, employeeId)]);
      const current = currentStoredPolicy(policies, now);
      const agreed = new Map(acks.map((a) => [a.version, a.at]));
      const acknowledgedAt = current ? agreed.get(current.version) : undefined;
      return {
        current: current ? textOf(current, language, true) : null,
        ...(acknowledgedAt ? { acknowledgedAt } : {}),
        versions: published(policies, now).map((p) => {
          const text = p.texts[language] ?? p.texts.en;
          const at = agreed.get(p.version);
          return { version: p.version, title: text.title, publishedAt: p.publishedAt, current: p.version === current?.version, ...(at ? { acknowledgedAt: at } : {}) };
        }),
      };
    },

    async version(tenantId, version, language) {
      const now = deps.clock();
      const policies = await deps.policies.list(tenantId);
      const found = published(policies, now).find((p) => p.version === version);
      if (!found) throw new NotFoundError(`policy ${tenantId}/v${version}: not published`);
      return textOf(found, language, currentStoredPolicy(policies, now)?.version === version);
    },

    async acknowledge(tenantId, employeeId, version) {
      await deps.policy.acknowledge(tenantId, employeeId, version, deps.clock());
      const acks = await deps.policies.listAcknowledgements(tenantId, employeeId);
      const at = acks.find((a) => a.version === version)?.at ?? deps.clock().toISOString();
      return { version, acknowledgedAt: at };
    },
  };
}
