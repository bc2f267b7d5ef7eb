/**
 * The Messenger port (services/ports.ts) for Teams: a message to a person's personal chat with
 * the bot, written first by the bot (share prompts, wins), through botbuilder's
 * `continueConversationAsync` on the conversation reference stored at install.
 *
 * The message is built in the person's chat language: the employee's language when enrolled,
 * else a language chosen before enrolment (kept on the reference), else the reference's locale.
 * A 403 (app removed, person blocked the bot) or 404 (conversation gone) from the connector is
 * `unreachable`; anything else is thrown for the caller to retry or log.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Language } from '../../shared/domain/types.js';
import { resolveLanguage } from '../../shared/i18n/index.js';
import type { ConversationReferenceRepository, EmployeeRepository, Messenger } from '../services/ports.js';

/** What the messenger needs. */
export interface TeamsMessengerDeps {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** The bot's app id ('' locally, where the adapter has no credentials). */
  botAppId: string;
  conversationReferences: Pick<ConversationReferenceRepository, 'find'>;
  employees: Pick<EmployeeRepository, 'find'>;
}

/** The HTTP status of a failed connector call (botbuilder throws `RestError` with `statusCode`). */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Create the Teams messenger. */
export function createTeamsMessenger(deps: TeamsMessengerDeps): Messenger {
  return {
    async sendToEmployee(tenantId, employeeId, build) {
      const [stored, employee] = await Promise.all([
        deps.conversationReferences.find(tenantId, employeeId),
        deps.employees.find(tenantId, employeeId),
      ]);
      if (!stored) return 'no-reference';
      const reference = JSON.parse(stored.reference) as Partial<ConversationReference>;
      const language: Language = employee?.value.language ?? stored.language ?? resolveLanguage(reference.locale);
      const message = build(language, { userId: reference.user?.id });
      // The failure is caught inside the turn: thrown from it, the adapter's onTurnError would log
      // it and try to post the generic error message into the same conversation.
      let failure: unknown;
      await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
        try {
          await context.sendActivity({ type: 'message', locale: language, ...message } as Parameters<typeof context.sendActivity>[0]);
        } catch (error) {
          failure = error ?? new Error('proactive send failed');
        }
      });
      if (failure === undefined) return 'sent';
      const status = statusOf(failure);
      if (status === 403 || status === 404) return 'unreachable';
      throw failure;
    },
  };
}
