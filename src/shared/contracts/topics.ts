/**
 * Contracts of the Topics API (Lam's method, issue 13): topic hubs with their pyramid of roles,
 * self-proposals, and the external influencer map of each topic. Everyone enrolled reads hubs,
 * proposes themselves and keeps the map entries they own (`/api/topics...`); admins and
 * coordinators run the hubs (`/api/admin/topics...`). Shared by the routes (request validation)
 * and the tab (response parsing).
 */
import { z } from 'zod';
import { INFLUENCER_TIERS } from '../domain/topics.js';
import { isHttpsUrl, PROPOSAL_STATUSES } from '../domain/topics-membership.js';
import { SUPPORTED_LANGUAGES, TOPIC_ROLES } from '../domain/types.js';

const language = z.enum(SUPPORTED_LANGUAGES);
const role = z.enum(TOPIC_ROLES);
const tier = z.enum(INFLUENCER_TIERS);
const instant = z.string();
/** Ids in paths and bodies: the characters our keys and URLs take without escaping. */
export const TopicIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v);

/** A hub's name: English required (the fallback), other languages optional. */
export const HubNameSchema = z
  .object({
    en: z.string().trim().min(1).max(80),
    ja: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
    th: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
    ru: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
    it: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
    zh: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
  })
  .strict();

/** Body of `POST /api/admin/topics` and `PUT /api/admin/topics/:id`. */
export const HubInputSchema = z
  .object({
    name: HubNameSchema,
    description: z.string().trim().max(600).default(''),
    languages: z.array(language).min(1).max(SUPPORTED_LANGUAGES.length).refine((l) => new Set(l).size === l.length, { message: 'languages must not repeat' }),
  })
  .strict();
export type HubInput = z.infer<typeof HubInputSchema>;

/** Body of `PUT /api/admin/topics/:id/roles/:employeeId`. */
export const AssignRoleSchema = z.object({ role }).strict();

/** Body of `POST /api/topics/:id/proposals`. */
export const ProposeSchema = z.object({ role, note: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()) }).strict();
export type ProposeInput = z.infer<typeof ProposeSchema>;

/** Body of `POST /api/admin/topics/proposals/:id/decline`: the reason the person reads. */
export const DeclineProposalSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

/** Query of `GET /api/admin/topics/proposals`. */
export const ProposalQuerySchema = z.object({ status: z.enum(PROPOSAL_STATUSES).default('pending') }).strict();

/** Body of `POST /api/topics/:id/influencers` and `PUT /api/topics/:id/influencers/:entryId`. */
export const InfluencerInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    tier,
    handle: z.preprocess(blankToUndefined, z.string().trim().max(80).regex(/^\S+$/, { message: 'no spaces in a handle' }).optional()),
    url: z.preprocess(blankToUndefined, z.string().trim().max(500).refine(isHttpsUrl, { message: 'must be an https URL' }).optional()),
    why: z.string().trim().min(1).max(600),
  })
  .strict();
export type InfluencerInput = z.infer<typeof InfluencerInputSchema>;

/** Body of `PUT /api/admin/topics/:id/influencers/:entryId/owners`: never empty (an employee owns each entry). */
export const InfluencerOwnersSchema = z
  .object({ ownerIds: z.array(TopicIdSchema).min(1).max(10).refine((ids) => new Set(ids).size === ids.length, { message: 'owners must not repeat' }) })
  .strict();

/** A person as the hub pages show them. */
export const HubPersonSchema = z.object({ id: z.string(), name: z.string(), team: z.string().optional() });
export type HubPerson = z.infer<typeof HubPersonSchema>;

/** One hub in the list: names, the pyramid's counts and gaps, the caller's place. */
export const HubSummarySchema = z.object({
  id: z.string(),
  name: z.record(z.string()).and(z.object({ en: z.string() })),
  description: z.string().optional(),
  languages: z.array(language),
  counts: z.record(role, z.number().int()),
  unfilledRoles: z.array(role),
  memberCount: z.number().int(),
  influencerCount: z.number().int(),
  myRole: role.optional(),
  myPendingRole: role.optional(),
});
export type HubSummary = z.infer<typeof HubSummarySchema>;

export const HubListSchema = z.object({ hubs: z.array(HubSummarySchema), canManage: z.boolean() });
export type HubList = z.infer<typeof HubListSchema>;

/** A self-proposal as its author and the hub staff see it. */
export const ProposalViewSchema = z.object({
  id: z.string(),
  topicId: z.string(),
  topicName: z.record(z.string()).and(z.object({ en: z.string() })),
  employee: HubPersonSchema,
  role,
  note: z.string().optional(),
  status: z.enum(PROPOSAL_STATUSES),
  proposedAt: instant,
  decidedAt: instant.optional(),
  reason: z.string().optional(),
});
export type ProposalView = z.infer<typeof ProposalViewSchema>;

export const ProposalListSchema = z.object({ proposals: z.array(ProposalViewSchema) });

/** One entry of a topic's external influencer map. */
export const InfluencerViewSchema = z.object({
  id: z.string(),
  topicId: z.string(),
  name: z.string(),
  tier,
  handle: z.string().optional(),
  url: z.string().optional(),
  why: z.string(),
  owners: z.array(HubPersonSchema),
  permissions: z.object({ edit: z.boolean(), remove: z.boolean(), reassign: z.boolean() }),
  /** Owner problems for hub staff to fix, e.g. `owner-not-on-topic` after someone left the hub. */
  issues: z.array(z.string()),
  updatedAt: instant,
});
export type InfluencerView = z.infer<typeof InfluencerViewSchema>;

/** `GET /api/topics/:id`: the hub, its pyramid, its map, the caller's proposals (and the pending ones for staff). */
export const HubDetailSchema = z.object({
  hub: HubSummarySchema,
  /** Lowest role first; `holders` are people whose exact (highest) role on the topic it is. */
  pyramid: z.array(z.object({ role, holders: z.array(HubPersonSchema), unfilled: z.boolean() })),
  influencers: z.array(InfluencerViewSchema),
  myProposals: z.array(ProposalViewSchema),
  /** Pending proposals of this hub; empty for people who do not run hubs. */
  pending: z.array(ProposalViewSchema),
  canManage: z.boolean(),
  /** True when the caller holds a role on the topic (owners of map entries must). */
  canOwnEntries: z.boolean(),
});
export type HubDetail = z.infer<typeof HubDetailSchema>;

/** `GET /api/admin/topics/people`: who can be put in a role. */
export const HubPeopleSchema = z.object({ people: z.array(HubPersonSchema) });

/** Answer of a role change: the person's role on the topic afterwards (none when removed). */
export const RoleChangeSchema = z.object({ employeeId: z.string(), topicId: z.string(), role: role.optional() });
