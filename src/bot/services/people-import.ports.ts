/** Storage ports of the people import: the job's progress and its per-row report. */
import type { RowIssue } from '../../shared/domain/people-import.js';

export const IMPORT_JOB_STATES = ['running', 'done', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/** One import run, readable by every instance while it runs (progress bar) and after (report). */
export interface ImportJob {
  tenantId: string;
  id: string;
  actorId: string;
  state: ImportJobState;
  /** Data rows in the file (the header excluded). */
  total: number;
  /** Rows looked at so far (written, unchanged or refused). */
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused (validation) or not written (storage failure); each has issues in the report. */
  failed: number;
  startedAt: string;
  /** Heartbeat: the running instance saves progress at least every few seconds. */
  updatedAt: string;
  finishedAt?: string;
}

export interface ImportJobRepository {
  /** Insert or replace the job row (only the instance running the job writes it). */
  save(job: ImportJob): Promise<void>;
  find(tenantId: string, id: string): Promise<ImportJob | undefined>;
  /** Replace the report's issues from chunk `fromChunk` on (chunks of {@link ISSUES_PER_CHUNK}). */
  saveIssues(tenantId: string, id: string, issues: readonly RowIssue[], fromChunk: number): Promise<void>;
  listIssues(tenantId: string, id: string): Promise<RowIssue[]>;
}

/** Issues per stored chunk (each chunk is one entity, well under the 64 KiB property limit). */
export const ISSUES_PER_CHUNK = 200;
