/**
 * The TopicDecisionNotifier (topics.service.ts) for Teams: when a topic-role proposal is accepted
 * or declined, the person gets the decision card in their personal chat, in their language,
 * through the same proactive Messenger as wins and suggestion rejections. A person the bot cannot
 * reach (no conversation reference, app removed) is not an error: the decision stays stored and
 * shows on the Topics page.
 */
import type { TopicDecisionNotifier } from '../services/topics.service.js';
import type { Messenger } from '../services/ports.js';
import { cardAttachment } from './cards/expand.js';
import { tabPageUrl } from './tab-links.js';
import { renderTopicDecisionCard } from './cards/topic-decision/topic-decision.card.js';

/** Where a hub opens: a Teams deep link to the `topics` tab (sub-entity `topic:<id>`), or the tab URL locally. */
export function topicHubUrl(options: { publicBaseUrl: string; teamsAppId?: string }, topicId: string): string {
  return tabPageUrl(options, 'topics', { subEntityId: `topic:${topicId}`, path: encodeURIComponent(topicId) });
}

/** Create the notifier over the messenger; `hubUrl` links a hub on the Topics page. */
export function createTopicDecisionNotifier(messenger: Messenger, hubUrl: (topicId: string) => string): TopicDecisionNotifier {
  return async (tenantId, { proposal, topic }) =>
    messenger.sendToEmployee(tenantId, proposal.employeeId, (language) => ({
      attachments: [
        cardAttachment(
          renderTopicDecisionCard(
            {
              accepted: proposal.status === 'accepted',
              hubName: topic.name[language] ?? topic.name.en,
              role: proposal.role,
              ...(proposal.reason ? { reason: proposal.reason } : {}),
              url: hubUrl(topic.id),
            },
            language,
          ),
        ),
      ],
    }));
}
