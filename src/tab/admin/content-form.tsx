/** The content item editor (dialog): fields, targeting, suggested texts per network and language, dates. */
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminContentInput, AdminContentItem } from '../../shared/contracts/admin.js';
import { CONTENT_CATEGORIES, NETWORKS, PERSONAS, SUPPORTED_LANGUAGES, type ContentCategory, type Language, type Network, type Persona } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';
import { adminApi } from './admin-api.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';

interface TextRow { network: Network; language: Language; variants: string }

const split = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');
/** `datetime-local` value <-> ISO instant (the browser's zone). */
const toLocalInput = (iso?: string) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : undefined);

export function ContentForm({ item, onClose, onSaved }: { item?: AdminContentItem; onClose(): void; onSaved(item: AdminContentItem): void }) {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api } = useTabContext();
  const errorText = useErrorText();
  const [url, setUrl] = useState(item?.url ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [summary, setSummary] = useState(item?.summary ?? '');
  const [imageUrl, setImageUrl] = useState(item?.imageUrl ?? '');
  const [language, setLanguage] = useState<Language>(item?.language ?? 'en');
  const [category, setCategory] = useState<ContentCategory>(item?.category ?? 'company');
  const [topics, setTopics] = useState(item?.topics.join(', ') ?? '');
  const [teams, setTeams] = useState(item?.targetTeams.join(', ') ?? '');
  const [personas, setPersonas] = useState<Persona[]>(item?.targetPersonas ?? []);
  const [languages, setLanguages] = useState<Language[]>(item?.targetLanguages ?? []);
  const [publishAt, setPublishAt] = useState(toLocalInput(item?.publishAt));
  const [expiresAt, setExpiresAt] = useState(toLocalInput(item?.expiresAt));
  const [texts, setTexts] = useState<TextRow[]>(item?.suggestedTexts.map((s) => ({ network: s.network, language: s.language, variants: s.variants.join('\n') })) ?? [{ network: 'linkedin', language: 'en', variants: '' }]);
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);

  const setText = (i: number, patch: Partial<TextRow>) => setTexts((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save() {
    const input: AdminContentInput = {
      url, title, summary, language, category,
      ...(imageUrl.trim() ? { imageUrl: imageUrl.trim() } : {}),
      topics: split(topics), targetTeams: split(teams), targetPersonas: personas, targetLanguages: languages,
      suggestedTexts: texts.map((r) => ({ network: r.network, language: r.language, variants: r.variants.split('\n').map((v) => v.trim()).filter((v) => v !== '') })).filter((r) => r.variants.length > 0),
      ...(fromLocalInput(publishAt) ? { publishAt: fromLocalInput(publishAt) } : {}),
      ...(fromLocalInput(expiresAt) ? { expiresAt: fromLocalInput(expiresAt) } : {}),
    };
    setSaving(true);
    try {
      onSaved(item ? await adminApi.updateContent(api, item.id, input) : await adminApi.createContent(api, input));
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_e, d) => { if (!d.open) onClose(); }}>
      <DialogSurface style={{ maxWidth: '820px' }}>
        <DialogBody>
          <DialogTitle>{item ? t('content.editTitle') : t('content.newTitle')}</DialogTitle>
          <DialogContent>
            <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }} id="content-form">
              <NoticeBar notice={notice} />
              <Field label={t('content.fields.url')} required><Input type="url" value={url} onChange={(_e, d) => setUrl(d.value)} /></Field>
              <Field label={t('content.fields.title')} required><Input value={title} onChange={(_e, d) => setTitle(d.value)} /></Field>
              <Field label={t('content.fields.summary')}><Textarea value={summary} onChange={(_e, d) => setSummary(d.value)} resize="vertical" /></Field>
              <Field label={t('content.fields.imageUrl')}><Input type="url" value={imageUrl} onChange={(_e, d) => setImageUrl(d.value)} /></Field>
              <div className={styles.row}>
                <Field label={t('content.fields.language')}>
                  <Dropdown value={language} selectedOptions={[language]} onOptionSelect={(_e, d) => setLanguage((d.optionValue ?? 'en') as Language)}>
                    {SUPPORTED_LANGUAGES.map((l) => <Option key={l} value={l}>{l}</Option>)}
                  </Dropdown>
                </Field>
                <Field label={t('content.fields.category')}>
                  <Dropdown value={t(`content.category.${category}`)} selectedOptions={[category]} onOptionSelect={(_e, d) => setCategory((d.optionValue ?? 'company') as ContentCategory)}>
                    {CONTENT_CATEGORIES.map((c) => <Option key={c} value={c}>{t(`content.category.${c}`)}</Option>)}
                  </Dropdown>
                </Field>
              </div>
              <Field label={t('content.fields.topics')}><Input value={topics} onChange={(_e, d) => setTopics(d.value)} /></Field>
              <Field label={t('content.fields.teams')}><Input value={teams} onChange={(_e, d) => setTeams(d.value)} /></Field>
              <Field label={t('content.fields.personas')}>
                <div className={styles.row}>
                  {PERSONAS.map((p) => <Checkbox key={p} label={t(`content.persona.${p}`)} checked={personas.includes(p)} onChange={(_e, d) => setPersonas((cur) => (d.checked ? [...cur, p] : cur.filter((x) => x !== p)))} />)}
                </div>
              </Field>
              <Field label={t('content.fields.languages')}>
                <div className={styles.row}>
                  {SUPPORTED_LANGUAGES.map((l) => <Checkbox key={l} label={l} checked={languages.includes(l)} onChange={(_e, d) => setLanguages((cur) => (d.checked ? [...cur, l] : cur.filter((x) => x !== l)))} />)}
                </div>
              </Field>
              <div className={styles.row}>
                <Field label={t('content.fields.publishAt')}><Input type="datetime-local" value={publishAt} onChange={(_e, d) => setPublishAt(d.value)} /></Field>
                <Field label={t('content.fields.expiresAt')}><Input type="datetime-local" value={expiresAt} onChange={(_e, d) => setExpiresAt(d.value)} /></Field>
              </div>
              <fieldset className={styles.card}>
                <legend>{t('content.fields.texts')}</legend>
                {texts.map((row, i) => (
                  <div key={i} className={styles.row}>
                    <Field label={t('content.fields.network')}>
                      <Dropdown value={row.network} selectedOptions={[row.network]} onOptionSelect={(_e, d) => setText(i, { network: (d.optionValue ?? 'linkedin') as Network })}>
                        {NETWORKS.map((n) => <Option key={n} value={n}>{n}</Option>)}
                      </Dropdown>
                    </Field>
                    <Field label={t('content.fields.textLanguage')}>
                      <Dropdown value={row.language} selectedOptions={[row.language]} onOptionSelect={(_e, d) => setText(i, { language: (d.optionValue ?? 'en') as Language })}>
                        {SUPPORTED_LANGUAGES.map((l) => <Option key={l} value={l}>{l}</Option>)}
                      </Dropdown>
                    </Field>
                    <Field label={t('content.fields.variants')} style={{ flexGrow: 1 }}>
                      <Textarea value={row.variants} onChange={(_e, d) => setText(i, { variants: d.value })} resize="vertical" data-testid={`text-variants-${i}`} />
                    </Field>
                    <Button size="small" onClick={() => setTexts((rows) => rows.filter((_r, j) => j !== i))}>{t('content.fields.removeText')}</Button>
                  </div>
                ))}
                <Button size="small" onClick={() => setTexts((rows) => [...rows, { network: 'linkedin', language, variants: '' }])}>{t('content.fields.addText')}</Button>
              </fieldset>
            </form>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button appearance="primary" type="submit" form="content-form" disabled={saving} data-testid="content-save">{t('common.save')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
