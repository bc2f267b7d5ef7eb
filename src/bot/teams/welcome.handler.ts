/**
 * Install: store the conversation reference (for proactive sends later), enrol the person, post
 * the welcome card in their language, then the first step of the journey (the social audit for
 * someone new; the policy or a share prompt for someone further along).
 *
 * Teams sends two activities when the app is installed: `installationUpdate` (action `add`) and
 * `conversationUpdate` with the bot among `membersAdded`; the Agents Playground sends both on every
 * page load. Both refresh the stored reference, but only one may welcome, without shared state:
 * on the `msteams` channel (which always sends `installationUpdate`) the welcome goes out on
 * `installationUpdate`; on channels without it (Bot Framework Emulator, Web Chat) on
 * `conversationUpdate`. An app upgrade (`add-upgrade`) refreshes the reference without a welcome;
 * `remove` needs nothing (the bot can no longer write there). In a team or group chat the bot
 * welcomes the conversation and enrols nobody.
 */
import { ActivityTypes, Channels, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { resolveLanguage, translator } from '../../shared/i18n/index.js';
import { recordFirstRun } from '../services/first-run.service.js';
import { renderWelcomeCard } from './cards/welcome/welcome.card.js';
import { timeZoneOf } from './chat-user.js';
import { CHAT_COMMANDS } from './commands.js';
import type { TeamsDeps } from './deps.js';
import { continueJourney } from './journey.js';
import { sendCard } from './reply.js';
import { turnUser } from './turn.js';
import { rememberTeamChannel } from './team-channel.js';

/** Register the `conversationUpdate` (members added) and `installationUpdate` routes. */
export function registerWelcomeHandlers(app: Application, deps: TeamsDeps): void {
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

async function onInstalled(context: TurnContext, deps: TeamsDeps, options: { welcome: boolean }): Promise<void> {
  const activity = context.activity;
  const user = turnUser(context, deps);
  if (!user.personal) {
    // Added to a team: keep the channel for the weekly contest update (team-channel.ts).
    await rememberTeamChannel(context, deps.repositories.conversationReferences, user.tenantId, deps.clock());
    if (!options.welcome) return;
    const language = resolveLanguage(activity.locale);
    const card = renderWelcomeCard({ helpCommand: CHAT_COMMANDS.help.keyword }, translator(language, 'bot'));
    await sendCard(context, card, language);
    return;
  }
  const { employee } = await recordFirstRun(
    { conversationReferences: deps.repositories.conversationReferences, onboarding: deps.services.onboarding },
    {
      ...user,
      displayName: activity.from?.name,
      reference: TurnContext.getConversationReference(activity),
      locale: activity.locale,
      timeZone: timeZoneOf(activity),
      now: deps.clock(),
    },
  );
  if (!options.welcome) return;
  const language = employee.language;
  const card = renderWelcomeCard({ userName: activity.from?.name, helpCommand: CHAT_COMMANDS.help.keyword }, translator(language, 'bot'));
  await sendCard(context, card, language);
  await continueJourney(context, deps, { tenantId: user.tenantId, userId: user.userId, employee, language });
}
