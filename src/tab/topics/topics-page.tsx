/** Topics page (every enrolled person): topic hubs, pyramid roles, self-proposals, influencer maps. (Placeholder: being built.) */
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { usePageStyles } from '../shell/page-layout.js';

export function TopicsPage() {
  const layout = usePageStyles();
  const { t } = useTranslation('topics');
  return (
    <section className={layout.page} aria-labelledby="topics-title" data-testid="topics-page">
      <div className={layout.titles}>
        <Text as="h1" id="topics-title" size={700} weight="semibold" className={layout.h1}>{t('title')}</Text>
        <Text as="p" className={layout.subtitle}>{t('subtitle')}</Text>
      </div>
    </section>
  );
}
