/**
 * The scoring ledger and the tallies derived from it (docs/scoring.md). One partition per
 * (tenant, bucket of the person) holds the person's ledger rows, all-time totals, weekly totals
 * and contest scores, so `commit` records new events and moves every aggregate in ONE batch
 * transaction: ledger rows are `create`s (a replayed event fails the batch with 409) and
 * aggregates are ETag-guarded replaces (a concurrent writer fails it with 412). Either all of it
 * lands or none; a crash between steps can never count an event without its ledger row.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { z } from 'zod';
import { mapLimit } from '../util/map-limit.js';
import type {
  ContestScore,
  LedgerEvent,
  PersonTallyRows,
  PersonTotals,
  TallyRepository,
  TallySlice,
  TallyWrite,
  WeekTotals,
} from '../services/scoring.ports.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { guard, ValidationError } from './errors.js';
import { keys, SCORE_BUCKETS } from './keys.js';
import { contestScoreSchema, ledgerEventSchema, personTotalsSchema, weekTotalsSchema } from './schemas.js';
import { listPartition, MAX_BATCH_ACTIONS, readRow, upsertRows } from './table-ops.js';

const READ_CONCURRENCY = 8;

function encode<T extends object>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, pk: string, rk: string, value: T, what: string): Row {
  const valid = validateDomain(schema, value, what);
  return toRow(pk, rk, { ...valid } as Record<string, unknown>, what);
}

/** Row of a ledger event. */
export function toLedgerRow(tenantId: string, event: LedgerEvent): Row {
  return encode(ledgerEventSchema, keys.tally.pk(tenantId, event.employeeId), keys.tally.ledgerRk(event.employeeId, event.kind, event.eventId), event, `ledger ${tenantId}/${event.employeeId}`);
}

/** Row of a contest score (bulk loads: the benchmark writes scores in 100-entity batches). */
export function toScoreRow(tenantId: string, score: ContestScore): Row {
  return encode(contestScoreSchema, keys.tally.pk(tenantId, score.employeeId), keys.tally.scoreRk(score.contestId, score.employeeId), score, `score ${tenantId}/${score.employeeId}`);
}

function writeRow(tenantId: string, employeeId: string, write: TallyWrite): Row {
  const pk = keys.tally.pk(tenantId, employeeId);
  const what = `tally ${tenantId}/${employeeId}`;
  switch (write.kind) {
    case 'totals':
      return encode(personTotalsSchema, pk, keys.tally.totalsRk(employeeId), write.value, what);
    case 'week':
      return encode(weekTotalsSchema, pk, keys.tally.weekRk(employeeId, write.value.week), write.value, what);
    case 'score':
      return encode(contestScoreSchema, pk, keys.tally.scoreRk(write.value.contestId, employeeId), write.value, what);
  }
}

function versioned<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, row: Record<string, unknown>): { value: T; etag: string } {
  return { value: fromRow(schema, row, `tally row ${String(row.partitionKey)}/${String(row.rowKey)}`), etag: String(row.etag) };
}

/** TallyRepository on Azure Table Storage. */
export class TableTallyRepository implements TallyRepository {
  readonly buckets = SCORE_BUCKETS;
  /** 100 actions per batch, minus room for totals, up to 8 weeks and a few open contests. */
  readonly maxEventsPerCommit = MAX_BATCH_ACTIONS - 16;

  constructor(private readonly table: TableClient) {}

  async readSlice(tenantId: string, employeeId: string, query: { weeks: readonly string[]; contestIds: readonly string[] }): Promise<TallySlice> {
    const pk = keys.tally.pk(tenantId, employeeId);
    const what = `tally ${tenantId}/${employeeId}`;
    const [totals, weeks, scores] = await Promise.all([
      readRow(this.table, pk, keys.tally.totalsRk(employeeId), what),
      Promise.all(query.weeks.map((week) => readRow(this.table, pk, keys.tally.weekRk(employeeId, week), what))),
      Promise.all(query.contestIds.map((id) => readRow(this.table, pk, keys.tally.scoreRk(id, employeeId), what))),
    ]);
    const slice: TallySlice = { weeks: {}, scores: {} };
    if (totals) slice.totals = versioned(personTotalsSchema, totals);
    weeks.forEach((row, i) => {
      if (row) slice.weeks[query.weeks[i] as string] = versioned(weekTotalsSchema, row);
    });
    scores.forEach((row, i) => {
      if (row) slice.scores[query.contestIds[i] as string] = versioned(contestScoreSchema, row);
    });
    return slice;
  }

  async commit(tenantId: string, employeeId: string, events: readonly LedgerEvent[], writes: readonly TallyWrite[]): Promise<void> {
    if (events.some((e) => e.employeeId !== employeeId)) throw new ValidationError('A commit carries one person\'s events only');
    const actions: TransactionAction[] = [
      ...events.map((event): TransactionAction => ['create', toLedgerRow(tenantId, event)]),
      ...writes.map((write): TransactionAction => {
        const row = writeRow(tenantId, employeeId, write);
        return write.etag === undefined ? ['create', row] : ['update', row, 'Replace', { etag: write.etag }];
      }),
    ];
    if (actions.length === 0) return;
    if (actions.length > MAX_BATCH_ACTIONS) throw new ValidationError(`A tally commit holds at most ${MAX_BATCH_ACTIONS} actions (got ${actions.length})`);
    await guard(`tally commit ${tenantId}/${employeeId}`, () => this.table.submitTransaction(actions));
  }

  async knownEvents(tenantId: string, employeeId: string, events: readonly LedgerEvent[]): Promise<Set<string>> {
    const pk = keys.tally.pk(tenantId, employeeId);
    const found = await mapLimit(events, READ_CONCURRENCY, async (event) => {
      const row = await readRow(this.table, pk, keys.tally.ledgerRk(employeeId, event.kind, event.eventId), `ledger ${tenantId}/${employeeId}`);
      return row ? `${event.kind}|${event.eventId}` : undefined;
    });
    return new Set(found.filter((f): f is string => f !== undefined));
  }

  async upsertEvents(tenantId: string, events: readonly LedgerEvent[]): Promise<void> {
    if (events.length === 0) return;
    await upsertRows(this.table, events.map((e) => toLedgerRow(tenantId, e)), `ledger of ${tenantId}`);
  }

  async listBucket(tenantId: string, bucket: number): Promise<PersonTallyRows[]> {
    const rows = await listPartition(this.table, keys.tally.bucketPk(tenantId, bucket), `tallies of ${tenantId} bucket ${bucket}`);
    const people = new Map<string, PersonTallyRows>();
    const person = (employeeId: string): PersonTallyRows => {
      let found = people.get(employeeId);
      if (!found) people.set(employeeId, (found = { employeeId, events: [], weeks: {}, scores: {} }));
      return found;
    };
    for (const row of rows) {
      const kind = String(row.rowKey).charAt(0);
      if (kind === 'l') {
        const event = fromRow(ledgerEventSchema, row, `ledger row ${String(row.rowKey)}`);
        person(event.employeeId).events.push(event);
      } else if (kind === 's') {
        const totals = versioned(personTotalsSchema, row);
        person(totals.value.employeeId).totals = totals;
      } else if (kind === 'w') {
        const week = versioned(weekTotalsSchema, row);
        person(week.value.employeeId).weeks[week.value.week] = week;
      } else if (kind === 'c') {
        const score = versioned(contestScoreSchema, row);
        person(score.value.employeeId).scores[score.value.contestId] = score;
      }
    }
    return [...people.values()];
  }

  async listScores(tenantId: string, contestId: string): Promise<ContestScore[]> {
    const { from, to } = keys.tally.scoreRange(contestId);
    const buckets = Array.from({ length: this.buckets }, (_, n) => keys.tally.bucketPk(tenantId, n));
    const rows = await mapLimit(buckets, buckets.length, (pk) =>
      listPartition(this.table, pk, `scores of ${tenantId}/${contestId}`, { where: odata`RowKey ge ${from} and RowKey lt ${to}` }),
    );
    return rows.flat().map((row) => fromRow(contestScoreSchema, row, `score row ${String(row.rowKey)}`));
  }

  async getScore(tenantId: string, contestId: string, employeeId: string): Promise<ContestScore | undefined> {
    const row = await readRow(this.table, keys.tally.pk(tenantId, employeeId), keys.tally.scoreRk(contestId, employeeId), `score ${tenantId}/${contestId}/${employeeId}`);
    return row && fromRow(contestScoreSchema, row, `score row ${String(row.rowKey)}`);
  }

  async getTotals(tenantId: string, employeeId: string): Promise<PersonTotals | undefined> {
    const row = await readRow(this.table, keys.tally.pk(tenantId, employeeId), keys.tally.totalsRk(employeeId), `totals ${tenantId}/${employeeId}`);
    return row && fromRow(personTotalsSchema, row, `totals row ${String(row.rowKey)}`);
  }

  async getWeek(tenantId: string, employeeId: string, week: string): Promise<WeekTotals | undefined> {
    const row = await readRow(this.table, keys.tally.pk(tenantId, employeeId), keys.tally.weekRk(employeeId, week), `week ${tenantId}/${employeeId}`);
    return row && fromRow(weekTotalsSchema, row, `week row ${String(row.rowKey)}`);
  }
}
