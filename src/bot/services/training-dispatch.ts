/**
 * Training nudges through the campaign pipeline (issue 9's contract, `.tmp/PIPELINE-CONTRACT.md`):
 * one dispatch of kind `training` per push run, subject = the module, audience = the chosen
 * recipients by id, planned over a window starting now by the stagger planner, which keeps each
 * person's working days and hours (quiet hours) and weekly prompt cap; the worker then sends with
 * the tenant's send budget and retries. The card itself is built at send time by the `training`
 * message builder (`src/bot/teams/training.handler.ts`).
 */
import type { CampaignService } from './campaign.service.js';
import type { TrainingNudgeDispatcher } from './training.ports.js';

export interface TrainingDispatchOptions {
  /** Days the planner may spread the nudges over (a person off today gets it on their next working day); default 5. */
  windowDays?: number;
  /** Planner slot length in minutes; default 30. */
  slotMinutes?: number;
}

/** A dispatcher over the one campaign service of the process. */
export function createTrainingDispatcher(campaigns: Pick<CampaignService, 'create' | 'launch'>, options: TrainingDispatchOptions = {}): TrainingNudgeDispatcher {
  const windowMs = (options.windowDays ?? 5) * 86_400_000;
  return {
    async dispatch({ tenantId, moduleId, employeeIds, createdBy, now }) {
      const campaign = await campaigns.create(tenantId, createdBy, {
        kind: 'training',
        subjectId: moduleId,
        audience: { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [...employeeIds] },
        window: { start: now.toISOString(), end: new Date(now.getTime() + windowMs).toISOString() },
        slotMinutes: options.slotMinutes ?? 30,
      });
      const { planned } = await campaigns.launch(tenantId, campaign.id);
      return { dispatchId: campaign.id, planned };
    },
  };
}
