/**
 * The social media policy gate (seed 000/001: a simple, approachable policy that sets out
 * expectations; "expectations not defined" is one of the three barriers). A person must
 * acknowledge the version in force before any share works; a new version asks again. Each
 * acknowledgement is stored with its version and time, and the latest version is also kept on
 * the Employee (`policyVersionAcknowledged`) so the gate is one read on the hot path.
 */
import {
  acknowledgePolicy,
  currentPolicyVersion,
  maySharePolicyCheck,
  validatePolicyVersions,
  type PolicyVersion,
} from '../../shared/domain/policy.js';
import type { Employee, Language } from '../../shared/domain/types.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import type { EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { PolicyRepository, StoredPolicy } from './sharing.ports.js';

/** The policy as a person reads it, in their language (English when not translated). */
export interface PolicyView {
  version: number;
  title: string;
  summary: string;
  /** Markdown. */
  fullText: string;
  /** Language of the text returned (the asked one, or English when it has no translation). */
  language: Language;
  /** Where the full text opens: the public policy page `/policy?tenant=&lang=` (or a Teams deep link to a tab page). */
  fullTextUrl: string;
}

/** The policy gate (see the module comment). */
export interface PolicyService {
  current(tenantId: string, language: Language): Promise<PolicyView | undefined>;
  /** true when there is no policy or the person acknowledged the current version */
  hasAcknowledged(tenantId: string, employeeId: string): Promise<boolean>;
  /** ConflictError if version is not current; NotFoundError for an unknown person. */
  acknowledge(tenantId: string, employeeId: string, version: number, now: Date): Promise<void>;
  /**
   * Publish a policy version (admin). A version below the latest is refused (ConflictError); the
   * domain's `validatePolicyVersions` refuses empty text or a version published before an earlier
   * one (ValidationError). Re-publishing an existing version replaces it (a typo fix).
   */
  publish(tenantId: string, policy: StoredPolicy): Promise<void>;
}

/** What the policy service is built from. */
export interface PolicyServiceDeps {
  policies: PolicyRepository;
  employees: Pick<EmployeeRepository, 'find' | 'get' | 'update'>;
  clock: () => Date;
  /**
   * Builds the link to the full text: the app's public policy page (`policyPageUrl` in
   * `http/policy.routes.ts`) or a Teams deep link to a tab page (`policyTabUrl`).
   */
  fullTextUrl: (language: Language, tenantId: string) => string;
}

/**
 * The tab's policy page: a Teams deep link to the app's `board` static tab with the sub-entity
 * `policy` when the Teams app id is known, else the tab URL itself (local runs, the Playground).
 */
export function policyTabUrl(options: { publicBaseUrl: string; teamsAppId?: string; entityId?: string }): string {
  if (options.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: 'policy' }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${encodeURIComponent(options.entityId ?? 'board')}?context=${context}`;
  }
  return `${options.publicBaseUrl.replace(/\/+$/, '')}/#/policy`;
}

/** The domain's view of stored versions (the English body stands for the version). */
export function toPolicyVersions(policies: readonly StoredPolicy[]): PolicyVersion[] {
  return policies.map((p) => ({ version: p.version, body: p.texts.en.body, ...(p.publishedAt !== undefined ? { publishedAt: p.publishedAt } : {}) }));
}

/** The stored version in force at `now`, if any. */
export function currentStoredPolicy(policies: readonly StoredPolicy[], now: Date): StoredPolicy | undefined {
  const current = currentPolicyVersion(toPolicyVersions(policies), now.toISOString());
  return current && policies.find((p) => p.version === current.version);
}

/** Whether an employee may share under the policies (the pure gate, for callers that hold both). */
export function isPolicyAcknowledged(employee: Pick<Employee, 'policyVersionAcknowledged'>, policies: readonly StoredPolicy[], now: Date): boolean {
  return maySharePolicyCheck(employee, toPolicyVersions(policies), now.toISOString()).allowed;
}

/** Build the policy service. */
export function createPolicyService(deps: PolicyServiceDeps): PolicyService {
  return {
    async current(tenantId, language) {
      const policy = currentStoredPolicy(await deps.policies.list(tenantId), deps.clock());
      if (!policy) return undefined;
      const translated = policy.texts[language];
      const text = translated ?? policy.texts.en;
      const shown: Language = translated ? language : 'en';
      return {
        version: policy.version,
        title: text.title,
        summary: text.summary,
        fullText: text.body,
        language: shown,
        fullTextUrl: deps.fullTextUrl(shown, tenantId),
      };
    },

    async hasAcknowledged(tenantId, employeeId) {
      const [policies, employee] = await Promise.all([deps.policies.list(tenantId), deps.employees.find(tenantId, employeeId)]);
      return isPolicyAcknowledged(employee?.value ?? {}, policies, deps.clock());
    },

    async acknowledge(tenantId, employeeId, version, now) {
      const policies = await deps.policies.list(tenantId);
      const result = acknowledgePolicy(version, toPolicyVersions(policies), now.toISOString());
      if (!result.ok) {
        throw new ConflictError(
          result.reason === 'no-policy' ? 'There is no policy to acknowledge' : `Policy version ${version} is not the current one (${result.currentVersion})`,
          409,
          'PolicyVersionNotCurrent',
        );
      }
      const found = await deps.employees.find(tenantId, employeeId);
      if (!found) throw new NotFoundError(`employee ${tenantId}/${employeeId}: not found`);
      await deps.policies.recordAcknowledgement({ tenantId, employeeId, version, at: now.toISOString() });
      await retryOnConflict(
        () => deps.employees.get(tenantId, employeeId),
        (e) => ((e.policyVersionAcknowledged ?? 0) >= version ? undefined : { ...e, policyVersionAcknowledged: version }),
        (next, etag) => deps.employees.update(next, etag),
      );
    },

    async publish(tenantId, policy) {
      const existing = await deps.policies.list(tenantId);
      const latest = existing.reduce((max, p) => Math.max(max, p.version), 0);
      if (policy.version <= latest && !existing.some((p) => p.version === policy.version)) {
        throw new ConflictError(`Policy version ${policy.version} is below the latest (${latest})`, 409, 'PolicyVersionTooLow');
      }
      const next = [...existing.filter((p) => p.version !== policy.version), policy];
      const issues = validatePolicyVersions(toPolicyVersions(next)).filter((i) => i.version === policy.version);
      for (const text of Object.values(policy.texts)) {
        if (text.body.trim() === '' || text.title.trim() === '') issues.push({ code: 'empty-body', version: policy.version });
      }
      if (issues.length > 0) {
        throw new ValidationError(`Policy version ${policy.version} is invalid: ${[...new Set(issues.map((i) => i.code))].join(', ')}`, { code: 'PolicyInvalid' });
      }
      await deps.policies.upsert(tenantId, policy);
    },
  };
}
