/**
 * Ports: what services need from storage. Implemented by the table repositories in
 * `src/bot/storage`. Every method returns domain types and throws the typed errors of
 * `src/bot/services/errors.ts` (`NotFoundError`, `ConflictError`, `ValidationError`).
 */
import type {
  Click,
  ContentItem,
  ContentResponse,
  Contest,
  Employee,
  Language,
  Pilot,
  Score,
  Share,
  Topic,
  TrackedLink,
} from '../../shared/domain/types.js';
import type { Win } from '../../shared/domain/wins.js';
import type { PolicyRepository, PromptRepository, SettingsRepository } from './sharing.ports.js';

/** A value with the ETag it was read at, for read-modify-write. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface EmployeeRepository {
  get(tenantId: string, id: string): Promise<Versioned<Employee>>;
  find(tenantId: string, id: string): Promise<Versioned<Employee> | undefined>;
  listByTenant(tenantId: string): Promise<Employee[]>;
  /** Insert; throws ConflictError if the id exists. */
  create(employee: Employee): Promise<Versioned<Employee>>;
  /** Replace only if the stored ETag still matches; throws ConflictError otherwise. */
  update(employee: Employee, etag: string): Promise<Versioned<Employee>>;
  /** Insert or replace many, in batch transactions of up to 100 per partition. */
  upsertMany(employees: Employee[]): Promise<void>;
  /**
   * Insert many new people in batch transactions, never replacing anyone: the ids already stored
   * (someone enrolled meanwhile) are returned untouched, for the caller to update instead.
   */
  createMany(employees: Employee[]): Promise<{ existing: string[] }>;
}

/** Serialised botbuilder ConversationReference kept as opaque JSON for proactive sends. */
export interface StoredConversationReference {
  tenantId: string;
  employeeId: string;
  /** `JSON.stringify` of botbuilder's `Partial<ConversationReference>`. */
  reference: string;
  /** Language the person chose in chat with the `language` command (before or without enrolment). */
  language?: Language;
  updatedAt: string;
}

export interface ConversationReferenceRepository {
  upsert(ref: StoredConversationReference): Promise<void>;
  find(tenantId: string, employeeId: string): Promise<StoredConversationReference | undefined>;
  listByTenant(tenantId: string): Promise<StoredConversationReference[]>;
}

export interface ContentRepository {
  get(tenantId: string, id: string): Promise<Versioned<ContentItem>>;
  list(tenantId: string, filter?: { status?: ContentItem['status'] }): Promise<ContentItem[]>;
  create(tenantId: string, item: ContentItem): Promise<Versioned<ContentItem>>;
  update(tenantId: string, item: ContentItem, etag: string): Promise<Versioned<ContentItem>>;
  upsertMany(tenantId: string, items: ContentItem[]): Promise<void>;
}

export interface ContentResponseRepository {
  record(tenantId: string, response: ContentResponse): Promise<void>;
  listByEmployee(tenantId: string, employeeId: string): Promise<ContentResponse[]>;
}

export interface ShareRepository {
  /** Idempotent on share id: recording the same share twice stores one. */
  record(tenantId: string, share: Share): Promise<void>;
  listByEmployee(tenantId: string, employeeId: string): Promise<Share[]>;
  listByContent(tenantId: string, contentId: string): Promise<Share[]>;
}

export interface TrackedLinkRepository {
  /** Throws ConflictError if the code exists (codes are never reused). */
  create(link: TrackedLink): Promise<void>;
  find(code: string): Promise<TrackedLink | undefined>;
}

export interface ClickRepository {
  /**
   * Store clicks idempotently, keyed by (code, visitorKey, day): a repeat is not a second click.
   * Returns how many were new.
   */
  recordMany(clicks: Click[]): Promise<number>;
  listByCode(code: string): Promise<Click[]>;
  countByCode(code: string): Promise<number>;
  /** Retention: deletes the click rows of days before `day` (YYYY-MM-DD); returns how many. */
  deleteBefore(day: string): Promise<number>;
}

export interface ScoreRepository {
  get(contestId: string, employeeId: string): Promise<Versioned<Score> | undefined>;
  /** Create or ETag-guarded update; throws ConflictError on a stale etag. */
  put(score: Score, etag?: string): Promise<Versioned<Score>>;
  listByContest(contestId: string): Promise<Score[]>;
}

export interface ContestRepository {
  get(tenantId: string, id: string): Promise<Versioned<Contest>>;
  list(tenantId: string): Promise<Contest[]>;
  upsert(tenantId: string, contest: Contest): Promise<void>;
  /** Insert a new contest; ConflictError when the id exists. */
  create(tenantId: string, contest: Contest): Promise<Versioned<Contest>>;
  /** Replace a contest read at `etag`; ConflictError when someone changed it since. */
  update(tenantId: string, contest: Contest, etag: string): Promise<Versioned<Contest>>;
  /** Every contest with its ETag (the admin list, for edits that must not overwrite each other). */
  listVersioned(tenantId: string): Promise<Versioned<Contest>[]>;
  /** Delete a contest read at `etag`; ConflictError when someone changed it since. */
  delete(tenantId: string, id: string, etag: string): Promise<void>;
}

export interface TopicRepository {
  list(tenantId: string): Promise<Topic[]>;
  upsertMany(tenantId: string, topics: Topic[]): Promise<void>;
}

export interface PilotRepository {
  list(tenantId: string): Promise<Pilot[]>;
  upsert(tenantId: string, pilot: Pilot): Promise<void>;
}

/** Everything the composition root wires in. */
export interface Repositories {
  employees: EmployeeRepository;
  conversationReferences: ConversationReferenceRepository;
  content: ContentRepository;
  contentResponses: ContentResponseRepository;
  shares: ShareRepository;
  trackedLinks: TrackedLinkRepository;
  clicks: ClickRepository;
  scores: ScoreRepository;
  contests: ContestRepository;
  topics: TopicRepository;
  pilots: PilotRepository;
  /** Share prompts, policy versions and acknowledgements, programme settings (sharing.ports.ts). */
  prompts: PromptRepository;
  policies: PolicyRepository;
  settings: SettingsRepository;
}

/**
 * Proactive messages to a person's personal chat with the bot. Implemented in the Teams layer
 * (`src/bot/teams/proactive.ts`, botbuilder `continueConversationAsync` on the stored
 * conversation reference); services hand it what to send, built in the person's language.
 */
export interface Messenger {
  /**
   * Send to one person. `build` gets the person's chat language and returns the message
   * (Adaptive Card attachments and/or text, as botbuilder `Partial<Activity>` JSON).
   * `no-reference`: the person never opened a chat with the bot; `unreachable`: the connector
   * answered 403/404 (app removed, person gone).
   */
  sendToEmployee(
    tenantId: string,
    employeeId: string,
    build: (
      language: Language,
      /** The person's Teams account id (`29:...`) from the stored reference, e.g. for card `refresh.userIds`. */
      recipient?: { userId?: string },
    ) => { text?: string; attachments?: unknown[]; locale?: string },
  ): Promise<'sent' | 'no-reference' | 'unreachable'>;
}

/**
 * Hands detected wins to the bot, which sends the wins card (implemented in the Teams layer).
 * Called with wins not yet notified; may be called again with the same wins if an earlier call
 * failed or the process stopped before the win was marked notified (at-least-once).
 */
export interface WinNotifier {
  notifyWins(tenantId: string, employeeId: string, wins: Win[]): Promise<void>;
}
