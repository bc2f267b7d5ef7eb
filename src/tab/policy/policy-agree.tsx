/**
 * "I agree" for the current policy version (`POST /api/policy/acknowledge`, the same policy
 * service as the bot's policy card). States: not agreed (button), saving (disabled), agreed (the
 * date), outdated (a newer version was published: reload), other error (retry).
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { Checkmark20Filled } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcknowledgePolicyResponseSchema } from '../../shared/contracts/policy.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import type { Formatters } from '../impact/format.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  agreed: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorPaletteGreenForeground1 },
});

export interface PolicyAgreeProps {
  version: number;
  acknowledgedAt?: string;
  format: Formatters;
  onAgreed(acknowledgedAt: string): void;
}

export function PolicyAgree({ version, acknowledgedAt, format, onAgreed }: PolicyAgreeProps) {
  const styles = useStyles();
  const { t } = useTranslation(['impact', 'common']);
  const { api } = useTabContext();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  if (acknowledgedAt) {
    return (
      <div className={styles.agreed} role="status" data-testid="policy-agreed">
        <Checkmark20Filled aria-hidden="true" />
        <Text weight="semibold">{t('impact:policy.agreedOn', { date: format.date(acknowledgedAt) })}</Text>
      </div>
    );
  }

  const agree = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const answer = await api.send('POST', '/api/policy/acknowledge', AcknowledgePolicyResponseSchema, { version });
      onAgreed(answer.acknowledgedAt);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('generic', 0));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.root}>
      <Text>{t('impact:policy.mustAgree')}</Text>
      {error && (
        <MessageBar intent={error.status === 409 ? 'warning' : 'error'} data-testid="policy-agree-error">
          <MessageBarBody role="alert">{error.status === 409 ? t('impact:policy.outdated') : t(`common:error.${error.code}`, { details: error.details ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        size="large"
        disabled={saving || error?.status === 409}
        icon={saving ? <Spinner size="tiny" /> : undefined}
        onClick={() => void agree()}
        data-testid="policy-agree"
      >
        {saving ? t('impact:policy.agreeing') : t('impact:policy.agree')}
      </Button>
    </div>
  );
}
