/**
 * Adaptive Card `Action.Execute` verbs, declared once: cards put them in their actions, handlers
 * register them with `app.adaptiveCards.actionExecute`. Dotted, feature first.
 */
export const CARD_VERBS = {
  auditSubmit: 'audit.submit',
  policyAccept: 'policy.accept',
  /** Save the edited text for one network and show the "Open <network>" step. */
  sharePrepare: 'share.prepare',
  /** Back from the "Open <network>" step to the editor. */
  shareEdit: 'share.edit',
  /** Card refresh (automatic when a person views the card) and the "I've posted it" button. */
  shareRefresh: 'share.refresh',
  shareSkip: 'share.skip',
  shareLater: 'share.later',
  /** Start a share prompt for whoever clicks (board list, message extension card). */
  shareStart: 'share.start',
  /** Training nudge card (issue 11): start the module, mark it done, or "Not now". */
  trainingStart: 'training.start',
  trainingComplete: 'training.complete',
  trainingLater: 'training.later',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** Message extension command ids, as in `appPackage/manifest.json` `composeExtensions`. */
export const MESSAGE_EXTENSION_COMMANDS = {
  searchBoard: 'searchBoard',
} as const;
