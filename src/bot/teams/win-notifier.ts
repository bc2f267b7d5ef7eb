/**
 * The WinNotifier port (services/ports.ts) for Teams: the wins card, in the person's language,
 * to their personal chat through the Messenger. A person the bot cannot reach (no conversation
 * yet, app removed) is not an error: the win stays stored and shows in "My impact".
 */
import type { Messenger, WinNotifier } from '../services/ports.js';
import { cardAttachment } from './cards/expand.js';
import { renderWinsCard } from './cards/wins/wins.card.js';

/** Names shown in place of ids: a completed training module's title. */
export interface WinLabels {
  trainingTitle(tenantId: string, moduleId: string): Promise<string | undefined>;
}

/** Create the notifier over the messenger; `labels` turn a win's id detail into a readable name. */
export function createWinNotifier(messenger: Messenger, labels?: WinLabels): WinNotifier {
  return {
    async notifyWins(tenantId, employeeId, wins) {
      if (wins.length === 0) return;
      const shown = await Promise.all(
        wins.map(async (win) => {
          if (win.kind !== 'training-completed' || !win.detail || !labels) return win;
          const title = await labels.trainingTitle(tenantId, win.detail).catch(() => undefined);
          return title ? { ...win, detail: title } : win;
        }),
      );
      await messenger.sendToEmployee(tenantId, employeeId, (language) => ({
        attachments: [cardAttachment(renderWinsCard(shown, language))],
        locale: language,
      }));
    },
  };
}
