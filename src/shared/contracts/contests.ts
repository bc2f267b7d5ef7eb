/**
 * Contracts of the Admin > Contests API (`GET/POST /api/admin/contests`, `PUT/DELETE
 * /api/admin/contests/:id`, `POST /api/admin/contests/:id/end`):
 * a contest's window, weights, prizes, exclusions and weekly update channel, and the team channels
 * the bot is installed in. Shared by the route (request validation) and the tab (answer parsing);
 * the domain rules (`validateContest`) run in the service.
 */
import { z } from 'zod';
import { CONTEST_LIMITS } from '../domain/contests.js';
import { ROLES } from '../domain/types.js';

const instant = z.string().datetime({ offset: true }).transform((v) => new Date(v).toISOString());
const weight = z.number().int().min(0).max(CONTEST_LIMITS.maxWeight);
/** Employee ids as the admin people list gives them. */
export const CONTEST_PERSON_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

/** A prize: its rank and label; money prizes keep their amount (minor units) and currency. */
export const ContestPrizeSchema = z
  .object({
    rank: z.number().int().min(1).max(CONTEST_LIMITS.maxPrizeRank),
    label: z.string().trim().min(1).max(120),
    amountMinor: z.number().int().min(0).max(100_000_000).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  })
  .strict();

/** Body of `POST /api/admin/contests` and `PUT /api/admin/contests/:id`. */
export const ContestInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    startsAt: instant,
    endsAt: instant,
    weights: z.object({ uniqueClick: weight, share: weight, conversion: weight }).strict(),
    prizes: z.array(ContestPrizeSchema).max(CONTEST_LIMITS.maxPrizes),
    excludedRoles: z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, { message: 'roles must not repeat' }),
    excludedEmployeeIds: z.array(z.string().regex(CONTEST_PERSON_ID)).max(CONTEST_LIMITS.maxExcludedPeople),
    /** A team channel recipient id (`channel:<team id>`) from the list, or null for none. */
    updateChannelId: z.string().min(1).max(300).nullable(),
  })
  .strict();
export type ContestInput = z.infer<typeof ContestInputSchema>;

/** The stored version of a contest (opaque, from the list): a write at an older one is refused with 409 `conflict`. */
const version = z.string().min(1).max(200);

/** Body of `PUT /api/admin/contests/:id`: the contest, and optionally the version it was edited from. */
export const ContestUpdateSchema = ContestInputSchema.extend({ version: version.optional() }).strict();

/** Body of `DELETE /api/admin/contests/:id` (not started) and `POST /api/admin/contests/:id/end` (running): the version the admin saw. */
export const ContestVersionSchema = z.object({ version }).strict();

/** Answer of `DELETE /api/admin/contests/:id`. */
export const ContestDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

/** A contest as the API answers it. */
export const AdminContestSchema = z.object({
  id: z.string(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  weights: z.object({ uniqueClick: z.number(), share: z.number(), conversion: z.number() }),
  prizes: z.array(z.object({ rank: z.number(), label: z.string(), amountMinor: z.number().optional(), currency: z.string().optional() })),
  excludedRoles: z.array(z.enum(ROLES)),
  excludedEmployeeIds: z.array(z.string()),
  updateChannelId: z.string().optional(),
  /** The stored version, for an edit, a delete or an early end (absent in old answers). */
  version: z.string().optional(),
});
export type AdminContest = z.infer<typeof AdminContestSchema>;

/** A team channel the bot is installed in (from its stored conversation reference). */
export const TeamChannelSchema = z.object({ id: z.string(), name: z.string(), updatedAt: z.string() });
export type TeamChannel = z.infer<typeof TeamChannelSchema>;

/** Answer of `GET /api/admin/contests`: the contests (latest start first) and the channels to pick from. */
export const AdminContestListSchema = z.object({ contests: z.array(AdminContestSchema), channels: z.array(TeamChannelSchema) });
