/**
 * Contest scores, spread over SCORE_BUCKETS partitions per contest (`contest|bNN`, bucket from a
 * hash of the employee id) so a burst of score updates never exceeds one partition's rate. The
 * leaderboard reads all buckets in parallel and merges them.
 */
import type { TableClient } from '@azure/data-tables';
import type { Score } from '../../shared/domain/types.js';
import type { ScoreRepository, Versioned } from '../services/ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { scoreSchema } from './schemas.js';
import { mapLimit } from '../util/map-limit.js';
import { listPartition, readRow, requireEtag } from './table-ops.js';

const what = (contestId: string, employeeId: string) => `score ${contestId}/${employeeId}`;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toScoreEntity(score: Score): Row {
  const valid = validateDomain(scoreSchema, score, what(score.contestId, score.employeeId));
  return toRow(keys.score.pk(valid.contestId, valid.employeeId), keys.score.rk(valid.employeeId), { ...valid }, what(valid.contestId, valid.employeeId));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromScoreEntity(row: Record<string, unknown>): Score {
  return fromRow(scoreSchema, row, `score row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** Leaderboard order: points desc, then who reached them first, then id for stability. */
export function compareScores(a: Score, b: Score): number {
  return b.points - a.points || a.reachedAt.localeCompare(b.reachedAt) || a.employeeId.localeCompare(b.employeeId);
}

/** ScoreRepository on Azure Table Storage. */
export class TableScoreRepository implements ScoreRepository {
  constructor(private readonly table: TableClient) {}

  async get(contestId: string, employeeId: string): Promise<Versioned<Score> | undefined> {
    const row = await readRow(this.table, keys.score.pk(contestId, employeeId), keys.score.rk(employeeId), what(contestId, employeeId));
    return row && { value: fromScoreEntity(row), etag: String(row.etag) };
  }

  /** Without an etag: create (ConflictError if it exists). With one: replace only that version. */
  async put(score: Score, etag?: string): Promise<Versioned<Score>> {
    const row = toScoreEntity(score);
    const label = what(score.contestId, score.employeeId);
    const res = etag === undefined
      ? await guard(label, () => this.table.createEntity(row))
      : await guard(label, () => this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }));
    return { value: fromScoreEntity(row), etag: res.etag ?? '' };
  }

  /** Every score of a contest, leaderboard order. */
  async listByContest(contestId: string): Promise<Score[]> {
    const pks = keys.score.bucketPks(contestId);
    const buckets = await mapLimit(pks, pks.length, (pk) =>
      listPartition(this.table, pk, `scores of ${contestId}`),
    );
    return buckets.flat().map(fromScoreEntity).sort(compareScores);
  }
}
