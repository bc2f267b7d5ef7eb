/** What a person sees instead of a page they may not open, or before they are enrolled. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../app/router.js';

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

export function PageGate({ reason }: { reason: 'notEnrolled' | 'notAllowed' }) {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  return (
    <section className={styles.root} data-testid={`gate-${reason}`}>
      <Text as="h1" size={600} weight="semibold">
        {t(`app.${reason}Title`)}
      </Text>
      <Text>{t(`app.${reason}Body`)}</Text>
      {reason === 'notAllowed' && (
        <Button as="a" appearance="primary" href={routeHref('board')}>
          {t('app.backToBoard')}
        </Button>
      )}
    </section>
  );
}
