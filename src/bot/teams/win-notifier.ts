/**
 * The WinNotifier port (services/ports.ts) for Teams: the wins card, in the person's language,
 * to their personal chat through the Messenger. A person the bot cannot reach (no conversation
 * yet, app removed) is not an error: the win stays stored and shows in "My impact".
 */
import type { Messenger, WinNotifier } from '../services/ports.js';
import { cardAttachment } from './cards/expand.js';
import { renderWinsCard } from './cards/wins/wins.card.js';

/** Create the notifier over the messenger. */
export function createWinNotifier(messenger: Messenger): WinNotifier {
  return {
    async notifyWins(tenantId, employeeId, wins) {
      if (wins.length === 0) return;
      await messenger.sendToEmployee(tenantId, employeeId, (language) => ({
        attachments: [cardAttachment(renderWinsCard(wins, language))],
        locale: language,
      }));
    },
  };
}
