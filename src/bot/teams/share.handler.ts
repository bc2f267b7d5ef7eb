/**
 * The share prompt card's actions (Universal Actions, `Action.Execute`): each handler validates
 * the payload with zod, calls the sharing service for the person who clicked, and returns the
 * card as that person should now see it. A forged or stale payload (unknown prompt, someone
 * else's prompt, a removed item) gets a notice card and writes nothing.
 *
 * - `share.prepare` (click 1): save the edited text for the network (unchanged suggested text of
 *   another network is not copied over) and show "Open <network>" (click 2, `Action.OpenUrl`
 *   to `/s/<code>/<network>`). Text too long or empty: the editor again, with the person's words.
 * - `share.edit` / `share.refresh`: show the current state (refresh keeps the stage).
 * - `share.skip` / `share.later`: "Not for me" (optional reason) and "Remind me later".
 * - `share.start`: a prompt for whoever clicked a board or message-extension card.
 * Every share needs the current policy agreed: otherwise the policy card comes back instead.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import {
  ShareLaterSchema,
  SharePrepareSchema,
  ShareSkipSchema,
  ShareStageSchema,
  ShareStartSchema,
} from '../../shared/contracts/card-actions.js';
import { countNetworkLength } from '../../shared/domain/suggested-text.js';
import type { Language } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import { NotFoundError, ValidationError } from '../services/errors.js';
import { loadChatPerson } from '../services/language.service.js';
import type { SharePromptView } from '../services/sharing.service.js';
import type { AdaptiveCardJson } from './cards/expand.js';
import { renderNoticeCard } from './cards/notice/notice.card.js';
import type { TeamsDeps } from './deps.js';
import { policyCardFor } from './journey.js';
import { renderPromptView, type PromptCardOptions } from './share-view.js';
import { loadTurnPerson, turnUser, type TurnPerson } from './turn.js';
import { CARD_VERBS } from './verbs.js';

/** Register every `share.*` verb. */
export function registerShareHandlers(app: Application, deps: TeamsDeps): void {
  const { sharing } = deps.services;

  /** Parse `data`, load the prompt for the clicking person, and map failures to notices. */
  const withPrompt = <S extends z.ZodTypeAny>(
    schema: S,
    handle: (input: z.output<S>, view: SharePromptView, ctx: { context: TurnContext; refreshFor?: string }) => Promise<AdaptiveCardJson>,
  ) =>
    async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCardJson> => {
      const user = turnUser(context, deps);
      const parsed = schema.safeParse(data);
      if (!parsed.success) return notice(context, deps, 'stale');
      const input = parsed.data as z.output<S> & { promptCode: string };
      let view: SharePromptView;
      try {
        view = await sharing.getPrompt(user.tenantId, user.userId, input.promptCode);
      } catch (error) {
        if (error instanceof NotFoundError) return notice(context, deps, 'stale');
        throw error;
      }
      return handle(input, view, { context, ...(user.personal ? { refreshFor: user.accountId } : {}) });
    };

  app.adaptiveCards.actionExecute(
    CARD_VERBS.sharePrepare,
    withPrompt(SharePrepareSchema, async (input, view, { context, refreshFor }) => {
      const options: PromptCardOptions = refreshFor ? { refreshFor } : {};
      if (!view.policyAcknowledged) return gate(context, deps, view);
      const target = view.networks.find((n) => n.network === input.network);
      if (!target || target.shared) return renderPromptView(view, options);
      const shown = view.networks.find((n) => n.network === input.shownNetwork);
      const text = input.text.trim();
      const untouchedOther = input.network !== input.shownNetwork && shown !== undefined && text === shown.text.trim();
      if (untouchedOther || text === target.text.trim()) {
        return renderPromptView(view, { ...options, stage: 'ready', network: input.network });
      }
      const t = translator(view.language, 'bot');
      const networkName = translator(view.language, 'common')(`network.${input.network}`);
      if (!text) return renderPromptView(view, { ...options, network: input.network, draft: '', notice: t('share.empty') });
      try {
        const saved = await sharing.saveText(view.tenantId, view.employeeId, view.promptCode, input.network, text, deps.clock());
        return renderPromptView(saved, { ...options, stage: 'ready', network: input.network });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const length = countNetworkLength(text, input.network);
        return renderPromptView(view, {
          ...options,
          network: input.network,
          draft: text,
          notice: t('share.tooLong', { network: networkName, length, limit: target.limit }),
        });
      }
    }),
  );

  app.adaptiveCards.actionExecute(
    [CARD_VERBS.shareEdit, CARD_VERBS.shareRefresh],
    withPrompt(ShareStageSchema, async (input, view, { refreshFor }) =>
      renderPromptView(view, { stage: input.stage, ...(input.network ? { network: input.network } : {}), ...(refreshFor ? { refreshFor } : {}) }),
    ),
  );

  app.adaptiveCards.actionExecute(
    CARD_VERBS.shareSkip,
    withPrompt(ShareSkipSchema, async (input, view, { refreshFor }) => {
      const updated = await sharing.respond(view.tenantId, view.employeeId, view.promptCode, { kind: 'skipped', ...(input.reason ? { reason: input.reason } : {}) }, deps.clock());
      return renderPromptView(updated, refreshFor ? { refreshFor } : {});
    }),
  );

  app.adaptiveCards.actionExecute(
    CARD_VERBS.shareLater,
    withPrompt(ShareLaterSchema, async (_input, view, { refreshFor }) => {
      const updated = await sharing.respond(view.tenantId, view.employeeId, view.promptCode, { kind: 'snoozed' }, deps.clock());
      return renderPromptView(updated, refreshFor ? { refreshFor } : {});
    }),
  );

  app.adaptiveCards.actionExecute(CARD_VERBS.shareStart, async (context: TurnContext, _state: unknown, data: unknown) => {
    const parsed = ShareStartSchema.safeParse(data);
    if (!parsed.success) return notice(context, deps, 'stale');
    return startPrompt(context, deps, parsed.data);
  });
}

/**
 * Open (or reopen) the clicking person's prompt for an item: enrolled if needed in their personal
 * chat, behind the policy gate. Shared by `share.start` and `policy.accept` with a `then`.
 */
export async function startPrompt(
  context: TurnContext,
  deps: TeamsDeps,
  item: { contentId: string; campaignId?: string },
): Promise<AdaptiveCardJson> {
  const person = await loadTurnPerson(context, deps);
  if (!person.employee) return notice(context, deps, 'personalOnly', person.language);
  let view: SharePromptView;
  try {
    view = await deps.services.sharing.preparePrompt({
      tenantId: person.tenantId,
      employeeId: person.userId,
      contentId: item.contentId,
      ...(item.campaignId ? { campaignId: item.campaignId } : {}),
      now: deps.clock(),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notice(context, deps, 'unavailable', person.language);
    throw error;
  }
  if (!view.policyAcknowledged) return gate(context, deps, view, person);
  return renderPromptView(view, person.personal ? { refreshFor: person.accountId } : {});
}

/** The policy card in place of a share, continuing with the same item once agreed. */
async function gate(context: TurnContext, deps: TeamsDeps, view: SharePromptView, known?: TurnPerson): Promise<AdaptiveCardJson> {
  const person = known ?? (await loadTurnPerson(context, deps));
  const then = { contentId: view.contentId, ...(view.campaignId ? { campaignId: view.campaignId } : {}) };
  const card = person.employee ? await policyCardFor(deps, { ...person, employee: person.employee }, { then }) : undefined;
  return card ?? notice(context, deps, 'policyFirst', view.language);
}

/** A notice card in the person's language (looked up read-only when not given: a notice writes nothing). */
export async function notice(
  context: TurnContext,
  deps: TeamsDeps,
  kind: Parameters<typeof renderNoticeCard>[0],
  language?: Language,
): Promise<AdaptiveCardJson> {
  return renderNoticeCard(kind, language ?? (await loadChatPerson(deps.repositories, turnUser(context, deps), context.activity.locale)).language);
}
