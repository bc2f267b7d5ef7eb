/**
 * "My impact" API (`GET /api/me/impact`, `GET`/`PUT /api/me/goals`): the caller's own figures
 * only; no route takes an employee id. Shared by the server route and the tab.
 */
import { z } from 'zod';
import { GOAL_KINDS, GOAL_MAX_TARGET } from '../domain/goals.js';
import { PERSONA_ADVICE_KEYS } from '../domain/personas.js';
import { PERSONAS } from '../domain/types.js';
import { WIN_KINDS } from '../domain/wins.js';

export const GoalKindSchema = z.enum(GOAL_KINDS);

/** One goal with its progress (computed from stored events). */
export const GoalProgressSchema = z.object({
  kind: GoalKindSchema,
  target: z.number().int().positive(),
  setAt: z.string(),
  current: z.number().int().nonnegative(),
  ratio: z.number().min(0).max(1),
  reached: z.boolean(),
});
export type GoalProgressDto = z.infer<typeof GoalProgressSchema>;

export const GoalsResponseSchema = z.object({ goals: z.array(GoalProgressSchema) });
export type GoalsResponse = z.infer<typeof GoalsResponseSchema>;

/** `PUT /api/me/goals`: the whole set (at most one goal per kind); an empty list clears them. */
export const PutGoalsBodySchema = z
  .object({
    goals: z
      .array(z.object({ kind: GoalKindSchema, target: z.number().int().min(1) }).strict())
      .max(GOAL_KINDS.length),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.goals.forEach((goal, i) => {
      if (seen.has(goal.kind)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['goals', i, 'kind'], message: `duplicate goal ${goal.kind}` });
      seen.add(goal.kind);
      if (goal.target > GOAL_MAX_TARGET[goal.kind]) {
        ctx.addIssue({ code: z.ZodIssueCode.too_big, path: ['goals', i, 'target'], maximum: GOAL_MAX_TARGET[goal.kind], inclusive: true, type: 'number', message: `at most ${GOAL_MAX_TARGET[goal.kind]}` });
      }
    });
  });
export type PutGoalsBody = z.infer<typeof PutGoalsBodySchema>;

const SeriesPointSchema = z.object({ start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), count: z.number().int().nonnegative() });

const PrizeSchema = z.object({ rank: z.number().int(), label: z.string(), amountMinor: z.number().optional(), currency: z.string().optional() });

export const ImpactResponseSchema = z.object({
  employeeId: z.string(),
  displayName: z.string(),
  /** The person's IANA time zone: days in the series are local days there. */
  timeZone: z.string(),
  totals: z.object({
    clicks: z.number().int().nonnegative(),
    clicksThisWeek: z.number().int().nonnegative(),
    shares: z.number().int().nonnegative(),
    conversions: z.number().int().nonnegative(),
  }),
  /** The running contest (or the last one that ended), when the tenant has one. */
  contest: z
    .object({
      id: z.string(),
      name: z.string(),
      endsAt: z.string(),
      daysLeft: z.number().int().nonnegative(),
      score: z.number().nonnegative(),
      status: z.enum(['ranked', 'unranked', 'excluded']),
      excludedReason: z.enum(['excluded-role', 'excluded-person', 'not-participant']).optional(),
      rank: z.number().int().positive().nullable(),
      rankedCount: z.number().int().nonnegative(),
      gapToNext: z.number().nullable(),
      prize: PrizeSchema.nullable(),
    })
    .optional(),
  clicksByDay: z.array(SeriesPointSchema),
  clicksByWeek: z.array(SeriesPointSchema),
  wins: z.array(z.object({ id: z.string(), kind: z.enum(WIN_KINDS), detail: z.string().optional(), at: z.string() })),
  persona: z.object({
    current: z.enum(PERSONAS),
    leader: z.boolean(),
    since: z.string().optional(),
    /** `common:<key>` with `params`. */
    next: z.object({ key: z.enum(PERSONA_ADVICE_KEYS), params: z.record(z.union([z.string(), z.number()])) }),
  }),
  goals: z.array(GoalProgressSchema),
});
export type ImpactResponse = z.infer<typeof ImpactResponseSchema>;
