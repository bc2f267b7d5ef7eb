/**
 * The traces a person leaves in rows that are not theirs: the audit log (as actor or target),
 * people-import reports (their name or email on a line), campaign delivery records (one per
 * recipient, the row key is their id), analytics events (board sessions) and the per-person
 * analytics cells, weekly contest snapshots, conversions attributed to them, decisions they took
 * (topic proposals, suggestions, pilot go/no-go and checklist ticks), items they created
 * (campaigns, training modules and pushes, map entries, content), memberships (contest
 * exclusions, pilot cohorts, campaign audiences) and other people's `managerId`.
 *
 * These rows stay (an accountability record or an aggregate depends on them), but every
 * identifier of the person in them (employee id, Entra object id, Teams user id, display name,
 * email) is replaced by the person's pseudonym: a stable keyed hash (`data-requests-pseudonym.ts`;
 * conversions point at `ERASED_PERSON_ID` like the person's links and clicks),
 * so the audit log still shows that one (unnamed) person did several things, and per-recipient
 * delivery rows still count in a campaign's sent totals. One scan serves both the export (what
 * would change, before the change) and the erasure (the change), so the export always holds
 * everything the deletion touches.
 */
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { PersonTrace, PersonSubject } from '../services/data-requests.ports.js';
import { ERASED_PERSON_ID } from '../../shared/domain/data-requests.js';
import { decodeColumns, toRow } from './entity-codec.js';
import { ConflictError, guard, NotFoundError } from './errors.js';
import { composeKey, decodeKeyPart, keys, KEY_SEPARATOR } from './keys.js';
import { listRows } from './table-ops.js';
import { mapLimit } from '../util/map-limit.js';

/** Tables scanned for traces, by the name the answer and the export use. */
export interface PersonTraceTables {
  auditLog: TableClient;
  importJobs: TableClient;
  deliveries: TableClient;
  campaigns: TableClient;
  analyticsEvents: TableClient;
  analyticsAggregates: TableClient;
  contestSnapshots: TableClient;
  conversions: TableClient;
  contests: TableClient;
  pilots: TableClient;
  pilotRecords: TableClient;
  topicProposals: TableClient;
  influencers: TableClient;
  suggestions: TableClient;
  trainingModules: TableClient;
  trainingPushes: TableClient;
  content: TableClient;
  policies: TableClient;
  topics: TableClient;
  employees: TableClient;
  wins: TableClient;
}
export type TraceTable = keyof PersonTraceTables;

type Raw = Record<string, unknown>;
const CONCURRENCY = 8;
/** Scans and rewrites before a row that keeps changing fails the deletion (it can be run again). */
const REWRITE_ATTEMPTS = 3;
/** Sorts after every escaped key character: `prefix|` .. `prefix|~` is every partition under a prefix. */
const partitionsUnder = (prefix: string) => odata`PartitionKey ge ${`${prefix}${KEY_SEPARATOR}`} and PartitionKey lt ${`${prefix}${KEY_SEPARATOR}~`}`;
const partition = (pk: string) => odata`PartitionKey eq ${pk}`;

/** The partitions of one tenant in each table (an `odata` filter each). */
function tenantFilters(tenantId: string): Record<TraceTable, string[]> {
  return {
    auditLog: [partitionsUnder(composeKey('audit partition', tenantId))],
    importJobs: [partition(keys.importJob.pk(tenantId)), partitionsUnder(`r${KEY_SEPARATOR}${composeKey('import report', tenantId)}`)],
    deliveries: [partitionsUnder(composeKey('delivery partition', tenantId))],
    campaigns: [partition(keys.campaign.pk(tenantId))],
    analyticsEvents: [partitionsUnder(composeKey('analytics events', tenantId))],
    analyticsAggregates: [partitionsUnder(composeKey('analytics partition', tenantId))],
    contestSnapshots: [partitionsUnder(composeKey('snapshot partition', tenantId))],
    conversions: [partition(keys.conversion.pk(tenantId))],
    contests: [partition(keys.contest.pk(tenantId))],
    pilots: [partition(keys.pilot.pk(tenantId))],
    pilotRecords: [partition(keys.pilotRecord.pk(tenantId))],
    topicProposals: [partition(keys.topicProposal.pk(tenantId))],
    influencers: [partition(keys.influencer.pk(tenantId))],
    suggestions: [partition(keys.suggestion.pk(tenantId))],
    trainingModules: [partition(keys.trainingModule.pk(tenantId))],
    trainingPushes: [partition(keys.trainingPush.pk(tenantId))],
    content: [partition(keys.content.pk(tenantId))],
    policies: [partition(keys.policy.pk(tenantId))],
    topics: [partition(keys.topic.pk(tenantId))],
    employees: [partition(keys.employee.pk(tenantId))],
    wins: [partitionsUnder(`f${KEY_SEPARATOR}${composeKey('win feed', tenantId)}`)],
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every identifier of the subject inside a string by the pseudonym, case-insensitive.
 * Ids (employee id, Entra object id, Teams user id) match only whole (a letter, digit, `_`, `@`
 * or `-` beside it means another id: `u1` never matches inside `u10`); names match whole words
 * (`Kim` not inside `Kimberly`); an email matches wherever it appears (`not-an-email-<it>` in an
 * import report names them just the same).
 */
export function identifierPattern(subject: PersonSubject): RegExp | undefined {
  const usable = (values: readonly string[]) => values.map((v) => v.trim()).filter((v) => v.length >= 2);
  const alternatives = [
    ...usable(subject.ids).map((v) => ({ v, p: `(?<![\\p{L}\\p{N}_@-])${escapeRegExp(v)}(?![\\p{L}\\p{N}_@-])` })),
    ...usable(subject.names).map((v) => ({ v, p: `(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])` })),
    ...usable(subject.emails).map((v) => ({ v, p: escapeRegExp(v) })),
  ].sort((a, b) => b.v.length - a.v.length);
  if (alternatives.length === 0) return undefined;
  return new RegExp(alternatives.map((a) => a.p).join('|'), 'giu');
}

function scrubValue(value: unknown, pattern: RegExp, pseudonym: string): unknown {
  if (typeof value === 'string') return value.replace(pattern, pseudonym);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, pattern, pseudonym));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Raw).map(([k, v]) => [k.replace(pattern, pseudonym), scrubValue(v, pattern, pseudonym)]));
  }
  return value;
}

/** A row that names the person, and what it becomes (a new row key when the old one held their id). */
interface Rewrite {
  table: TraceTable;
  partitionKey: string;
  rowKey: string;
  etag: string;
  before: Raw;
  after: Raw;
  newRowKey: string;
}

/** The new row key of a row whose key holds the person's id (deliveries, analytics events); else the same. */
function rekey(table: TraceTable, rowKey: string, after: Raw, subject: PersonSubject): string {
  if (table === 'deliveries' && decodeKeyPart(rowKey) === subject.employeeId) return keys.delivery.rk(subject.pseudonym);
  if (table === 'analyticsEvents' && typeof after.id === 'string') return keys.analyticsEvent.rk(after.id);
  return rowKey;
}

/**
 * Finds and rewrites a person's traces in rows that are not theirs (see the file header).
 * Idempotent: a second run finds nothing (every identifier is already the pseudonym).
 */
export class TablePersonTraces {
  constructor(private readonly t: PersonTraceTables) {}

  private async scan(tenantId: string, subject: PersonSubject): Promise<Rewrite[]> {
    const pattern = identifierPattern(subject);
    if (!pattern) return [];
    // Other people's own records are matched on ids only: a namesake keeps their name.
    const idsOnly = identifierPattern({ ...subject, names: [], emails: [] });
    const filters = tenantFilters(tenantId);
    const found = await mapLimit(Object.keys(filters) as TraceTable[], CONCURRENCY, async (table) => {
      const out: Rewrite[] = [];
      for (const filter of filters[table]) {
        for (const row of await listRows(this.t[table], `${table} of ${tenantId} (data request)`, { filter })) {
          const pk = String(row.partitionKey);
          const rk = String(row.rowKey);
          // The person's own record goes last, with the erasure; every other row is a trace.
          if (table === 'employees' && rk === keys.employee.rk(subject.employeeId)) continue;
          const before = decodeColumns(row, `${table} row ${pk}/${rk}`);
          const keyHit = table === 'deliveries' && decodeKeyPart(rk) === subject.employeeId;
          const rowPattern = table === 'employees' ? idsOnly : pattern;
          if (!rowPattern) continue;
          rowPattern.lastIndex = 0;
          if (!keyHit && !rowPattern.test(JSON.stringify(before))) continue;
          const scrubbed = scrubValue(before, rowPattern, subject.pseudonym) as Raw;
          // An entry by someone else who shares their name keeps its actor's name.
          if (table === 'auditLog') scrubbed.actorName = scrubbed.actorId === before.actorId ? before.actorName : subject.pseudonym;
          // Their own delivery record (row key = their id); their conversions point at no one, like their links.
          const after = keyHit ? deliveryAfter(scrubbed) : table === 'conversions' && scrubbed.employeeId === subject.pseudonym ? { ...scrubbed, employeeId: ERASED_PERSON_ID } : scrubbed;
          const newRowKey = rekey(table, rk, after, subject);
          // Only the name matched, and it was a namesake's own (an audit actor's): not a trace.
          if (newRowKey === rk && JSON.stringify(after) === JSON.stringify(before)) continue;
          out.push({ table, partitionKey: pk, rowKey: rk, etag: String(row.etag), before, after, newRowKey });
        }
      }
      return out;
    });
    return found.flat();
  }

  /** What the erasure would change, as the rows are now (for the person's export). */
  async find(tenantId: string, subject: PersonSubject): Promise<PersonTrace[]> {
    return (await this.scan(tenantId, subject)).map((r) => ({ table: r.table, row: r.before }));
  }

  /** Rewrite every trace; answers the rows changed per table. */
  async pseudonymise(tenantId: string, subject: PersonSubject): Promise<Record<string, number>> {
    const rewrites = await this.scan(tenantId, subject);
    // A row changed meanwhile (a delivery sent, an entry edited): scan again and rewrite what is left.
    for (let attempt = 1, todo = rewrites; todo.length > 0; attempt += 1) {
      try {
        await this.rewrite(todo);
        break;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= REWRITE_ATTEMPTS) throw err;
        todo = await this.scan(tenantId, subject);
      }
    }
    // A month's read model changed: stamp it built anew, so no report held in memory (keyed on the
    // build times) is answered again with the person's id or name in it.
    const months = [...new Set(rewrites.filter((r) => r.table === 'analyticsAggregates').map((r) => r.partitionKey))];
    const builtAt = new Date().toISOString();
    await mapLimit(months, CONCURRENCY, (pk) =>
      guard(`analytics ${pk} (data request)`, () => this.t.analyticsAggregates.upsertEntity({ partitionKey: pk, rowKey: keys.analyticsAggregate.metaRk(), builtAt }, 'Merge')),
    );
    const counts: Record<string, number> = {};
    for (const r of rewrites) counts[r.table] = (counts[r.table] ?? 0) + 1;
    return counts;
  }

  /** Write each rewrite at the version scanned (ConflictError when it changed since). */
  private async rewrite(rewrites: readonly Rewrite[]): Promise<void> {
    await mapLimit(rewrites, CONCURRENCY, async (r) => {
      const client = this.t[r.table];
      const what = `${r.table} row ${r.partitionKey}/${r.rowKey} (data request)`;
      const row = toRow(r.partitionKey, r.newRowKey, r.after, what);
      if (r.newRowKey === r.rowKey) {
        await guard(what, () => client.updateEntity(row, 'Replace', { etag: r.etag }));
        return;
      }
      // Moved: the new row first (a retry after a cut finds the old one and writes the same new one).
      await guard(what, () => client.upsertEntity(row, 'Replace'));
      await guard(what, () => client.deleteEntity(r.partitionKey, r.rowKey, { etag: r.etag })).catch((err: unknown) => {
        if (!(err instanceof NotFoundError)) throw err;
      });
    });
  }
}

/**
 * A delivery record kept for the campaign's counts: a prompt not yet sent will never be (the
 * person is gone), so it is cancelled; the reason (free text) is dropped.
 */
function deliveryAfter(after: Raw): Raw {
  const { reason: _reason, ...rest } = after;
  return rest.status === 'planned' || rest.status === 'sending' ? { ...rest, status: 'cancelled' } : rest;
}
