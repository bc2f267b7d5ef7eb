/**
 * The answer to a person's topic-role proposal, sent to their chat when an admin or coordinator
 * decides it: accepted (their new role in the hub) or declined (the reason, as written), with the
 * hub and a link to it on the Topics page. Strings are the `topics` namespace's `decisionCard`.
 */
import type { Language, TopicRole } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import { inertText } from '../inert-text.js';
import template from './topic-decision.card.json' with { type: 'json' };

/** What the card shows. */
export interface TopicDecisionCardData {
  accepted: boolean;
  /** The hub's name in the person's language (English when it has none). */
  hubName: string;
  /** Accepted: the role now held; declined: the role proposed. */
  role: TopicRole;
  /** Declined: why, as the decider wrote it. */
  reason?: string;
  /** The hub on the Topics page (a Teams deep link, or the tab URL locally). */
  url: string;
}

/** Render the decision card in `language`. */
export function renderTopicDecisionCard(data: TopicDecisionCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'topics');
  const role = t(`role.${data.role}`);
  const hub = inertText(data.hubName);
  const vars = { hub, role, interpolation: { escapeValue: false } };
  return expandCard(template, {
    icon: data.accepted ? '🎉' : '💬',
    title: data.accepted ? t('decisionCard.acceptedTitle', vars) : t('decisionCard.declinedTitle', vars),
    intro: data.accepted ? t('decisionCard.acceptedIntro', vars) : t('decisionCard.declinedIntro', vars),
    hubLabel: t('decisionCard.hub'),
    hub,
    roleLabel: data.accepted ? t('decisionCard.newRole') : t('decisionCard.proposedRole'),
    role,
    reasonLabel: t('decisionCard.reason'),
    reason: !data.accepted && data.reason ? inertText(data.reason) : null,
    next: data.accepted ? t('decisionCard.acceptedNext') : t('decisionCard.declinedNext'),
    open: t('decisionCard.open'),
    url: data.url,
  });
}
