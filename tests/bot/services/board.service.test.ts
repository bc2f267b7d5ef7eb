/**
 * The board use case over the real table repositories on the run's Azurite: liveness, filters,
 * the free-text search the message extension uses, topic names in the reader's language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBoardService, type BoardService } from '../../../src/bot/services/board.service.js';
import type { ContentItem } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeContentItem } from '../../support/fixtures.js';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const TENANT = 'tenant-board';

function item(id: string, overrides: Partial<ContentItem> = {}): ContentItem {
  return makeContentItem(id, { createdAt: '2026-05-01T00:00:00.000Z', topics: [], ...overrides });
}

let board: BoardService;

beforeAll(async () => {
  const repos = await createTestRepositories('boardsvc');
  await repos.content.upsertMany(TENANT, [
    item('ai-en', { title: 'How AI changes selling', topics: ['ai'], publishAt: '2026-05-20T00:00:00.000Z' }),
    item('culture-ja', { title: '社内文化のつくり方', language: 'ja', category: 'personal-interest', topics: ['culture'] }),
    item('advocacy-th', { title: 'พนักงานคือเสียงที่น่าเชื่อถือ', language: 'th', category: 'industry', topics: ['advocacy'], publishAt: '2026-05-10T00:00:00.000Z' }),
    item('draft-ai', { title: 'AI draft', status: 'draft', topics: ['ai'] }),
    item('expired-ai', { title: 'AI old news', topics: ['ai'], expiresAt: '2026-05-15T00:00:00.000Z' }),
    item('bad-url', { title: 'AI bad', url: 'javascript:alert(1)' }),
  ]);
  await repos.topics.upsertMany(TENANT, [
    { id: 'ai', name: { en: 'Artificial intelligence', ja: '人工知能' } },
    { id: 'culture', name: { en: 'Culture', ja: '企業文化' } },
    { id: 'advocacy', name: { en: 'Employee advocacy', th: 'การสนับสนุนโดยพนักงาน' } },
  ]);
  board = createBoardService(repos);
});

describe('searchBoard', () => {
  it('lists live, safe items newest first and reports unsafe ones', async () => {
    const view = await board.searchBoard(TENANT, { uiLanguage: 'en' }, NOW);
    expect(view.items.map((i) => i.id)).toEqual(['ai-en', 'advocacy-th', 'culture-ja']);
    expect(view.unsafeIds).toEqual(['bad-url']);
    expect(view.languages).toEqual(['en', 'ja', 'th']);
    expect(view.counts).toEqual({ all: 3, company: 1, industry: 1, 'personal-interest': 1 });
  });

  it.each([
    ['a title word, any case', 'selling', ['ai-en']],
    ['a topic name in another language', '人工知能', ['ai-en']],
    ['a topic name in English for a Japanese item', 'culture', ['culture-ja']],
    ['a language endonym', 'ไทย', ['advocacy-th']],
    ['every word must match', 'ai culture', []],
  ])('matches %s', async (_what, query, ids) => {
    const view = await board.searchBoard(TENANT, { query, uiLanguage: 'en' }, NOW);
    expect(view.items.map((i) => i.id)).toEqual(ids);
  });

  it('combines filters, caps the list and names the board topics in the reader language', async () => {
    const view = await board.searchBoard(TENANT, { category: 'personal-interest', uiLanguage: 'ja', limit: 1 }, NOW);
    expect(view.items.map((i) => i.id)).toEqual(['culture-ja']);
    // Topic names cover the whole live board (the topic filter lists them), in the reader's language when it has one.
    expect(view.topicNames).toEqual({ advocacy: 'Employee advocacy', ai: '人工知能', culture: '企業文化' });
    const limited = await board.searchBoard(TENANT, { uiLanguage: 'en', limit: 2 }, NOW);
    expect(limited.items).toHaveLength(2);
    expect(limited.counts.all).toBe(3);
  });
});
