/**
 * `language <code>`: a person picks the language the bot talks to them in. Needed wherever the
 * Teams locale is not what the person wants (the Agents Playground always sends `en-US`). The reply
 * confirms in the new language; the rules live in `services/language.service.ts`.
 */
import { MessageFactory, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { SUPPORTED_LANGUAGES, type Language } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import {
  parseLanguageChoice,
  resolveChatLanguage,
  setPreferredLanguage,
  type LanguageRepositories,
} from '../services/language.service.js';
import { chatUserOf, isPersonalChat } from './chat-user.js';

/** Matches `language`, `Language ja`, `language 日本語`. */
export const LANGUAGE_COMMAND = /^\s*language(?:\s+(.*))?$/is;

/** Dependencies of the language handler. */
export interface LanguageHandlerDeps {
  repositories: LanguageRepositories;
  clock: () => Date;
}

/** Longest piece of unrecognised input echoed back, without markdown control characters. */
function quoteInput(input: string): string {
  return input.replace(/[*_`~#>[\]|\\]/g, '').slice(0, 32);
}

/** Register the `language` command route (before the catch-all help route). */
export function registerLanguageHandler(app: Application, deps: LanguageHandlerDeps): void {
  app.message(LANGUAGE_COMMAND, async (context: TurnContext) => {
    const activity = context.activity;
    const argument = LANGUAGE_COMMAND.exec(activity.text ?? '')?.[1]?.trim() ?? '';
    const user = chatUserOf(activity);
    const current = await resolveChatLanguage(deps.repositories, user, activity.locale);
    const options = SUPPORTED_LANGUAGES.join(', ');
    const reply = async (language: Language, key: string, values: Record<string, string> = {}) => {
      const message = MessageFactory.text(translator(language, 'bot')(key, values));
      message.locale = language;
      message.textFormat = 'markdown';
      await context.sendActivity(message);
    };
    const languageName = (language: Language) => translator(language, 'common')(`languageName.${language}`);

    if (!argument) return void (await reply(current, 'language.current', { language: languageName(current), options }));
    const choice = parseLanguageChoice(argument);
    if (!choice) return void (await reply(current, 'language.unknown', { input: quoteInput(argument), options }));

    const personal = isPersonalChat(activity);
    const employee = personal ? undefined : await deps.repositories.employees.find(user.tenantId, user.userId);
    if (!personal && !employee) return void (await reply(current, 'language.personalOnly', { code: choice }));
    await setPreferredLanguage(deps.repositories, {
      ...user,
      language: choice,
      reference: TurnContext.getConversationReference(activity),
      now: deps.clock(),
    });
    await reply(choice, 'language.changed', { language: languageName(choice) });
  });
}
