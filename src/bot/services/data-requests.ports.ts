/** Storage ports of data requests: erase one person's data across the tables that hold it. */
import type { ErasureCounts } from '../../shared/domain/data-requests.js';

/** One person's links as the erasure found them (for the aggregates that remain). */
export interface ErasedLink {
  code: string;
  contentId: string;
  /** Click rows of the link (kept; each now names no one). */
  clicks: number;
}

/**
 * Whom a data request is about: their employee id, every other identifier of theirs that rows may
 * hold (display name, email, Entra object id, Teams user id), and the pseudonym that replaces
 * them where a row must stay (`data-requests-pseudonym.ts`).
 */
export interface PersonSubject {
  employeeId: string;
  /** Ids: the employee id, Entra object id, Teams user id (blanks are ignored). */
  ids: string[];
  /** Display names (theirs in the directory, in Teams). */
  names: string[];
  emails: string[];
  pseudonym: string;
}

/** A row that is not the person's but names them, as it is now (the export shows it). */
export interface PersonTrace {
  /** Logical table (`TABLES` key), e.g. `auditLog`, `deliveries`. */
  table: string;
  row: Record<string, unknown>;
}

/**
 * Deletes a person's rows (conversation reference, share prompts and their
 * index, answers, shares by person, goals, training progress, suggestions, policy
 * acknowledgements, wins, contest tallies and scores) and makes what must stay anonymous (the
 * shares by content item, tracked links and their clicks point at `ERASED_PERSON_ID`). Safe to
 * run again after a partial failure: every step finds what is left.
 */
export interface PersonalDataEraser {
  /** Everything but the employee record (`counts.employee` is 0). */
  erase(tenantId: string, employeeId: string): Promise<{ counts: ErasureCounts; links: ErasedLink[] }>;
  /** The employee record, last: until it goes, a cut deletion can be run again. Answers 1, or 0 when already gone. */
  removeRecord(tenantId: string, employeeId: string): Promise<number>;
}

/**
 * The person's traces in rows that stay (audit log, import reports, delivery records, analytics,
 * snapshots, decisions and items of theirs, memberships): found for the export, and rewritten
 * with the pseudonym in place of every identifier by the deletion. Idempotent.
 */
export interface PersonTraces {
  find(tenantId: string, subject: PersonSubject): Promise<PersonTrace[]>;
  /** Rows rewritten per table. */
  pseudonymise(tenantId: string, subject: PersonSubject): Promise<Record<string, number>>;
}
