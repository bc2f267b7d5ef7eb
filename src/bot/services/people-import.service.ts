/**
 * People import from CSV (programme admin). The file is parsed (csv-parse) and every row
 * validated by the domain rules before anything is written; then each accepted row is one
 * entity write (create, or update at the ETag it was read with), so a person is never
 * half-written and a bad row never stops the others. Progress and the per-row report are stored
 * as the job runs, so any instance can show the progress bar; a re-import is idempotent.
 */
import { parse } from 'csv-parse/sync';
import {
  columnOfHeader,
  isSamePerson,
  mergeImportedPerson,
  REQUIRED_COLUMNS,
  validatePersonRow,
  type ImportColumn,
  type ImportDefaults,
  type ImportedPerson,
  type RowIssue,
} from '../../shared/domain/people-import.js';
import { mapLimit } from '../util/map-limit.js';
import { ConflictError, ValidationError } from './errors.js';
import { ENROLMENT_DEFAULTS } from './onboarding.service.js';
import { ISSUES_PER_CHUNK, type ImportJob, type ImportJobRepository } from './people-import.ports.js';
import type { EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** Largest file accepted, in data rows. */
export const MAX_IMPORT_ROWS = 50_000;
/** A running job whose heartbeat is older than this is reported as interrupted. */
export const STALE_AFTER_MS = 60_000;

export interface PeopleImportDeps {
  jobs: ImportJobRepository;
  employees: Pick<EmployeeRepository, 'find' | 'create' | 'update' | 'get'>;
  newId: () => string;
  now?: () => Date;
  /** Writes in flight at once; default 8. */
  concurrency?: number;
  /** Progress is saved at most this often; default 1,000 ms. */
  saveEveryMs?: number;
  logger?: { error(details: object, message: string): void };
}

/** A job as the API shows it: `interrupted` when its instance stopped saving progress. */
export interface ImportStatus extends Omit<ImportJob, 'state'> {
  state: ImportJob['state'] | 'interrupted';
}

export function createPeopleImportService(deps: PeopleImportDeps) {
  const now = deps.now ?? (() => new Date());
  const defaults: ImportDefaults = {
    workingDays: ENROLMENT_DEFAULTS.workingDays,
    workingHours: ENROLMENT_DEFAULTS.workingHours,
    weeklyPromptCap: ENROLMENT_DEFAULTS.weeklyPromptCap,
    timeZone: ENROLMENT_DEFAULTS.timeZone,
    language: 'en',
  };

  /** Write one accepted row; the outcome counts it. */
  async function writePerson(tenantId: string, person: ImportedPerson): Promise<'created' | 'updated' | 'unchanged'> {
    const stamp = now().toISOString();
    const existing = await deps.employees.find(tenantId, person.id);
    if (!existing) {
      try {
        await deps.employees.create(mergeImportedPerson(tenantId, undefined, person, defaults, stamp));
        return 'created';
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err; // someone enrolled from chat meanwhile: update instead
      }
    }
    let changed = false;
    await retryOnConflict(
      () => deps.employees.get(tenantId, person.id),
      (current) => {
        const next = mergeImportedPerson(tenantId, current, person, defaults, stamp);
        changed = !isSamePerson(current, next);
        return changed ? next : undefined;
      },
      (next, etag) => deps.employees.update(next, etag),
    );
    return changed ? 'updated' : 'unchanged';
  }

  async function run(job: ImportJob, accepted: Array<{ line: number; person: ImportedPerson }>, issues: RowIssue[]): Promise<ImportJob> {
    let savedChunks = 0;
    let lastSave = 0;
    const save = async (force: boolean) => {
      if (!force && Date.now() - lastSave < (deps.saveEveryMs ?? 1_000)) return;
      lastSave = Date.now();
      job.updatedAt = now().toISOString();
      await deps.jobs.saveIssues(job.tenantId, job.id, issues, savedChunks);
      savedChunks = Math.floor(issues.length / ISSUES_PER_CHUNK);
      await deps.jobs.save({ ...job });
    };
    await save(true);
    await mapLimit(accepted, deps.concurrency ?? 8, async ({ line, person }) => {
      try {
        const outcome = await writePerson(job.tenantId, person);
        job[outcome] += 1;
      } catch (err) {
        job.failed += 1;
        issues.push({ line, column: 'row', problem: 'not-saved' });
        deps.logger?.error({ line, error: err instanceof Error ? err.message : String(err) }, 'import row not saved');
      }
      job.processed += 1;
      await save(false);
    });
    issues.sort((a, b) => a.line - b.line);
    job.state = 'done';
    job.finishedAt = now().toISOString();
    await deps.jobs.saveIssues(job.tenantId, job.id, issues, 0);
    await save(true);
    return job;
  }

  return {
    /**
     * Check the file and start the import. A file that cannot be read as CSV, lacks a required
     * column or has too many rows is refused whole (ValidationError, nothing written); otherwise the
     * job starts and `finished` settles when every row is done.
     */
    async start(tenantId: string, actorId: string, csv: string): Promise<{ job: ImportJob; finished: Promise<ImportJob> }> {
      let records: string[][];
      try {
        records = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
      } catch (err) {
        throw new ValidationError(`not a readable CSV file: ${err instanceof Error ? err.message.split('\n')[0] : 'parse error'}`);
      }
      const [header, ...rows] = records;
      if (!header) throw new ValidationError('the file is empty');
      const columns = header.map(columnOfHeader);
      const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
      if (missing.length > 0) throw new ValidationError(`missing required columns: ${missing.join(', ')}`);
      if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError(`too many rows: ${rows.length} (at most ${MAX_IMPORT_ROWS})`);

      const issues: RowIssue[] = [];
      const accepted: Array<{ line: number; person: ImportedPerson }> = [];
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        const line = index + 2;
        if (row.length !== header.length) {
          issues.push({ line, column: 'row', problem: 'wrong-column-count', value: `${row.length}/${header.length}` });
          return;
        }
        const cells: Partial<Record<ImportColumn, string>> = {};
        columns.forEach((column, i) => {
          if (column) cells[column] = row[i] ?? '';
        });
        const result = validatePersonRow(line, cells);
        if (!result.ok) {
          issues.push(...result.issues);
          return;
        }
        if (seen.has(result.person.id)) {
          issues.push({ line, column: 'id', problem: 'duplicate-id', value: result.person.id });
          return;
        }
        seen.add(result.person.id);
        accepted.push({ line, person: result.person });
      });

      const stamp = now().toISOString();
      const refused = rows.length - accepted.length;
      const job: ImportJob = {
        tenantId, id: deps.newId(), actorId, state: 'running', total: rows.length, processed: refused,
        created: 0, updated: 0, unchanged: 0, failed: refused, startedAt: stamp, updatedAt: stamp,
      };
      const finished = run(job, accepted, issues).catch(async (err: unknown) => {
        deps.logger?.error({ job: job.id, error: err instanceof Error ? err.message : String(err) }, 'people import failed');
        job.state = 'failed';
        job.finishedAt = now().toISOString();
        await deps.jobs.save({ ...job }).catch(() => undefined);
        return job;
      });
      return { job: { ...job }, finished };
    },

    /** The job's progress and its report, or `undefined` when unknown. */
    async status(tenantId: string, id: string): Promise<{ job: ImportStatus; issues: RowIssue[] } | undefined> {
      const job = await deps.jobs.find(tenantId, id);
      if (!job) return undefined;
      const stale = job.state === 'running' && now().getTime() - Date.parse(job.updatedAt) > STALE_AFTER_MS;
      return { job: { ...job, state: stale ? 'interrupted' : job.state }, issues: await deps.jobs.listIssues(tenantId, id) };
    },
  };
}

export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
