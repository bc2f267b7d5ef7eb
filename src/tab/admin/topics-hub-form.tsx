/** Admin > Topics: create or edit a hub (name in English and in the hub's other languages, description, languages). */
import { Button, Checkbox, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubInput, HubSummary } from '../../shared/contracts/topics.js';
import { SUPPORTED_LANGUAGES, type Language } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';
import { topicsApi } from '../topics/topics-api.js';
import { languageName } from '../topics/topics-ui.js';
import { NoticeBar, useAdminStyles, useErrorText } from './admin-ui.js';

export interface HubFormProps {
  hub?: HubSummary;
  onSaved: (name: string, created: boolean) => void;
  onClose: () => void;
}

export function HubForm({ hub, onSaved, onClose }: HubFormProps) {
  const styles = useAdminStyles();
  const { t } = useTranslation('topics');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const [names, setNames] = useState<Partial<Record<Language, string>>>(() => ({ ...(hub?.name ?? {}) }));
  const [description, setDescription] = useState(hub?.description ?? '');
  const [languages, setLanguages] = useState<Language[]>(hub?.languages.length ? hub.languages : ['en']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function save() {
    setBusy(true);
    setError(undefined);
    const name: HubInput['name'] = { en: names.en ?? '' };
    for (const l of languages) if (l !== 'en' && names[l]?.trim()) name[l] = names[l];
    const input: HubInput = { name, description, languages };
    try {
      if (hub) await topicsApi.updateHub(api, hub.id, input);
      else await topicsApi.createHub(api, input);
      onSaved(name.en, !hub);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (l: Language, on: boolean) => setLanguages((all) => (on ? SUPPORTED_LANGUAGES.filter((x) => x === l || all.includes(x)) : all.filter((x) => x !== l)));
  return (
    <form className={`${styles.card} ${styles.form}`} onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="hub-form">
      <Text as="h3" size={400} weight="semibold" className={styles.h2}>{hub ? t('admin.editHub') : t('admin.newHub')}</Text>
      <Field label={t('admin.hubName')} required>
        <Input value={names.en ?? ''} onChange={(_e, d) => setNames((n) => ({ ...n, en: d.value }))} maxLength={80} data-testid="hub-name" />
      </Field>
      <Field label={t('admin.description')}>
        <Textarea value={description} onChange={(_e, d) => setDescription(d.value)} maxLength={600} resize="vertical" />
      </Field>
      <Field label={t('admin.hubLanguages')} required>
        <div className={styles.row} role="group" aria-label={t('admin.hubLanguages')}>
          {SUPPORTED_LANGUAGES.map((l) => (
            <Checkbox key={l} label={languageName(l, locale)} checked={languages.includes(l)} onChange={(_e, d) => toggle(l, d.checked === true)} />
          ))}
        </div>
      </Field>
      {languages.filter((l) => l !== 'en').map((l) => (
        <Field key={l} label={t('admin.nameIn', { language: languageName(l, locale) })}>
          <Input value={names[l] ?? ''} onChange={(_e, d) => setNames((n) => ({ ...n, [l]: d.value }))} maxLength={80} lang={l} />
        </Field>
      ))}
      <NoticeBar notice={error ? { intent: 'error', text: error } : undefined} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || !(names.en ?? '').trim() || languages.length === 0} data-testid="hub-save">{t('admin.saveHub')}</Button>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}
