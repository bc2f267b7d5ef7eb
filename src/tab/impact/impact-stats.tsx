/** The figures at the top of My impact: score, rank, clicks, shares, conversions. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ImpactResponse } from '../../shared/contracts/impact.js';
import type { Formatters } from './format.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 170px), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  value: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function ImpactStats({ impact, format }: { impact: ImpactResponse; format: Formatters }) {
  const styles = useStyles();
  const { t } = useTranslation('impact');
  const { contest, totals } = impact;
  const contestNote = contest
    ? contest.daysLeft > 0
      ? t('impact.rank.contestDaysLeft', { contest: contest.name, count: contest.daysLeft, n: format.number(contest.daysLeft) })
      : t('impact.rank.contestEnded', { contest: contest.name })
    : t('impact.stats.noContest');
  let rankValue = '–';
  let rankNote = '';
  if (contest?.status === 'ranked' && contest.rank !== null) {
    rankValue = format.number(contest.rank);
    const gap = contest.gapToNext === null ? t('impact.rank.top') : t('impact.rank.gap', { count: contest.gapToNext, n: format.number(contest.gapToNext) });
    rankNote = `${t('impact.rank.ranked', { total: format.number(contest.rankedCount) })} · ${gap}`;
  } else if (contest?.status === 'excluded') {
    // Words go under the dash, not in the hero-size figure (where "Not competing" wrapped).
    rankNote = t('impact.rank.excluded');
  } else if (contest) {
    rankNote = t('impact.rank.unranked');
  }

  const tiles: { id: string; term: string; value: string; note?: string }[] = [
    { id: 'score', term: t('impact.stats.score'), value: contest ? format.number(contest.score) : '–', note: contestNote },
    { id: 'rank', term: t('impact.stats.rank'), value: rankValue, note: rankNote },
    { id: 'clicks', term: t('impact.stats.clicks'), value: format.number(totals.clicks), note: t('impact.stats.clicksThisWeek', { n: format.number(totals.clicksThisWeek) }) },
    { id: 'shares', term: t('impact.stats.shares'), value: format.number(totals.shares) },
    { id: 'conversions', term: t('impact.stats.conversions'), value: format.number(totals.conversions) },
  ];
  return (
    <dl className={styles.grid} aria-label={t('impact.stats.label')}>
      {tiles.map((tile) => (
        <div key={tile.id} className={styles.tile} data-testid={`stat-${tile.id}`}>
          <dt className={styles.term}>{tile.term}</dt>
          <dd className={styles.value} data-testid={`stat-${tile.id}-value`}>
            {tile.value}
          </dd>
          {tile.note && (
            <dd className={styles.note}>
              <Text size={200}>{tile.note}</Text>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
