/**
 * Bot messages the admin area sends, through the proactive Teams messenger: the policy card again
 * after a new version is published, and the note telling a person why their suggestion was
 * declined (in their language, `admin` catalog).
 */
import type { Language } from '../../shared/domain/types.js';
import { SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import type { PolicyAsker } from '../services/admin-settings.service.js';
import type { RejectionNotifier } from '../services/admin-content.service.js';
import type { PolicyService, PolicyView } from '../services/policy.service.js';
import type { Messenger } from '../services/ports.js';
import { renderPolicyCard } from './cards/policy/policy.card.js';
import { cardMessage } from './reply.js';

/** The policy re-ask: the current version's card, marked as changed. */
export function createPolicyAsker(messenger: Messenger, policy: Pick<PolicyService, 'current'>): PolicyAsker {
  return async (tenantId) => {
    // The card texts per language are read once per publish, not once per person.
    const views = new Map<Language, PolicyView>();
    for (const language of SUPPORTED_LANGUAGES) {
      const view = await policy.current(tenantId, language);
      if (view) views.set(language, view);
    }
    const fallback = views.get('en');
    return async (employeeId) => {
      if (!fallback) return 'no-reference';
      return messenger.sendToEmployee(tenantId, employeeId, (language) => {
        const view = views.get(language) ?? fallback;
        return cardMessage(renderPolicyCard({ version: view.version, policyTitle: view.title, summary: view.summary, fullTextUrl: view.fullTextUrl, changed: true }, language), language);
      });
    };
  };
}

/** The "your suggestion was declined" note. */
export function createRejectionNotifier(messenger: Messenger): RejectionNotifier {
  return (tenantId, employeeId, notice) =>
    messenger.sendToEmployee(tenantId, employeeId, (language) => ({
      type: 'message',
      textFormat: 'plain',
      text: translator(language, 'admin')('notice.rejected', { url: notice.url, reason: notice.reason, interpolation: { escapeValue: false } }),
    }));
}
