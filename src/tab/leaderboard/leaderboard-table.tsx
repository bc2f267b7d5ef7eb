/** The top N of the contest as a table; the caller's own row is marked "You". */
import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LeaderboardResponse } from '../../shared/contracts/leaderboard.js';
import type { Formatters } from '../impact/format.js';

const useStyles = makeStyles({
  caption: { textAlign: 'start', padding: `0 0 ${tokens.spacingVerticalS}`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground1 },
  // Narrow (Teams mobile): the name column keeps the room, the fixed columns shrink to their
  // figures, and the prize column goes (the Prizes card beside the table lists them by place).
  rankCol: { width: '72px', '@media (max-width: 600px)': { width: '32px' } },
  pointsCol: { width: '110px', '@media (max-width: 600px)': { width: '56px' } },
  prizeCol: { width: '140px', '@media (max-width: 600px)': { display: 'none' } },
  mine: { backgroundColor: tokens.colorBrandBackground2 },
  number: { fontVariantNumeric: 'tabular-nums' },
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
});

export function LeaderboardTable({ board, format, compact }: { board: LeaderboardResponse; format: Formatters; compact?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation('impact');
  return (
    <Table size={compact ? 'small' : 'medium'} data-testid="leaderboard-table">
      <caption className={styles.caption}>{t('leaderboard.table.caption', { n: format.number(board.entries.length) })}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.rankCol} scope="col">
            {t('leaderboard.table.rank')}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{t('leaderboard.table.name')}</TableHeaderCell>
          <TableHeaderCell className={styles.pointsCol} scope="col">
            {t('leaderboard.table.points')}
          </TableHeaderCell>
          {!compact && <TableHeaderCell className={styles.prizeCol} scope="col">{t('leaderboard.table.prize')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {board.entries.map((entry, i) => (
          <TableRow key={`${entry.rank}-${i}`} className={entry.isMe ? styles.mine : undefined} data-testid={entry.isMe ? 'leaderboard-row-me' : 'leaderboard-row'} aria-current={entry.isMe ? 'true' : undefined}>
            <TableCell className={styles.number}>{format.number(entry.rank)}</TableCell>
            <TableCell>
              <span className={styles.name}>
                <Text truncate wrap={false}>
                  {entry.displayName}
                </Text>
                {entry.isMe && (
                  <Badge appearance="filled" color="brand" size="small">
                    {t('leaderboard.table.you')}
                  </Badge>
                )}
              </span>
            </TableCell>
            <TableCell className={styles.number}>{format.number(entry.points)}</TableCell>
            {!compact && <TableCell className={styles.prizeCol}>{entry.prize?.amountMinor !== undefined && entry.prize.currency ? format.money(entry.prize.amountMinor, entry.prize.currency) : (entry.prize?.label ?? '')}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
