/**
 * Help: any message no other handler took gets the list of commands, in the person's language.
 * Only commands the app has registered are listed, so the reply never promises what the bot
 * cannot do; a feature adds its command to `AVAILABLE_COMMANDS` in `app.ts` when it ships.
 */
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import type { BotCatalog } from '../../shared/i18n/catalogs/bot/index.js';
import { translator } from '../../shared/i18n/index.js';
import { resolveChatLanguage, type LanguageRepositories } from '../services/language.service.js';
import { chatUserOf } from './chat-user.js';

/** A chat command, named by its catalog key under `help.commands`. */
export type BotCommand = keyof BotCatalog['help']['commands'];

/** What a person types for each command (the same in every language). */
export const COMMAND_KEYWORDS: Readonly<Record<BotCommand, string>> = {
  help: 'help',
  language: 'language',
  myScore: 'my score',
  leaderboard: 'leaderboard',
  board: 'board',
  stop: 'stop',
  start: 'start',
};

/** Dependencies of the help handler. */
export interface HelpHandlerDeps {
  repositories: LanguageRepositories;
  /** Commands to list, in order. */
  commands: readonly BotCommand[];
}

/** Register the catch-all message route; register it after every more specific message route. */
export function registerHelpHandler(app: Application, deps: HelpHandlerDeps): void {
  app.activity(ActivityTypes.Message, async (context: TurnContext) => {
    const user = chatUserOf(context.activity);
    const language = await resolveChatLanguage(deps.repositories, user, context.activity.locale);
    const t = translator(language, 'bot');
    const options = SUPPORTED_LANGUAGES.join(', ');
    const lines = deps.commands.map(
      (command) =>
        `- ${t('help.line', { command: COMMAND_KEYWORDS[command], description: t(`help.commands.${command}`, { options }) })}`,
    );
    const reply = MessageFactory.text([t('help.intro'), '', ...lines].join('\n'));
    reply.locale = language;
    reply.textFormat = 'markdown';
    await context.sendActivity(reply);
  });
}
