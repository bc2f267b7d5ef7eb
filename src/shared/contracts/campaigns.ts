/**
 * Contracts of the campaign API (`/api/campaigns...`, admins and coordinators), shared by the
 * server routes (`src/bot/http/campaigns.routes.ts`) and the Admin > Campaigns section of the tab:
 * the create body, the list, the audience options, the stagger preview, live status and actions.
 */
import { z } from 'zod';
import { CAMPAIGN_STATES, DELIVERY_STATUSES, DISPATCH_KINDS } from '../domain/campaigns.js';
import { UNPLACED_REASONS } from '../domain/stagger-types.js';
import { PERSONAS, SUPPORTED_LANGUAGES } from '../domain/types.js';

const idList = z.array(z.string().min(1).max(128)).max(10_000).default([]);
const subject = z.string().min(1).max(128);

/** Who a campaign is for; empty lists do not narrow, `employeeIds` adds people whatever the filters. */
export const CampaignAudienceSchema = z.object({
  personas: z.array(z.enum(PERSONAS)).default([]),
  teams: z.array(z.string().min(1).max(128)).max(500).default([]),
  topicIds: idList,
  languages: z.array(z.enum(SUPPORTED_LANGUAGES)).default([]),
  employeeIds: idList,
});

/** Body of `POST /api/campaigns`: a content item (or a subject of another kind), audience, window. */
export const CreateCampaignSchema = z.object({
  /** A share campaign of this content item (the default kind)... */
  contentId: subject.optional(),
  /** ...or a subject of another kind an admin may send to an audience (`training`: module id). */
  kind: z.enum(['share', 'training']).optional(),
  subjectId: subject.optional(),
  audience: CampaignAudienceSchema.default({}),
  window: z.object({ start: z.string().datetime(), end: z.string().datetime() }),
  slotMinutes: z.number().int().min(5).max(1_440).default(30),
}).superRefine((body, ctx) => {
  const kind = body.kind ?? 'share';
  if (body.contentId !== undefined && body.subjectId !== undefined) ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'give contentId or subjectId, not both' });
  else if (body.contentId === undefined && body.subjectId === undefined) ctx.addIssue({ code: 'custom', path: ['contentId'], message: 'required (or kind + subjectId)' });
  else if (body.contentId !== undefined && kind !== 'share') ctx.addIssue({ code: 'custom', path: ['contentId'], message: `contentId is for share campaigns; use subjectId for ${kind}` });
  if (Date.parse(body.window.end) <= Date.parse(body.window.start)) ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: 'must be after start' });
});
export type CreateCampaignInput = z.input<typeof CreateCampaignSchema>;

/**
 * The stored version of a campaign an edit was made on (opaque; from `GET /api/campaigns/:id`):
 * a write at an older version is refused with 409 `conflict`, so two admins never overwrite each other.
 */
const version = z.string().min(1).max(200);

/** Body of `PUT /api/campaigns/:id`: a draft's new subject, audience, window and slot length (its kind stays). */
export const UpdateCampaignSchema = z.object({
  version,
  subjectId: subject,
  audience: CampaignAudienceSchema.strict(),
  window: z.object({ start: z.string().datetime(), end: z.string().datetime() }).strict(),
  slotMinutes: z.number().int().min(5).max(1_440),
}).strict().superRefine((body, ctx) => {
  if (Date.parse(body.window.end) <= Date.parse(body.window.start)) ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: 'must be after start' });
});
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignSchema>;

/** Body of `DELETE /api/campaigns/:id` (a draft only): the version the admin saw. */
export const DeleteCampaignSchema = z.object({ version }).strict();

/** Optional body of `POST /api/campaigns/:id/:action`: with `version`, the action is refused (409) when the campaign changed since. */
export const CampaignActionSchema = z.object({ version: version.optional() }).strict();

/** Answer of `DELETE /api/campaigns/:id`. */
export const CampaignDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

/** A campaign as stored (state, audience, window). */
export const CampaignSchema = z.object({
  id: z.string(),
  kind: z.enum(DISPATCH_KINDS),
  subjectId: z.string(),
  audience: z.object({ personas: z.array(z.enum(PERSONAS)), teams: z.array(z.string()), topicIds: z.array(z.string()), languages: z.array(z.enum(SUPPORTED_LANGUAGES)), employeeIds: z.array(z.string()) }),
  window: z.object({ start: z.string(), end: z.string() }),
  slotMinutes: z.number(),
  state: z.enum(CAMPAIGN_STATES),
  createdBy: z.string(),
  createdAt: z.string(),
  launchedAt: z.string().optional(),
  launchingAt: z.string().optional(),
}).passthrough();
export type CampaignView = z.infer<typeof CampaignSchema>;

/** Recipients per delivery status. */
export const DeliveryCountsSchema = z.object(Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<(typeof DELIVERY_STATUSES)[number], z.ZodNumber>);
export type DeliveryCountsView = z.infer<typeof DeliveryCountsSchema>;

/** Live counts of `GET /api/campaigns/:id`: per delivery status, plus what recipients did. */
export const CampaignCountsSchema = DeliveryCountsSchema.extend({
  shared: z.number().int().nonnegative(),
  clicked: z.number().int().nonnegative(),
  notForMe: z.number().int().nonnegative(),
  clicks: z.number().int().nonnegative(),
});
export type CampaignCountsView = z.infer<typeof CampaignCountsSchema>;

/** Answer of `PUT /api/campaigns/:id`: the edited draft and its new version. */
export const CampaignVersionedSchema = z.object({ campaign: CampaignSchema, version: z.string() });
export type CampaignVersionedView = z.infer<typeof CampaignVersionedSchema>;

/** Answer of `GET /api/campaigns/:id`: the campaign, its version (for an edit or delete) and live counts. */
export const CampaignStatusSchema = z.object({ campaign: CampaignSchema, version: z.string(), counts: CampaignCountsSchema });
export type CampaignStatusView = z.infer<typeof CampaignStatusSchema>;

/** Query of `GET /api/campaigns`: one kind (share campaigns by default), newest first. */
export const CampaignListQuerySchema = z.object({
  kind: z.enum(DISPATCH_KINDS).default('share'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

/** Answer of `GET /api/campaigns`: newest first, delivery counts of launched ones (drafts: all 0). */
export const CampaignListSchema = z.object({
  items: z.array(z.object({ campaign: CampaignSchema, counts: DeliveryCountsSchema })),
  /** Campaigns of the kind beyond `limit` (older ones). */
  more: z.number().int().nonnegative(),
});
export type CampaignListView = z.infer<typeof CampaignListSchema>;

/** Why someone in the audience gets no prompt: left out by the audience rules, or by the planner. */
export const NOT_PLACED_REASONS = ['opted-out', 'unknown-person', ...UNPLACED_REASONS] as const;
export type NotPlacedReason = (typeof NOT_PLACED_REASONS)[number];

/** Answer of `GET /api/campaigns/:id/preview`: what launching would plan now. */
export const CampaignPreviewSchema = z.object({
  recipients: z.number().int().nonnegative(),
  /** Deliveries per UTC day (`YYYY-MM-DD`). */
  perDay: z.record(z.number()),
  /** Deliveries per UTC hour (`YYYY-MM-DDTHH:00Z`). */
  perHour: z.record(z.number()),
  /** Deliveries per recipient time zone (IANA). */
  perTimeZone: z.record(z.number()),
  notPlaced: z.array(z.object({ employeeId: z.string(), reason: z.string() })),
  maxPerSlot: z.number().int().nonnegative(),
  bottleneck: z.object({ slots: z.array(z.number()), people: z.number() }),
});
export type CampaignPreviewView = z.infer<typeof CampaignPreviewSchema>;

/** Answer of `POST /api/campaigns/:id/launch`. */
export const LaunchResultSchema = z.object({ planned: z.number().int().nonnegative() });

/** Answer of `GET /api/campaigns/audience`: what an audience can be built from. */
export const AudienceOptionsSchema = z.object({
  teams: z.array(z.string()),
  topics: z.array(z.object({ id: z.string(), name: z.record(z.string()) })),
  people: z.array(z.object({
    id: z.string(),
    name: z.string(),
    team: z.string(),
    language: z.enum(SUPPORTED_LANGUAGES),
    persona: z.enum(PERSONAS),
    topicIds: z.array(z.string()),
    /** Left out of every campaign: weekly cap 0 (opted out) or prompts paused (`stop`). */
    excluded: z.enum(['opted-out', 'paused']).optional(),
  })),
});
export type AudienceOptions = z.infer<typeof AudienceOptionsSchema>;
