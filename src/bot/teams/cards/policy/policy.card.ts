/**
 * The social media policy gate: a short summary in the person's language, a link to the full
 * text, and "I agree" (`policy.accept` with the version shown, so a card left open across a
 * policy change cannot acknowledge the old text). Once agreed, the same card shows when and which
 * version, without the button.
 */
import type { ShareStart } from '../../../../shared/contracts/card-actions.js';
import type { Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CARD_VERBS } from '../../verbs.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './policy.card.json' with { type: 'json' };

/** What the policy card shows. */
export interface PolicyCardData {
  version: number;
  /** The policy's own title and short summary, in the person's language (markdown). */
  policyTitle: string;
  summary: string;
  /** Where the full text is (tab deep link or policy page). */
  fullTextUrl: string;
  /** The person had agreed to an older version. */
  changed: boolean;
  /** The share to continue with once agreed (a prompt opened from a board or search card). */
  then?: ShareStart;
  /** Set once agreed: when (ISO instant), shown as a date in the person's language. */
  agreedAt?: string;
  /** The person pressed "I agree" on an older version. */
  stale?: boolean;
}

/** Render the policy card in `language`. */
export function renderPolicyCard(data: PolicyCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const date = data.agreedAt ? new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(data.agreedAt)) : '';
  const view = {
    title: t('policy.title'),
    notice: data.stale ? t('policy.stale') : null,
    intro: data.changed ? t('policy.changed', { version: data.version }) : t('policy.intro', { version: data.version }),
    policyTitle: data.policyTitle,
    summary: data.summary,
    agreed: data.agreedAt ? t('policy.agreed', { version: data.version, date }) : null,
    readFull: t('policy.readFull'),
    fullTextUrl: data.fullTextUrl,
    agree: t('policy.agree'),
    verb: CARD_VERBS.policyAccept,
    data: { version: data.version, ...(data.then ? { then: data.then } : {}) },
  };
  return expandCard(template, view);
}
