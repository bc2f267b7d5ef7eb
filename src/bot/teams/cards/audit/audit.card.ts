/**
 * The social audit card: audience per network, posts per month, goals, learning style, topics of
 * interest, whether the person wants to grow, and "I don't want prompts" as a real choice. Sent
 * after the welcome card and by the `audit` command; filled in with the previous answers when the
 * audit is taken again. Its `Action.Execute` (`audit.submit`) sends the inputs flat
 * (`audience_linkedin`, ...; see `auditInputsToAnswers` in contracts/card-actions.ts).
 */
import { AUDIT_GOALS } from '../../../../shared/contracts/audit.js';
import { LEARNING_STYLES, NETWORKS, type Language, type Network, type SocialAudit } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CARD_VERBS } from '../../verbs.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './audit.card.json' with { type: 'json' };

/** What the audit card shows besides catalog text. */
export interface AuditCardData {
  /** Topics to choose from, names in the person's language. */
  topics: Array<{ id: string; name: string }>;
  /** Previous answers, to start from when the audit is taken again. */
  previous?: {
    audit: Pick<SocialAudit, 'audience' | 'postsPerMonth' | 'goals' | 'learningStyle' | 'wantsToGrow'>;
    topics: string[];
    promptsPaused: boolean;
  };
  /** Answers (keys of `AuditAnswers`) the last submission got wrong, named in the message. */
  invalidFields?: string[];
}

/** The catalog label of each answer, to name the ones that could not be read. */
const FIELD_LABELS: Record<string, string> = {
  audience: 'audit.audienceHeading',
  postsPerMonth: 'audit.postsLabel',
  goals: 'audit.goalsLabel',
  learningStyle: 'audit.learningStyleLabel',
  topics: 'audit.topicsLabel',
  wantsToGrow: 'audit.growLabel',
  noPrompts: 'audit.growLabel',
};

/** Render the audit card in `language`. */
export function renderAuditCard(data: AuditCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const common = translator(language, 'common');
  const previous = data.previous;
  const view = {
    title: t('audit.title'),
    intro: t('audit.intro'),
    error: data.invalidFields?.length
      ? t('audit.invalid', { fields: [...new Set(data.invalidFields.map((f) => t(FIELD_LABELS[f] ?? 'audit.title')))].join(' / ') })
      : null,
    audienceHeading: t('audit.audienceHeading'),
    audiencePlaceholder: t('audit.audiencePlaceholder'),
    networks: NETWORKS.map((network: Network) => ({
      id: `audience_${network}`,
      label: common(`network.${network}`),
      value: previous?.audit.audience[network] ?? null,
    })),
    postsLabel: t('audit.postsLabel'),
    postsPerMonth: previous?.audit.postsPerMonth ?? null,
    goalsLabel: t('audit.goalsLabel'),
    goals: AUDIT_GOALS.map((goal) => ({ title: t(`audit.goals.${goal}`), value: goal })),
    goalsValue: (previous?.audit.goals ?? []).filter((g) => (AUDIT_GOALS as readonly string[]).includes(g)).join(','),
    learningStyleLabel: t('audit.learningStyleLabel'),
    learningStyles: LEARNING_STYLES.map((style) => ({ title: t(`audit.learningStyles.${style}`), value: style })),
    learningStyleValue: previous?.audit.learningStyle ?? '',
    topicsLabel: t('audit.topicsLabel'),
    topics: data.topics.map((topic) => ({ title: topic.name, value: topic.id })),
    topicsValue: (previous?.topics ?? []).join(','),
    growLabel: t('audit.growLabel'),
    wantsToGrowTitle: t('audit.wantsToGrow'),
    wantsToGrowValue: String(previous?.audit.wantsToGrow ?? true),
    noPromptsTitle: t('audit.noPrompts'),
    noPromptsValue: String(previous?.promptsPaused ?? false),
    submit: t('audit.submit'),
    verb: CARD_VERBS.auditSubmit,
  };
  return expandCard(template, view);
}
