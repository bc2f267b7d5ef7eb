/**
 * Which language the bot talks to a person in, and how a person changes it.
 *
 * Resolution order, first hit wins:
 * 1. the enrolled employee's `language` (the programme language, also used by proactive prompts);
 * 2. the language chosen with the `language` command before enrolment (kept on the stored
 *    conversation reference, see `conversation-reference.service.ts`);
 * 3. the Teams client locale of the activity (`activity.locale`), mapped by `resolveLanguage`,
 *    English when missing or unsupported.
 *
 * Step 2 exists because the Microsoft 365 Agents Playground always sends `en-US`: without a stored
 * choice nobody could try another language there.
 */
import type { ConversationReference } from 'botbuilder';
import { SUPPORTED_LANGUAGES, type Employee, type Language } from '../../shared/domain/types.js';
import { catalogs, resolveLanguage } from '../../shared/i18n/index.js';
import { findChosenLanguage, rememberConversation, type ChatUser } from './conversation-reference.service.js';
import type { ConversationReferenceRepository, EmployeeRepository, Versioned } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** Storage the language rules need. */
export interface LanguageRepositories {
  employees: Pick<EmployeeRepository, 'find' | 'get' | 'update'>;
  conversationReferences: ConversationReferenceRepository;
}

/** Where a language choice was stored. */
export type LanguageChoiceStore = 'employee' | 'conversation';

/**
 * Read what a person typed after `language`: a code (`ja`), a BCP-47 tag whose primary subtag is
 * supported (`ja-JP`, `zh-Hans`), or a language's own name as listed in the catalogs (`日本語`,
 * `Italiano`). Anything else is `undefined`.
 */
export function parseLanguageChoice(input: string): Language | undefined {
  const value = input.trim().toLowerCase();
  if (!value) return undefined;
  const primary = value.split(/[-_]/)[0] ?? '';
  if ((SUPPORTED_LANGUAGES as readonly string[]).includes(primary)) return resolveLanguage(primary);
  for (const language of SUPPORTED_LANGUAGES) {
    const names = Object.values(catalogs.common).map((catalog) => catalog.languageName[language].toLowerCase());
    if (names.includes(value)) return language;
  }
  return undefined;
}

/** A person as one chat turn needs them: their record when enrolled, and the language to use. */
export interface ChatPerson {
  employee?: Versioned<Employee>;
  language: Language;
}

/**
 * Load the person once for the whole turn: the employee row (one read); only when they are not
 * enrolled, the conversation reference for a language chosen before enrolment (one more read).
 * Handlers pass the result on instead of reading the same rows again.
 */
export async function loadChatPerson(
  repositories: LanguageRepositories,
  user: ChatUser,
  teamsLocale: string | undefined,
): Promise<ChatPerson> {
  const employee = await repositories.employees.find(user.tenantId, user.userId);
  if (employee) return { employee, language: employee.value.language };
  const chosen = await findChosenLanguage(repositories.conversationReferences, user);
  return { language: chosen ?? resolveLanguage(teamsLocale) };
}

/** The language to answer this person in (see the module comment for the order). */
export async function resolveChatLanguage(
  repositories: LanguageRepositories,
  user: ChatUser,
  teamsLocale: string | undefined,
): Promise<Language> {
  return (await loadChatPerson(repositories, user, teamsLocale)).language;
}

/** Input of {@link setPreferredLanguage}. */
export interface SetPreferredLanguageInput extends ChatUser {
  language: Language;
  /** Reference of the conversation the choice was made in (stored for people not enrolled yet). */
  reference: Partial<ConversationReference>;
  now: Date;
  /** The employee as this turn already read it (saves a read); omitted, it is read here. */
  employee?: Versioned<Employee> | null;
}

/**
 * Store a person's language choice: on their employee record when they are enrolled (an
 * ETag-guarded update through `retryOnConflict`, starting from the row the turn already read),
 * otherwise on their conversation reference. Returns where it went.
 */
export async function setPreferredLanguage(
  repositories: LanguageRepositories,
  input: SetPreferredLanguageInput,
): Promise<LanguageChoiceStore> {
  const known = input.employee === undefined ? await repositories.employees.find(input.tenantId, input.userId) : input.employee ?? undefined;
  if (known) {
    // The first attempt starts from the row already read; after a conflict it is read again.
    let unused: Versioned<Employee> | undefined = known;
    await retryOnConflict(
      async () => {
        const current = unused ?? (await repositories.employees.get(input.tenantId, input.userId));
        unused = undefined;
        return current;
      },
      (employee) => (employee.language === input.language ? undefined : { ...employee, language: input.language }),
      (next, etag) => repositories.employees.update(next, etag),
    );
    return 'employee';
  }
  await rememberConversation(repositories.conversationReferences, input);
  return 'conversation';
}
