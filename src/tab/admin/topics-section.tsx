/** Admin > Topics: hubs, pyramid roles (unfilled highlighted), proposals, external influencer maps. (Placeholder: being built.) */
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAdminStyles } from './admin-ui.js';

export function TopicsSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  return (
    <div className={styles.section} data-testid="admin-topics">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('nav.topics')}</Text>
    </div>
  );
}
