/**
 * Ports of the onboarding, policy and sharing services (what they need from storage), kept apart
 * from `ports.ts` so the aggregates of the share flow are read in one place. Implemented by
 * `src/bot/storage/{prompts,policies,settings}.repository.ts`; every method returns domain-shaped
 * values and throws the typed errors of `errors.ts`.
 */
import type { IsoInstant, Language, Network } from '../../shared/domain/types.js';
import type { Versioned } from './ports.js';

/** Why a person said "Not for me" (optional on the card). */
export const SKIP_REASONS = ['not-relevant', 'not-comfortable', 'already-shared', 'other'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * A share prompt: one per (person, content, campaign). Its `code` is the capability in `/s/` URLs
 * (unguessable, like a link code), and the tracked-link codes of every network are drawn when the
 * prompt is created, so opening a share intent twice, or twice at once, reuses the same code.
 */
export interface SharePrompt {
  code: string;
  tenantId: string;
  employeeId: string;
  contentId: string;
  campaignId?: string;
  /** Tracked-link code per network, fixed at creation. */
  linkCodes: Record<Network, string>;
  /** The person's edited text per network (body only: no link, no disclosure). */
  texts: Partial<Record<Network, string>>;
  /** Last "Not for me" / "later" answer given on this prompt. */
  response?: { kind: 'skipped'; reason?: SkipReason; at: IsoInstant } | { kind: 'snoozed'; at: IsoInstant; until: IsoInstant };
  /** Set when a snoozed prompt came back once (a snooze re-offers once, never again). */
  reofferedAt?: IsoInstant;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** The per-person index entry of a prompt (for idempotent creation and the weekly cap). */
export interface PromptIndexEntry {
  code: string;
  contentId: string;
  campaignId?: string;
  createdAt: IsoInstant;
}

/** Storage of share prompts (`TablePromptRepository`). */
export interface PromptRepository {
  /** Point read by code (the `/s/` hot path). */
  find(code: string): Promise<Versioned<SharePrompt> | undefined>;
  /**
   * Claim the (person, content, campaign) slot for `prompt` and store it. If another prompt
   * already holds the slot, nothing is written and that prompt is returned (`created: false`).
   */
  createOnce(prompt: SharePrompt): Promise<{ prompt: Versioned<SharePrompt>; created: boolean }>;
  /** Replace at `etag`; ConflictError when it changed since. */
  update(prompt: SharePrompt, etag: string): Promise<Versioned<SharePrompt>>;
  /** Every prompt a person has been given (index entries, one partition read). */
  listByEmployee(tenantId: string, employeeId: string): Promise<PromptIndexEntry[]>;
  /**
   * Prompts of every person of the tenant created in `[from, to)` (ISO instants), for planning a
   * campaign around what people already received (one range scan over the tenant's index rows).
   */
  listCreatedBetween(tenantId: string, from: string, to: string): Promise<(PromptIndexEntry & { employeeId: string })[]>;
}

/** Text of one policy version in one language. */
export interface PolicyText {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
}

/** A stored version of a tenant's social media policy, with its text per language. */
export interface StoredPolicy {
  version: number;
  /** When it takes effect; absent = draft. */
  publishedAt?: IsoInstant;
  /** English is required (the fallback); other languages as translated. */
  texts: Partial<Record<Language, PolicyText>> & { en: PolicyText };
  createdAt: IsoInstant;
}

/** A person's acknowledgement of one policy version. */
export interface PolicyAcknowledgementRecord {
  tenantId: string;
  employeeId: string;
  version: number;
  at: IsoInstant;
}

/** Storage of policy versions and acknowledgements (`TablePolicyRepository`). */
export interface PolicyRepository {
  list(tenantId: string): Promise<StoredPolicy[]>;
  /** Insert or replace one version. */
  upsert(tenantId: string, policy: StoredPolicy): Promise<void>;
  /** Store an acknowledgement (idempotent per person and version: the first time is kept). */
  recordAcknowledgement(ack: PolicyAcknowledgementRecord): Promise<void>;
  listAcknowledgements(tenantId: string, employeeId: string): Promise<PolicyAcknowledgementRecord[]>;
}

/** Programme settings of a tenant that the share flow reads. */
export interface ProgrammeSettings {
  /** Append a short disclosure ("I work at Contoso. #employee") to shared text when it fits. */
  disclosureEnabled: boolean;
  /** Company name used in the disclosure. */
  companyName: string;
  /** Networks people may share to. */
  networks: Network[];
  /** The admin's own disclosure line (Admin > Settings), used as written in every language instead of the translated default. */
  disclosureLine?: string;
}

/** Defaults for a tenant that never saved settings: disclosure on, every network. */
export const DEFAULT_PROGRAMME_SETTINGS: Readonly<ProgrammeSettings> = Object.freeze({
  disclosureEnabled: true,
  companyName: 'Contoso',
  networks: ['linkedin', 'x', 'facebook'] as Network[],
});

/** Storage of programme settings (`TableSettingsRepository`). */
export interface SettingsRepository {
  /** The tenant's settings, or `undefined` when none were saved. */
  find(tenantId: string): Promise<ProgrammeSettings | undefined>;
  upsert(tenantId: string, settings: ProgrammeSettings): Promise<void>;
}
