/** Small shared pieces of the Admin page: notices, error text, the status badge, flagged phrases, styles. */
import { Badge, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

export const useAdminStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  table: { minWidth: '640px' },
  scroll: { overflowX: 'auto' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  h2: { margin: 0 },
  secret: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
});

export type Notice = { intent: 'success' | 'error'; text: string } | undefined;

/** The message of a failed call in the UI language. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation('common');
  return (err) => (err instanceof ApiError ? t(`error.${err.code}`, { details: err.details ?? '' }) : t('error.generic'));
}

export function NoticeBar({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

const STATUS_COLOR = { draft: 'informative', approved: 'brand', published: 'success', expired: 'subtle', pending: 'warning', rejected: 'danger' } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_COLOR }) {
  const { t } = useTranslation('admin');
  return <Badge appearance="tint" color={STATUS_COLOR[status]} data-testid={`status-${status}`}>{t(`status.${status}`)}</Badge>;
}

export function FlaggedBadge({ phrases }: { phrases: string[] }) {
  const { t } = useTranslation('admin');
  if (phrases.length === 0) return null;
  return <Badge appearance="filled" color="danger" data-testid="flagged">{t('common.flagged', { phrases: phrases.join(', '), interpolation: { escapeValue: false } })}</Badge>;
}

/** A date-time in the UI locale (short). */
export function formatWhen(locale: string, iso: string | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
