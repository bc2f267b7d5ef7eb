/** The topic hubs as cards: name, description, languages, people, map size, unfilled roles, the caller's role. */
import { Badge, Button, Text } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { HubSummary } from '../../shared/contracts/topics.js';
import { routeHref } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { usePageStyles } from '../shell/page-layout.js';
import { joinList, languageName, useCount, useHubName, useTopicStyles } from './topics-ui.js';

export function HubCards({ hubs }: { hubs: HubSummary[] }) {
  const layout = usePageStyles();
  const styles = useTopicStyles();
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  const hubName = useHubName();
  const count = useCount();
  if (hubs.length === 0) {
    return (
      <div className={styles.stack} data-testid="hubs-empty">
        <Text weight="semibold">{t('empty')}</Text>
        <Text className={styles.muted}>{t('emptyHint')}</Text>
      </div>
    );
  }
  return (
    <ul className={styles.grid} style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('hubs')}>
      {hubs.map((hub) => {
        const name = hubName(hub.name);
        return (
          <li key={hub.id} className={layout.card} data-testid={`hub-${hub.id}`}>
            <Text as="h2" size={500} weight="semibold" className={layout.h2}>{name}</Text>
            {hub.description && <Text className={styles.muted}>{hub.description}</Text>}
            <div className={styles.row}>
              {hub.unfilledRoles.length > 0 ? (
                <Badge appearance="outline" color="warning" icon={<Warning16Filled />} data-testid="hub-unfilled">{count('unfilledCount', hub.unfilledRoles.length)}</Badge>
              ) : (
                <Badge appearance="tint" color="success" icon={<CheckmarkCircle16Regular />}>{t('allFilled')}</Badge>
              )}
              <Badge appearance="tint" color="informative">{count('members', hub.memberCount)}</Badge>
              <Badge appearance="tint" color="informative">{count('influencers', hub.influencerCount)}</Badge>
            </div>
            {hub.languages.length > 0 && (
              <Text size={200} className={styles.muted}>{t('languages', { list: joinList(hub.languages.map((l) => languageName(l, locale)), locale) })}</Text>
            )}
            {(hub.myRole || hub.myPendingRole) && (
              <div className={styles.row}>
                {hub.myRole && <Badge appearance="filled" color="brand">{t('yourRole', { role: t(`role.${hub.myRole}`) })}</Badge>}
                {hub.myPendingRole && <Badge appearance="tint" color="warning">{t('yourPending', { role: t(`role.${hub.myPendingRole}`) })}</Badge>}
              </div>
            )}
            {/* One primary action per page, not per card: thirteen filled buttons read as noise. */}
            <div className={styles.cardFoot}>
              <Button as="a" href={routeHref('topics', hub.id)} appearance="secondary" aria-label={t('open', { name })} data-testid={`open-${hub.id}`}>
                {t('open', { name })}
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
