/** Admin > Contests: window, weights, prizes, exclusions, weekly update channel. (Placeholder: being built.) */
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAdminStyles } from './admin-ui.js';

export function ContestsSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  return (
    <div className={styles.section} data-testid="admin-contests">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('nav.contests')}</Text>
    </div>
  );
}
