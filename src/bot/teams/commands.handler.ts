/**
 * Every chat message goes through one route: the person is loaded once, the text is read as a
 * command from `CHAT_COMMANDS`, and the command's handler answers. Anything else gets the help
 * card (never silence). Someone writing for the first time without an install event is enrolled
 * here (reference and time zone kept); the audit then comes with `audit` or the next install.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { renderBoardCard } from './cards/board/board.card.js';
import { renderHelpCard } from './cards/help/help.card.js';
import { renderLeaderboardCard } from './cards/leaderboard/leaderboard.card.js';
import { renderNoticeCard } from './cards/notice/notice.card.js';
import { renderScoreCard } from './cards/score/score.card.js';
import { handleAuditCommand } from './audit.handler.js';
import { CHAT_COMMAND_ORDER, parseCommand, type ChatCommand } from './commands.js';
import type { TeamsDeps } from './deps.js';
import { handleLanguageCommand } from './language.handler.js';
import { sendCard, sendText } from './reply.js';
import { loadTurnPerson, type TurnPerson } from './turn.js';

/** One command's handler: the person is loaded, `argument` is what followed the keyword. */
type CommandHandler = (context: TurnContext, deps: TeamsDeps, person: TurnPerson, argument: string) => Promise<void>;

/** Commands offered as buttons on the help card. */
const HELP_BUTTONS: ChatCommand[] = ['board', 'myScore', 'audit', 'leaderboard'];
/** Items the `board` command lists. */
const BOARD_LIMIT = 5;
/** Rows the `leaderboard` command shows. */
const LEADERBOARD_LIMIT = 10;

async function sendHelp(context: TurnContext, person: TurnPerson, unknownInput?: string): Promise<void> {
  const card = renderHelpCard(
    { commands: CHAT_COMMAND_ORDER, buttons: HELP_BUTTONS, ...(unknownInput !== undefined ? { unknownInput } : {}) },
    person.language,
  );
  await sendCard(context, card, person.language);
}

/** Pause or resume prompts (personal chat, enrolled people). */
const setPaused =
  (paused: boolean): CommandHandler =>
  async (context, deps, person) => {
    if (!person.employee) return sendCard(context, renderNoticeCard('personalOnly', person.language, []), person.language);
    await deps.services.onboarding.setPromptsPaused(person.tenantId, person.userId, paused);
    await sendText(context, person.language, paused ? 'prompts.paused' : 'prompts.resumed');
  };

/** The handler of every command; the compiler makes sure none is missing. */
const HANDLERS: Record<ChatCommand, CommandHandler> = {
  help: async (context, _deps, person) => sendHelp(context, person),
  language: handleLanguageCommand,
  audit: handleAuditCommand,
  pause: setPaused(true),
  resume: setPaused(false),
  board: async (context, deps, person) => {
    const view = await deps.services.board.searchBoard(person.tenantId, { uiLanguage: person.language, limit: BOARD_LIMIT }, deps.clock());
    const card = renderBoardCard(
      {
        items: view.items.map((item) => ({
          contentId: item.id,
          title: item.title,
          ...(item.imageUrl && /^https?:/i.test(item.imageUrl) ? { imageUrl: item.imageUrl } : {}),
          category: item.category,
          topics: item.topics.map((id) => view.topicNames[id] ?? id),
        })),
        boardUrl: deps.boardUrl(person.language),
      },
      person.language,
    );
    await sendCard(context, card, person.language);
  },
  myScore: async (context, deps, person) => {
    const score = person.employee ? await deps.services.scores?.myScore(person.tenantId, person.userId, deps.clock()) : undefined;
    await sendCard(context, renderScoreCard(score, person.language), person.language);
  },
  leaderboard: async (context, deps, person) => {
    const board = await deps.services.scores?.leaderboard(person.tenantId, LEADERBOARD_LIMIT, deps.clock());
    await sendCard(context, renderLeaderboardCard({ ...(board ? { board } : {}), employeeId: person.userId }, person.language), person.language);
  },
};

/** Register the message route (after every more specific route). */
export function registerCommandHandlers(app: Application, deps: TeamsDeps): void {
  app.activity(ActivityTypes.Message, async (context: TurnContext) => {
    const person = await loadTurnPerson(context, deps);
    const text = context.activity.text ?? '';
    const parsed = parseCommand(text);
    if (parsed) await HANDLERS[parsed.command](context, deps, person, parsed.argument);
    else await sendHelp(context, person, text.trim() ? text : undefined);
  });
}
