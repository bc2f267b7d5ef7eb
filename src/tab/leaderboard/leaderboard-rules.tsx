/**
 * The contest's rules as people read them: points per event (weights), prizes, and who is not
 * ranked. Exclusions are shown as rules (roles, and how many people by name), never as names.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LeaderboardResponse } from '../../shared/contracts/leaderboard.js';
import type { Formatters } from '../impact/format.js';
import { usePageStyles } from '../shell/page-layout.js';

type Contest = NonNullable<LeaderboardResponse['contest']>;

const useStyles = makeStyles({
  rules: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, margin: 0 },
  pair: { display: 'contents' },
  term: { margin: 0 },
  points: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'end', whiteSpace: 'nowrap' },
  zero: { margin: 0, color: tokens.colorNeutralForeground2, textAlign: 'end', whiteSpace: 'nowrap' },
  prizes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  prize: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
});

export function RulesCard({ contest, format }: { contest: Contest; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const rows = [
    { id: 'uniqueClick', label: t('leaderboard.rules.uniqueClick'), weight: contest.weights.uniqueClick },
    { id: 'share', label: t('leaderboard.rules.share'), weight: contest.weights.share },
    { id: 'conversion', label: t('leaderboard.rules.conversion'), weight: contest.weights.conversion },
  ];
  return (
    <section className={page.card} aria-labelledby="rules-title" data-testid="contest-rules">
      <Text as="h2" id="rules-title" size={400} weight="semibold" className={page.h2}>
        {t('leaderboard.rules.title')}
      </Text>
      <dl className={styles.rules}>
        {rows.map((row) => (
          <div key={row.id} className={styles.pair}>
            <dt className={styles.term}>{row.label}</dt>
            <dd className={row.weight > 0 ? styles.points : styles.zero} data-testid={`weight-${row.id}`}>
              {row.weight > 0 ? t('leaderboard.rules.points', { count: row.weight, n: format.number(row.weight) }) : t('leaderboard.rules.notCounted')}
            </dd>
          </div>
        ))}
      </dl>
      {contest.weights.uniqueClick > 0 && (
        <Text size={200} className={page.muted}>
          {t('leaderboard.rules.uniqueNote')}
        </Text>
      )}
    </section>
  );
}

export function PrizesCard({ contest, format }: { contest: Contest; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  return (
    <section className={page.card} aria-labelledby="prizes-title" data-testid="contest-prizes">
      <Text as="h2" id="prizes-title" size={400} weight="semibold" className={page.h2}>
        {t('leaderboard.prizes.title')}
      </Text>
      {contest.prizes.length === 0 ? (
        <Text className={page.muted}>{t('leaderboard.prizes.none')}</Text>
      ) : (
        <ul className={styles.prizes}>
          {[...contest.prizes]
            .sort((a, b) => a.rank - b.rank)
            .map((prize) => (
              <li key={prize.rank} className={styles.prize}>
                <Text>{t('leaderboard.prizes.place', { rank: format.number(prize.rank) })}</Text>
                <Text weight="semibold">
                  {prize.amountMinor !== undefined && prize.currency ? format.money(prize.amountMinor, prize.currency) : prize.label}
                </Text>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

export function ExclusionsCard({ contest, format }: { contest: Contest; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation(['impact', 'common']);
  const roles = contest.excludedRoles.map((role) => t(`common:role.${role}`));
  return (
    <section className={page.card} aria-labelledby="exclusions-title" data-testid="contest-exclusions">
      <Text as="h2" id="exclusions-title" size={400} weight="semibold" className={page.h2}>
        {t('impact:leaderboard.exclusions.title')}
      </Text>
      {roles.length === 0 && contest.excludedPeopleCount === 0 && <Text as="p" className={styles.text}>{t('impact:leaderboard.exclusions.none')}</Text>}
      {roles.length > 0 && (
        <Text as="p" className={styles.text} data-testid="excluded-roles">
          {t('impact:leaderboard.exclusions.roles', { roles: format.list(roles) })}
        </Text>
      )}
      {contest.excludedPeopleCount > 0 && (
        <Text as="p" className={styles.text} data-testid="excluded-people">
          {t('impact:leaderboard.exclusions.people', { count: contest.excludedPeopleCount, n: format.number(contest.excludedPeopleCount) })}
        </Text>
      )}
    </section>
  );
}
