/**
 * `policy.accept` ("I agree" on the policy card): acknowledge the version the card showed. The
 * card turns into "You agreed to version N on <date>"; then either the share the gate had stopped
 * (a board or message-extension card: its prompt replaces the policy card) or, in the journey,
 * the first share prompt. A card for an older version gets the current one back, marked as such.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { PolicyAcceptSchema } from '../../shared/contracts/card-actions.js';
import { ConflictError } from '../services/errors.js';
import type { AdaptiveCardJson } from './cards/expand.js';
import { renderPolicyCard } from './cards/policy/policy.card.js';
import type { TeamsDeps } from './deps.js';
import { continueJourney, policyCardFor } from './journey.js';
import { notice, startPrompt } from './share.handler.js';
import { loadTurnPerson } from './turn.js';
import { CARD_VERBS } from './verbs.js';

/** Register `policy.accept`. */
export function registerPolicyHandlers(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(CARD_VERBS.policyAccept, async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCardJson> => {
    const parsed = PolicyAcceptSchema.safeParse(data);
    if (!parsed.success) return notice(context, deps, 'stale');
    const person = await loadTurnPerson(context, deps);
    if (!person.employee) return notice(context, deps, 'personalOnly', person.language);
    const journeyPerson = { ...person, employee: person.employee };
    const now = deps.clock();
    try {
      await deps.services.policy.acknowledge(person.tenantId, person.userId, parsed.data.version, now);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await policyCardFor(deps, journeyPerson, { stale: true, ...(parsed.data.then ? { then: parsed.data.then } : {}) });
      return current ?? notice(context, deps, 'stale', person.language);
    }
    if (parsed.data.then) return startPrompt(context, deps, parsed.data.then);
    const policy = await deps.services.policy.current(person.tenantId, person.language);
    if (person.personal) {
      const employee = { ...person.employee, policyVersionAcknowledged: parsed.data.version };
      await continueJourney(context, deps, { ...journeyPerson, employee });
    }
    if (!policy) return notice(context, deps, 'stale', person.language);
    return renderPolicyCard(
      {
        version: policy.version,
        policyTitle: policy.title,
        summary: policy.summary,
        fullTextUrl: policy.fullTextUrl,
        changed: false,
        agreedAt: now.toISOString(),
      },
      person.language,
    );
  });
}
