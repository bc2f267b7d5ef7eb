/**
 * Contract of the training API (issue 11), shared by the server routes (`src/bot/http/
 * training.routes.ts`, which validate requests with these schemas) and the tab (which parses the
 * answers with the same schemas).
 *
 * - Trainers and admins: `/api/training/modules` (list, create, edit, publish, retire, push),
 *   `/api/training/pushes` (list, stop), `/api/training/progress` (completion, stuck list).
 * - Everyone enrolled: `/api/training/me` (own progress, recommended modules) and
 *   `/api/training/me/modules/:id[/start|done|not-now]`.
 */
import { z } from 'zod';
import { TRAINING_FORMATS, TRAINING_MODULE_STATES } from '../domain/training.js';
import { NUDGE_EXCLUSIONS, TRAINING_PROGRESS_STATUSES } from '../domain/training-nudges.js';
import { LEARNING_STYLES, PERSONAS, SUPPORTED_LANGUAGES, TOPIC_ROLES } from '../domain/types.js';
import { isSafeUrl } from './board.js';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'letters, digits, - and _ (1-80)');
const iso = z.string().datetime();
const optionalFilter = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Module ids in paths. */
export const TrainingIdSchema = id;

/** The editable fields of a module (create and edit). A module with no target is refused. */
export const TrainingModuleInputSchema = z
  .object({
    title: z.string().trim().min(1, 'a title is required').max(200),
    summary: z.string().trim().max(500).optional(),
    format: z.enum(TRAINING_FORMATS),
    learningStyle: z.enum(LEARNING_STYLES),
    durationMinutes: z.number().int().min(1).max(600),
    languages: z.array(z.enum(SUPPORTED_LANGUAGES)).min(1, 'at least one language is required').max(SUPPORTED_LANGUAGES.length),
    body: z.string().max(20_000).optional(),
    link: z
      .string()
      .trim()
      .max(2_000)
      .refine((v) => v === '' || (/^https:\/\//i.test(v) && isSafeUrl(v)), 'must be an https URL')
      .optional(),
    targetPersonas: z.array(z.enum(PERSONAS)).max(PERSONAS.length).default([]),
    targetTopicRoles: z.array(z.enum(TOPIC_ROLES)).max(TOPIC_ROLES.length).default([]),
    prerequisiteId: z.preprocess((v) => (v === '' || v === null ? undefined : v), id.optional()),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.targetPersonas.length === 0 && m.targetTopicRoles.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['targetPersonas'], message: 'a module needs at least one target persona or topic role (never one course for everyone)' });
    }
    if ((m.body ?? '').trim() === '' && (m.link ?? '') === '') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'a module needs a markdown body or a link' });
    }
  });
export type TrainingModuleInput = z.infer<typeof TrainingModuleInputSchema>;

/** A module as the API returns it. */
export const TrainingModuleSchema = z.object({
  id,
  title: z.string(),
  summary: z.string().optional(),
  format: z.enum(TRAINING_FORMATS),
  learningStyle: z.enum(LEARNING_STYLES),
  durationMinutes: z.number(),
  languages: z.array(z.enum(SUPPORTED_LANGUAGES)),
  body: z.string().optional(),
  link: z.string().optional(),
  targetPersonas: z.array(z.enum(PERSONAS)),
  targetTopicRoles: z.array(z.enum(TOPIC_ROLES)),
  prerequisiteId: z.string().optional(),
  state: z.enum(TRAINING_MODULE_STATES),
  starterTheme: z.string().optional(),
  createdBy: z.string(),
  createdAt: iso,
  updatedAt: iso,
  publishedAt: iso.optional(),
  retiredAt: iso.optional(),
});
export type TrainingModuleDto = z.infer<typeof TrainingModuleSchema>;

/** `GET /api/training/modules` filters; empty values mean "any". */
export const TrainingModuleQuerySchema = z
  .object({
    state: optionalFilter(z.enum(TRAINING_MODULE_STATES)),
    persona: optionalFilter(z.enum(PERSONAS)),
    topicRole: optionalFilter(z.enum(TOPIC_ROLES)),
    language: optionalFilter(z.enum(SUPPORTED_LANGUAGES)),
    format: optionalFilter(z.enum(TRAINING_FORMATS)),
    lang: z.string().max(35).optional(),
  })
  .strict();
export type TrainingModuleQuery = z.infer<typeof TrainingModuleQuerySchema>;

export const TrainingModuleListSchema = z.object({ modules: z.array(TrainingModuleSchema) });

/** Who a push reaches; empty lists do not restrict (all empty = everyone the module targets). */
export const TrainingAudienceSchema = z
  .object({
    personas: z.array(z.enum(PERSONAS)).max(PERSONAS.length).default([]),
    topicRoles: z.array(z.enum(TOPIC_ROLES)).max(TOPIC_ROLES.length).default([]),
    teams: z.array(z.string().trim().min(1).max(128)).max(200).default([]),
    learningStyles: z.array(z.enum(LEARNING_STYLES)).max(LEARNING_STYLES.length).default([]),
  })
  .strict();

/** `POST /api/training/modules/:id/push`: now, or on a cadence (the first run is now). */
export const TrainingPushInputSchema = z
  .object({
    audience: TrainingAudienceSchema.default({}),
    cadence: z.object({ everyDays: z.number().int().min(1).max(90), until: iso.optional() }).strict().optional(),
    /** Minimum days between two training nudges to one person; default 7, 0 turns the cap off. */
    gapDays: z.number().int().min(0).max(60).optional(),
    /** Hours each run's nudges are spread over, in each person's working hours; default 72, 0.5 = as soon as allowed. */
    spreadHours: z.number().min(0.5).max(168).optional(),
  })
  .strict();
export type TrainingPushInput = z.infer<typeof TrainingPushInputSchema>;

export const TRAINING_PUSH_STATES = ['active', 'stopped', 'done'] as const;

/** A push as stored: one run now, and again every `cadence.everyDays` while active. */
export const TrainingPushSchema = z.object({
  id,
  moduleId: id,
  audience: z.object({
    personas: z.array(z.enum(PERSONAS)),
    topicRoles: z.array(z.enum(TOPIC_ROLES)),
    teams: z.array(z.string()),
    learningStyles: z.array(z.enum(LEARNING_STYLES)),
  }),
  cadence: z.object({ everyDays: z.number().int().positive(), until: iso.optional() }).optional(),
  gapDays: z.number().int().min(0).optional(),
  spreadHours: z.number().optional(),
  state: z.enum(TRAINING_PUSH_STATES),
  runs: z.number().int().nonnegative(),
  lastRunAt: iso.optional(),
  nextRunAt: iso.optional(),
  lastRecipients: z.number().int().nonnegative(),
  /** Dispatch (campaign) ids of the delivery pipeline, newest last. */
  dispatchIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: iso,
});
export type TrainingPushDto = z.infer<typeof TrainingPushSchema>;

/** What a push run did. */
export const TrainingPushResultSchema = z.object({
  push: TrainingPushSchema,
  recipients: z.number().int().nonnegative(),
  excluded: z.record(z.enum(NUDGE_EXCLUSIONS), z.number().int().nonnegative()),
});
export type TrainingPushResult = z.infer<typeof TrainingPushResultSchema>;

export const TrainingPushListSchema = z.object({ pushes: z.array(TrainingPushSchema) });

/** `GET /api/training/progress?stuckAfterDays=` */
export const TrainingProgressQuerySchema = z
  .object({
    stuckAfterDays: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(365).optional()),
    lang: z.string().max(35).optional(),
  })
  .strict();

const personaRow = z.object({
  moduleId: z.string(),
  persona: z.enum(PERSONAS),
  targeted: z.boolean(),
  people: z.number(),
  started: z.number(),
  completed: z.number(),
  completionPercent: z.number().nullable(),
});
const moduleRow = z.object({
  moduleId: z.string(),
  reached: z.number(),
  started: z.number(),
  completed: z.number(),
  declined: z.number(),
  completionPercent: z.number().nullable(),
});

/** The trainer's dashboard. */
export const TrainingProgressResponseSchema = z.object({
  stuckAfterDays: z.number(),
  totals: z.object({ people: z.number(), started: z.number(), completed: z.number() }),
  /** Completion per persona over the people of that persona, one row per (module, persona). */
  byPersona: z.array(personaRow),
  /** Per persona over all modules: people of the persona who completed at least one module (started: at least one, none done). */
  overall: z.array(z.object({ persona: z.enum(PERSONAS), people: z.number(), started: z.number(), completed: z.number(), completionPercent: z.number().nullable() })),
  /** Completion per module over the people it reached. */
  byModule: z.array(moduleRow),
  stuck: z.array(
    z.object({ employeeId: z.string(), displayName: z.string(), moduleId: z.string(), startedAt: iso, days: z.number() }),
  ),
});
export type TrainingProgressResponse = z.infer<typeof TrainingProgressResponseSchema>;

/** One module in a person's own list. */
export const MyTrainingItemSchema = z.object({
  moduleId: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  format: z.enum(TRAINING_FORMATS),
  durationMinutes: z.number(),
  status: z.enum(TRAINING_PROGRESS_STATUSES).or(z.literal('new')),
  notNows: z.number(),
  startedAt: iso.optional(),
  completedAt: iso.optional(),
  link: z.string().optional(),
  body: z.string().optional(),
});
export type MyTrainingItem = z.infer<typeof MyTrainingItemSchema>;

/** `GET /api/training/me`: the caller's own progress and what to take next. */
export const MyTrainingResponseSchema = z.object({
  completed: z.number(),
  started: z.number(),
  items: z.array(MyTrainingItemSchema),
  recommended: z.array(MyTrainingItemSchema),
});
export type MyTrainingResponse = z.infer<typeof MyTrainingResponseSchema>;

/** Actions a person takes on their own module (same as the nudge card's buttons). */
export const MY_TRAINING_ACTIONS = ['start', 'done', 'not-now'] as const;
export type MyTrainingAction = (typeof MY_TRAINING_ACTIONS)[number];

/** Data of the training nudge card's `Action.Execute` buttons (Start, Done, Not now). */
export const TrainingCardActionSchema = z.object({ moduleId: id }).passthrough();
