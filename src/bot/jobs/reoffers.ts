/**
 * "Remind me later" through the campaign pipeline: when a person snoozes a share prompt, one
 * `reoffer` delivery is scheduled for them at the snooze's end (their next allowed slot, computed
 * by the sharing service), idempotent per prompt (a snooze re-offers once). When it comes due, the
 * builder sends the same prompt again, unless it was answered meanwhile or prompts are paused.
 */
import type { CampaignService } from '../services/campaign.service.js';
import type { EmployeeRepository } from '../services/ports.js';
import type { PromptRepository } from '../services/sharing.ports.js';
import type { SharingService } from '../services/sharing.service.js';
import { cardAttachment } from '../teams/cards/expand.js';
import { renderPromptView } from '../teams/share-view.js';
import type { BuildMessage } from './message-builders.js';

/** The dispatch id of a prompt's re-offer (one per prompt). */
export const reofferIdOf = (promptCode: string) => `reoffer-${promptCode}`;

/**
 * The sharing service with `respond` extended: a snooze also schedules the re-offer. The snooze
 * itself is stored first; a failure to schedule is logged (the pull path still re-offers it the
 * next time the person is offered something).
 */
export function withReofferDispatch(
  sharing: SharingService,
  deps: { prompts: Pick<PromptRepository, 'find'>; campaigns: () => Pick<CampaignService, 'dispatchOne'>; logger?: { warn(details: object, message: string): void } },
): SharingService {
  return {
    ...sharing,
    async respond(tenantId, employeeId, promptCode, response, now) {
      const view = await sharing.respond(tenantId, employeeId, promptCode, response, now);
      if (response.kind !== 'snoozed') return view;
      try {
        const prompt = (await deps.prompts.find(promptCode))?.value;
        if (prompt?.response?.kind === 'snoozed' && prompt.reofferedAt === undefined) {
          await deps.campaigns().dispatchOne({ id: reofferIdOf(promptCode), tenantId, kind: 'reoffer', subjectId: promptCode, recipientId: employeeId, at: prompt.response.until, createdBy: employeeId });
        }
      } catch (err) {
        deps.logger?.warn({ promptCode, err: err instanceof Error ? err.message : String(err) }, 're-offer could not be scheduled');
      }
      return view;
    },
  };
}

/** `reoffer`: the snoozed prompt again (marked re-offered), or nothing when answered meanwhile or paused. */
export function createReofferBuilder(sharing: Pick<SharingService, 'getPrompt' | 'preparePrompt'>, employees: Pick<EmployeeRepository, 'find'>, now: () => Date): BuildMessage {
  return async ({ tenantId, employeeId, subjectId }) => {
    const [current, employee] = await Promise.all([sharing.getPrompt(tenantId, employeeId, subjectId), employees.find(tenantId, employeeId)]);
    if (current.state !== 'snoozed' || !employee || employee.value.promptsPaused) return undefined;
    const view = await sharing.preparePrompt({ tenantId, employeeId, contentId: current.contentId, ...(current.campaignId !== undefined ? { campaignId: current.campaignId } : {}), now: now() });
    return { attachments: [cardAttachment(renderPromptView(view))], locale: view.language };
  };
}
