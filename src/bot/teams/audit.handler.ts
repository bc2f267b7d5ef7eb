/**
 * The social audit: the `audit` command sends the card (with the previous answers when re-taken);
 * `audit.submit` validates the answers, saves them through onboarding (persona with its history,
 * topics, the "no prompts" choice), answers with the persona card in place of the audit card and
 * continues the journey (policy, then the first prompt) unless the person chose no prompts.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { AuditAnswersSchema } from '../../shared/contracts/audit.js';
import { auditInputsToAnswers } from '../../shared/contracts/card-actions.js';
import type { AdaptiveCardJson } from './cards/expand.js';
import { renderPersonaCard } from './cards/persona/persona.card.js';
import type { TeamsDeps } from './deps.js';
import { auditCardFor, continueJourney } from './journey.js';
import { sendCard } from './reply.js';
import { notice } from './share.handler.js';
import { loadTurnPerson, type TurnPerson } from './turn.js';
import { CARD_VERBS } from './verbs.js';

/** `audit`: send the audit card (personal chat only: answers are personal). */
export async function handleAuditCommand(context: TurnContext, deps: TeamsDeps, person: TurnPerson): Promise<void> {
  if (!person.employee || !person.personal) {
    await sendCard(context, await notice(context, deps, 'personalOnly', person.language), person.language);
    return;
  }
  await sendCard(context, await auditCardFor(deps, { ...person, employee: person.employee }), person.language);
}

/** Register `audit.submit`. */
export function registerAuditHandlers(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(CARD_VERBS.auditSubmit, async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCardJson> => {
    const person = await loadTurnPerson(context, deps);
    if (!person.employee || !person.personal) return notice(context, deps, 'personalOnly', person.language);
    const employee = person.employee;
    const raw = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const parsed = AuditAnswersSchema.safeParse(auditInputsToAnswers(raw));
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean);
      // Teams validates required inputs first; what still fails here is forged or out of range.
      return auditCardFor(deps, { ...person, employee }, fields);
    }
    const outcome = await deps.services.onboarding.submitAudit(person.tenantId, person.userId, parsed.data, deps.clock());
    // First audit: on to the policy and the first prompt. A re-take changes answers, not the pace.
    await continueJourney(
      context,
      deps,
      { tenantId: person.tenantId, userId: person.userId, employee: outcome.employee, language: outcome.employee.language },
      { offerPrompt: employee.audit === undefined },
    );
    return renderPersonaCard(
      {
        persona: outcome.persona,
        ...(outcome.levelUp && outcome.previous ? { levelUpFrom: outcome.previous } : {}),
        advice: outcome.advice,
        promptsPaused: outcome.employee.promptsPaused,
      },
      outcome.employee.language,
    );
  });
}
