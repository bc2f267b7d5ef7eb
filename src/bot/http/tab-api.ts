/**
 * Tab API routes. Transport only: validate the query, read through the repository port, shape
 * the shared contract. The caller (`request.identity`) is set by the auth hook (`auth.ts`), which
 * must be registered before these routes.
 */
import type { FastifyInstance } from 'fastify';
import {
  BoardQuerySchema,
  isSafeUrl,
  type BoardCounts,
  type BoardItem,
  type BoardResponse,
} from '../../shared/contracts/board.js';
import { isLive } from '../../shared/domain/targeting.js';
import type { ContentItem, Language, Topic } from '../../shared/domain/types.js';
import type { ContentRepository, TopicRepository } from '../services/ports.js';
import { describeZodError, requestLanguage, sendError } from './errors.js';

export interface TabApiDeps {
  content: ContentRepository;
  topics: TopicRepository;
  /** Clock for publish/expiry windows; tests pin it. */
  now?: () => Date;
}

/** Registers `GET /api/board` (the content board of the caller's tenant). */
export function registerTabApi(fastify: FastifyInstance, deps: TabApiDeps): void {
  const now = deps.now ?? (() => new Date());

  fastify.get('/api/board', async (request, reply) => {
    const identity = request.identity;
    if (!identity) return sendError(reply, request, 401, 'unauthenticated');

    const query = BoardQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const { category, language } = query.data;

    const [published, topics] = await Promise.all([
      deps.content.list(identity.tenantId, { status: 'published' }),
      deps.topics.list(identity.tenantId),
    ]);
    const unsafe = published.filter((i) => !isSafeUrl(i.url));
    if (unsafe.length > 0) request.log.warn({ ids: unsafe.map((i) => i.id) }, 'content items with a non-http(s) url left off the board');
    const board = onBoard(published, now()).sort(newestFirst);
    const inLanguage = language ? board.filter((i) => i.language === language) : board;
    const items = category ? inLanguage.filter((i) => i.category === category) : inLanguage;

    const body: BoardResponse = {
      items,
      counts: countByCategory(inLanguage),
      languages: [...new Set(board.map((i) => i.language))].sort() as Language[],
      topicNames: topicNames(topics, items, requestLanguage(request)),
    };
    return reply.header('cache-control', 'private, no-store').send(body);
  });
}

/** Published items inside their publish/expiry window, as board items. */
function onBoard(items: ContentItem[], at: Date): BoardItem[] {
  const now = at.toISOString();
  return items
    .filter((i) => isLive(i, now))
    .filter((i) => isSafeUrl(i.url))
    .map(toBoardItem);
}

function toBoardItem(item: ContentItem): BoardItem {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    summary: item.summary,
    ...(item.imageUrl && isSafeUrl(item.imageUrl) ? { imageUrl: item.imageUrl } : {}),
    language: item.language,
    category: item.category,
    topics: item.topics,
    publishedAt: item.publishAt ?? item.createdAt,
  };
}

function newestFirst(a: BoardItem, b: BoardItem): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.id.localeCompare(b.id);
}

function countByCategory(items: BoardItem[]): BoardCounts {
  const counts: BoardCounts = { all: items.length, company: 0, industry: 0, 'personal-interest': 0 };
  for (const item of items) counts[item.category] += 1;
  return counts;
}

/** Display names of the topics the listed items use, in the caller's language (English fallback). */
function topicNames(topics: Topic[], items: BoardItem[], language: Language): Record<string, string> {
  const used = new Set(items.flatMap((i) => i.topics));
  return Object.fromEntries(topics.filter((t) => used.has(t.id)).map((t) => [t.id, t.name[language] ?? t.name.en]));
}
