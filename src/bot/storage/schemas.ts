/**
 * Row schemas: what a stored aggregate must look like when written and when read back. They
 * mirror src/shared/domain/types.ts (the `z.ZodType<...>` annotations keep them in step) and are
 * the storage layer's defence against partial or corrupt rows.
 */
import { z } from 'zod';
import {
  CONTENT_CATEGORIES,
  CONTENT_STATUSES,
  LEARNING_STYLES,
  NETWORKS,
  PERSONAS,
  PILOT_PHASES,
  ROLES,
  SUPPORTED_LANGUAGES,
  TOPIC_ROLES,
  type Click,
  type ContentItem,
  type ContentResponse,
  type Contest,
  type Employee,
  type Pilot,
  type Score,
  type Share,
  type Topic,
  type TrackedLink,
  type Weekday,
} from '../../shared/domain/types.js';
import type { StoredConversationReference } from '../services/ports.js';
import { CONVERSION_KINDS, type Conversion } from '../../shared/domain/conversions.js';
import { WIN_KINDS } from '../../shared/domain/wins.js';
import type { ContestScore, LedgerEvent, PersonTotals, StoredWin, WeekTotals } from '../services/scoring.ports.js';

const id = z.string().min(1);
const instant = z.string().min(1);
const network = z.enum(NETWORKS);
const language = z.enum(SUPPORTED_LANGUAGES);
const persona = z.enum(PERSONAS);
const weekday = z.number().int().min(0).max(6).transform((d) => d as Weekday);

export const employeeSchema: z.ZodType<Employee, z.ZodTypeDef, unknown> = z.object({
  id,
  tenantId: id,
  displayName: z.string(),
  email: z.string(),
  team: z.string(),
  managerId: id.optional(),
  timeZone: z.string().min(1),
  workingDays: z.array(weekday),
  workingHours: z.object({ start: z.number().min(0).max(24), end: z.number().min(0).max(24) }),
  language,
  roles: z.array(z.enum(ROLES)),
  persona,
  leader: z.boolean(),
  personaHistory: z.array(z.object({ persona, since: instant })),
  topics: z.array(z.object({ topicId: id, role: z.enum(TOPIC_ROLES) })),
  audit: z
    .object({
      audience: z.record(network, z.number()),
      postsPerMonth: z.number(),
      goals: z.array(z.string()),
      learningStyle: z.enum(LEARNING_STYLES),
      wantsToGrow: z.boolean(),
      auditedAt: instant,
    })
    .optional(),
  weeklyPromptCap: z.number().int().min(0),
  promptsPaused: z.boolean(),
  policyVersionAcknowledged: z.number().int().optional(),
  joinedAt: instant,
});

export const conversationReferenceSchema: z.ZodType<StoredConversationReference, z.ZodTypeDef, unknown> = z.object({
  tenantId: id,
  employeeId: id,
  reference: z.string().min(2),
  language: language.optional(),
  updatedAt: instant,
});

export const contentItemSchema: z.ZodType<ContentItem, z.ZodTypeDef, unknown> = z.object({
  id,
  title: z.string(),
  url: z.string().min(1),
  summary: z.string(),
  imageUrl: z.string().optional(),
  language,
  category: z.enum(CONTENT_CATEGORIES),
  topics: z.array(z.string()),
  targetTeams: z.array(z.string()),
  targetPersonas: z.array(persona),
  targetLanguages: z.array(language),
  suggestedTexts: z.array(z.object({ network, language, variants: z.array(z.string()) })),
  status: z.enum(CONTENT_STATUSES),
  publishAt: instant.optional(),
  expiresAt: instant.optional(),
  submittedBy: z.string().optional(),
  createdAt: instant,
});

export const contentResponseSchema: z.ZodType<ContentResponse, z.ZodTypeDef, unknown> = z.object({
  contentId: id,
  employeeId: id,
  kind: z.enum(['shared', 'skipped', 'snoozed']),
  at: instant,
  until: instant.optional(),
});

export const shareSchema: z.ZodType<Share, z.ZodTypeDef, unknown> = z.object({
  id,
  employeeId: id,
  contentId: id,
  campaignId: z.string().optional(),
  network,
  linkCode: id,
  text: z.string(),
  sharedAt: instant,
});

export const trackedLinkSchema: z.ZodType<TrackedLink, z.ZodTypeDef, unknown> = z.object({
  code: id,
  tenantId: id,
  targetUrl: z.string().min(1),
  shareId: id,
  employeeId: id,
  contentId: id,
  campaignId: z.string().optional(),
  network,
  createdAt: instant,
});

export const clickSchema: z.ZodType<Click, z.ZodTypeDef, unknown> = z.object({
  code: id,
  tenantId: id,
  visitorKey: id,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  at: instant,
  employeeId: id,
  contentId: id,
  network,
});

export const scoreSchema: z.ZodType<Score, z.ZodTypeDef, unknown> = z.object({
  contestId: id,
  employeeId: id,
  points: z.number(),
  reachedAt: instant,
});

export const contestSchema: z.ZodType<Contest, z.ZodTypeDef, unknown> = z.object({
  id,
  name: z.string(),
  startsAt: instant,
  endsAt: instant,
  weights: z.object({ uniqueClick: z.number(), share: z.number(), conversion: z.number() }),
  prizes: z.array(
    z.object({ rank: z.number().int().min(1), label: z.string(), amountMinor: z.number().optional(), currency: z.string().optional() }),
  ),
  excludedRoles: z.array(z.enum(ROLES)),
  excludedEmployeeIds: z.array(z.string()),
  updateChannelId: z.string().optional(),
});

export const topicSchema: z.ZodType<Topic, z.ZodTypeDef, unknown> = z.object({
  id,
  name: z.object({ en: z.string() }).and(z.record(language, z.string())) as z.ZodType<Topic['name'], z.ZodTypeDef, unknown>,
  description: z.string().optional(),
  languages: z.array(language).optional(),
});

export const pilotSchema: z.ZodType<Pilot, z.ZodTypeDef, unknown> = z.object({
  id,
  name: z.string(),
  cohort: z.array(z.string()),
  phase: z.enum(PILOT_PHASES),
  startedAt: instant,
});

// Measurement (scoring ledger, tallies, conversions, wins, weekly snapshots): see docs/scoring.md.
const count = z.number().int().min(0);
export const ledgerEventSchema: z.ZodType<LedgerEvent, z.ZodTypeDef, unknown> = z.object({
  kind: z.enum(['click', 'share', 'conversion']),
  eventId: id,
  employeeId: id,
  at: instant,
});
export const personTotalsSchema: z.ZodType<PersonTotals, z.ZodTypeDef, unknown> = z.object({ employeeId: id, clicks: count, shares: count, conversions: count });
export const weekTotalsSchema: z.ZodType<WeekTotals, z.ZodTypeDef, unknown> = z.object({
  employeeId: id, week: z.string().regex(/^\d{4}-W\d{2}$/), clicks: count, shares: count, conversions: count,
});
export const contestScoreSchema: z.ZodType<ContestScore, z.ZodTypeDef, unknown> = z.object({
  contestId: id, employeeId: id, points: z.number().min(0), reachedAt: instant, clicks: count, shares: count, conversions: count,
});
export const conversionSchema: z.ZodType<Conversion, z.ZodTypeDef, unknown> = z.object({
  externalId: id,
  tenantId: id,
  kind: z.enum(CONVERSION_KINDS),
  amountMinor: count.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  linkCode: id,
  shareId: id,
  employeeId: id,
  contentId: id,
  campaignId: z.string().optional(),
  network,
  occurredAt: instant,
  receivedAt: instant,
});
export const storedWinSchema: z.ZodType<StoredWin, z.ZodTypeDef, unknown> = z.object({
  id,
  employeeId: id,
  kind: z.enum(WIN_KINDS),
  detail: z.string().optional(),
  at: instant,
  notified: z.boolean(),
});
export const snapshotChunkSchema = z.object({
  week: z.string(),
  chunk: count,
  chunks: z.number().int().min(1),
  entries: z.array(z.object({ employeeId: id, rank: z.number().int().min(1), points: z.number().min(0) })),
});
