/**
 * The campaign form's rules, apart from its React: default window, `datetime-local` values, the
 * checks shown under each field, the request body (checked again with the shared contract), and
 * who the chosen audience reaches (the server's `selectAudience`, over the picker's options).
 */
import type { AudienceOptions, CampaignView, CreateCampaignInput, UpdateCampaignInput } from '../../shared/contracts/campaigns.js';
import { CreateCampaignSchema, UpdateCampaignSchema } from '../../shared/contracts/campaigns.js';
import { selectAudience, type CampaignAudience } from '../../shared/domain/campaigns.js';
import { MAX_SLOTS } from '../../shared/domain/stagger-planner.js';
import type { Employee } from '../../shared/domain/types.js';

export interface CampaignFormValues {
  contentId: string;
  audience: CampaignAudience;
  /** `datetime-local` values in the admin's zone. */
  start: string;
  end: string;
  slotMinutes: number;
}

export type CampaignFormErrors = Partial<Record<'content' | 'start' | 'end' | 'slot', { key: string; values?: Record<string, string | number> }>>;

/** A `datetime-local` value for an instant, in the browser's zone (minute precision). */
export function toLocalInput(instant: Date): string {
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The instant of a `datetime-local` value in the browser's zone (NaN when empty or invalid). */
export function fromLocalInput(value: string): number {
  return value ? new Date(value).getTime() : Number.NaN;
}

/** The default window: tomorrow 00:00 to the day after tomorrow plus two days (three whole local days). */
export function defaultWindow(now: Date): { start: string; end: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 4);
  return { start: toLocalInput(start), end: toLocalInput(end) };
}

/** Field errors as catalog keys (`campaigns:admin.form.errors.*`); empty when the form can be saved. */
export function validateCampaignForm(values: CampaignFormValues, now: Date): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  if (!values.contentId) errors.content = { key: 'content' };
  const start = fromLocalInput(values.start);
  const end = fromLocalInput(values.end);
  if (Number.isNaN(start)) errors.start = { key: 'start' };
  if (Number.isNaN(end)) errors.end = { key: 'end' };
  else if (!Number.isNaN(start) && end <= start) errors.end = { key: 'order' };
  else if (end <= now.getTime()) errors.end = { key: 'past' };
  const slot = values.slotMinutes;
  if (!Number.isInteger(slot) || slot < 5 || slot > 1_440) errors.slot = { key: 'slot' };
  else if (!errors.start && !errors.end) {
    const slots = Math.ceil((end - start) / (slot * 60_000));
    if (slots > MAX_SLOTS) errors.slot = { key: 'tooLong', values: { slots, max: MAX_SLOTS } };
  }
  return errors;
}

/** The `POST /api/campaigns` body of valid values (parsed with the shared contract: it throws on a bug, not on user input). */
export function campaignInput(values: CampaignFormValues): CreateCampaignInput {
  const body: CreateCampaignInput = {
    contentId: values.contentId,
    audience: values.audience,
    window: { start: new Date(fromLocalInput(values.start)).toISOString(), end: new Date(fromLocalInput(values.end)).toISOString() },
    slotMinutes: values.slotMinutes,
  };
  CreateCampaignSchema.parse(body);
  return body;
}

/** The `PUT /api/campaigns/:id` body of valid values at `version` (parsed with the shared contract). */
export function campaignUpdate(values: CampaignFormValues, version: string): UpdateCampaignInput {
  const { contentId, window, slotMinutes } = campaignInput(values) as Required<Pick<CreateCampaignInput, 'contentId' | 'window' | 'slotMinutes'>>;
  return UpdateCampaignSchema.parse({ version, subjectId: contentId, audience: values.audience, window, slotMinutes });
}

/** The form's values for a stored draft (window in the browser's zone). */
export function formValuesOf(campaign: Pick<CampaignView, 'subjectId' | 'audience' | 'window' | 'slotMinutes'>): CampaignFormValues {
  return { contentId: campaign.subjectId, audience: structuredClone(campaign.audience), start: toLocalInput(new Date(campaign.window.start)), end: toLocalInput(new Date(campaign.window.end)), slotMinutes: campaign.slotMinutes };
}

export interface AudienceReach {
  included: number;
  /** People the audience names or matches who are left out, with why (opted out, paused). */
  excluded: { id: string; name: string; reason: string }[];
  /** Everyone enrolled who is left out of any campaign. */
  optedOut: number;
  paused: number;
}

/** Who the audience reaches among the picker's people: the same rule the server applies (`selectAudience`). */
export function audienceReach(people: AudienceOptions['people'], audience: CampaignAudience): AudienceReach {
  // selectAudience reads only these fields of an Employee.
  const roster = people.map((p) => ({ id: p.id, persona: p.persona, team: p.team, language: p.language, topics: p.topicIds.map((topicId) => ({ topicId })), weeklyPromptCap: p.excluded === 'opted-out' ? 0 : 1, promptsPaused: p.excluded === 'paused' }) as unknown as Employee);
  const selection = selectAudience(roster, audience);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    included: selection.included.length,
    excluded: selection.excluded.map((e) => ({ id: e.employeeId, name: names.get(e.employeeId) ?? e.employeeId, reason: e.reason })),
    optedOut: people.filter((p) => p.excluded === 'opted-out').length,
    paused: people.filter((p) => p.excluded === 'paused').length,
  };
}
