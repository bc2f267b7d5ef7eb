/** Loading, empty and error states of the board. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise16Regular, DocumentSearch24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';

const useStyles = makeStyles({
  skeletonCard: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
  emptyIcon: { fontSize: '48px', color: tokens.colorNeutralForeground3 },
  emptyTitle: { margin: 0, color: tokens.colorNeutralForeground1 },
});

/** Placeholder cards while the first response loads. */
export function BoardSkeleton({ gridClassName }: { gridClassName: string }) {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  return (
    <div role="status" aria-live="polite" aria-label={t('board.loading')}>
      <div className={gridClassName} aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className={styles.skeletonCard}>
            <SkeletonItem size={20} style={{ width: '85%' }} />
            <SkeletonItem size={16} style={{ width: '30%' }} />
            <SkeletonItem size={12} />
            <SkeletonItem size={12} />
            <SkeletonItem size={12} style={{ width: '60%' }} />
          </Skeleton>
        ))}
      </div>
    </div>
  );
}

/** No posts: explain why, and offer to clear filters when some are set. */
export function BoardEmpty({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  return (
    <div className={styles.empty} role="status">
      <DocumentSearch24Regular className={styles.emptyIcon} aria-hidden="true" />
      <Text as="h2" size={500} weight="semibold" className={styles.emptyTitle}>
        {t('board.empty.title')}
      </Text>
      <Text>{t(filtered ? 'board.empty.filtered' : 'board.empty.unfiltered')}</Text>
      {filtered && (
        <Button appearance="primary" onClick={onClear}>
          {t('board.empty.clear')}
        </Button>
      )}
    </div>
  );
}

/** The localized error (from the error code, not the server's text) with a retry. */
export function BoardError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useTranslation(['tab', 'common']);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('tab:board.error.title')}</MessageBarTitle>
        {t(`common:error.${error.code}`, { details: error.details ?? '' })}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" icon={<ArrowClockwise16Regular />} onClick={onRetry}>
          {t('tab:board.error.retry')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
