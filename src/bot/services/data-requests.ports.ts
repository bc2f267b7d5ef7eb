/** Storage port of data requests: erase one person's data across the tables that hold it. */
import type { ErasureCounts } from '../../shared/domain/data-requests.js';

/** One person's links as the erasure found them (for the aggregates that remain). */
export interface ErasedLink {
  code: string;
  contentId: string;
  /** Click rows of the link (kept; each now names no one). */
  clicks: number;
}

/**
 * Deletes a person's rows (employee record, conversation reference, share prompts and their
 * index, answers, shares by person, goals, training progress, suggestions, policy
 * acknowledgements, wins, contest tallies and scores) and makes what must stay anonymous (the
 * shares by content item, tracked links and their clicks point at `ERASED_PERSON_ID`). Safe to
 * run again after a partial failure: every step finds what is left.
 */
export interface PersonalDataEraser {
  erase(tenantId: string, employeeId: string): Promise<{ counts: ErasureCounts; links: ErasedLink[] }>;
}
