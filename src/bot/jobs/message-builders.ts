/**
 * The registry of campaign message builders: one per dispatch kind. The delivery worker looks up
 * the builder of a record's kind and sends what it returns; a kind with no builder ends `failed`
 * with that reason. Modules register theirs where the runtime is started (`src/bot/index.ts`,
 * `src/bot/worker.ts`) — see `.tmp/PIPELINE-CONTRACT.md` / `docs/delivery.md`.
 */
import type { Activity } from 'botbuilder';
import type { DispatchKind } from '../../shared/domain/campaigns.js';
import type { SharingService } from '../services/sharing.service.js';
import { cardAttachment } from '../teams/cards/expand.js';
import { renderPromptView } from '../teams/share-view.js';

/** The one recipient a message is built for. */
export interface DispatchTarget {
  tenantId: string;
  campaignId: string;
  /** Employee id, or `channel:<id>` for a channel post. */
  employeeId: string;
  kind: DispatchKind;
  /** Content id (`share`), module id (`training`), prompt code (`reoffer`), ... */
  subjectId: string;
}

/**
 * Builds the message (Adaptive Card attachments and/or text) for one recipient. Called once per
 * claimed delivery, so it may create per-person state idempotently (the share prompt does). A
 * throw ends the delivery `failed` with the error's message; return `undefined` to skip it
 * (ends `cancelled` with reason "nothing to send", e.g. a re-offer already answered).
 */
export type BuildMessage = (target: DispatchTarget) => Promise<Partial<Activity> | undefined>;

/** Builders by kind; kinds without one cannot be delivered. */
export type MessageBuilders = Partial<Record<DispatchKind, BuildMessage>>;

/**
 * `share`: the share prompt card. The sharing service prepares the person's prompt for the
 * campaign (idempotent per person, item and campaign) and the Teams layer renders it.
 */
export function createSharePromptBuilder(sharing: Pick<SharingService, 'preparePrompt'>, now: () => Date): BuildMessage {
  return async ({ tenantId, employeeId, subjectId, campaignId }) => {
    const view = await sharing.preparePrompt({ tenantId, employeeId, contentId: subjectId, campaignId, now: now() });
    return { attachments: [cardAttachment(renderPromptView(view))], locale: view.language };
  };
}
