/** Admin > Topics: self-proposals waiting for a decision; accept, or decline with a reason the person sees. */
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../shared/contracts/topics.js';
import { useTabContext } from '../app/tab-context.js';
import { topicsApi } from '../topics/topics-api.js';
import { useHubName } from '../topics/topics-ui.js';
import { formatWhen, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';

export interface ProposalQueueProps {
  proposals: ProposalView[];
  onDecided: (notice: Notice) => void;
}

export function ProposalQueue({ proposals, onDecided }: ProposalQueueProps) {
  const styles = useAdminStyles();
  const { t } = useTranslation('topics');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const hubName = useHubName();
  const [declining, setDeclining] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | undefined>();

  async function decide(p: ProposalView, accept: boolean) {
    setBusy(p.id);
    try {
      if (accept) await topicsApi.accept(api, p.id);
      else await topicsApi.decline(api, p.id, reason);
      setDeclining(undefined);
      setReason('');
      onDecided({
        intent: 'success',
        text: accept ? t('admin.accepted', { name: p.employee.name, role: t(`role.${p.role}`), topic: hubName(p.topicName) }) : t('admin.declined', { name: p.employee.name }),
      });
    } catch (err) {
      onDecided({ intent: 'error', text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  }

  if (proposals.length === 0) return <Text className={styles.muted}>{t('admin.queueEmpty')}</Text>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} className={styles.section}>
      {proposals.map((p) => {
        const role = t(`role.${p.role}`);
        return (
          <li key={p.id} className={styles.card} data-testid={`proposal-${p.id}`}>
            <Text weight="semibold">{t('admin.proposalLine', { name: p.employee.name, role, topic: hubName(p.topicName) })}</Text>
            <Text size={200} className={styles.muted}>{[p.employee.team, formatWhen(locale, p.proposedAt)].filter(Boolean).join(' · ')}</Text>
            {p.note && <Text size={200} italic>{p.note}</Text>}
            {declining === p.id ? (
              <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void decide(p, false); }}>
                <Field label={t('admin.declineReason')} required>
                  <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={500} data-testid={`decline-reason-${p.id}`} />
                </Field>
                <div className={styles.actions}>
                  <Button type="submit" appearance="primary" disabled={busy === p.id || reason.trim() === ''} data-testid={`decline-send-${p.id}`}>{t('admin.sendDecline')}</Button>
                  <Button onClick={() => setDeclining(undefined)}>{t('form.cancel')}</Button>
                </div>
              </form>
            ) : (
              <div className={styles.actions}>
                <Button appearance="primary" size="small" disabled={busy === p.id} onClick={() => void decide(p, true)} aria-label={t('admin.acceptLabel', { name: p.employee.name, role })} data-testid={`accept-${p.id}`}>{t('admin.accept')}</Button>
                <Button size="small" disabled={busy === p.id} onClick={() => { setDeclining(p.id); setReason(''); }} aria-label={t('admin.declineLabel', { name: p.employee.name, role })} data-testid={`decline-${p.id}`}>{t('admin.decline')}</Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
