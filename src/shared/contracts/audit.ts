/**
 * Contract of the social audit answers, shared by the bot (audit card `Action.Execute` payload)
 * and the tab (audit form): one schema, so both doors accept exactly the same answers and the
 * onboarding service never sees a value the persona rules cannot handle.
 */
import { z } from 'zod';
import { LEARNING_STYLES, NETWORKS, type LearningStyle, type Network } from '../domain/types.js';

/** Personal goals offered by the audit (seed 000/001: skills, visibility, job opportunities, stand out). */
export const AUDIT_GOALS = ['build-skills', 'visibility', 'job-opportunities', 'stand-out'] as const;
export type AuditGoal = (typeof AUDIT_GOALS)[number];

/** Largest audience accepted per network: above any real account, low enough to catch typos like 1e12. */
export const MAX_AUDIENCE = 100_000_000;
/** Largest posts per month accepted (about 30 a day). */
export const MAX_POSTS_PER_MONTH = 1_000;

/**
 * Card inputs arrive as strings (`Input.Number` and `Input.ChoiceSet` values); accept numbers and
 * numeric strings, treat an empty field as "not answered".
 */
const fromField = (v: unknown): unknown => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v);
const count = (max: number) => z.preprocess(fromField, z.number().int().min(0).max(max));
const optionalCount = (max: number) => z.preprocess(fromField, z.number().int().min(0).max(max).optional());

/** `Input.ChoiceSet` with `isMultiSelect` sends `"a,b,c"`; arrays are accepted as they are. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v),
    z.array(item),
  );

/** `Input.Toggle` sends `"true"`/`"false"`. */
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** The answers of the social audit, validated. Unknown keys (card plumbing like `verb`) are dropped. */
export const AuditAnswersSchema = z.object({
  audience: z
    .object(Object.fromEntries(NETWORKS.map((n) => [n, optionalCount(MAX_AUDIENCE)])) as Record<Network, ReturnType<typeof optionalCount>>)
    .strict()
    .transform((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Partial<Record<Network, number>>),
  postsPerMonth: count(MAX_POSTS_PER_MONTH),
  goals: list(z.enum(AUDIT_GOALS)).transform((g) => [...new Set(g)]),
  learningStyle: z.enum(LEARNING_STYLES),
  topics: list(z.string().min(1).max(64)).transform((t) => [...new Set(t)]).pipe(z.array(z.string()).max(50)),
  wantsToGrow: flag,
  noPrompts: flag,
});

/** Audit answers after validation. */
export interface AuditAnswers {
  audience: Partial<Record<Network, number>>;
  postsPerMonth: number;
  goals: AuditGoal[];
  learningStyle: LearningStyle;
  topics: string[];
  wantsToGrow: boolean;
  /** "I don't want prompts": a real choice that pauses prompts. */
  noPrompts: boolean;
}

// Compile-time check that the schema's output is exactly `AuditAnswers`.
const _check: (v: z.output<typeof AuditAnswersSchema>) => AuditAnswers = (v) => v;
void _check;
