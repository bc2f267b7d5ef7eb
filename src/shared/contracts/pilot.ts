/**
 * Contract of the leadership pilot API (`/api/pilot`), shared by the server route and the Pilot
 * page: the cohort and its phase, the persona chart, each leader's figures, the rollout checklist
 * and the go/no-go decisions.
 */
import { z } from 'zod';
import { MANUAL_READINESS_ITEMS } from '../domain/analytics-pilot.js';
import { PERSONAS, PILOT_PHASES, TOPIC_ROLES } from '../domain/types.js';

const JourneySchema = z.array(z.object({ persona: z.enum(PERSONAS), since: z.string() }));

export const PersonaPointSchema = z.object({
  employeeId: z.string(),
  /** Names only for the cohort (the chart shows everyone else anonymously). */
  displayName: z.string().optional(),
  audience: z.number(),
  postsPerMonth: z.number(),
  persona: z.enum(PERSONAS),
  leader: z.boolean(),
  inCohort: z.boolean(),
  journey: JourneySchema,
});
export type PersonaPoint = z.infer<typeof PersonaPointSchema>;

export const LeaderRowSchema = z.object({
  employeeId: z.string(),
  displayName: z.string(),
  persona: z.enum(PERSONAS),
  journey: JourneySchema,
  shares: z.number(),
  clicks: z.number(),
  reach: z.number(),
  /** Completed training modules; null when training is not tracked yet. */
  trainingDone: z.number().nullable(),
  wins: z.number(),
  topicRoles: z.array(z.object({ topicId: z.string(), topicName: z.string(), role: z.enum(TOPIC_ROLES) })),
});
export type LeaderRow = z.infer<typeof LeaderRowSchema>;

export const ChecklistItemSchema = z.object({
  id: z.string(),
  source: z.enum(['computed', 'manual']),
  met: z.boolean(),
  actual: z.number().optional(),
  target: z.number().optional(),
  tick: z.object({ checked: z.boolean(), by: z.string(), byName: z.string(), at: z.string() }).optional(),
});

export const PilotDecisionSchema = z.object({
  id: z.string(),
  decision: z.enum(['go', 'no-go']),
  reason: z.string(),
  decidedBy: z.string(),
  decidedByName: z.string(),
  at: z.string(),
  /** What the checklist recommended when the decision was taken. */
  recommended: z.enum(['go', 'no-go']),
  readinessPercent: z.number(),
});
export type PilotDecision = z.infer<typeof PilotDecisionSchema>;

export const PilotResponseSchema = z.object({
  pilot: z.object({
    id: z.string(),
    name: z.string(),
    phase: z.enum(PILOT_PHASES),
    startedAt: z.string(),
    cohortSize: z.number(),
    goals: z.array(z.string()),
  }),
  quadrants: z.object({ audience: z.number(), postsPerMonth: z.number() }),
  points: z.array(PersonaPointSchema),
  leaders: z.array(LeaderRowSchema),
  checklist: z.object({ items: z.array(ChecklistItemSchema), percent: z.number(), allMet: z.boolean() }),
  recommendation: z.object({ decision: z.enum(['go', 'no-go']), readinessPercent: z.number(), blockingReasons: z.array(z.string()) }),
  nextPhase: z.object({ phase: z.enum(PILOT_PHASES), ready: z.boolean(), unmet: z.array(z.string()) }).nullable(),
  decisions: z.array(PilotDecisionSchema),
});
export type PilotResponse = z.infer<typeof PilotResponseSchema>;

/** `PUT /api/pilot/checklist/:item` */
export const ChecklistParamsSchema = z.object({ item: z.enum(MANUAL_READINESS_ITEMS) }).strict();
export const ChecklistBodySchema = z.object({ checked: z.boolean() }).strict();

/** `PUT /api/pilot/goals` */
export const GoalsBodySchema = z.object({ goals: z.array(z.string().trim().min(1).max(200)).max(10) }).strict();

/** `POST /api/pilot/phase` */
export const PhaseBodySchema = z.object({ to: z.enum(PILOT_PHASES) }).strict();

/** `POST /api/pilot/decision` */
export const DecisionBodySchema = z.object({ decision: z.enum(['go', 'no-go']), reason: z.string().trim().min(3).max(1000) }).strict();

/** Answer of the write routes: the whole page again. */
export const PilotWriteResponseSchema = PilotResponseSchema;
