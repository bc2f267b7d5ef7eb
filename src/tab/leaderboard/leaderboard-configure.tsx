/**
 * `#/leaderboard/configure`: the configuration page of the leaderboard channel tab. In Teams it
 * tells the host what to save (`contentUrl` = `.../tab/#/leaderboard?channel=1`) and enables
 * Save; outside Teams it explains where to open it. Below, a preview of the channel view.
 */
import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTabContext } from '../app/tab-context.js';
import { usePageStyles } from '../shell/page-layout.js';
import { registerChannelTabConfig } from '../teams/host.js';
import { LeaderboardView } from './leaderboard-view.js';

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The content URL the channel tab opens: this app's tab, leaderboard route, channel view. */
export function channelTabUrl(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '#/leaderboard?channel=1';
  return url.toString();
}

export function LeaderboardConfigure() {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const { host } = useTabContext();
  const [state, setState] = useState<'pending' | 'ready' | 'failed'>('pending');

  useEffect(() => {
    if (host.mode !== 'teams') return;
    const contentUrl = channelTabUrl(window.location.href);
    registerChannelTabConfig({ entityId: 'leaderboard', contentUrl, websiteUrl: contentUrl, suggestedDisplayName: t('leaderboard.configure.tabName') }).then(
      () => setState('ready'),
      () => setState('failed'),
    );
  }, [host.mode, t]);

  return (
    <section className={page.page} aria-labelledby="configure-title">
      <div className={page.titles}>
        <Text as="h1" id="configure-title" size={700} weight="semibold" className={page.h1}>
          {t('leaderboard.configure.title')}
        </Text>
        <Text as="p" className={page.subtitle}>
          {t('leaderboard.configure.body')}
        </Text>
      </div>
      <MessageBar intent={host.mode === 'teams' && state !== 'failed' ? 'success' : 'info'} data-testid="configure-status">
        <MessageBarBody>{host.mode === 'teams' && state === 'ready' ? t('leaderboard.configure.ready') : t('leaderboard.configure.outside')}</MessageBarBody>
      </MessageBar>
      <div className={styles.preview}>
        <Text as="h2" size={500} weight="semibold" className={page.h2}>
          {t('leaderboard.configure.preview')}
        </Text>
        <LeaderboardView channel headingLevel={3} />
      </div>
    </section>
  );
}
