/**
 * The person behind the current turn, loaded once per turn: tenant and employee id, their Teams
 * account id (for card refresh), whether this is their personal chat, their employee record when
 * enrolled and the language to answer in. Handlers pass this on instead of reading rows again.
 */
import { TurnContext } from 'botbuilder';
import type { Employee, Language } from '../../shared/domain/types.js';
import type { ChatUser } from '../services/conversation-reference.service.js';
import { recordFirstRun } from '../services/first-run.service.js';
import { loadChatPerson } from '../services/language.service.js';
import type { Versioned } from '../services/ports.js';
import { chatUserOf, isPersonalChat, timeZoneOf } from './chat-user.js';
import type { TeamsDeps } from './deps.js';

/** The person of a turn. */
export interface TurnPerson extends ChatUser {
  /** Teams channel account id (`29:...`): what card `refresh.userIds` lists. */
  accountId: string;
  name?: string;
  personal: boolean;
  employee?: Employee;
  /** The employee row with its ETag, when this turn read it (for an update without a re-read). */
  row?: Versioned<Employee>;
  language: Language;
  /** Enrolled during this turn (a first message without an install event before it). */
  enrolledNow: boolean;
}

/** Who sent the activity, without reading storage. */
export function turnUser(context: TurnContext, deps: Pick<TeamsDeps, 'localTenantId'>): ChatUser & { accountId: string; personal: boolean } {
  const activity = context.activity;
  return {
    ...chatUserOf(activity, { localTenantId: deps.localTenantId }),
    accountId: activity.from?.id ?? '',
    personal: isPersonalChat(activity),
  };
}

/**
 * Load the person: one employee read. In a personal chat someone not enrolled yet is enrolled now
 * (reference stored, time zone kept); elsewhere the language falls back to a stored choice or the
 * Teams locale. An enrolled person whose Teams time zone changed gets it updated.
 */
export async function loadTurnPerson(context: TurnContext, deps: TeamsDeps): Promise<TurnPerson> {
  const activity = context.activity;
  const user = turnUser(context, deps);
  const base = { ...user, ...(activity.from?.name ? { name: activity.from.name } : {}) };
  const timeZone = timeZoneOf(activity);
  let found: Versioned<Employee> | undefined;
  if (user.personal) {
    found = await deps.repositories.employees.find(user.tenantId, user.userId);
    if (!found) {
      const { employee } = await recordFirstRun(
        { conversationReferences: deps.repositories.conversationReferences, onboarding: deps.services.onboarding },
        { ...user, displayName: activity.from?.name, reference: TurnContext.getConversationReference(activity), locale: activity.locale, timeZone, now: deps.clock() },
      );
      return { ...base, employee, language: employee.language, enrolledNow: true };
    }
    if (timeZone && timeZone !== found.value.timeZone) {
      const { employee } = await deps.services.onboarding.ensureEnrolled({ tenantId: user.tenantId, employeeId: user.userId, timeZone, now: deps.clock() });
      return { ...base, employee, language: employee.language, enrolledNow: false };
    }
    return { ...base, employee: found.value, row: found, language: found.value.language, enrolledNow: false };
  }
  const person = await loadChatPerson(deps.repositories, user, activity.locale);
  return { ...base, ...(person.employee ? { employee: person.employee.value, row: person.employee } : {}), language: person.language, enrolledNow: false };
}
