/**
 * Route `#/leaderboard`: the running contest for the caller; `#/leaderboard?channel=1` is the
 * compact channel-tab view (no personal rank); `#/leaderboard/configure` is the channel tab's
 * configuration page.
 */
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useHashLocation } from '../app/router.js';
import { usePageStyles } from '../shell/page-layout.js';
import { LeaderboardConfigure } from './leaderboard-configure.js';
import { LeaderboardView } from './leaderboard-view.js';

export function LeaderboardPage() {
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const location = useHashLocation();
  if (location.rest[0] === 'configure') return <LeaderboardConfigure />;
  const channel = location.params.get('channel') === '1';
  return (
    <section className={page.page} aria-labelledby="leaderboard-title">
      <div className={page.titles}>
        <Text as="h1" id="leaderboard-title" size={700} weight="semibold" className={page.h1}>
          {t('leaderboard.title')}
        </Text>
        {!channel && (
          <Text as="p" className={page.subtitle}>
            {t('leaderboard.subtitle')}
          </Text>
        )}
      </div>
      <LeaderboardView channel={channel} />
    </section>
  );
}
