/**
 * Team channels the bot was added to: their conversation reference is kept (as recipient
 * `channel:<team id>` beside people's references) so the weekly contest update can be posted
 * there through the campaign pipeline.
 */
import { TurnContext } from 'botbuilder';
import type { ConversationReferenceRepository } from '../services/ports.js';
import { resolveLanguage } from '../../shared/i18n/index.js';

/** Recipient ids of channels start with this (people's ids never do). */
export const CHANNEL_RECIPIENT_PREFIX = 'channel:';

/** Store (or refresh) the reference of the team's channel this activity came from. */
export async function rememberTeamChannel(context: TurnContext, references: Pick<ConversationReferenceRepository, 'upsert'>, tenantId: string, now: Date): Promise<void> {
  const activity = context.activity;
  const teamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const channelId = typeof teamId === 'string' && teamId ? teamId : activity.conversation?.id;
  if (!channelId) return;
  const reference = TurnContext.getConversationReference(activity);
  // Post to the channel itself, not to the thread the event arrived in.
  if (reference.conversation?.id) reference.conversation = { ...reference.conversation, id: reference.conversation.id.split(';')[0]! };
  await references.upsert({ tenantId, employeeId: `${CHANNEL_RECIPIENT_PREFIX}${channelId}`, reference: JSON.stringify(reference), language: resolveLanguage(activity.locale), updatedAt: now.toISOString() });
}
