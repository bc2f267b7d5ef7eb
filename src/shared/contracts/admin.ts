/**
 * Contracts of the Admin tab API (`/api/admin/...`): content items and their lifecycle, the
 * suggestions queue, programme settings (admin) and people roles. Shared by the routes (request
 * validation) and the tab (response parsing).
 */
import { z } from 'zod';
import { CONTENT_ACTIONS } from '../domain/content-lifecycle.js';
import { BLOCKED_PHRASE_LIMITS } from '../domain/blocked-phrases.js';
import { CONTENT_CATEGORIES, CONTENT_STATUSES, NETWORKS, PERSONAS, ROLES, SUPPORTED_LANGUAGES } from '../domain/types.js';
import { isSuggestableUrl, SuggestionSchema } from './suggestions.js';

const instant = z.string().datetime({ offset: true }).transform((v) => new Date(v).toISOString());
const optionalInstant = z.preprocess((v) => (v === '' || v === null ? undefined : v), instant.optional());
const language = z.enum(SUPPORTED_LANGUAGES);
const shortList = (max: number) => z.array(z.string().trim().min(1).max(max)).max(50);

/** Body of `POST /api/admin/content` and `PUT /api/admin/content/:id`. */
export const AdminContentInputSchema = z
  .object({
    url: z.string().trim().refine(isSuggestableUrl, { message: 'must be an http(s) URL' }),
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(2000).default(''),
    imageUrl: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().refine(isSuggestableUrl, { message: 'must be an http(s) URL' }).optional()),
    language,
    category: z.enum(CONTENT_CATEGORIES),
    topics: shortList(128).default([]),
    targetTeams: shortList(128).default([]),
    targetPersonas: z.array(z.enum(PERSONAS)).default([]),
    targetLanguages: z.array(language).default([]),
    suggestedTexts: z
      .array(z.object({ network: z.enum(NETWORKS), language, variants: z.array(z.string().trim().min(1).max(3000)).min(1).max(10) }).strict())
      .max(60)
      .default([]),
    publishAt: optionalInstant,
    expiresAt: optionalInstant,
  })
  .strict()
  .refine((c) => c.publishAt === undefined || c.expiresAt === undefined || c.expiresAt > c.publishAt, { message: 'must be after the publish date', path: ['expiresAt'] });
export type AdminContentInput = z.infer<typeof AdminContentInputSchema>;

/** Query of `GET /api/admin/content`. */
export const AdminContentQuerySchema = z.object({
  status: z.enum(CONTENT_STATUSES).optional(),
  language: language.optional(),
  q: z.string().trim().max(200).optional(),
  flagged: z.enum(['true', 'false']).optional(),
});
export type AdminContentQuery = z.infer<typeof AdminContentQuerySchema>;

/** A content item as admins see it, with the blocked phrases found in its texts. */
export const AdminContentItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  summary: z.string(),
  imageUrl: z.string().optional(),
  language,
  category: z.enum(CONTENT_CATEGORIES),
  topics: z.array(z.string()),
  targetTeams: z.array(z.string()),
  targetPersonas: z.array(z.enum(PERSONAS)),
  targetLanguages: z.array(language),
  suggestedTexts: z.array(z.object({ network: z.enum(NETWORKS), language, variants: z.array(z.string()) })),
  status: z.enum(CONTENT_STATUSES),
  /** Status at the time of the answer (published past expiry reads expired). */
  effectiveStatus: z.enum(CONTENT_STATUSES),
  publishAt: z.string().optional(),
  expiresAt: z.string().optional(),
  submittedBy: z.string().optional(),
  createdAt: z.string(),
  flaggedPhrases: z.array(z.string()),
  actions: z.array(z.enum(CONTENT_ACTIONS)),
});
export type AdminContentItem = z.infer<typeof AdminContentItemSchema>;
export const AdminContentListSchema = z.object({ items: z.array(AdminContentItemSchema) });

/** Body of `POST /api/admin/content/:id/transition`. */
export const ContentTransitionSchema = z.object({ action: z.enum(CONTENT_ACTIONS) }).strict();

/** A suggestion in the admin queue. */
export const AdminSuggestionSchema = SuggestionSchema.extend({
  suggesterName: z.string(),
  flaggedPhrases: z.array(z.string()),
});
export type AdminSuggestion = z.infer<typeof AdminSuggestionSchema>;
export const AdminSuggestionListSchema = z.object({ suggestions: z.array(AdminSuggestionSchema) });
export const AdminSuggestionQuerySchema = z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') });

/** Body of `POST /api/admin/suggestions/:id/reject`. */
export const RejectSuggestionSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
/** Answer of approve: the suggestion and the draft content item made from it. */
export const ApproveSuggestionResultSchema = z.object({ suggestion: AdminSuggestionSchema, contentId: z.string() });

const hour = z.number().int().min(0).max(23);
/** Programme settings an admin edits (`PUT /api/admin/settings`). */
export const AdminSettingsInputSchema = z
  .object({
    quietHours: z.object({ start: hour, end: hour }).strict(),
    weeklyPromptCap: z.number().int().min(0).max(21),
    defaultWorkingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7).refine((d) => new Set(d).size === d.length, { message: 'days must not repeat' }),
    disclosureLine: z.string().trim().max(200),
    blockedPhrases: z.array(z.string().max(BLOCKED_PHRASE_LIMITS.maxLength)).max(BLOCKED_PHRASE_LIMITS.maxPhrases),
    aiHelp: z.boolean(),
    /** Read-only (whether a model is configured): accepted so a GET answer can be PUT back, and ignored. */
    aiModelConfigured: z.boolean().optional(),
  })
  .strict();
export type AdminSettingsInput = z.infer<typeof AdminSettingsInputSchema>;

/** Settings as the API answers them: never the webhook secret, only whether one is set and when. */
export const AdminSettingsSchema = z.object({
  quietHours: z.object({ start: hour, end: hour }),
  weeklyPromptCap: z.number().int(),
  defaultWorkingDays: z.array(z.number().int()),
  disclosureLine: z.string(),
  blockedPhrases: z.array(z.string()),
  aiHelp: z.boolean(),
  /** A language model is configured for this deployment (AZURE_OPENAI_*): without one, aiHelp has no effect. */
  aiModelConfigured: z.boolean().optional(),
  webhookSecretSet: z.boolean(),
  webhookSecretRotatedAt: z.string().optional(),
});
export type AdminSettings = z.infer<typeof AdminSettingsSchema>;

/** Answer of `POST /api/admin/settings/webhook-secret`: the new secret, shown this once. */
export const RotatedSecretSchema = z.object({ secret: z.string(), rotatedAt: z.string() });

/** A person in the admin people list. */
export const AdminPersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  team: z.string(),
  roles: z.array(z.enum(ROLES)),
  language,
  timeZone: z.string(),
});
export type AdminPerson = z.infer<typeof AdminPersonSchema>;
export const AdminPeopleListSchema = z.object({ people: z.array(AdminPersonSchema) });

/** Body of `PUT /api/admin/people/:id/roles`. */
export const PersonRolesInputSchema = z.object({ roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length) }).strict();

export { SuggestionSchema };

/** `GET /api/admin/policy`: versions with acknowledgement counts, and each person's version. */
export const AdminPolicyViewSchema = z.object({
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string().optional(), title: z.string(), body: z.string(), acknowledged: z.number().int() })),
  current: z.number().int().optional(),
  enrolled: z.number().int(),
  people: z.array(z.object({ id: z.string(), displayName: z.string(), team: z.string(), acknowledgedVersion: z.number().int().optional() })),
});
export type AdminPolicyView = z.infer<typeof AdminPolicyViewSchema>;

const policyText = z.object({ title: z.string().trim().min(1).max(200), summary: z.string().trim().min(1).max(1000), body: z.string().trim().min(1).max(100_000) }).strict();
/** Languages a policy version may be translated into (English is the text itself, and the fallback). */
export const POLICY_TRANSLATION_LANGUAGES = SUPPORTED_LANGUAGES.filter((l) => l !== 'en');

/**
 * Body of `POST /api/admin/policy/versions`: the English text of the next version (published now)
 * and, optionally, its translations (ja, th, ru, it, zh); a language left out falls back to English.
 */
export const PublishPolicySchema = policyText
  .extend({ translations: z.object(Object.fromEntries(POLICY_TRANSLATION_LANGUAGES.map((l) => [l, policyText.optional()])) as Record<Exclude<(typeof SUPPORTED_LANGUAGES)[number], 'en'>, z.ZodOptional<typeof policyText>>).strict().optional() })
  .strict();
export const PublishPolicyResultSchema = z.object({ version: z.number().int(), asked: z.number().int(), noReference: z.number().int(), unreachable: z.number().int(), failed: z.number().int() });

/** An import job's progress and report as `GET /api/admin/people/import/:id` answers it. */
export const ImportStatusSchema = z.object({
  job: z.object({
    id: z.string(),
    state: z.string(),
    total: z.number(),
    processed: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    failed: z.number(),
  }).passthrough(),
  issues: z.array(z.object({ line: z.number(), column: z.string(), problem: z.string(), value: z.string().optional() })).default([]),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
export const ImportStartedSchema = z.object({ job: z.object({ id: z.string() }).passthrough() });

/** An audit entry as `GET /api/admin/audit` answers it. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  target: z.record(z.string()),
  status: z.number(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });

