/**
 * Tracked links, one partition per code: the redirect (`GET /l/:code`, the hot path) is a point
 * read, and load spreads over as many partitions as there are links.
 */
import type { TableClient } from '@azure/data-tables';
import type { TrackedLink } from '../../shared/domain/types.js';
import type { TrackedLinkRepository } from '../services/ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { trackedLinkSchema } from './schemas.js';
import { readRow } from './table-ops.js';

const what = (code: string) => `tracked link ${code}`;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toTrackedLinkEntity(link: TrackedLink): Row {
  const valid = validateDomain(trackedLinkSchema, link, what(link.code));
  return toRow(keys.trackedLink.pk(valid.code), keys.trackedLink.rk(), { ...valid }, what(valid.code));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromTrackedLinkEntity(row: Record<string, unknown>): TrackedLink {
  return fromRow(trackedLinkSchema, row, `tracked link row ${String(row.partitionKey)}`);
}

/** TrackedLinkRepository on Azure Table Storage; codes are never reused (create, not upsert). */
export class TableTrackedLinkRepository implements TrackedLinkRepository {
  constructor(private readonly table: TableClient) {}

  async create(link: TrackedLink): Promise<void> {
    const row = toTrackedLinkEntity(link);
    await guard(what(link.code), () => this.table.createEntity(row));
  }

  async find(code: string): Promise<TrackedLink | undefined> {
    const row = await readRow(this.table, keys.trackedLink.pk(code), keys.trackedLink.rk(), what(code));
    return row && fromTrackedLinkEntity(row);
  }
}
