/**
 * Core domain types of the advocacy programme. Pure data: no SDK types, no I/O.
 * Every timestamp is an ISO-8601 UTC string so values survive JSON, tables and cards unchanged.
 * Rule modules (personas, targeting, planner, links, clicks, contests, ...) add their own
 * input/output types beside their functions; the entities shared across layers live here.
 */

/** ISO-8601 instant in UTC, e.g. `2026-11-24T09:00:00.000Z`. */
export type IsoInstant = string;

/** Languages the product ships catalogs for (BCP-47 primary tags). */
export const SUPPORTED_LANGUAGES = ['en', 'ja', 'th', 'ru', 'it', 'zh'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Social networks a share can go to. */
export const NETWORKS = ['linkedin', 'x', 'facebook'] as const;
export type Network = (typeof NETWORKS)[number];

/** Onalytica persona from audience size x social activity. */
export const PERSONAS = ['observer', 'sharer', 'networker', 'influencer'] as const;
export type Persona = (typeof PERSONAS)[number];

/** Programme roles; decide which tabs and API calls a person may use. */
export const ROLES = ['employee', 'trainer', 'executive', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Lam's internal influencer pyramid, lowest first; each level includes those below. */
export const TOPIC_ROLES = ['social-mind', 'subject-matter-expert', 'thought-leader', 'spokesperson'] as const;
export type TopicRole = (typeof TOPIC_ROLES)[number];

/** Preferred learning style from the social audit. */
export const LEARNING_STYLES = ['video', 'reading', 'hands-on', 'live'] as const;
export type LearningStyle = (typeof LEARNING_STYLES)[number];

/** ISO weekday numbers as `Intl`/`Date#getUTCDay` use them: 0 = Sunday ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Self-reported social audit, the input of persona classification. */
export interface SocialAudit {
  /** Followers/connections per network. */
  audience: Partial<Record<Network, number>>;
  /** Posts per month across networks. */
  postsPerMonth: number;
  /** Personal goals in the person's words or from a fixed list (e.g. `build-skills`, `stand-out`). */
  goals: string[];
  learningStyle: LearningStyle;
  /** Whether the person wants to grow their network and activity (the journey is opt-in). */
  wantsToGrow: boolean;
  auditedAt: IsoInstant;
}

/** A persona a person held from a point in time (the journey observer -> sharer -> influencer). */
export interface PersonaHistoryEntry {
  persona: Persona;
  since: IsoInstant;
}

/** A person's role on one topic. */
export interface TopicAssignment {
  topicId: string;
  role: TopicRole;
}

/** An employee enrolled in the programme. `id` is the Entra object id (AAD object id). */
export interface Employee {
  id: string;
  tenantId: string;
  displayName: string;
  email: string;
  team: string;
  /** Entra object id of the person's manager, when imported. */
  managerId?: string;
  /** IANA time zone, e.g. `Asia/Tokyo`. */
  timeZone: string;
  /** Local working days; a Sunday-Thursday team has `[0,1,2,3,4]`. */
  workingDays: Weekday[];
  /** Local hours [start, end) when prompts may arrive, 0-24. */
  workingHours: { start: number; end: number };
  language: Language;
  roles: Role[];
  persona: Persona;
  /** Executive flag shown on top of the persona. */
  leader: boolean;
  personaHistory: PersonaHistoryEntry[];
  topics: TopicAssignment[];
  audit?: SocialAudit;
  /** Max prompts per ISO week (choice, not obligation). */
  weeklyPromptCap: number;
  /** Person paused prompts (`stop` command). */
  promptsPaused: boolean;
  /** Version of the social media policy this person acknowledged, if any. */
  policyVersionAcknowledged?: number;
  joinedAt: IsoInstant;
}

export const CONTENT_CATEGORIES = ['company', 'industry', 'personal-interest'] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

export const CONTENT_STATUSES = ['draft', 'approved', 'published', 'expired'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** Suggested post text for one network and language; several variants avoid identical posts. */
export interface SuggestedText {
  network: Network;
  language: Language;
  variants: string[];
}

/** An item on the content board. */
export interface ContentItem {
  id: string;
  title: string;
  url: string;
  summary: string;
  imageUrl?: string;
  /** Language the item itself is written in. */
  language: Language;
  category: ContentCategory;
  topics: string[];
  /** Empty array = not restricted on that dimension. */
  targetTeams: string[];
  targetPersonas: Persona[];
  targetLanguages: Language[];
  suggestedTexts: SuggestedText[];
  status: ContentStatus;
  publishAt?: IsoInstant;
  expiresAt?: IsoInstant;
  /** Employee id when an employee suggested it (needs approval). */
  submittedBy?: string;
  createdAt: IsoInstant;
}

/** A person's answer to a prompt for one content item. */
export type ContentResponseKind = 'shared' | 'skipped' | 'snoozed';
export interface ContentResponse {
  contentId: string;
  employeeId: string;
  kind: ContentResponseKind;
  at: IsoInstant;
  /** For `snoozed`: when the item may be offered again. */
  until?: IsoInstant;
}

/** A share: a person posted an item to a network through a tracked link. */
export interface Share {
  id: string;
  employeeId: string;
  contentId: string;
  campaignId?: string;
  network: Network;
  linkCode: string;
  text: string;
  sharedAt: IsoInstant;
}

/** Tracked link code -> registered target (with UTM). Redirects never go anywhere else. */
export interface TrackedLink {
  code: string;
  /** Tenant of the share; a click is scored in that tenant's contests. */
  tenantId: string;
  targetUrl: string;
  shareId: string;
  employeeId: string;
  contentId: string;
  campaignId?: string;
  network: Network;
  createdAt: IsoInstant;
}

/** One counted click (crawlers and repeats within a UTC day are not counted). */
export interface Click {
  code: string;
  /** Tenant of the link (copied from it, so scoring needs no extra read). */
  tenantId: string;
  /** Keyed hash of IP + user agent; the raw IP is never stored. */
  visitorKey: string;
  /** UTC day `YYYY-MM-DD`. */
  day: string;
  at: IsoInstant;
  employeeId: string;
  contentId: string;
  network: Network;
}

/** A contest's running score for one person. */
export interface Score {
  contestId: string;
  employeeId: string;
  points: number;
  /** When the person reached the current points (ties: earlier wins). */
  reachedAt: IsoInstant;
}

/** A contest prize for a rank (1-based). */
export interface Prize {
  rank: number;
  label: string;
  /** Amount in minor currency units, if the prize is money. */
  amountMinor?: number;
  currency?: string;
}

export interface Contest {
  id: string;
  name: string;
  startsAt: IsoInstant;
  endsAt: IsoInstant;
  /** Points per counted event; default unique clicks only. */
  weights: { uniqueClick: number; share: number; conversion: number };
  prizes: Prize[];
  excludedRoles: Role[];
  excludedEmployeeIds: string[];
  /** Team channel (recipient id `channel:<team id>`) that gets the weekly update; none = every team channel. */
  updateChannelId?: string;
}

/** Leadership pilot phases (Oktopost / Onalytica). */
export const PILOT_PHASES = ['education-and-launch', 'maintenance', 'results'] as const;
export type PilotPhase = (typeof PILOT_PHASES)[number];

export interface Pilot {
  id: string;
  name: string;
  cohort: string[];
  phase: PilotPhase;
  startedAt: IsoInstant;
}

export interface Topic {
  id: string;
  name: Partial<Record<Language, string>> & { en: string };
  description?: string;
  /** Languages the hub's people talk about it in (topic hubs, issue 13); unset = any. */
  languages?: Language[];
}
