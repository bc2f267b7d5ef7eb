/**
 * Install: store the conversation reference (for proactive sends later) and post the welcome card
 * in the person's language.
 *
 * Teams sends two activities when the app is installed: `installationUpdate` (action `add`) and
 * `conversationUpdate` with the bot among `membersAdded`; the Agents Playground sends both on every
 * page load. Both refresh the stored reference, but only one may welcome, without shared state:
 * on the `msteams` channel (which always sends `installationUpdate`) the welcome goes out on
 * `installationUpdate`; on channels without it (Bot Framework Emulator, Web Chat) on
 * `conversationUpdate`. An app upgrade (`add-upgrade`) refreshes the reference without a welcome;
 * `remove` needs nothing (the bot can no longer write there).
 */
import { ActivityTypes, Channels, MessageFactory, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { translator } from '../../shared/i18n/index.js';
import { rememberConversation } from '../services/conversation-reference.service.js';
import { resolveChatLanguage, type LanguageRepositories } from '../services/language.service.js';
import { renderWelcomeCard } from './cards/welcome/welcome.card.js';
import { chatUserOf, isPersonalChat } from './chat-user.js';
import { COMMAND_KEYWORDS } from './help.handler.js';

/** Dependencies of the welcome handlers. */
export interface WelcomeHandlerDeps {
  repositories: LanguageRepositories;
  clock: () => Date;
}

/** Register the `conversationUpdate` (members added) and `installationUpdate` routes. */
export function registerWelcomeHandlers(app: Application, deps: WelcomeHandlerDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const activity = context.activity;
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
    if (!botAdded) return;
    await onInstalled(context, deps, { welcome: activity.channelId !== Channels.Msteams });
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action;
    if (action === 'add') await onInstalled(context, deps, { welcome: true });
    else if (action === 'add-upgrade') await onInstalled(context, deps, { welcome: false });
  });
}

async function onInstalled(context: TurnContext, deps: WelcomeHandlerDeps, options: { welcome: boolean }): Promise<void> {
  const activity = context.activity;
  const user = chatUserOf(activity);
  const personal = isPersonalChat(activity);
  if (personal) {
    await rememberConversation(deps.repositories.conversationReferences, {
      ...user,
      reference: TurnContext.getConversationReference(activity),
      now: deps.clock(),
    });
  }
  if (!options.welcome) return;
  const language = await resolveChatLanguage(deps.repositories, user, activity.locale);
  const card = renderWelcomeCard(
    { userName: personal ? activity.from?.name : undefined, helpCommand: COMMAND_KEYWORDS.help },
    translator(language, 'bot'),
  );
  const message = MessageFactory.attachment(card);
  message.locale = language;
  await context.sendActivity(message);
}
