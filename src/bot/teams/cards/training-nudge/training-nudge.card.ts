/**
 * The training nudge (issue 11): one module suggested to one person, with Start, Done and Not now
 * (`Action.Execute`, verbs `training.*`). Stage `nudge` shows what the module is and why it fits
 * the person; `started` adds the module's text (articles and checklists kept in the app) and its
 * link; `done`, `later` and `declined` say what happened, without buttons to press twice.
 */
import type { TrainingFormat } from '../../../../shared/domain/training.js';
import type { Language, Persona, TopicRole } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CARD_VERBS } from '../../verbs.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './training-nudge.card.json' with { type: 'json' };

/** The card's state. */
export type TrainingNudgeStage = 'nudge' | 'started' | 'done' | 'later' | 'declined';

/** What the training nudge card shows. */
export interface TrainingNudgeCardData {
  moduleId: string;
  title: string;
  summary?: string;
  format: TrainingFormat;
  durationMinutes: number;
  /** Markdown body (shown once started). */
  body?: string;
  /** https link of a video, live session or external course. */
  link?: string;
  /** Why it fits: the person's persona, or their topic role the module targets. */
  fit?: { persona?: Persona; topicRole?: TopicRole };
  stage: TrainingNudgeStage;
}

/** Longest body shown on the card; longer modules are read in full through their link or the tab. */
const MAX_BODY_CHARS = 3_500;

/**
 * Markdown as Adaptive Card TextBlocks understand it: headings become bold lines (TextBlock
 * markdown has no headings), everything else is kept (lists, bold, italics, links).
 */
export function bodyLines(body: string): { text: string; weight: 'Bolder' | 'Default' }[] {
  const clipped = body.length > MAX_BODY_CHARS ? `${body.slice(0, MAX_BODY_CHARS).replace(/\s+\S*$/, '')} …` : body;
  const blocks = clipped.split(/\n{2,}/).map((b) => b.trim()).filter((b) => b !== '');
  return blocks.map((block) => {
    const heading = /^#{1,6}\s+(.*)$/s.exec(block);
    return heading ? { text: heading[1]!.trim(), weight: 'Bolder' as const } : { text: block, weight: 'Default' as const };
  });
}

/** Render the nudge in `language`. */
export function renderTrainingNudgeCard(data: TrainingNudgeCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'training');
  const common = translator(language, 'common');
  const why = data.fit?.topicRole
    ? t('card.whyRole', { role: t(`topicRole.${data.fit.topicRole}`) })
    : data.fit?.persona
      ? t('card.whyPersona', { persona: common(`persona.${data.fit.persona}`) })
      : null;
  const open = data.stage === 'nudge' || data.stage === 'started';
  const status = data.stage === 'started' ? t('card.started') : data.stage === 'done' ? t('card.completed') : data.stage === 'later' ? t('card.later') : data.stage === 'declined' ? t('card.declined') : null;
  return expandCard(template, {
    eyebrow: t('card.eyebrow'),
    title: data.title,
    meta: t('card.meta', { minutes: data.durationMinutes, format: t(`format.${data.format}`) }),
    summary: data.summary ?? null,
    why,
    lines: data.stage === 'started' && data.body ? bodyLines(data.body) : [],
    status,
    statusStyle: data.stage === 'done' ? 'good' : data.stage === 'started' ? 'accent' : 'emphasis',
    link: open && data.link ? data.link : null,
    openLabel: t('card.open'),
    moduleId: data.moduleId,
    showStart: data.stage === 'nudge',
    showDone: open,
    showLater: data.stage === 'nudge',
    startLabel: t('card.start'),
    doneLabel: t('card.done'),
    laterLabel: t('card.notNow'),
    doneStyle: data.stage === 'started' ? 'positive' : 'default',
    startVerb: CARD_VERBS.trainingStart,
    doneVerb: CARD_VERBS.trainingComplete,
    laterVerb: CARD_VERBS.trainingLater,
  });
}
