/** Loading and error states shared by My impact, Leaderboard and Policy. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';

export function PageLoading() {
  const { t } = useTranslation('impact');
  return <Spinner label={t('loading')} />;
}

/** The error in the UI language with a retry button. */
export function PageError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useTranslation(['impact', 'common']);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t(`common:error.${error.code}`, { details: error.details ?? '' })}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('impact:retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
