/**
 * Shared builders of domain objects for tests, so every test file starts from the same valid
 * `Employee` or `ContentItem` and spells out only what its case is about. Defaults set the
 * required fields only (optional ones stay absent); a test that needs other defaults wraps these
 * builders rather than writing a whole object again.
 */
import type { ContentItem, Employee } from '../../src/shared/domain/types.js';

/**
 * A newly enrolled employee with only the required fields: an English-speaking observer in Sales
 * (Tokyo, Monday-Friday 9-17), no topics, no audit, no policy acknowledged.
 */
export function makeEmployee(overrides: Partial<Employee> = {}): Employee {
  return {
    id: 'emp-1',
    tenantId: 'tenant-1',
    displayName: 'Aiko Tanaka',
    email: 'aiko@example.com',
    team: 'Sales',
    timeZone: 'Asia/Tokyo',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: 9, end: 17 },
    language: 'en',
    roles: ['employee'],
    persona: 'observer',
    leader: false,
    personaHistory: [{ persona: 'observer', since: '2026-01-01T00:00:00.000Z' }],
    topics: [],
    weeklyPromptCap: 3,
    promptsPaused: false,
    joinedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * A published, untargeted English company item with only the required fields: no publication
 * or expiry dates (so it is live from its creation), no topics and no suggested texts.
 */
export function makeContentItem(id: string, overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id,
    title: `Item ${id}`,
    url: `https://example.com/${id}`,
    summary: '',
    language: 'en',
    category: 'company',
    topics: [],
    targetTeams: [],
    targetPersonas: [],
    targetLanguages: [],
    suggestedTexts: [],
    status: 'published',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
