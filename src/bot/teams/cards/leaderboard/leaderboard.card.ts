/**
 * "leaderboard": the top advocates of the running contest, the reader's own row highlighted.
 */
import type { Language } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import type { ContestSummary, LeaderboardRow } from '../../score-source.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import template from './leaderboard.card.json' with { type: 'json' };

/** What the leaderboard card shows; `board` undefined means no contest is running. */
export interface LeaderboardCardData {
  board?: { contest: ContestSummary; rows: LeaderboardRow[] };
  /** The reader, to highlight their row. */
  employeeId: string;
}

/** Render the leaderboard card in `language`. */
export function renderLeaderboardCard(data: LeaderboardCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const number = new Intl.NumberFormat(language);
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
  const board = data.board;
  const rows = board?.rows ?? [];
  return expandCard(template, {
    title: t('leaderboard.title'),
    subtitle: board ? t('leaderboard.contest', { name: board.contest.name, endsAt: date(board.contest.endsAt) }) : t('score.noContest'),
    rankHeader: t('leaderboard.rankHeader'),
    nameHeader: t('leaderboard.nameHeader'),
    pointsHeader: t('leaderboard.pointsHeader'),
    rows: rows.map((row) => {
      const me = row.employeeId === data.employeeId;
      return {
        rank: String(row.rank),
        name: me ? `${row.displayName} ${t('leaderboard.you')}` : row.displayName,
        points: number.format(row.points),
        style: me ? 'accent' : 'default',
        weight: me ? 'Bolder' : 'Default',
      };
    }),
    empty: board && rows.length === 0 ? t('leaderboard.empty') : null,
  });
}
