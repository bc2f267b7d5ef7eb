/**
 * The leaderboard content (`GET /api/leaderboard`): the contest with days left, the caller's rank
 * (personal view only), the top 10, the rules, prizes and exclusions. The channel view asks the
 * server for no personal data at all.
 */
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LeaderboardResponseSchema, type LeaderboardResponse } from '../../shared/contracts/leaderboard.js';
import { routeHref } from '../app/router.js';
import { useFormatters, type Formatters } from '../impact/format.js';
import { usePageStyles } from '../shell/page-layout.js';
import { PageError, PageLoading } from '../impact/page-states.js';
import { useApiResource } from '../impact/use-api.js';
import { ExclusionsCard, PrizesCard, RulesCard } from './leaderboard-rules.js';
import { LeaderboardTable } from './leaderboard-table.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  big: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

export const LEADERBOARD_TOP = 10;

export function LeaderboardView({ channel = false, headingLevel = 2 }: { channel?: boolean; headingLevel?: 2 | 3 }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const format = useFormatters();
  const board = useApiResource(
    (api, signal) => api.get('/api/leaderboard', LeaderboardResponseSchema, { query: { top: LEADERBOARD_TOP, view: channel ? 'channel' : 'personal' }, signal }),
    [channel],
  );
  if (board.error) return <PageError error={board.error} onRetry={board.reload} />;
  if (!board.data) return <PageLoading />;
  const { contest } = board.data;
  if (!contest) {
    // Between contests: say so, and (outside the channel view) where one's clicks still show.
    return (
      <div className={styles.empty}>
        <Text as="p" className={styles.text} data-testid="no-contest">
          {t('leaderboard.noContest')}
        </Text>
        {!channel && (
          <>
            <Text as="p" className={styles.text}>{t('leaderboard.noContestHint')}</Text>
            <Button as="a" href={routeHref('impact')}>{t('leaderboard.openImpact')}</Button>
          </>
        )}
      </div>
    );
  }
  const heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={styles.main} data-testid={channel ? 'leaderboard-channel' : 'leaderboard-personal'}>
      <section className={page.card} aria-labelledby="contest-name">
        <div className={styles.head}>
          <Text as={heading} id="contest-name" size={600} weight="semibold" className={page.h2}>
            {contest.name}
          </Text>
          <Badge appearance="tint" color={contest.open ? 'brand' : 'informative'} size="large" data-testid="days-left">
            {contest.open ? t('leaderboard.daysLeft', { count: contest.daysLeft, n: format.number(contest.daysLeft) }) : t('leaderboard.ended')}
          </Badge>
        </div>
        <Text className={page.muted}>
          {t('leaderboard.period', { start: format.date(contest.startsAt), end: format.date(new Date(Date.parse(contest.endsAt) - 1).toISOString()) })}
          {board.data.asOf ? ` · ${t('leaderboard.asOf', { time: format.dateTime(board.data.asOf) })}` : ''}
        </Text>
        {channel && <Text className={page.muted}>{t('leaderboard.channel.note')}</Text>}
      </section>
      <div className={styles.columns}>
        <div className={styles.main}>
          {!channel && board.data.me && <MyRankCard me={board.data.me} total={board.data.rankedCount} format={format} />}
          <section className={page.card}>
            {board.data.entries.length === 0 ? (
              <Text as="p" className={styles.text}>
                {t('leaderboard.empty')}
              </Text>
            ) : (
              <>
                <LeaderboardTable board={board.data} format={format} compact={channel} />
                <Text size={200} className={page.muted}>
                  {t('leaderboard.table.more', { count: board.data.rankedCount, n: format.number(board.data.rankedCount) })}
                </Text>
              </>
            )}
          </section>
        </div>
        <div className={styles.side}>
          <RulesCard contest={contest} format={format} />
          <PrizesCard contest={contest} format={format} />
          <ExclusionsCard contest={contest} format={format} />
        </div>
      </div>
    </div>
  );
}

function MyRankCard({ me, total, format }: { me: NonNullable<LeaderboardResponse['me']>; total: number; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  let line: string;
  if (me.status === 'ranked' && me.rank !== null) {
    line = t('leaderboard.me.line', {
      ranked: t('leaderboard.me.ranked', { rank: format.number(me.rank), total: format.number(total) }),
      next: me.gapToNext === null ? t('leaderboard.me.top') : t('leaderboard.me.gap', { count: me.gapToNext, n: format.number(me.gapToNext) }),
    });
  } else if (me.status === 'excluded') {
    line = t(`leaderboard.me.excluded.${me.excludedReason ?? 'excluded-role'}`);
  } else {
    line = t('leaderboard.me.unranked');
  }
  return (
    <section className={page.card} aria-labelledby="my-rank-title" data-testid="my-rank">
      <Text as="h2" id="my-rank-title" size={400} weight="semibold" className={page.h2}>
        {t('leaderboard.me.title')}
      </Text>
      {me.status === 'ranked' && me.rank !== null && (
        <p className={styles.big} data-testid="my-rank-value">
          {format.number(me.rank)}
        </p>
      )}
      <Text as="p" className={styles.text} data-testid="my-rank-text">
        {line}
      </Text>
      <Text size={200} className={page.muted}>
        {t('leaderboard.me.points', { count: me.points, n: format.number(me.points) })}
      </Text>
    </section>
  );
}
