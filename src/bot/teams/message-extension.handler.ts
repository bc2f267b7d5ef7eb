/**
 * The message extension (`composeExtensions` command `searchBoard` in the manifest): search the
 * board from any chat's compose box by title, topic or language, and insert a post as a card with
 * "Share this". The card's button opens a share prompt for whoever clicks it (`share.start`,
 * same policy gate), so one inserted card serves everyone in the chat.
 */
import type { Application } from '@microsoft/teams-ai';
import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResult, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES, type Language } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import { loadChatPerson } from '../services/language.service.js';
import { renderBoardItemCard } from './cards/board-item/board-item.card.js';
import type { TeamsDeps } from './deps.js';
import { turnUser } from './turn.js';
import { MESSAGE_EXTENSION_COMMANDS } from './verbs.js';

/** Results per query (Teams shows up to 25). */
const RESULT_LIMIT = 10;

/** The query parameters Teams sends (`query` from the manifest, `initialRun` sends none). */
const QuerySchema = z.object({ query: z.string().max(200).optional() }).passthrough();

/**
 * Split the search text into free text and a language filter: a word that is a supported code
 * (`ja`) or a language's own name (`日本語`) filters by the post's language.
 */
export function readSearch(text: string): { query?: string; language?: Language } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let language: Language | undefined;
  const rest: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const match = SUPPORTED_LANGUAGES.find(
      (code) => code === lower || translator(code, 'common')(`languageName.${code}`).toLowerCase() === lower,
    );
    if (match && !language) language = match;
    else rest.push(word);
  }
  return { ...(rest.length ? { query: rest.join(' ') } : {}), ...(language ? { language } : {}) };
}

/** Register the `searchBoard` query. */
export function registerMessageExtension(app: Application, deps: TeamsDeps): void {
  app.messageExtensions.query(MESSAGE_EXTENSION_COMMANDS.searchBoard, async (context: TurnContext, _state, query): Promise<MessagingExtensionResult> => {
    const user = turnUser(context, deps);
    const { language } = await loadChatPerson(deps.repositories, user, context.activity.locale);
    const parsed = QuerySchema.safeParse(query.parameters ?? {});
    const search = readSearch(parsed.success ? (parsed.data.query ?? '') : '');
    const view = await deps.services.board.searchBoard(
      user.tenantId,
      { ...search, uiLanguage: language, limit: Math.min(RESULT_LIMIT, query.count || RESULT_LIMIT) },
      deps.clock(),
    );
    const common = translator(language, 'common');
    const attachments: MessagingExtensionAttachment[] = view.items.map((item) => {
      const topics = item.topics.map((id) => view.topicNames[id] ?? id);
      const imageUrl = item.imageUrl && /^https?:/i.test(item.imageUrl) ? item.imageUrl : undefined;
      const card = CardFactory.adaptiveCard(
        renderBoardItemCard(
          { contentId: item.id, title: item.title, summary: item.summary, url: item.url, category: item.category, topics, ...(imageUrl ? { imageUrl } : {}) },
          language,
        ),
      );
      const preview = CardFactory.thumbnailCard(
        item.title,
        [common(`category.${item.category}`), ...topics].join(' · '),
        imageUrl ? [imageUrl] : [],
      );
      return { ...card, preview };
    });
    return { type: 'result', attachmentLayout: 'list', attachments };
  });
}
