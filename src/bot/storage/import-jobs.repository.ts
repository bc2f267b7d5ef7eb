/** People import jobs and their per-row reports on a table (see `keys.importJob`). */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { RowIssue } from '../../shared/domain/people-import.js';
import { ISSUES_PER_CHUNK, IMPORT_JOB_STATES, type ImportJob, type ImportJobRepository } from '../services/people-import.ports.js';
import { guard } from './errors.js';
import { keys } from './keys.js';
import { listPartition, readRow } from './table-ops.js';

const count = z.number().int().min(0);
const jobSchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  actorId: z.string(),
  state: z.enum(IMPORT_JOB_STATES),
  total: count,
  processed: count,
  created: count,
  updated: count,
  unchanged: count,
  failed: count,
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
});

const issuesSchema = z.array(
  z.object({ line: z.number().int(), column: z.string(), problem: z.string(), value: z.string().optional() }),
);

export class TableImportJobRepository implements ImportJobRepository {
  constructor(private readonly table: TableClient) {}

  async save(job: ImportJob): Promise<void> {
    const row = { partitionKey: keys.importJob.pk(job.tenantId), rowKey: keys.importJob.rk(job.id), ...jobSchema.parse(job) };
    await guard(`import job ${job.id}`, () => this.table.upsertEntity(row, 'Replace'));
  }

  async find(tenantId: string, id: string): Promise<ImportJob | undefined> {
    const row = await readRow(this.table, keys.importJob.pk(tenantId), keys.importJob.rk(id), `import job ${id}`);
    return row ? jobSchema.parse(row) : undefined;
  }

  async saveIssues(tenantId: string, id: string, issues: readonly RowIssue[], fromChunk: number): Promise<void> {
    const pk = keys.importJob.issuesPk(tenantId, id);
    for (let chunk = fromChunk; chunk * ISSUES_PER_CHUNK < issues.length; chunk += 1) {
      const slice = issues.slice(chunk * ISSUES_PER_CHUNK, (chunk + 1) * ISSUES_PER_CHUNK);
      await guard(`import report ${id}`, () =>
        this.table.upsertEntity({ partitionKey: pk, rowKey: keys.importJob.issuesRk(chunk), issues: JSON.stringify(slice) }, 'Replace'),
      );
    }
  }

  async listIssues(tenantId: string, id: string): Promise<RowIssue[]> {
    const rows = await listPartition(this.table, keys.importJob.issuesPk(tenantId, id), `import report ${id}`);
    rows.sort((a, b) => String(a.rowKey).localeCompare(String(b.rowKey)));
    return rows.flatMap((row) => issuesSchema.parse(JSON.parse(String(row.issues))) as RowIssue[]);
  }
}
