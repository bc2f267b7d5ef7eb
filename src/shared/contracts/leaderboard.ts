/**
 * Leaderboard API (`GET /api/leaderboard?top=&view=`): the running contest with its rules,
 * prizes, days left, the top N and, unless `view=channel`, the caller's own rank. Exclusions are
 * sent as rules (roles, and how many people are excluded by name), never as a list of names.
 */
import { z } from 'zod';
import { ROLES } from '../domain/types.js';

export const LeaderboardQuerySchema = z
  .object({
    top: z.coerce.number().int().min(1).max(100).default(10),
    /** `channel`: the compact channel-tab view; no personal rank is computed or sent. */
    view: z.enum(['personal', 'channel']).default('personal'),
  })
  .strict();
export type LeaderboardQuery = z.input<typeof LeaderboardQuerySchema>;

const PrizeSchema = z.object({ rank: z.number().int(), label: z.string(), amountMinor: z.number().optional(), currency: z.string().optional() });

export const LeaderboardResponseSchema = z.object({
  contest: z
    .object({
      id: z.string(),
      name: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      daysLeft: z.number().int().nonnegative(),
      open: z.boolean(),
      weights: z.object({ uniqueClick: z.number(), share: z.number(), conversion: z.number() }),
      prizes: z.array(PrizeSchema),
      excludedRoles: z.array(z.enum(ROLES)),
      /** How many people the contest excludes by name (names are never sent). */
      excludedPeopleCount: z.number().int().nonnegative(),
    })
    .nullable(),
  entries: z.array(
    z.object({
      rank: z.number().int().positive(),
      displayName: z.string(),
      points: z.number().nonnegative(),
      prize: PrizeSchema.optional(),
      /** True on the caller's own row (never set in the channel view). */
      isMe: z.boolean(),
    }),
  ),
  rankedCount: z.number().int().nonnegative(),
  asOf: z.string().optional(),
  me: z
    .object({
      status: z.enum(['ranked', 'unranked', 'excluded']),
      excludedReason: z.enum(['excluded-role', 'excluded-person', 'not-participant']).optional(),
      rank: z.number().int().positive().nullable(),
      points: z.number().nonnegative(),
      gapToNext: z.number().nullable(),
    })
    .optional(),
});
export type LeaderboardResponse = z.infer<typeof LeaderboardResponseSchema>;
