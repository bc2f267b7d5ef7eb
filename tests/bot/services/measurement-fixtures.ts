/**
 * Builders for the measurement tests (scoring, leaderboard, wins, conversions): clicks, shares,
 * tracked links and conversions of one tenant, and a notifier that records what it was handed.
 */
import type { Conversion } from '../../../src/shared/domain/conversions.js';
import { clickDay } from '../../../src/shared/domain/clicks.js';
import { defaultContest } from '../../../src/shared/domain/contests.js';
import type { Click, Contest, Share, TrackedLink } from '../../../src/shared/domain/types.js';
import type { Win } from '../../../src/shared/domain/wins.js';
import type { WinNotifier } from '../../../src/bot/services/ports.js';

export const TENANT = 'tenant-m';

/** A 90-day contest from 2026-10-01 (clicks only unless weights say otherwise). */
export function aContest(overrides: Partial<Contest> = {}): Contest {
  return { ...defaultContest({ id: 'q4', name: 'Q4 clicks', startsAt: '2026-10-01T00:00:00Z' }), ...overrides };
}

/** A counted click of `employeeId`'s link `code` by `visitor` at `at`. */
export function aClick(employeeId: string, code: string, visitor: string, at: string, tenantId = TENANT): Click {
  return { code, tenantId, visitorKey: visitor, day: clickDay(at), at, employeeId, contentId: 'content-1', network: 'linkedin' };
}

export function aShare(employeeId: string, id: string, sharedAt: string): Share & { tenantId: string } {
  return { id, tenantId: TENANT, employeeId, contentId: 'content-1', network: 'linkedin', linkCode: `code-${id}`, text: 'Have a look', sharedAt };
}

export function aLink(code: string, employeeId: string, overrides: Partial<TrackedLink> = {}): TrackedLink {
  return {
    code,
    tenantId: TENANT,
    targetUrl: `https://example.com/post?utm_content=${code}`,
    shareId: `share-${code}`,
    employeeId,
    contentId: 'content-1',
    campaignId: 'launch',
    network: 'linkedin',
    createdAt: '2026-10-02T00:00:00.000Z',
    ...overrides,
  };
}

export function aConversion(employeeId: string, externalId: string, occurredAt: string): Conversion {
  return {
    externalId,
    tenantId: TENANT,
    kind: 'deal',
    amountMinor: 125_000,
    currency: 'EUR',
    linkCode: `code-${employeeId}`,
    shareId: `share-${employeeId}`,
    employeeId,
    contentId: 'content-1',
    network: 'linkedin',
    occurredAt,
    receivedAt: occurredAt,
  };
}

/** `count` clicks by distinct visitors on consecutive hours from `from`. */
export function clicksFor(employeeId: string, count: number, from: string, visitorPrefix = 'v'): Click[] {
  const start = Date.parse(from);
  return Array.from({ length: count }, (_, i) => aClick(employeeId, `code-${employeeId}`, `${visitorPrefix}${i}`, new Date(start + i * 3_600_000).toISOString()));
}

/** A notifier that keeps every call; `failNext` makes the next call throw. */
export function recordingNotifier(): WinNotifier & { calls: Array<{ employeeId: string; wins: Win[] }>; failNext: boolean } {
  const notifier = {
    calls: [] as Array<{ employeeId: string; wins: Win[] }>,
    failNext: false,
    async notifyWins(_tenantId: string, employeeId: string, wins: Win[]) {
      if (notifier.failNext) {
        notifier.failNext = false;
        throw new Error('connector down');
      }
      notifier.calls.push({ employeeId, wins });
    },
  };
  return notifier;
}
