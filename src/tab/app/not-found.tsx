/** Shown for an unknown hash route. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { routeHref } from './router.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    // The same side margins as the pages, so the title does not jump when a page is refused.
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
});

/** Friendly 404 inside the tab. */
export function NotFound() {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  return (
    <section className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        {t('app.notFoundTitle')}
      </Text>
      <Text>{t('app.notFoundBody')}</Text>
      <Button as="a" appearance="primary" href={routeHref('board')}>
        {t('app.backToBoard')}
      </Button>
    </section>
  );
}
