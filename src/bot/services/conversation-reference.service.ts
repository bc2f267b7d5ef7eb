/**
 * Conversation references: what the bot keeps of a personal chat so it can write first later
 * (proactive share prompts, wins, nudges). One record per (tenant, person), stored as the opaque
 * JSON of botbuilder's `ConversationReference`.
 *
 * The stored reference's `locale` is the language the person chose with the `language` command,
 * never the Teams client locale of the activity that happened to refresh the record: an install
 * event from a client that sends `en-US` (or no locale at all, as the Agents Playground does) must
 * not wipe out a choice. Proactive sends built from the reference therefore carry that choice.
 */
import type { ConversationReference } from 'botbuilder';
import type { Language } from '../../shared/domain/types.js';
import { resolveLanguage } from '../../shared/i18n/index.js';
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
  const language = input.language ?? chosenLanguageOf(existing?.reference);
  const { locale: _teamsLocale, ...rest } = input.reference;
  const reference: Partial<ConversationReference> = language ? { ...rest, locale: language } : rest;
  await repository.upsert({
    tenantId: input.tenantId,
    employeeId: input.userId,
    reference: JSON.stringify(reference),
    updatedAt: input.now.toISOString(),
  });
}

/** The language a person chose in chat (stored on their conversation reference), if any. */
export async function findChosenLanguage(
  repository: ConversationReferenceRepository,
  user: ChatUser,
): Promise<Language | undefined> {
  const stored = await repository.find(user.tenantId, user.userId);
  return chosenLanguageOf(stored?.reference);
}

function chosenLanguageOf(referenceJson: string | undefined): Language | undefined {
  if (!referenceJson) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(referenceJson);
  } catch {
    return undefined;
  }
  const locale = typeof parsed === 'object' && parsed !== null ? (parsed as { locale?: unknown }).locale : undefined;
  return typeof locale === 'string' && locale.length > 0 ? resolveLanguage(locale) : undefined;
}
