/**
 * Conversation references: what the bot keeps of a personal chat so it can write first later
 * (proactive share prompts, wins, nudges). One record per (tenant, person), stored as the opaque
 * JSON of botbuilder's `ConversationReference`.
 *
 * The record's `language` is what the person chose with the `language` command; refreshing the
 * reference on a later install keeps it, so a client that always sends `en-US` (the Agents
 * Playground) or no locale at all cannot wipe out a choice.
 */
import type { ConversationReference } from 'botbuilder';
import type { Language } from '../../shared/domain/types.js';
import type { ConversationReferenceRepository } from './ports.js';

/** Who a conversation belongs to: the tenant and the person's Entra object id (or channel id). */
export interface ChatUser {
  tenantId: string;
  userId: string;
}

/** Input of {@link rememberConversation}. */
export interface RememberConversationInput extends ChatUser {
  /** `TurnContext.getConversationReference(activity)` of the current turn. */
  reference: Partial<ConversationReference>;
  /** A language the person just chose; omitted, the previously chosen one (if any) is kept. */
  language?: Language;
  now: Date;
}

/**
 * Store (insert or refresh) the person's conversation reference, keeping their chosen language.
 * Refreshing on install matters because Teams may move a conversation to another `serviceUrl`.
 */
export async function rememberConversation(
  repository: ConversationReferenceRepository,
  input: RememberConversationInput,
): Promise<void> {
  const existing = input.language ? undefined : await repository.find(input.tenantId, input.userId);
  const language = input.language ?? existing?.language;
  await repository.upsert({
    tenantId: input.tenantId,
    employeeId: input.userId,
    reference: JSON.stringify(input.reference),
    ...(language ? { language } : {}),
    updatedAt: input.now.toISOString(),
  });
}

/** The language a person chose in chat (stored on their conversation reference), if any. */
export async function findChosenLanguage(
  repository: ConversationReferenceRepository,
  user: ChatUser,
): Promise<Language | undefined> {
  return (await repository.find(user.tenantId, user.userId))?.language;
}
