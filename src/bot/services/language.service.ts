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
import { SUPPORTED_LANGUAGES, type Language } from '../../shared/domain/types.js';
import { catalogs, resolveLanguage } from '../../shared/i18n/index.js';
import { ConflictError } from './errors.js';
import { findChosenLanguage, rememberConversation, type ChatUser } from './conversation-reference.service.js';
import type { ConversationReferenceRepository, EmployeeRepository } from './ports.js';

/** Storage the language rules need. */
export interface LanguageRepositories {
  employees: Pick<EmployeeRepository, 'find' | 'update'>;
  conversationReferences: ConversationReferenceRepository;
}

/** Where a language choice was stored. */
export type LanguageChoiceStore = 'employee' | 'conversation';

const ETAG_RETRIES = 3;

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

/** The language to answer this person in (see the module comment for the order). */
export async function resolveChatLanguage(
  repositories: LanguageRepositories,
  user: ChatUser,
  teamsLocale: string | undefined,
): Promise<Language> {
  const employee = await repositories.employees.find(user.tenantId, user.userId);
  if (employee) return employee.value.language;
  const chosen = await findChosenLanguage(repositories.conversationReferences, user);
  return chosen ?? resolveLanguage(teamsLocale);
}

/** Input of {@link setPreferredLanguage}. */
export interface SetPreferredLanguageInput extends ChatUser {
  language: Language;
  /** Reference of the conversation the choice was made in (stored for people not enrolled yet). */
  reference: Partial<ConversationReference>;
  now: Date;
}

/**
 * Store a person's language choice: on their employee record when they are enrolled (an
 * ETag-guarded update, re-read and retried when someone else wrote in between), otherwise on
 * their conversation reference. Returns where it went.
 */
export async function setPreferredLanguage(
  repositories: LanguageRepositories,
  input: SetPreferredLanguageInput,
): Promise<LanguageChoiceStore> {
  for (let attempt = 1; ; attempt += 1) {
    const employee = await repositories.employees.find(input.tenantId, input.userId);
    if (!employee) break;
    if (employee.value.language === input.language) return 'employee';
    try {
      await repositories.employees.update({ ...employee.value, language: input.language }, employee.etag);
      return 'employee';
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= ETAG_RETRIES) throw err;
    }
  }
  await rememberConversation(repositories.conversationReferences, input);
  return 'conversation';
}
