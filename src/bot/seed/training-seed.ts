/**
 * Seeds training on a fresh tenant (`npm start` with the demo): the starter modules in six
 * languages, and some demo progress so the trainer's dashboard shows completion and a few people
 * stuck. Runs only when the tenant has no training module yet, so what trainers and admins
 * change later (edits, retirements, their own modules) is never overwritten.
 */
import { createSeededRandom } from '../../shared/domain/stagger-balance.js';
import { recommendTrainingModules, type TrainingProgressRecord } from '../../shared/domain/training-nudges.js';
import type { Employee } from '../../shared/domain/types.js';
import type { TrainingStores } from '../services/training.ports.js';
import { toLearner } from '../services/training-views.js';
import { buildStarterModules } from './training-modules.js';

const DAY = 86_400_000;

/** Demo progress: about a third of people completed a module that fits them, some started, a few stuck. */
export function buildDemoTrainingProgress(employees: readonly Employee[], modules: ReturnType<typeof buildStarterModules>, now: Date): TrainingProgressRecord[] {
  const rand = createSeededRandom(11);
  const records: TrainingProgressRecord[] = [];
  for (const employee of employees) {
    if (employee.id.startsWith('demo-')) continue; // the named test accounts start clean
    const roll = rand();
    if (roll > 0.55) continue;
    const fit = recommendTrainingModules(toLearner(employee), modules, [])[0];
    if (!fit) continue;
    const startedMs = now.getTime() - Math.floor(3 + rand() * 40) * DAY;
    const startedAt = new Date(startedMs).toISOString();
    const base = { employeeId: employee.id, moduleId: fit.id, nudges: 1, notNows: 0, lastNudgedAt: new Date(startedMs - DAY).toISOString(), startedAt };
    if (roll < 0.35) {
      const completedAt = new Date(Math.min(now.getTime() - DAY, startedMs + Math.floor(1 + rand() * 5) * DAY)).toISOString();
      records.push({ ...base, status: 'completed', completedAt, updatedAt: completedAt });
    } else {
      records.push({ ...base, status: 'started', updatedAt: startedAt });
    }
  }
  return records;
}

/** Starter modules (and demo progress when `employees` are given) for a tenant without modules. */
export async function seedStarterTraining(stores: TrainingStores, tenantId: string, now: Date, employees: readonly Employee[] = []): Promise<{ seeded: boolean; modules: number; progress: number }> {
  const existing = await stores.modules.list(tenantId);
  if (existing.length > 0) return { seeded: false, modules: 0, progress: 0 };
  const modules = buildStarterModules(tenantId, now);
  const progress = buildDemoTrainingProgress(employees, modules, now);
  for (const record of progress) {
    await stores.progress.put(tenantId, record).catch((err: Error) => {
      if (err.name !== 'ConflictError') throw err; // written by an earlier, interrupted seed
    });
  }
  // Modules last: their presence is the "already seeded" marker.
  await stores.modules.upsertMany(tenantId, modules);
  return { seeded: true, modules: modules.length, progress: progress.length };
}
