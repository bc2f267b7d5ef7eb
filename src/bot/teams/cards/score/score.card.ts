/**
 * "my score": the person's points, rank, clicks and shares in the running contest, or a line
 * saying there is no contest / no points yet.
 */
import type { Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CHAT_COMMANDS } from '../../commands.js';
import type { MyScore } from '../../score-source.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './score.card.json' with { type: 'json' };

/** Render the score card in `language`; `score` undefined means no contest is running. */
export function renderScoreCard(score: MyScore | undefined, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const number = new Intl.NumberFormat(language);
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
  return expandCard(template, {
    title: t('score.title'),
    contest: score ? t('score.contest', { name: score.contest.name, endsAt: date(score.contest.endsAt) }) : t('score.noContest'),
    figures: score
      ? [
          { value: number.format(score.points), label: t('score.points') },
          { value: score.rank ? t('score.rankValue', { rank: score.rank, total: score.ranked }) : '–', label: t('score.rank') },
          { value: number.format(score.clicks), label: t('score.clicks') },
          { value: number.format(score.shares), label: t('score.shares') },
        ]
      : [],
    note: score && !score.rank ? t('score.notRanked') : null,
    leaderboard: t('leaderboard.title'),
    leaderboardCommand: CHAT_COMMANDS.leaderboard.keyword,
  });
}
