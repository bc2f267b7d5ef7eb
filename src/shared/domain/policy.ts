/**
 * Social media policy rules. Onalytica (seed 000/001) asks for a simple, approachable policy that
 * sets out expectations; one of the three barriers is "expectations not defined". Sharing
 * therefore requires acknowledging the policy version in force.
 */
import type { Employee, IsoInstant } from './types.js';

/** One version of the policy; versions without `publishedAt` are drafts. */
export interface PolicyVersion {
  version: number;
  /** When the version takes effect; may be in the future (scheduled). */
  publishedAt?: IsoInstant;
  /** Markdown body as the programme wrote it. */
  body: string;
}

/**
 * The version in force: the highest version number published at or before `now`. A scheduled
 * version becomes current on its date without anyone pressing a button.
 */
export function currentPolicyVersion(
  policies: readonly PolicyVersion[],
  now: IsoInstant,
): PolicyVersion | undefined {
  const t = Date.parse(now);
  let current: PolicyVersion | undefined;
  for (const policy of policies) {
    if (policy.publishedAt === undefined || Date.parse(policy.publishedAt) > t) continue;
    if (current === undefined || policy.version > current.version) current = policy;
  }
  return current;
}

/** Result of the policy gate before a share. */
export type PolicyCheck =
  | { allowed: true; reason: 'acknowledged'; currentVersion: number }
  | { allowed: true; reason: 'no-policy' }
  | { allowed: false; reason: 'not-acknowledged'; currentVersion: number }
  | { allowed: false; reason: 'outdated-acknowledgement'; currentVersion: number; acknowledgedVersion: number };

/**
 * May this person share now? Decision: with no policy published yet, sharing is allowed (the
 * programme has set no expectation to acknowledge, and blocking would stall a pilot on admin work).
 * Otherwise the person must have acknowledged the current version or a later one.
 */
export function maySharePolicyCheck(
  employee: Pick<Employee, 'policyVersionAcknowledged'>,
  policies: readonly PolicyVersion[],
  now: IsoInstant,
): PolicyCheck {
  const current = currentPolicyVersion(policies, now);
  if (current === undefined) return { allowed: true, reason: 'no-policy' };
  const acknowledged = employee.policyVersionAcknowledged;
  if (acknowledged === undefined) {
    return { allowed: false, reason: 'not-acknowledged', currentVersion: current.version };
  }
  if (acknowledged < current.version) {
    return {
      allowed: false,
      reason: 'outdated-acknowledgement',
      currentVersion: current.version,
      acknowledgedVersion: acknowledged,
    };
  }
  return { allowed: true, reason: 'acknowledged', currentVersion: current.version };
}

/** Result of acknowledging: the version to store on the employee, or why not. */
export type PolicyAcknowledgement =
  | { ok: true; version: number }
  | { ok: false; reason: 'no-policy' | 'not-current'; currentVersion?: number };

/**
 * Acknowledges a version. Only the version in force can be acknowledged (a card left open across a
 * policy change must not acknowledge the old text).
 */
export function acknowledgePolicy(
  version: number,
  policies: readonly PolicyVersion[],
  now: IsoInstant,
): PolicyAcknowledgement {
  const current = currentPolicyVersion(policies, now);
  if (current === undefined) return { ok: false, reason: 'no-policy' };
  if (current.version !== version) return { ok: false, reason: 'not-current', currentVersion: current.version };
  return { ok: true, version };
}

/** Problems that make a set of policy versions inconsistent. */
export type PolicyVersionIssue =
  | { code: 'duplicate-version'; version: number }
  | { code: 'invalid-version'; version: number }
  | { code: 'empty-body'; version: number }
  | { code: 'published-before-earlier-version'; version: number };

/**
 * Checks versions before saving: positive integer and unique numbers, non-empty bodies, and a
 * higher version never published before a lower one (otherwise "current = highest published"
 * would jump back and forth).
 */
export function validatePolicyVersions(policies: readonly PolicyVersion[]): PolicyVersionIssue[] {
  const issues: PolicyVersionIssue[] = [];
  const seen = new Set<number>();
  for (const p of policies) {
    if (!Number.isInteger(p.version) || p.version < 1) issues.push({ code: 'invalid-version', version: p.version });
    if (seen.has(p.version)) issues.push({ code: 'duplicate-version', version: p.version });
    seen.add(p.version);
    if (p.body.trim() === '') issues.push({ code: 'empty-body', version: p.version });
  }
  const published = policies
    .filter((p): p is PolicyVersion & { publishedAt: IsoInstant } => p.publishedAt !== undefined)
    .sort((a, b) => a.version - b.version);
  let latestSoFar = -Infinity;
  for (const p of published) {
    const t = Date.parse(p.publishedAt);
    if (t < latestSoFar) issues.push({ code: 'published-before-earlier-version', version: p.version });
    latestSoFar = Math.max(latestSoFar, t);
  }
  return issues;
}
