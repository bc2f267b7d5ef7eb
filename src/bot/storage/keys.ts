/**
 * Every table name, partition key and row key in one place (documented in docs/storage.md).
 * Partition keys are chosen so each hot query is a single-partition read and no partition takes
 * more than the service's ~2,000 entities/s; user-derived parts are escaped so keys never contain
 * the characters Table Storage forbids (`/ \ # ?`, control characters) or our separator `|`.
 */
import { createHash } from 'node:crypto';
import { ValidationError } from './errors.js';

/** Logical table names; the physical name is `<prefix><name>` (see `tableName`). */
export const TABLES = {
  employees: 'Employees',
  conversationReferences: 'ConversationReferences',
  content: 'Content',
  contentResponses: 'ContentResponses',
  shares: 'Shares',
  trackedLinks: 'TrackedLinks',
  clicks: 'Clicks',
  scores: 'Scores',
  contests: 'Contests',
  topics: 'Topics',
  pilots: 'Pilots',
  tallies: 'Tallies',
  conversions: 'Conversions',
  wins: 'Wins',
  contestSnapshots: 'ContestSnapshots',
  prompts: 'Prompts',
  policies: 'Policies',
  policyAcknowledgements: 'PolicyAcknowledgements',
  settings: 'Settings',
  campaigns: 'Campaigns',
  deliveries: 'Deliveries',
  sendBudget: 'SendBudget',
  jobLeases: 'JobLeases',
  auditLog: 'AuditLog',
  importJobs: 'ImportJobs',
  trainingModules: 'TrainingModules',
  trainingProgress: 'TrainingProgress',
  trainingPushes: 'TrainingPushes',
  goals: 'Goals',
  suggestions: 'Suggestions',
  analyticsAggregates: 'AnalyticsAggregates',
  analyticsEvents: 'AnalyticsEvents',
  pilotRecords: 'PilotRecords',
  topicProposals: 'TopicProposals',
  influencers: 'Influencers',
  rateCounts: 'RateCounts',
} as const;
export type TableKey = keyof typeof TABLES;

/** Queue names (lowercase, as queues require); the physical name is `<prefix>-<name>`. */
export const QUEUES = {
  deliveries: 'deliveries',
} as const;
export type QueueKey = keyof typeof QUEUES;

/** Separator between key parts; escaped inside parts, so keys split unambiguously. */
export const KEY_SEPARATOR = '|';
/** The service allows 1 KiB per key, counted in UTF-16: 512 characters (Azurite enforces the same). */
export const MAX_KEY_LENGTH = 512;
/** Score partitions per contest: 16 x ~2,000 ops/s is far above any realistic click rate. */
export const SCORE_BUCKETS = 16;

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;
const QUEUE_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

/** Physical table name for a prefix (test isolation, several environments in one account). */
export function tableName(prefix: string, table: TableKey): string {
  const name = `${prefix}${TABLES[table]}`;
  if (!TABLE_NAME.test(name)) {
    throw new ValidationError(`Table name "${name}" is invalid: letters and digits, 3-63, starting with a letter`);
  }
  return name;
}

/** Physical queue name for a prefix (lowercased; queues allow lowercase letters, digits, dashes). */
export function queueName(prefix: string, queue: QueueKey): string {
  const name = prefix ? `${prefix.toLowerCase()}-${QUEUES[queue]}` : QUEUES[queue];
  if (!QUEUE_NAME.test(name)) throw new ValidationError(`Queue name "${name}" is invalid`);
  return name;
}

const SAFE_CHAR = /[A-Za-z0-9\-_.@:]/;

/**
 * Escape one user-derived key part: characters outside `[A-Za-z0-9-_.@:]` become `!XX` per UTF-8
 * byte. Reversible, readable for GUIDs, emails and dates, and never yields a forbidden character.
 * Throws ValidationError for an empty part.
 */
export function encodeKeyPart(part: string, what = 'key part'): string {
  if (typeof part !== 'string' || part.length === 0) throw new ValidationError(`${what} must be a non-empty string`);
  let out = '';
  for (const ch of part) {
    if (SAFE_CHAR.test(ch)) {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `!${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** Inverse of `encodeKeyPart`. */
export function decodeKeyPart(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '!') {
      bytes.push(Number.parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(encoded.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Join encoded parts into a key and enforce the length limit. */
export function composeKey(what: string, ...parts: string[]): string {
  const key = parts.map((p, i) => encodeKeyPart(p, `${what} part ${i + 1}`)).join(KEY_SEPARATOR);
  if (key.length > MAX_KEY_LENGTH) {
    throw new ValidationError(`${what} is too long: ${key.length} characters after escaping, max ${MAX_KEY_LENGTH}`);
  }
  return key;
}

/** Bucket `bNN` of an employee within a contest: stable hash, evenly spread. */
export function scoreBucket(employeeId: string): string {
  const n = createHash('sha256').update(employeeId).digest().readUInt32BE(0) % SCORE_BUCKETS;
  return `b${n.toString().padStart(2, '0')}`;
}

/** Builders, one per table: `pk` = partition key (the hot query's scope), `rk` = row key. */
export const keys = {
  /** Employees of a tenant (roster, targeting) in one partition; point read by id. */
  employee: { pk: (tenantId: string) => composeKey('employee partition', tenantId), rk: (id: string) => composeKey('employee id', id) },
  /** Proactive-send references of a tenant (campaign fan-out) in one partition. */
  conversationReference: {
    pk: (tenantId: string) => composeKey('conversation partition', tenantId),
    rk: (employeeId: string) => composeKey('conversation employee', employeeId),
  },
  /** A tenant's board in one partition; items are few (hundreds) and read together. */
  content: { pk: (tenantId: string) => composeKey('content partition', tenantId), rk: (id: string) => composeKey('content id', id) },
  /** A person's latest answer per item: read together when picking what to offer next. */
  contentResponse: {
    pk: (tenantId: string, employeeId: string) => composeKey('response partition', tenantId, employeeId),
    rk: (contentId: string) => composeKey('response content', contentId),
  },
  /** Shares by person (`e|...`, "My impact") and, as a second row, by content (`c|...`, analytics). */
  share: {
    byEmployeePk: (tenantId: string, employeeId: string) => `e${KEY_SEPARATOR}${composeKey('share partition', tenantId, employeeId)}`,
    byContentPk: (tenantId: string, contentId: string) => `c${KEY_SEPARATOR}${composeKey('share partition', tenantId, contentId)}`,
    rk: (shareId: string) => composeKey('share id', shareId),
  },
  /** One partition per code: the redirect is a point read that scales with the number of links. */
  trackedLink: { pk: (code: string) => composeKey('link code', code), rk: () => 'link' },
  /** Clicks of one link in one partition; the row key makes a repeat visit the same row. */
  click: {
    pk: (code: string) => composeKey('click code', code),
    rk: (day: string, visitorKey: string) => composeKey('click row', day, visitorKey),
  },
  /** A contest's scores spread over SCORE_BUCKETS partitions `contest|bNN`. */
  score: {
    pk: (contestId: string, employeeId: string) => `${composeKey('score contest', contestId)}${KEY_SEPARATOR}${scoreBucket(employeeId)}`,
    bucketPks: (contestId: string) =>
      Array.from({ length: SCORE_BUCKETS }, (_, n) => `${composeKey('score contest', contestId)}${KEY_SEPARATOR}b${n.toString().padStart(2, '0')}`),
    rk: (employeeId: string) => composeKey('score employee', employeeId),
  },
  contest: { pk: (tenantId: string) => composeKey('contest partition', tenantId), rk: (id: string) => composeKey('contest id', id) },
  topic: { pk: (tenantId: string) => composeKey('topic partition', tenantId), rk: (id: string) => composeKey('topic id', id) },
  /** Self-proposals for a topic role, one partition per tenant (the staff queue reads them together). */
  topicProposal: { pk: (tenantId: string) => composeKey('proposal partition', tenantId), rk: (id: string) => composeKey('proposal id', id) },
  /** External influencer map entries, one partition per tenant (every hub's map is small). */
  influencer: { pk: (tenantId: string) => composeKey('influencer partition', tenantId), rk: (id: string) => composeKey('influencer id', id) },
  pilot: { pk: (tenantId: string) => composeKey('pilot partition', tenantId), rk: (id: string) => composeKey('pilot id', id) },
  /**
   * Scoring ledger and tallies, one partition per (tenant, bucket of the person): a person's
   * ledger rows (`l|person|kind|event`), all-time totals (`s|person`), weekly totals
   * (`w|person|week`) and contest scores (`c|contest|person`) share a partition, so one batch
   * transaction records events and moves every aggregate at once. A contest's scores in a bucket
   * are one row-key range (`c|contest|` .. `c|contest|~`; `~` sorts after every escaped character).
   */
  tally: {
    pk: (tenantId: string, employeeId: string) => `${composeKey('tally tenant', tenantId)}${KEY_SEPARATOR}${scoreBucket(employeeId)}`,
    bucketPk: (tenantId: string, bucket: number) => `${composeKey('tally tenant', tenantId)}${KEY_SEPARATOR}b${bucket.toString().padStart(2, '0')}`,
    ledgerRk: (employeeId: string, kind: string, eventId: string) => `l${KEY_SEPARATOR}${composeKey('ledger row', employeeId, kind, eventId)}`,
    totalsRk: (employeeId: string) => `s${KEY_SEPARATOR}${composeKey('totals row', employeeId)}`,
    weekRk: (employeeId: string, week: string) => `w${KEY_SEPARATOR}${composeKey('week row', employeeId, week)}`,
    scoreRk: (contestId: string, employeeId: string) => `c${KEY_SEPARATOR}${composeKey('score row', contestId, employeeId)}`,
    scoreRange: (contestId: string) => ({ from: `c${KEY_SEPARATOR}${composeKey('score row', contestId)}${KEY_SEPARATOR}`, to: `c${KEY_SEPARATOR}${composeKey('score row', contestId)}${KEY_SEPARATOR}~` }),
  },
  /** Conversions of a tenant in one partition (CRM speed); the external id is the row key (idempotency). */
  conversion: { pk: (tenantId: string) => composeKey('conversion partition', tenantId), rk: (externalId: string) => composeKey('conversion id', externalId) },
  /** Celebrated wins of a person (`p|...`), and the tenant's wins of an ISO week (`f|...`, the weekly update). */
  win: {
    byEmployeePk: (tenantId: string, employeeId: string) => `p${KEY_SEPARATOR}${composeKey('win partition', tenantId, employeeId)}`,
    byWeekPk: (tenantId: string, week: string) => `f${KEY_SEPARATOR}${composeKey('win feed', tenantId, week)}`,
    rk: (winId: string) => composeKey('win id', winId),
  },
  /** Weekly board snapshots of a contest, chunked rows `week|NNNN`. */
  contestSnapshot: {
    pk: (tenantId: string, contestId: string) => composeKey('snapshot partition', tenantId, contestId),
    rk: (week: string, chunk: number) => `${composeKey('snapshot week', week)}${KEY_SEPARATOR}${chunk.toString().padStart(4, '0')}`,
    weekRange: (week: string) => ({ from: `${composeKey('snapshot week', week)}${KEY_SEPARATOR}`, to: `${composeKey('snapshot week', week)}${KEY_SEPARATOR}~` }),
  },
  /**
   * Share prompts: the prompt under its own code (the `/s/` redirect is a point read), and an
   * index row per (person, content, campaign) under `i|tenant|employee` that claims the slot, so
   * creating a prompt twice yields one, and a person's prompts are one partition read.
   */
  prompt: {
    pk: (code: string) => composeKey('prompt code', code),
    rk: () => 'prompt',
    indexPk: (tenantId: string, employeeId: string) => `i${KEY_SEPARATOR}${composeKey('prompt index', tenantId, employeeId)}`,
    /** Every index partition of a tenant starts with this (then the escaped employee id): one range scan for the tenant's recent prompts. */
    indexTenantPrefix: (tenantId: string) => `i${KEY_SEPARATOR}${composeKey('prompt index', tenantId)}${KEY_SEPARATOR}`,
    indexRk: (contentId: string, campaignId: string | undefined) => composeKey('prompt slot', contentId, campaignId ?? '-'),
  },
  /** A tenant's policy versions in one partition; the row key sorts versions numerically. */
  policy: { pk: (tenantId: string) => composeKey('policy partition', tenantId), rk: (version: number) => `v${String(version).padStart(6, '0')}` },
  /** A person's policy acknowledgements (one row per version) in one partition. */
  policyAcknowledgement: {
    pk: (tenantId: string, employeeId: string) => composeKey('policy ack partition', tenantId, employeeId),
    rk: (version: number) => `v${String(version).padStart(6, '0')}`,
  },
  /** One settings row per tenant. */
  settings: { pk: (tenantId: string) => composeKey('settings partition', tenantId), rk: () => 'programme' },
  /** The admin settings row of a tenant, beside the programme row in `Settings`. */
  adminSettings: { pk: (tenantId: string) => composeKey('settings partition', tenantId), rk: () => 'admin' },
  /** A tenant's campaigns in one partition (few, read together for the list). */
  campaign: { pk: (tenantId: string) => composeKey('campaign partition', tenantId), rk: (id: string) => composeKey('campaign id', id) },
  /** Delivery records partitioned by campaign (batched creation, status counts in one partition read); row = recipient. */
  delivery: {
    pk: (tenantId: string, campaignId: string) => composeKey('delivery partition', tenantId, campaignId),
    rk: (employeeId: string) => composeKey('delivery recipient', employeeId),
  },
  /** The shared send budget: one row per tenant and rotating window slot (`wNN`), claimed with ETags. */
  sendBudget: { pk: (tenantId: string) => composeKey('budget partition', tenantId), rk: (slot: number) => `w${slot.toString().padStart(2, '0')}` },
  /** People imports: the job rows of a tenant in one partition; each job's report in its own partition, chunked. */
  importJob: {
    pk: (tenantId: string) => composeKey('import partition', tenantId),
    rk: (id: string) => composeKey('import id', id),
    issuesPk: (tenantId: string, id: string) => `r${KEY_SEPARATOR}${composeKey('import report', tenantId, id)}`,
    issuesRk: (chunk: number) => `c${chunk.toString().padStart(5, '0')}`,
  },
  /** The audit log: a partition per tenant and month, rows newest first (inverted ms, then the entry id). */
  auditLog: {
    pk: (tenantId: string, month: string) => composeKey('audit partition', tenantId, month),
    rk: (atMs: number, id: string) => `${(9_999_999_999_999 - atMs).toString().padStart(13, '0')}${KEY_SEPARATOR}${composeKey('audit id', id)}`,
  },
  /** Job leases: one row per job and period (e.g. ISO week), so a periodic job runs once across instances. */
  jobLease: { pk: (job: string) => composeKey('job lease', job), rk: (period: string) => composeKey('job period', period) },
  /** Rate-limit counts shared by the instances: one partition, one row per running instance. */
  rateCounts: { pk: () => 'rate', rk: (instanceId: string) => composeKey('rate instance', instanceId) },
  /** A tenant's training modules in one partition (tens to hundreds, listed together). */
  trainingModule: { pk: (tenantId: string) => composeKey('training module partition', tenantId), rk: (id: string) => composeKey('training module id', id) },
  /**
   * Training progress of a tenant in one partition (the dashboard reads it whole); one row per
   * (module, person), so a module's rows are one row-key range and a person's a column filter.
   */
  trainingProgress: {
    pk: (tenantId: string) => composeKey('training progress partition', tenantId),
    rk: (moduleId: string, employeeId: string) => composeKey('training progress row', moduleId, employeeId),
  },
  /** A tenant's training pushes (now and cadence) in one partition. */
  trainingPush: { pk: (tenantId: string) => composeKey('training push partition', tenantId), rk: (id: string) => composeKey('training push id', id) },
  /** A person's personal goals ("My impact") in one partition, one row per goal kind. */
  goal: {
    pk: (tenantId: string, employeeId: string) => composeKey('goal partition', tenantId, employeeId),
    rk: (kind: string) => composeKey('goal kind', kind),
  },
  /** Content suggestions of a tenant in one partition (admins review them together); a person's own are a column filter. */
  suggestion: { pk: (tenantId: string) => composeKey('suggestion partition', tenantId), rk: (id: string) => composeKey('suggestion id', id) },
  /**
   * Analytics read model, one partition per (tenant, month): day rows `d|dimension|day|chunk` and
   * month rollups `m|dimension|chunk`, plus a `meta` row (when it was built). A quarter is three
   * partitions; a dimension's days are one row-key range.
   */
  analyticsAggregate: {
    pk: (tenantId: string, month: string) => composeKey('analytics partition', tenantId, month),
    dayRk: (dimension: string, day: string, chunk: number) => `d${KEY_SEPARATOR}${composeKey('analytics day', dimension, day)}${KEY_SEPARATOR}${chunk.toString().padStart(2, '0')}`,
    dayRange: (dimension: string) => ({ from: `d${KEY_SEPARATOR}${composeKey('analytics day', dimension)}${KEY_SEPARATOR}`, to: `d${KEY_SEPARATOR}${composeKey('analytics day', dimension)}${KEY_SEPARATOR}~` }),
    monthRk: (dimension: string, chunk: number) => `m${KEY_SEPARATOR}${composeKey('analytics month', dimension)}${KEY_SEPARATOR}${chunk.toString().padStart(2, '0')}`,
    metaRk: () => 'meta',
  },
  /** Events with no table of their own (board sessions, synced engagement), per (tenant, month); row key = the event id. */
  analyticsEvent: {
    pk: (tenantId: string, month: string) => composeKey('analytics events', tenantId, month),
    rk: (eventId: string) => composeKey('analytics event', eventId),
  },
  /** A pilot's plan (goals, hand ticks) and its go/no-go decisions (`d|<pilot>|<inverted ms>`, newest first), per tenant. */
  pilotRecord: {
    pk: (tenantId: string) => composeKey('pilot record partition', tenantId),
    planRk: (pilotId: string) => `p${KEY_SEPARATOR}${composeKey('pilot plan', pilotId)}`,
    decisionRk: (pilotId: string, atMs: number) => `d${KEY_SEPARATOR}${composeKey('pilot decision', pilotId)}${KEY_SEPARATOR}${(9_999_999_999_999 - atMs).toString().padStart(13, '0')}`,
    decisionRange: (pilotId: string) => ({ from: `d${KEY_SEPARATOR}${composeKey('pilot decision', pilotId)}${KEY_SEPARATOR}`, to: `d${KEY_SEPARATOR}${composeKey('pilot decision', pilotId)}${KEY_SEPARATOR}~` }),
  },
} as const;
