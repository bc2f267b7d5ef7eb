/**
 * Domain objects for the storage tests: complete, with every optional field set unless noted.
 * Employees and content items build on the shared `tests/support/fixtures.ts`.
 */
import type { Click, ContentItem, Contest, Employee, Pilot, Score, Share, Topic, TrackedLink } from '../../../src/shared/domain/types.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

/** The shared employee with every optional field set, so round-trips cover them all. */
export function anEmployee(overrides: Partial<Employee> = {}): Employee {
  return makeEmployee({
    workingHours: { start: 9, end: 17.5 },
    language: 'ja',
    roles: ['employee', 'trainer'],
    persona: 'sharer',
    personaHistory: [
      { persona: 'observer', since: '2026-01-01T00:00:00.000Z' },
      { persona: 'sharer', since: '2026-03-01T00:00:00.000Z' },
    ],
    topics: [{ topicId: 'ai', role: 'thought-leader' }],
    audit: {
      audience: { linkedin: 1200, x: 300 },
      postsPerMonth: 6,
      goals: ['build-skills'],
      learningStyle: 'video',
      wantsToGrow: true,
      auditedAt: '2026-03-01T00:00:00.000Z',
    },
    policyVersionAcknowledged: 2,
    ...overrides,
  });
}

/** The shared content item with every optional field set and non-empty lists, so round-trips cover them all. */
export function aContentItem(overrides: Partial<ContentItem> = {}): ContentItem {
  return makeContentItem('content-1', {
    title: 'Our new AI assistant',
    url: 'https://example.com/blog/ai?utm=x&y=1#top',
    summary: 'Why it matters for customers.',
    imageUrl: 'https://example.com/img.png',
    topics: ['ai'],
    targetPersonas: ['sharer', 'influencer'],
    targetLanguages: ['en', 'ja'],
    suggestedTexts: [
      { network: 'linkedin', language: 'en', variants: ['Proud of the team!', 'Have a look.'] },
      { network: 'x', language: 'ja', variants: ['新しいAIアシスタント 🚀'] },
    ],
    publishAt: '2026-04-01T09:00:00.000Z',
    expiresAt: '2026-06-30T00:00:00.000Z',
    submittedBy: 'emp-2',
    createdAt: '2026-03-30T10:00:00.000Z',
    ...overrides,
  });
}

export function aShare(overrides: Partial<Share> = {}): Share {
  return {
    id: 'share-1',
    employeeId: 'emp-1',
    contentId: 'content-1',
    campaignId: 'camp-1',
    network: 'linkedin',
    linkCode: 'AbC123xyz',
    text: 'Proud of the team!',
    sharedAt: '2026-04-02T08:00:00.000Z',
    ...overrides,
  };
}

export function aTrackedLink(overrides: Partial<TrackedLink> = {}): TrackedLink {
  return {
    code: 'AbC123xyz',
    tenantId: 'tenant-1',
    targetUrl: 'https://example.com/blog/ai?utm_source=linkedin&utm_medium=employee-advocacy&utm_content=AbC123xyz',
    shareId: 'share-1',
    employeeId: 'emp-1',
    contentId: 'content-1',
    campaignId: 'camp-1',
    network: 'linkedin',
    createdAt: '2026-04-02T08:00:00.000Z',
    ...overrides,
  };
}

export function aClick(overrides: Partial<Click> = {}): Click {
  return {
    code: 'AbC123xyz',
    tenantId: 'tenant-1',
    visitorKey: 'v-0f3a',
    day: '2026-04-02',
    at: '2026-04-02T09:15:00.000Z',
    employeeId: 'emp-1',
    contentId: 'content-1',
    network: 'linkedin',
    ...overrides,
  };
}

export function aScore(overrides: Partial<Score> = {}): Score {
  return { contestId: 'contest-1', employeeId: 'emp-1', points: 12, reachedAt: '2026-04-03T10:00:00.000Z', ...overrides };
}

export function aContest(overrides: Partial<Contest> = {}): Contest {
  return {
    id: 'contest-1',
    name: 'Q2 clicks',
    startsAt: '2026-04-01T00:00:00.000Z',
    endsAt: '2026-06-30T00:00:00.000Z',
    weights: { uniqueClick: 1, share: 0, conversion: 0.5 },
    prizes: [
      { rank: 1, label: 'Headphones', amountMinor: 25000, currency: 'EUR' },
      { rank: 2, label: 'Book' },
    ],
    excludedRoles: ['executive', 'coordinator'],
    excludedEmployeeIds: ['emp-9'],
    ...overrides,
  };
}

export function aTopic(overrides: Partial<Topic> = {}): Topic {
  return { id: 'ai', name: { en: 'Artificial intelligence', ja: '人工知能' }, description: 'All things AI', ...overrides };
}

export function aPilot(overrides: Partial<Pilot> = {}): Pilot {
  return { id: 'pilot-1', name: 'Leaders 2026', cohort: ['emp-1', 'emp-2'], phase: 'education-and-launch', startedAt: '2026-02-01T00:00:00.000Z', ...overrides };
}

/** True when a value survives JSON unchanged (no bigint, no Date, no undefined-vs-missing drift). */
export function jsonRoundTrips(value: unknown): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
}
