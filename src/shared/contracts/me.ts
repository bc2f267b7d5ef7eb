/**
 * Who the tab's caller is and which pages they may open (`GET /api/me`). The page list is declared
 * once here: the tab builds its navigation from it and each API route enforces the same roles.
 */
import { z } from 'zod';
import { ROLES, SUPPORTED_LANGUAGES, type Role } from '../domain/types.js';

/** Every page of the tab, in navigation order. */
export const PAGES = ['board', 'impact', 'leaderboard', 'topics', 'policy', 'training', 'pilot', 'analytics', 'admin'] as const;
export type PageName = (typeof PAGES)[number];

/** Roles that may open a page; `enrolled` means any programme role. */
export const PAGE_ROLES: Record<PageName, readonly Role[] | 'enrolled'> = {
  board: 'enrolled',
  impact: 'enrolled',
  leaderboard: 'enrolled',
  topics: 'enrolled',
  policy: 'enrolled',
  training: ['trainer', 'admin'],
  pilot: ['executive', 'admin'],
  analytics: ['executive', 'admin'],
  admin: ['admin', 'coordinator'],
};

/** True when someone holding `roles` may open `page`. */
export function canOpenPage(page: PageName, roles: readonly Role[]): boolean {
  const allowed = PAGE_ROLES[page];
  if (allowed === 'enrolled') return roles.length > 0;
  return allowed.some((role) => roles.includes(role));
}

/** A seeded person a local tester may view the tab as (dev identity mode only). */
export const DevIdentitySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export type DevIdentity = z.infer<typeof DevIdentitySchema>;

export const MeResponseSchema = z.object({
  employeeId: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** The person's stored language, when enrolled. */
  language: z.enum(SUPPORTED_LANGUAGES).optional(),
  /** Pages this person may open, in navigation order. */
  pages: z.array(z.enum(PAGES)),
  /** Present only in dev identity mode: whom the tester may switch to. */
  devIdentities: z.array(DevIdentitySchema).optional(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
