/**
 * What an admin may do with a campaign in each state (Admin > Campaigns): a draft is edited,
 * previewed, launched or deleted; a launched campaign (running, paused) only pauses, resumes or
 * is cancelled; a finished one (cancelled, completed) is history. Any campaign can be duplicated
 * into a new draft. Pure rules; the service applies them and the tab shows only what they allow.
 *
 * Why a paused campaign's window cannot be extended: at launch every recipient got a delivery
 * record and a queue message at a planned instant inside the window. The worker never reads the
 * window again, so a later end would move nobody; re-planning would mean rewriting records and
 * messages a worker may be claiming at that moment, with no exactly-once guarantee. To reach the
 * people a campaign missed, cancel it and duplicate it into a new draft with a new window.
 */
import type { Campaign, CampaignState } from './campaigns.js';

/** Things an admin can ask of a campaign. */
export const CAMPAIGN_CHANGES = ['edit', 'delete', 'launch', 'pause', 'resume', 'cancel', 'duplicate'] as const;
export type CampaignChange = (typeof CAMPAIGN_CHANGES)[number];

/**
 * Why a change is refused: `launched` (running or paused: its planned deliveries stand),
 * `launching` (a draft whose launch has begun), `finished` (cancelled or completed), `wrong-state`
 * (pause a paused one, resume a running one, launch a launched one).
 */
export type CampaignRefusal = 'launched' | 'launching' | 'finished' | 'wrong-state';

const ALLOWED: Record<CampaignState, readonly CampaignChange[]> = {
  draft: ['edit', 'delete', 'launch', 'cancel', 'duplicate'],
  running: ['pause', 'cancel', 'duplicate'],
  paused: ['resume', 'cancel', 'duplicate'],
  cancelled: ['duplicate'],
  completed: ['duplicate'],
};

/** The changes a campaign allows now (the tab shows these buttons). */
export function allowedCampaignChanges(campaign: Pick<Campaign, 'state' | 'launchingAt'>): CampaignChange[] {
  const allowed = ALLOWED[campaign.state];
  // A draft whose launch began only finishes launching (a retry) or is cancelled.
  return campaign.state === 'draft' && campaign.launchingAt !== undefined ? allowed.filter((c) => c !== 'edit' && c !== 'delete') : [...allowed];
}

/** Undefined when `change` is allowed, else why not. */
export function checkCampaignChange(campaign: Pick<Campaign, 'state' | 'launchingAt'>, change: CampaignChange): CampaignRefusal | undefined {
  if (allowedCampaignChanges(campaign).includes(change)) return undefined;
  if (campaign.state === 'draft') return campaign.launchingAt !== undefined ? 'launching' : 'wrong-state';
  if (campaign.state === 'cancelled' || campaign.state === 'completed') return 'finished';
  return change === 'edit' || change === 'delete' || change === 'launch' ? 'launched' : 'wrong-state';
}

/** The fields of a draft an admin edits. */
export type CampaignEdit = Pick<Campaign, 'subjectId' | 'audience' | 'window' | 'slotMinutes'>;

/** The draft after an edit: only the edited fields change (id, kind, author, seed stay). */
export function applyCampaignEdit(campaign: Campaign, edit: CampaignEdit): Campaign {
  return { ...campaign, subjectId: edit.subjectId, audience: edit.audience, window: { ...edit.window }, slotMinutes: edit.slotMinutes };
}

/**
 * The window of a duplicate made at `now`: the original when it has not started yet; otherwise the
 * same length starting at the next whole hour after `now` (a copy of a past campaign is for later).
 */
export function duplicateWindow(window: Campaign['window'], now: Date): Campaign['window'] {
  const start = Date.parse(window.start);
  const length = Date.parse(window.end) - start;
  if (start > now.getTime()) return { ...window };
  const next = Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000;
  return { start: new Date(next).toISOString(), end: new Date(next + Math.max(length, 3_600_000)).toISOString() };
}
