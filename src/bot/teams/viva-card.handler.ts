/**
 * The Viva Connections dashboard card (manifest `dashboardCards`, a bot-powered Adaptive Card
 * Extension): the bot answers the card's invokes through the same teams-ai Application as chat.
 *
 * - `cardExtension/getCardView`: posts waiting for the person (live board items they have not
 *   shared), their clicks this week and their rank in the running contest.
 * - `cardExtension/getQuickView`: the top three of those posts, ranked for the person, each with
 *   a Share button.
 * - `cardExtension/handleAction`: Share opens the person's share prompt for the post (same use case
 *   and policy gate as the chat's `share.start`) and shows one `Action.OpenUrl` per network to the
 *   share door `/s/<code>/<network>`, which records the share; Back returns to the top posts.
 *
 * Read-only for people who have not joined: the card never enrols anyone (that happens in Teams).
 * Payloads are validated with zod; anything unexpected answers the top posts again.
 */
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { BoardItem } from '../../shared/contracts/board.js';
import { translator } from '../../shared/i18n/index.js';
import { NotFoundError } from '../services/errors.js';
import { loadChatPerson } from '../services/language.service.js';
import { renderVivaCardView, renderVivaShareView, renderVivaTopView, VIVA_ACTIONS, type VivaTopPost } from './cards/viva/viva-views.js';
import type { TeamsDeps } from './deps.js';
import { turnUser } from './turn.js';

/** The dashboard card's invoke names, declared once (the manifest test checks each is answered). */
export const VIVA_CARD_INVOKES = {
  getCardView: 'cardExtension/getCardView',
  getQuickView: 'cardExtension/getQuickView',
  handleAction: 'cardExtension/handleAction',
} as const;

/** Posts the quick view lists. */
const TOP_POSTS = 3;

/** `value` of a handleAction invoke: `{ data: { type, id, data: <the button's data> } }`; older hosts put the button's data first. */
const ActionDataSchema = z.object({ action: z.enum([VIVA_ACTIONS.share, VIVA_ACTIONS.back]), contentId: z.string().min(1).max(200).optional() }).passthrough();
const HandleActionSchema = z.object({ data: z.object({ data: z.unknown().optional() }).passthrough() }).passthrough();

/** The button data of a handleAction invoke, or undefined when it is not one of ours. */
export function readVivaAction(value: unknown): z.infer<typeof ActionDataSchema> | undefined {
  const envelope = HandleActionSchema.safeParse(value);
  if (!envelope.success) return undefined;
  const nested = ActionDataSchema.safeParse(envelope.data.data.data);
  if (nested.success) return nested.data;
  const flat = ActionDataSchema.safeParse(envelope.data.data);
  return flat.success ? flat.data : undefined;
}

const isInvoke = (name: string) => async (context: TurnContext) => context.activity.type === ActivityTypes.Invoke && context.activity.name === name;

async function answer(context: TurnContext, body: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Register the three invokes (before the message route; invokes have their own routes). */
export function registerVivaCardHandlers(app: Application, deps: TeamsDeps): void {
  const { board, scores, sharing } = deps.services;

  /** The person (read-only), their language and the board ranked for them, not yet shared. */
  async function load(context: TurnContext) {
    const user = turnUser(context, deps);
    const person = await loadChatPerson(deps.repositories, user, context.activity.locale);
    const language = person.language;
    const boardUrl = deps.boardUrl(language);
    if (!person.employee) return { user, language, boardUrl, enrolled: false as const, waiting: [] as BoardItem[], topicNames: {} as Record<string, string> };
    const view = await board.searchBoard(user.tenantId, { uiLanguage: language, employeeId: user.userId }, deps.clock());
    const waiting = view.items.filter((item) => item.sharedOn.length === 0);
    return { user, language, boardUrl, enrolled: true as const, waiting, topicNames: view.topicNames };
  }

  async function topView(context: TurnContext) {
    const { language, boardUrl, waiting, topicNames } = await load(context);
    const category = translator(language, 'common');
    const posts: VivaTopPost[] = waiting.slice(0, TOP_POSTS).map((item) => ({
      contentId: item.id,
      title: item.title,
      tags: [category(`category.${item.category}`), ...item.topics.map((id) => topicNames[id] ?? id)],
    }));
    return renderVivaTopView(posts, boardUrl, language);
  }

  app.addRoute(
    isInvoke(VIVA_CARD_INVOKES.getCardView),
    async (context) => {
      const { user, language, boardUrl, enrolled, waiting } = await load(context);
      const score = enrolled ? await scores?.myScore(user.tenantId, user.userId, deps.clock()) : undefined;
      const card = renderVivaCardView(
        {
          enrolled,
          postsWaiting: waiting.length,
          clicksThisWeek: score?.clicksThisWeek ?? 0,
          ...(score ? { contest: { ranked: score.ranked, ...(score.rank !== undefined ? { rank: score.rank } : {}) } } : {}),
          boardUrl,
        },
        language,
      );
      await answer(context, card);
    },
    true,
  );

  app.addRoute(isInvoke(VIVA_CARD_INVOKES.getQuickView), async (context) => answer(context, await topView(context)), true);

  app.addRoute(
    isInvoke(VIVA_CARD_INVOKES.handleAction),
    async (context) => {
      const action = readVivaAction(context.activity.value);
      if (!action || action.action === VIVA_ACTIONS.back || !action.contentId) {
        return answer(context, { responseType: 'QuickView', renderArguments: await topView(context) });
      }
      const user = turnUser(context, deps);
      const person = await loadChatPerson(deps.repositories, user, context.activity.locale);
      const boardUrl = deps.boardUrl(person.language);
      if (!person.employee) return answer(context, { responseType: 'QuickView', renderArguments: await topView(context) });
      try {
        const view = await sharing.preparePrompt({ tenantId: user.tenantId, employeeId: user.userId, contentId: action.contentId, now: deps.clock() });
        const shareView = {
          title: view.title,
          policyAcknowledged: view.policyAcknowledged,
          networks: view.networks.map((n) => ({ network: n.network, text: [n.text, n.disclosure].filter(Boolean).join(' '), intentUrl: n.intentUrl, shared: n.shared !== undefined })),
        };
        return answer(context, { responseType: 'QuickView', renderArguments: renderVivaShareView(shareView, boardUrl, view.language) });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return answer(context, { responseType: 'QuickView', renderArguments: renderVivaShareView('unavailable', boardUrl, person.language) });
      }
    },
    true,
  );
}

