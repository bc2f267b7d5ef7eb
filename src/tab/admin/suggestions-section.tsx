/** Admin > Suggestions: the queue of employees' suggestions, flags, approve (draft) or reject with a reason. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Link, Spinner, Tab, TabList, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSuggestion } from '../../shared/contracts/admin.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { FlaggedBadge, formatWhen, NoticeBar, StatusBadge, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';

const QUEUES = ['pending', 'approved', 'rejected'] as const;

export function SuggestionsSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const [queue, setQueue] = useState<(typeof QUEUES)[number]>('pending');
  const [rejecting, setRejecting] = useState<AdminSuggestion | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const list = useApiResource((a, signal) => adminApi.suggestions(a, queue, signal), [queue]);

  async function run(id: string, work: () => Promise<string>) {
    setBusy(id);
    try {
      setNotice({ intent: 'success', text: await work() });
      list.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className={styles.section} data-testid="admin-suggestions">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('suggestions.heading')}</Text>
      <TabList size="small" selectedValue={queue} onTabSelect={(_e, d) => setQueue(d.value as (typeof QUEUES)[number])} aria-label={t('suggestions.queue')}>
        {QUEUES.map((q) => <Tab key={q} value={q}>{t(`status.${q}`)}</Tab>)}
      </TabList>
      <NoticeBar notice={notice ?? (list.error ? { intent: 'error', text: errorText(list.error) } : undefined)} />
      {!list.data && list.loading && <Spinner label={t('common.loading')} />}
      {list.data && list.data.suggestions.length === 0 && <Text>{t('common.empty')}</Text>}
      {list.data?.suggestions.map((s) => (
        <article key={s.id} className={styles.card} data-testid={`suggestion-${s.id}`} aria-label={s.url}>
          <div className={styles.actions}>
            <StatusBadge status={s.status} />
            <FlaggedBadge phrases={s.flaggedPhrases} />
          </div>
          <Link href={s.url} target="_blank" rel="noopener noreferrer" className={styles.code}>{s.url}</Link>
          <Text>{s.why}</Text>
          {s.topic && <Text size={200} className={styles.muted}>{t('suggestions.topic', { topic: s.topic })}</Text>}
          <Text size={200} className={styles.muted}>{t('suggestions.from', { name: s.suggesterName, date: formatWhen(locale, s.suggestedAt) })}</Text>
          {s.decidedAt && <Text size={200} className={styles.muted}>{t('suggestions.decided', { date: formatWhen(locale, s.decidedAt) })}</Text>}
          {s.decisionReason && <Text size={200}>{t('suggestions.reasonShown', { reason: s.decisionReason })}</Text>}
          {s.status === 'pending' && (
            <div className={styles.actions}>
              <Button appearance="primary" size="small" disabled={busy === s.id} data-testid={`approve-${s.id}`} aria-label={`${t('suggestions.approve')}: ${s.url}`}
                onClick={() => void run(s.id, async () => { await adminApi.approve(api, s.id); return t('suggestions.approved'); })}>
                {t('suggestions.approve')}
              </Button>
              <Button size="small" disabled={busy === s.id} data-testid={`reject-${s.id}`} aria-label={`${t('suggestions.reject')}: ${s.url}`} onClick={() => { setReason(''); setRejecting(s); }}>
                {t('suggestions.reject')}
              </Button>
            </div>
          )}
        </article>
      ))}
      {rejecting && (
        <Dialog open onOpenChange={(_e, d) => { if (!d.open) setRejecting(undefined); }}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('suggestions.rejectTitle')}</DialogTitle>
              <DialogContent>
                <Field label={t('suggestions.reason')} required>
                  <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={500} data-testid="reject-reason" />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setRejecting(undefined)}>{t('common.cancel')}</Button>
                <Button appearance="primary" disabled={reason.trim() === ''} data-testid="reject-confirm"
                  onClick={() => {
                    const target = rejecting;
                    setRejecting(undefined);
                    void run(target.id, async () => { await adminApi.reject(api, target.id, reason.trim()); return t('suggestions.rejected', { name: target.suggesterName }); });
                  }}>
                  {t('suggestions.reject')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
