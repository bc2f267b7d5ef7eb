/**
 * "pilot-digest": the executive pilot digest sent to each cohort member once a week: the pilot's
 * phase, the person's and the cohort's shares, clicks and reach for the week, the rollout
 * readiness and the latest go/no-go. Data from the pilot service's `digestFor`; strings in the
 * `campaigns` namespace.
 */
import type { Language, Persona, PilotPhase } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './pilot-digest.card.json' with { type: 'json' };

/** What the card shows (the pilot service's `PilotDigest`). */
export interface PilotDigestCardData {
  pilotName: string;
  phase: PilotPhase;
  week: { from: string; to: string };
  me: { persona: Persona; shares: number; clicks: number; reach: number };
  cohort: { size: number; shares: number; clicks: number; activeLeaders: number };
  readinessPercent: number;
  unmetItems: readonly string[];
  decision?: { decision: 'go' | 'no-go'; at: string; decidedByName: string };
}

/** Render the pilot digest in `language`. */
export function renderPilotDigestCard(data: PilotDigestCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'campaigns');
  const common = translator(language, 'common');
  const number = new Intl.NumberFormat(language);
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
  // The week is [from, to): show its last day.
  const lastDay = new Date(Date.parse(data.week.to) - 86_400_000).toISOString();
  return expandCard(template, {
    title: t('pilotDigest.title'),
    intro: t('pilotDigest.intro', { pilot: data.pilotName, from: date(data.week.from), to: date(lastDay) }),
    phase: t('pilotDigest.phase', { phase: t(`pilotDigest.phases.${data.phase}`) }),
    youTitle: t('pilotDigest.you', { persona: common(`persona.${data.me.persona}`) }),
    you: [
      { label: t('pilotDigest.shares'), value: number.format(data.me.shares) },
      { label: t('pilotDigest.clicks'), value: number.format(data.me.clicks) },
      { label: t('pilotDigest.reach'), value: number.format(data.me.reach) },
    ],
    cohortTitle: t('pilotDigest.cohort'),
    cohort: [
      { label: t('pilotDigest.shares'), value: number.format(data.cohort.shares) },
      { label: t('pilotDigest.clicks'), value: number.format(data.cohort.clicks) },
      { label: t('pilotDigest.activeLeaders'), value: t('pilotDigest.ofSize', { count: number.format(data.cohort.activeLeaders), size: number.format(data.cohort.size) }) },
    ],
    readiness: t('pilotDigest.readiness', { percent: number.format(data.readinessPercent) }),
    checklist: data.unmetItems.length > 0 ? t('pilotDigest.unmet', { count: number.format(data.unmetItems.length) }) : t('pilotDigest.ready'),
    decision: data.decision
      ? t(data.decision.decision === 'go' ? 'pilotDigest.decisionGo' : 'pilotDigest.decisionNoGo', { by: data.decision.decidedByName, date: date(data.decision.at) })
      : null,
  });
}
