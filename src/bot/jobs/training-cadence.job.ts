/**
 * The training cadence job (issue 11): every `intervalMs` it runs the training pushes whose next
 * run has come (`TrainingPushService.runDue`). Each run claims its push with an ETag before it
 * sends, so several instances ticking at once send a cadence run once.
 */
import type { TrainingPushService } from '../services/training-push.service.js';

export interface TrainingCadenceJob {
  /** Run once now (tests); resolves to the number of pushes run. */
  tick(): Promise<number>;
  stop(): void;
}

/** Start ticking; the first tick is one interval after the start. */
export function startTrainingCadence(pushes: Pick<TrainingPushService, 'runDue'>, options: { intervalMs?: number; logger?: { warn(details: object, message: string): void } } = {}): TrainingCadenceJob {
  let running: Promise<number> | undefined;
  const tick = () => (running ??= pushes.runDue().finally(() => (running = undefined)));
  const timer = setInterval(() => {
    void tick().catch((err: unknown) => options.logger?.warn({ error: err instanceof Error ? err.message : String(err) }, 'training cadence tick failed'));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
