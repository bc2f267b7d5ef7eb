/**
 * Admin > People: deleting a person's data (a data request). The dialog says what is removed and
 * asks the admin to type the person's name; the answer is shown as what was removed and what
 * remains, only as counts that name no one (clicks on their links stay in each item's totals,
 * programme totals stay as numbers, campaign messages and audit entries stay under a pseudonym).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPerson } from '../../shared/contracts/admin.js';
import { PersonDeletionSchema, type PersonDeletionDto } from '../../shared/contracts/data-requests.js';
import { useTabContext } from '../app/tab-context.js';
import { useAdminStyles, useErrorText } from './admin-ui.js';

/** The typed confirmation must match the name, ignoring surrounding spaces and case. */
export const confirms = (typed: string, name: string) => typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

export function PersonDeleteDialog({ person, onClose, onDeleted }: { person: AdminPerson; onClose: () => void; onDeleted: (result: PersonDeletionDto, name: string) => void }) {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api } = useTabContext();
  const errorText = useErrorText();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const name = person.displayName;

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.send('DELETE', `/api/admin/people/${encodeURIComponent(person.id)}`, PersonDeletionSchema);
      onDeleted(result, name);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => { if (!d.open) onClose(); }}>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); if (confirms(typed, name)) void submit(); }}>
          <DialogBody>
            <DialogTitle>{t('deletion.title', { name })}</DialogTitle>
            <DialogContent className={styles.form}>
              <MessageBar intent="warning"><MessageBarBody>{t('deletion.warning')}</MessageBarBody></MessageBar>
              <Field label={t('deletion.confirm', { name })} required>
                <Input value={typed} onChange={(_e, d) => setTyped(d.value)} autoComplete="off" data-testid="delete-confirm" />
              </Field>
              {error && <Text role="alert">{error}</Text>}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={busy || !confirms(typed, name)} data-testid="delete-submit">{t('deletion.submit')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** What was removed and what remains, after a deletion. */
export function DeletionReport({ result, name }: { result: PersonDeletionDto; name: string }) {
  const { t } = useTranslation('admin');
  const { locale } = useTabContext();
  const fmt = new Intl.NumberFormat(locale);
  return (
    <MessageBar intent="success" layout="multiline" data-testid="deletion-report">
      <MessageBarBody>
        <MessageBarTitle>{t('deletion.doneTitle', { name })}</MessageBarTitle>
        <Text as="p">{t('deletion.removed', { total: fmt.format(result.total) })}</Text>
        <Text as="p" weight="semibold">{t('deletion.remainsTitle')}</Text>
        <ul>
          <li>{t('deletion.remainsClicks', { clicks: fmt.format(result.remains.clicks), links: fmt.format(result.remains.links) })}</li>
          <li>{t('deletion.remainsDaily')}</li>
          <li>{t('deletion.remainsBoards')}</li>
          {result.remains.deliveries > 0 && <li>{t('deletion.remainsDeliveries', { count: result.remains.deliveries })}</li>}
          {result.remains.auditEntries > 0 && <li>{t('deletion.remainsAudit', { count: result.remains.auditEntries, pseudonym: result.pseudonym })}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
