/**
 * Data requests (erasure): what stays after a person's data is deleted. Their tracked links keep
 * redirecting to the article, and the clicks on them stay in each item's click totals, but they
 * name no one: the link and its clicks point at `ERASED_PERSON_ID`, which is never an employee,
 * so it never ranks, wins or is messaged.
 */

/**
 * The stand-in person id of links, clicks, shares and conversions whose person was erased; rows
 * that must tell one erased person from another (audit entries, delivery records) use a keyed
 * pseudonym that starts with it (`~erased-<hash>`).
 */
export const ERASED_PERSON_ID = '~erased';

/** Rows removed (or made anonymous) by one erasure, per kind. */
export interface ErasureCounts {
  employee: number;
  conversationReference: number;
  prompts: number;
  responses: number;
  shares: number;
  goals: number;
  trainingProgress: number;
  suggestions: number;
  policyAcknowledgements: number;
  wins: number;
  scores: number;
  topicRoles: number;
  /** Tracked links kept for the redirect, now pointing at no one. */
  linksAnonymised: number;
  /** Click rows kept in the totals, now pointing at no one. */
  clicksAnonymised: number;
}

/** What remains, only as counts that name no one (the People section explains each). */
export interface ErasureRemains {
  /** Links the person shared: they still open the article. */
  links: number;
  /** Clicks on those links: still in each content item's click totals. */
  clicks: number;
  /** Per content item: clicks that stay in its totals. */
  clicksByContent: Array<{ contentId: string; clicks: number }>;
  /** Campaign delivery records kept under the pseudonym: still in each campaign's sent counts. */
  deliveries: number;
  /** Audit entries kept under the pseudonym: what was done stays, who it was is gone. */
  auditEntries: number;
}

/** Total rows removed or anonymised (the number the admin sees). */
export function totalErased(counts: ErasureCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
