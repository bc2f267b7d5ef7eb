/**
 * Wins: detected once each, handed to the bot at least once. A win is stored under its stable id
 * (`WinRepository.claim`, a create: the second detection of the same win is a no-op), then given
 * to the `WinNotifier`, then marked notified. A notifier failure or a crash leaves the win
 * un-notified; the next check for that person hands it over again (at once in the process whose
 * notifier failed; elsewhere once the win is {@link RETRY_UNNOTIFIED_AFTER_MS} old, so a second
 * instance checking the same person meanwhile does not send the card again while the claimer is
 * still sending it: found by the two-instance run, tests/faults/scale-out.faults.ts). Count wins are re-derived from
 * the stored totals (domain `winsReached`), so a win reached just before a crash is not lost.
 */
import { detectWins, winsReached, type ProgressSnapshot, type Win } from '../../shared/domain/wins.js';
import type { Persona } from '../../shared/domain/types.js';
import type { WinNotifier } from './ports.js';
import type { PersonTotals, StoredWin, WinRepository } from './scoring.ports.js';

export interface WinsService {
  /** Stores the count wins `totals` imply (once each) and notifies what is pending. Returns new wins. */
  checkTotals(tenantId: string, totals: PersonTotals, at: Date): Promise<Win[]>;
  /** A persona change; a level-up (observer < sharer = networker < influencer) is a win once per persona reached. */
  recordPersonaChange(tenantId: string, employeeId: string, from: Persona, to: Persona, at: Date): Promise<Win[]>;
  /** A completed training module is a win once per module. */
  recordTrainingCompleted(tenantId: string, employeeId: string, moduleId: string, at: Date): Promise<Win[]>;
  /**
   * Wins reached in the past (found by a rebuild, e.g. seeded or imported history): stored under
   * their usual ids and marked celebrated, without a card (the moment has passed). The ones newly stored.
   */
  recordPast(tenantId: string, employeeId: string, wins: readonly Win[]): Promise<Win[]>;
  listWins(tenantId: string, employeeId: string): Promise<StoredWin[]>;
  /** The Teams layer attaches its notifier once the bot exists (the composition root builds services first). */
  attachNotifier(notifier: WinNotifier): void;
}

export interface WinsDeps {
  wins: WinRepository;
  notifier?: WinNotifier;
  logger?: { warn(details: object, message: string): void };
}

/** An un-notified win claimed by another instance (or before a restart) is handed over again after this long. */
export const RETRY_UNNOTIFIED_AFTER_MS = 120_000;

const EMPTY: Omit<ProgressSnapshot, 'employeeId'> = { shares: 0, uniqueClicks: 0, conversions: 0, persona: 'observer', trainingsCompleted: [] };

/** Build the wins service. */
export function createWinsService(deps: WinsDeps): WinsService {
  let notifier = deps.notifier;
  /** Wins whose notification failed in this process (`tenant/win id`): retried at the next check. */
  const failed = new Set<string>();

  /** Store the candidates not stored yet (claims are idempotent across instances): what was stored before, and what this call stored. */
  async function claimNew(tenantId: string, employeeId: string, candidates: readonly Win[]): Promise<{ stored: StoredWin[]; fresh: Win[] }> {
    const stored = await deps.wins.listByEmployee(tenantId, employeeId);
    const known = new Set(stored.map((w) => w.id));
    const fresh: Win[] = [];
    for (const win of candidates) {
      if (known.has(win.id)) continue;
      known.add(win.id);
      if (await deps.wins.claim(tenantId, win)) fresh.push(win);
    }
    return { stored, fresh };
  }

  async function claimAndNotify(tenantId: string, employeeId: string, candidates: readonly Win[], at: Date): Promise<Win[]> {
    const { stored, fresh } = await claimNew(tenantId, employeeId, candidates);
    const retry = (w: StoredWin) => failed.has(`${tenantId}/${w.id}`) || at.getTime() - Date.parse(w.at) >= RETRY_UNNOTIFIED_AFTER_MS;
    const pending: Win[] = [...stored.filter((w) => !w.notified && retry(w)).map(({ notified: _n, ...win }) => win), ...fresh];
    if (pending.length > 0 && notifier) {
      try {
        await notifier.notifyWins(tenantId, employeeId, pending);
        await Promise.all(pending.map((win) => deps.wins.markNotified(tenantId, win)));
        for (const win of pending) failed.delete(`${tenantId}/${win.id}`);
      } catch (err) {
        for (const win of pending) failed.add(`${tenantId}/${win.id}`);
        deps.logger?.warn({ tenantId, employeeId, wins: pending.map((w) => w.kind), error: err instanceof Error ? err.message : String(err) }, 'win notification failed; retried at the next check');
      }
    }
    return fresh;
  }

  return {
    checkTotals(tenantId, totals, at) {
      const wins = winsReached({ employeeId: totals.employeeId, shares: totals.shares, uniqueClicks: totals.clicks, conversions: totals.conversions }, at.toISOString());
      return claimAndNotify(tenantId, totals.employeeId, wins, at);
    },
    recordPersonaChange(tenantId, employeeId, from, to, at) {
      const wins = detectWins({ ...EMPTY, employeeId, persona: from }, { ...EMPTY, employeeId, persona: to }, at.toISOString());
      return claimAndNotify(tenantId, employeeId, wins, at);
    },
    recordTrainingCompleted(tenantId, employeeId, moduleId, at) {
      const wins = detectWins({ ...EMPTY, employeeId }, { ...EMPTY, employeeId, trainingsCompleted: [moduleId] }, at.toISOString());
      return claimAndNotify(tenantId, employeeId, wins, at);
    },
    async recordPast(tenantId, employeeId, wins) {
      if (wins.length === 0) return [];
      const { fresh } = await claimNew(tenantId, employeeId, wins);
      await Promise.all(fresh.map((win) => deps.wins.markNotified(tenantId, win)));
      return fresh;
    },
    listWins: (tenantId, employeeId) => deps.wins.listByEmployee(tenantId, employeeId),
    attachNotifier(next) {
      notifier = next;
    },
  };
}
