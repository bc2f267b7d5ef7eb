/**
 * The smaller measurement aggregates: conversions (one partition per tenant, row key = the CRM's
 * external id, so a replayed webhook is a 409 and the stored row wins), celebrated wins (by person,
 * plus a per-week feed row for the weekly update), weekly board snapshots (chunked rows), the
 * leaderboard's projection of the roster, and the event archive a rebuild reads.
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { Conversion } from '../../shared/domain/conversions.js';
import type { RankSnapshotEntry } from '../../shared/domain/contest-snapshots.js';
import { isoWeekKey } from '../../shared/domain/contest-snapshots.js';
import { ROLES, type Click, type Role, type Share } from '../../shared/domain/types.js';
import type { Win } from '../../shared/domain/wins.js';
import type {
  ContestSnapshotRepository,
  ConversionRepository,
  EventArchive,
  Participant,
  ParticipantDirectory,
  StoredWin,
  WinRepository,
} from '../services/scoring.ports.js';
import { fromClickEntity } from './clicks.repository.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { ConflictError, guard } from './errors.js';
import { encodeKeyPart, keys, KEY_SEPARATOR } from './keys.js';
import { conversionSchema, snapshotChunkSchema, storedWinSchema } from './schemas.js';
import { fromShareEntity } from './shares.repository.js';
import { listPartition, listRows, readRow, upsertRows } from './table-ops.js';

/** ConversionRepository on Azure Table Storage. */
export class TableConversionRepository implements ConversionRepository {
  constructor(private readonly table: TableClient) {}

  async record(conversion: Conversion): Promise<{ created: boolean; conversion: Conversion }> {
    const what = `conversion ${conversion.tenantId}/${conversion.externalId}`;
    const valid = validateDomain(conversionSchema, conversion, what);
    const pk = keys.conversion.pk(valid.tenantId);
    const rk = keys.conversion.rk(valid.externalId);
    try {
      await guard(what, () => this.table.createEntity(toRow(pk, rk, { ...valid }, what)));
      return { created: true, conversion: valid };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const row = await readRow(this.table, pk, rk, what);
      if (!row) throw err;
      return { created: false, conversion: fromRow(conversionSchema, row, what) };
    }
  }

  async listByTenant(tenantId: string): Promise<Conversion[]> {
    const rows = await listPartition(this.table, keys.conversion.pk(tenantId), `conversions of ${tenantId}`);
    return rows.map((row) => fromRow(conversionSchema, row, `conversion row ${String(row.rowKey)}`));
  }
}

/** WinRepository on Azure Table Storage. */
export class TableWinRepository implements WinRepository {
  constructor(private readonly table: TableClient) {}

  async claim(tenantId: string, win: Win): Promise<boolean> {
    const what = `win ${tenantId}/${win.id}`;
    const stored = validateDomain(storedWinSchema, { ...win, notified: false }, what);
    const rk = keys.win.rk(win.id);
    // Feed row first (an idempotent upsert): a win that exists always shows in its week's feed.
    await guard(what, () => this.table.upsertEntity(toRow(keys.win.byWeekPk(tenantId, isoWeekKey(win.at)), rk, { ...stored }, what), 'Replace'));
    try {
      await guard(what, () => this.table.createEntity(toRow(keys.win.byEmployeePk(tenantId, win.employeeId), rk, { ...stored }, what)));
      return true;
    } catch (err) {
      if (err instanceof ConflictError && err.statusCode === 409) return false;
      throw err;
    }
  }

  async listByEmployee(tenantId: string, employeeId: string): Promise<StoredWin[]> {
    const rows = await listPartition(this.table, keys.win.byEmployeePk(tenantId, employeeId), `wins of ${tenantId}/${employeeId}`);
    return rows.map((row) => fromRow(storedWinSchema, row, `win row ${String(row.rowKey)}`)).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }

  async markNotified(tenantId: string, win: Win): Promise<void> {
    const what = `win ${tenantId}/${win.id}`;
    const row = toRow(keys.win.byEmployeePk(tenantId, win.employeeId), keys.win.rk(win.id), { notified: true }, what);
    await guard(what, () => this.table.updateEntity(row, 'Merge'));
  }

  async listByWeek(tenantId: string, week: string): Promise<Win[]> {
    const rows = await listPartition(this.table, keys.win.byWeekPk(tenantId, week), `wins of ${tenantId} in ${week}`);
    return rows.map((row) => {
      const { notified: _notified, ...win } = fromRow(storedWinSchema, row, `win row ${String(row.rowKey)}`);
      return win;
    });
  }
}

/** Entries per snapshot row: about 50 KB of JSON, well inside one entity. */
const SNAPSHOT_CHUNK = 1000;

/** ContestSnapshotRepository on Azure Table Storage. */
export class TableContestSnapshotRepository implements ContestSnapshotRepository {
  constructor(private readonly table: TableClient) {}

  async save(tenantId: string, contestId: string, week: string, entries: readonly RankSnapshotEntry[]): Promise<void> {
    const chunks = Math.max(1, Math.ceil(entries.length / SNAPSHOT_CHUNK));
    const pk = keys.contestSnapshot.pk(tenantId, contestId);
    const what = `snapshot ${tenantId}/${contestId}/${week}`;
    const rows = Array.from({ length: chunks }, (_, chunk) => {
      const slice = entries.slice(chunk * SNAPSHOT_CHUNK, (chunk + 1) * SNAPSHOT_CHUNK).map((e) => ({ employeeId: e.employeeId, rank: e.rank, points: e.points }));
      const valid = validateDomain(snapshotChunkSchema, { week, chunk, chunks, entries: slice }, what);
      return toRow(pk, keys.contestSnapshot.rk(week, chunk), { ...valid }, what);
    });
    await upsertRows(this.table, rows, what);
  }

  async load(tenantId: string, contestId: string, week: string): Promise<RankSnapshotEntry[] | undefined> {
    const { from, to } = keys.contestSnapshot.weekRange(week);
    const rows = await listPartition(this.table, keys.contestSnapshot.pk(tenantId, contestId), `snapshot ${tenantId}/${contestId}/${week}`, {
      where: odata`RowKey ge ${from} and RowKey lt ${to}`,
    });
    const chunks = rows.map((row) => fromRow(snapshotChunkSchema, row, `snapshot row ${String(row.rowKey)}`)).sort((a, b) => a.chunk - b.chunk);
    const first = chunks[0];
    if (!first) return undefined;
    // A shorter save after a longer one leaves stale tail chunks: `chunks` says how many count.
    return chunks.filter((c) => c.chunk < first.chunks).flatMap((c) => c.entries);
  }
}

const ROLE_SET = new Set<string>(ROLES);

/**
 * The roster as the leaderboard needs it, read from the Employees table with only three columns
 * (id, displayName, roles): a 50,000-person tenant is one partition read of small rows.
 */
export class TableParticipantDirectory implements ParticipantDirectory {
  constructor(private readonly employees: TableClient) {}

  async listParticipants(tenantId: string): Promise<Participant[]> {
    const rows = await listPartition(this.employees, keys.employee.pk(tenantId), `participants of ${tenantId}`, { select: ['id', 'displayName', 'rolesJson'] });
    return rows.flatMap((row) => {
      if (typeof row.id !== 'string') return [];
      let roles: Role[] = [];
      try {
        const parsed: unknown = JSON.parse(typeof row.rolesJson === 'string' ? row.rolesJson : '[]');
        roles = Array.isArray(parsed) ? parsed.filter((r): r is Role => typeof r === 'string' && ROLE_SET.has(r)) : [];
      } catch {
        roles = [];
      }
      return [{ id: row.id, displayName: typeof row.displayName === 'string' ? row.displayName : row.id, roles }];
    });
  }
}

/**
 * The stored events of a tenant, for a rebuild: shares are one partition range per tenant
 * (`e|tenant|...`), conversions one partition; clicks are partitioned by link code, so they are
 * a filtered scan of the Clicks table (a rare admin operation, never on a hot path).
 */
export class TableEventArchive implements EventArchive {
  constructor(
    private readonly clicks: TableClient,
    private readonly shares: TableClient,
    private readonly conversions: ConversionRepository,
  ) {}

  async listClicks(tenantId: string): Promise<Click[]> {
    const rows = await listRows(this.clicks, `clicks of ${tenantId}`, { filter: odata`tenantId eq ${tenantId}` });
    return rows.map(fromClickEntity);
  }

  async listShares(tenantId: string): Promise<Share[]> {
    const from = `e${KEY_SEPARATOR}${encodeKeyPart(tenantId)}${KEY_SEPARATOR}`;
    const to = `${from}~`;
    const rows = await listRows(this.shares, `shares of ${tenantId}`, { filter: odata`PartitionKey ge ${from} and PartitionKey lt ${to}` });
    return rows.map(fromShareEntity);
  }

  listConversions(tenantId: string): Promise<Conversion[]> {
    return this.conversions.listByTenant(tenantId);
  }
}
