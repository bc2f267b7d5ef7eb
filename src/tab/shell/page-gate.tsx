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

/** A full-page notice in the pages' frame: a title, a sentence, and optionally the way back to the Board. */
export function TabNotice({ title, body, backToBoard, testId }: { title: string; body: string; backToBoard: boolean; testId?: string }) {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  return (
    <section className={styles.root} {...(testId ? { 'data-testid': testId } : {})}>
      <Text as="h1" size={600} weight="semibold">
        {title}
      </Text>
      <Text>{body}</Text>
      {backToBoard && (
        <Button as="a" appearance="primary" href={routeHref('board')}>
          {t('app.backToBoard')}
        </Button>
      )}
    </section>
  );
}

export function PageGate({ reason }: { reason: 'notEnrolled' | 'notAllowed' }) {
  const { t } = useTranslation('tab');
  return <TabNotice title={t(`app.${reason}Title`)} body={t(`app.${reason}Body`)} backToBoard={reason === 'notAllowed'} testId={`gate-${reason}`} />;
}
