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

/** Default hours a run is spread over: long enough to reach everyone's next working day. */
export const DEFAULT_SPREAD_HOURS = 72;

/** A dispatcher over the one campaign service of the process. */
export function createTrainingDispatcher(campaigns: Pick<CampaignService, 'create' | 'preview' | 'launch'>): TrainingNudgeDispatcher {
  return {
    async dispatch({ tenantId, moduleId, employeeIds, createdBy, now, spreadHours }) {
      const spreadMs = (spreadHours ?? DEFAULT_SPREAD_HOURS) * 3_600_000;
      const campaign = await campaigns.create(tenantId, createdBy, {
        kind: 'training',
        subjectId: moduleId,
        audience: { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [...employeeIds] },
        window: { start: now.toISOString(), end: new Date(now.getTime() + spreadMs).toISOString() },
        // Half-hour slots; a spread of half an hour or less is one slot: "as soon as allowed".
        slotMinutes: Math.max(5, Math.min(30, Math.round(spreadMs / 60_000))),
      });
      const { notPlaced } = await campaigns.preview(tenantId, campaign.id);
      await campaigns.launch(tenantId, campaign.id);
      const skipped = new Set(notPlaced.map((n) => n.employeeId));
      return { dispatchId: campaign.id, planned: employeeIds.filter((id) => !skipped.has(id)), notPlaced };
    },
  };
}
