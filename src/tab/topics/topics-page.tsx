/**
 * Topics page (`#/topics`, every enrolled person): the topic hubs as cards; `#/topics/<id>` opens
 * one hub with its pyramid of roles and its external influencer map (hub-view.tsx).
 */
import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useHashLocation } from '../app/router.js';
import { useApiResource } from '../impact/use-api.js';
import { usePageStyles } from '../shell/page-layout.js';
import { HubCards } from './hub-list.js';
import { HubView } from './hub-view.js';
import { topicsApi } from './topics-api.js';

function HubIndex() {
  const { t } = useTranslation(['topics', 'common']);
  const list = useApiResource((a, signal) => topicsApi.list(a, signal), []);
  if (list.error) {
    const text = list.error instanceof ApiError ? t(`common:error.${list.error.code}`, { details: list.error.details ?? '' }) : t('common:error.generic');
    return <MessageBar intent="error" role="alert"><MessageBarBody>{text}</MessageBarBody></MessageBar>;
  }
  if (!list.data) return <Spinner label={t('loading')} />;
  return <HubCards hubs={list.data.hubs} />;
}

export function TopicsPage() {
  const layout = usePageStyles();
  const { t } = useTranslation('topics');
  const location = useHashLocation();
  const topicId = location.rest[0];
  return (
    <section className={layout.page} aria-labelledby="topics-title" data-testid="topics-page">
      <div className={layout.titles}>
        <Text as="h1" id="topics-title" size={700} weight="semibold" className={layout.h1}>{t('title')}</Text>
        <Text as="p" className={layout.subtitle}>{t('subtitle')}</Text>
      </div>
      {topicId ? <HubView key={topicId} topicId={topicId} /> : <HubIndex />}
    </section>
  );
}
