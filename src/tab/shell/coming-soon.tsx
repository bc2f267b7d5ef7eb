/** A page that is not built yet: its title and a short note, so navigation never dead-ends. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RouteName } from '../app/router.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXXL },
});

export function ComingSoon({ page }: { page: RouteName }) {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  return (
    <section className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        {t(`nav.${page}`)}
      </Text>
      <Text>{t('app.comingSoon')}</Text>
    </section>
  );
}
