/**
 * The topics service's decision hook: once a proposal's decision is stored, the person is told
 * (the Teams layer sends the decision card to their chat). A failed send is logged and never
 * undoes or fails the decision; a person without a chat is a normal outcome.
 */
import type { TopicProposal } from '../../shared/domain/topics-membership.js';
import type { Topic } from '../../shared/domain/types.js';
import type { TopicHubStores } from './topics.ports.js';

/** Tells the person their proposal was decided; answers how it went. */
export type TopicDecisionNotifier = (tenantId: string, decision: { proposal: TopicProposal; topic: Topic }) => Promise<'sent' | 'no-reference' | 'unreachable'>;

export interface DecisionHookDeps {
  hubs: Pick<TopicHubStores['hubs'], 'get'>;
  notify?: TopicDecisionNotifier;
  logger?: { warn(details: Record<string, unknown>, message: string): void };
}

/** The hook: call it with each decided proposal after storing it. */
export function createDecisionAnnouncer(deps: DecisionHookDeps): (tenantId: string, proposal: TopicProposal) => Promise<void> {
  return async (tenantId, proposal) => {
    if (!deps.notify) return;
    try {
      const topic = (await deps.hubs.get(tenantId, proposal.topicId)).value;
      await deps.notify(tenantId, { proposal, topic });
    } catch (err) {
      deps.logger?.warn({ proposalId: proposal.id, status: proposal.status, error: err instanceof Error ? err.message : String(err) }, 'topic decision not sent to the person');
    }
  };
}
