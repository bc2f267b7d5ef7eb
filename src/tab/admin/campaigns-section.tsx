/** Admin > Campaigns: pick content and audience, stagger preview, launch, pause, resume, cancel, live status. (Placeholder: being built.) */
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAdminStyles } from './admin-ui.js';

export function CampaignsSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  return (
    <div className={styles.section} data-testid="admin-campaigns">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('nav.campaigns')}</Text>
    </div>
  );
}
