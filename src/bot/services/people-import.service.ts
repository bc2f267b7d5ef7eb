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
import { ValidationError } from './errors.js';
import { ENROLMENT_DEFAULTS } from './onboarding.service.js';
import { ISSUES_PER_CHUNK, type ImportJob, type ImportJobRepository } from './people-import.ports.js';
import type { EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** One source row: its cells, or the problem that stopped it being read. */
type SourceRow = { line: number; cells: Partial<Record<ImportColumn, string>> } | { line: number; issue: RowIssue };

/** Largest file accepted, in data rows. */
export const MAX_IMPORT_ROWS = 50_000;
/** New people per batch call (the storage splits it into transactions of 100). */
const CREATE_BATCH = 500;
/** A running job whose heartbeat is older than this is reported as interrupted. */
export const STALE_AFTER_MS = 60_000;

export interface PeopleImportDeps {
  jobs: ImportJobRepository;
  employees: Pick<EmployeeRepository, 'listByTenant' | 'createMany' | 'update' | 'get'>;
  newId: () => string;
  now?: () => Date;
  /** Writes in flight at once; default 8. */
  concurrency?: number;
  /** Progress is saved at most this often; default 1,000 ms. */
  saveEveryMs?: number;
  logger?: { error(details: object, message: string): void };
  /** The programme's defaults for new people (Admin > Settings: weekly cap, working days); read once per job. */
  programmeDefaults?: (tenantId: string) => Promise<Partial<Pick<ImportDefaults, 'workingDays' | 'weeklyPromptCap'>> | undefined>;
}

/** A job as the API shows it: `interrupted` when its instance stopped saving progress. */
export interface ImportStatus extends Omit<ImportJob, 'state'> {
  state: ImportJob['state'] | 'interrupted';
}

export function createPeopleImportService(deps: PeopleImportDeps) {
  const now = deps.now ?? (() => new Date());
  const baseDefaults: ImportDefaults = {
    workingDays: ENROLMENT_DEFAULTS.workingDays,
    workingHours: ENROLMENT_DEFAULTS.workingHours,
    weeklyPromptCap: ENROLMENT_DEFAULTS.weeklyPromptCap,
    timeZone: ENROLMENT_DEFAULTS.timeZone,
    language: 'en',
  };

  /** Update someone stored: read at its ETag, merge, write when something changed. */
  async function updatePerson(tenantId: string, person: ImportedPerson, defaults: ImportDefaults): Promise<'updated' | 'unchanged'> {
    let changed = false;
    await retryOnConflict(
      () => deps.employees.get(tenantId, person.id),
      (current) => {
        const next = mergeImportedPerson(tenantId, current, person, defaults, now().toISOString());
        changed = !isSamePerson(current, next);
        return changed ? next : undefined;
      },
      (next, etag) => deps.employees.update(next, etag),
    );
    return changed ? 'updated' : 'unchanged';
  }

  /**
   * Write the accepted rows. One read of the roster first: unchanged people cost no write, new
   * people are created in batch transactions (never replacing anyone who enrolled meanwhile:
   * those are updated instead), changed people are updated one by one at their ETag.
   */
  async function run(job: ImportJob, accepted: Array<{ line: number; person: ImportedPerson }>, issues: RowIssue[]): Promise<ImportJob> {
    const defaults: ImportDefaults = { ...baseDefaults, ...(await deps.programmeDefaults?.(job.tenantId)) };
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
    const notSaved = (line: number, err: unknown) => {
      job.failed += 1;
      issues.push({ line, column: 'row', problem: 'not-saved' });
      deps.logger?.error({ line, error: err instanceof Error ? err.message : String(err) }, 'import row not saved');
    };
    await save(true);

    const stored = new Map((await deps.employees.listByTenant(job.tenantId)).map((e) => [e.id, e]));
    const stamp = now().toISOString();
    const toCreate: Array<{ line: number; person: ImportedPerson }> = [];
    const toUpdate: Array<{ line: number; person: ImportedPerson }> = [];
    for (const row of accepted) {
      const current = stored.get(row.person.id);
      if (!current) toCreate.push(row);
      else if (isSamePerson(current, mergeImportedPerson(job.tenantId, current, row.person, defaults, stamp))) {
        job.unchanged += 1;
        job.processed += 1;
      } else toUpdate.push(row);
    }

    for (let i = 0; i < toCreate.length; i += CREATE_BATCH) {
      const batch = toCreate.slice(i, i + CREATE_BATCH);
      try {
        const { existing } = await deps.employees.createMany(batch.map((r) => mergeImportedPerson(job.tenantId, undefined, r.person, defaults, stamp)));
        const taken = new Set(existing);
        for (const row of batch) if (taken.has(row.person.id)) toUpdate.push(row);
        job.created += batch.length - taken.size;
        job.processed += batch.length - taken.size;
      } catch (err) {
        for (const row of batch) notSaved(row.line, err);
        job.processed += batch.length;
      }
      await save(false);
    }

    await mapLimit(toUpdate, deps.concurrency ?? 8, async ({ line, person }) => {
      try {
        job[await updatePerson(job.tenantId, person, defaults)] += 1;
      } catch (err) {
        notSaved(line, err);
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

  /** Validate every row, then start writing the accepted ones in the background. */
  function begin(tenantId: string, actorId: string, rows: readonly SourceRow[]): { job: ImportJob; finished: Promise<ImportJob> } {
    const issues: RowIssue[] = [];
    const accepted: Array<{ line: number; person: ImportedPerson }> = [];
    const seen = new Set<string>();
    for (const row of rows) {
      if ('issue' in row) {
        issues.push(row.issue);
        continue;
      }
      const result = validatePersonRow(row.line, row.cells);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      if (seen.has(result.person.id)) {
        issues.push({ line: row.line, column: 'id', problem: 'duplicate-id', value: result.person.id });
        continue;
      }
      seen.add(result.person.id);
      accepted.push({ line: row.line, person: result.person });
    }
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
      const cellRows: SourceRow[] = rows.map((row, index) => {
        const line = index + 2;
        if (row.length !== header.length) return { line, issue: { line, column: 'row', problem: 'wrong-column-count', value: `${row.length}/${header.length}` } };
        const cells: Partial<Record<ImportColumn, string>> = {};
        columns.forEach((column, i) => {
          if (column) cells[column] = row[i] ?? '';
        });
        return { line, cells };
      });
      return begin(tenantId, actorId, cellRows);
    },

    /**
     * Import the people a directory lists (Microsoft Graph group sync), through the same rules and
     * writes as a file; row `n` of the report is the `n`-th person listed (plus one, as for a file).
     */
    async startFromDirectory(tenantId: string, actorId: string, people: AsyncIterable<Partial<Record<ImportColumn, string>>>): Promise<{ job: ImportJob; finished: Promise<ImportJob> }> {
      const rows: SourceRow[] = [];
      for await (const cells of people) {
        rows.push({ line: rows.length + 2, cells });
        if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError(`too many people in the directory group (more than ${MAX_IMPORT_ROWS})`);
      }
      return begin(tenantId, actorId, rows);
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
