/**
 * First run in a personal chat (install, or a first message from someone not enrolled yet): keep
 * the conversation reference for proactive sends and enrol the person, reading each row once.
 * The reference is read once (to keep a language chosen before enrolment), written once, and its
 * chosen language becomes the new employee's language; the employee row is read (and created
 * when absent) by `onboarding.ensureEnrolled`, which also records the time zone Teams reported.
 */
import type { ConversationReference } from 'botbuilder';
import type { Employee } from '../../shared/domain/types.js';
import type { ChatUser } from './conversation-reference.service.js';
import type { OnboardingService } from './onboarding.service.js';
import type { ConversationReferenceRepository } from './ports.js';

/** What the first run needs. */
export interface FirstRunDeps {
  conversationReferences: ConversationReferenceRepository;
  onboarding: Pick<OnboardingService, 'ensureEnrolled'>;
}

/** Input of {@link recordFirstRun}. */
export interface FirstRunInput extends ChatUser {
  displayName?: string;
  /** `TurnContext.getConversationReference(activity)` of the personal chat. */
  reference: Partial<ConversationReference>;
  /** Teams locale of the activity (`ja-JP`), when it carries one. */
  locale?: string;
  /** IANA time zone from `localTimezone` / `clientInfo`, when present. */
  timeZone?: string;
  now: Date;
}

/** Store the reference (keeping an earlier language choice) and enrol the person. */
export async function recordFirstRun(deps: FirstRunDeps, input: FirstRunInput): Promise<{ employee: Employee; created: boolean }> {
  const existing = await deps.conversationReferences.find(input.tenantId, input.userId);
  await deps.conversationReferences.upsert({
    tenantId: input.tenantId,
    employeeId: input.userId,
    reference: JSON.stringify(input.reference),
    ...(existing?.language ? { language: existing.language } : {}),
    updatedAt: input.now.toISOString(),
  });
  const locale = existing?.language ?? input.locale;
  return deps.onboarding.ensureEnrolled({
    tenantId: input.tenantId,
    employeeId: input.userId,
    ...(input.displayName ? { displayName: input.displayName } : {}),
    ...(locale ? { locale } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    now: input.now,
  });
}
