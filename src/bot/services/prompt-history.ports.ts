/**
 * Port of the campaign planner's view of what people already received: share prompts given and
 * share deliveries planned or sent by other campaigns. The planner counts them against each
 * person's weekly cap (their local ISO week) and plans no second prompt in a slot that already
 * holds one (`PlannerRecipient.promptedAt`).
 */
import type { IsoInstant } from '../../shared/domain/types.js';

export interface PromptHistory {
  /**
   * Per employee id, the instants of share prompts in `[from, to)`: prompts already given, and
   * share deliveries of other launched campaigns that are planned, being sent, sent or unknown
   * (`exceptCampaignId`'s own deliveries are left out). A prompt and the delivery that created
   * it count once.
   */
  promptTimes(tenantId: string, range: { from: IsoInstant; to: IsoInstant }, exceptCampaignId?: string): Promise<Map<string, IsoInstant[]>>;
}
