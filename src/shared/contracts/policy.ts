/**
 * Policy API of the tab (`GET /api/policy`, `GET /api/policy/versions/:version`,
 * `POST /api/policy/acknowledge`). Texts are markdown; the tab renders and sanitises them.
 */
import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../domain/types.js';

export const PolicyTextSchema = z.object({
  version: z.number().int().positive(),
  title: z.string(),
  summary: z.string(),
  /** Markdown. */
  body: z.string(),
  /** Language of the text (the caller's, or English when not translated). */
  language: z.enum(SUPPORTED_LANGUAGES),
  publishedAt: z.string().optional(),
  /** The version in force now. */
  current: z.boolean(),
});
export type PolicyText = z.infer<typeof PolicyTextSchema>;

export const PolicyVersionSummarySchema = z.object({
  version: z.number().int().positive(),
  title: z.string(),
  publishedAt: z.string(),
  current: z.boolean(),
  /** When the caller agreed to this version, if they did. */
  acknowledgedAt: z.string().optional(),
});

export const PolicyResponseSchema = z.object({
  /** The version in force; null when the tenant has published none. */
  current: PolicyTextSchema.nullable(),
  /** When the caller agreed to the current version; absent when not yet. */
  acknowledgedAt: z.string().optional(),
  /** Published versions, newest first (drafts and future versions are not listed). */
  versions: z.array(PolicyVersionSummarySchema),
});
export type PolicyResponse = z.infer<typeof PolicyResponseSchema>;

export const PolicyVersionParamsSchema = z.object({ version: z.coerce.number().int().positive().max(999_999) }).strict();

export const AcknowledgePolicyBodySchema = z.object({ version: z.number().int().positive().max(999_999) }).strict();
export type AcknowledgePolicyBody = z.infer<typeof AcknowledgePolicyBodySchema>;

export const AcknowledgePolicyResponseSchema = z.object({ version: z.number().int().positive(), acknowledgedAt: z.string() });
export type AcknowledgePolicyResponse = z.infer<typeof AcknowledgePolicyResponseSchema>;
