/** "Propose myself" for a role on a topic: an optional note, sent to the hub's coordinators. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicRole } from '../../shared/domain/types.js';

export interface ProposeDialogProps {
  role: TopicRole | undefined;
  busy: boolean;
  onSend: (role: TopicRole, note: string) => void;
  onClose: () => void;
}

export function ProposeDialog({ role, busy, onSend, onClose }: ProposeDialogProps) {
  const { t } = useTranslation('topics');
  const [note, setNote] = useState('');
  return (
    <Dialog open={role !== undefined} onOpenChange={(_e, d) => { if (!d.open) onClose(); }}>
      <DialogSurface aria-describedby="propose-body">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (role) onSend(role, note);
          }}
        >
          <DialogBody>
            <DialogTitle>{role ? t('propose.title', { role: t(`role.${role}`) }) : ''}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }}>
              <Text id="propose-body">{t('propose.body')}</Text>
              <Field label={t('propose.note')}>
                <Textarea value={note} onChange={(_e, d) => setNote(d.value)} maxLength={500} resize="vertical" data-testid="propose-note" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy} data-testid="propose-send">{t('propose.send')}</Button>
              <Button onClick={onClose}>{t('propose.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
