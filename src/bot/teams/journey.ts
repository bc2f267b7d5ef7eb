/**
 * The first-run journey, one step at a time, so nobody has to learn a command: after the welcome
 * comes the social audit; after the audit the social media policy (unless the person chose no
 * prompts); once the policy is agreed, the first share prompt from the board. Each handler that
 * finishes a step calls {@link continueJourney}, which sends whatever comes next.
 */
import type { TurnContext } from 'botbuilder';
import type { Employee, Language } from '../../shared/domain/types.js';
import { renderAuditCard } from './cards/audit/audit.card.js';
import { renderPolicyCard } from './cards/policy/policy.card.js';
import type { TeamsDeps } from './deps.js';
import { deliverNextPrompt } from './prompt-delivery.js';
import { sendCard, sendText } from './reply.js';

/** Where the person is: enough to decide the next step without another read. */
export interface JourneyPerson {
  tenantId: string;
  userId: string;
  employee: Employee;
  language: Language;
}

/** The audit card for a person, filled in with their previous answers when there are any. */
export async function auditCardFor(deps: TeamsDeps, person: JourneyPerson, invalidFields: string[] = []) {
  const topics = await deps.services.onboarding.listTopics(person.tenantId, person.language);
  const employee = person.employee;
  return renderAuditCard(
    {
      topics,
      ...(invalidFields.length ? { invalidFields } : {}),
      ...(employee.audit
        ? {
            previous: {
              audit: employee.audit,
              topics: employee.topics.filter((t) => t.role === 'social-mind').map((t) => t.topicId),
              promptsPaused: employee.promptsPaused,
            },
          }
        : {}),
    },
    person.language,
  );
}

/** The policy card for the current version, or `undefined` when there is no policy. */
export async function policyCardFor(
  deps: TeamsDeps,
  person: JourneyPerson,
  options: { then?: { contentId: string; campaignId?: string }; stale?: boolean } = {},
) {
  const policy = await deps.services.policy.current(person.tenantId, person.language);
  if (!policy) return undefined;
  return renderPolicyCard(
    {
      version: policy.version,
      policyTitle: policy.title,
      summary: policy.summary,
      fullTextUrl: policy.fullTextUrl,
      changed: (person.employee.policyVersionAcknowledged ?? 0) > 0,
      ...(options.then ? { then: options.then } : {}),
      ...(options.stale ? { stale: true } : {}),
    },
    person.language,
  );
}

/**
 * Send the next step: the audit card when the person has not taken it, else (prompts wanted) the
 * policy card when the current version is not agreed, else the next share prompt, delivered
 * proactively like every prompt (unless `offerPrompt` is false: a re-taken audit only re-asks for
 * the policy if needed). Returns what was sent.
 */
export async function continueJourney(
  context: TurnContext,
  deps: TeamsDeps,
  person: JourneyPerson,
  options: { offerPrompt?: boolean } = {},
): Promise<'audit' | 'policy' | 'prompt' | 'nothing'> {
  if (!person.employee.audit) {
    await sendCard(context, await auditCardFor(deps, person), person.language);
    return 'audit';
  }
  if (person.employee.promptsPaused) return 'nothing';
  if (!(await deps.services.policy.hasAcknowledged(person.tenantId, person.userId))) {
    const card = await policyCardFor(deps, person);
    if (card) {
      await sendCard(context, card, person.language);
      return 'policy';
    }
  }
  if (options.offerPrompt === false) return 'nothing';
  const outcome = await deliverNextPrompt(deps, { tenantId: person.tenantId, employeeId: person.userId });
  if (outcome === 'sent') return 'prompt';
  await sendText(context, person.language, 'share.nothingNow');
  return 'nothing';
}
