/**
 * The campaign form: a published content item (search), the audience (personas, teams, topics,
 * languages, named people; who is left out and why shown as you choose), the delivery window in
 * the admin's time zone and the slot length. New: saves a draft, then the detail shows its
 * preview. Edit (`draft` given): starts from the stored draft and saves it at the version it was
 * opened at (a second admin's save in between is refused, and the form keeps what was typed).
 */
import { Button, Checkbox, Combobox, Field, Input, Option, Tag, TagGroup, Text } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceOptions, CampaignView } from '../../shared/contracts/campaigns.js';
import type { CampaignAudience } from '../../shared/domain/campaigns.js';
import { PERSONAS, SUPPORTED_LANGUAGES, type Language } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { audienceReach, campaignInput, campaignUpdate, defaultWindow, formValuesOf, fromLocalInput, validateCampaignForm, type CampaignFormErrors } from './campaign-form-rules.js';
import { adminTimeZone, formatWindow, useReasonLabel } from './campaign-ui.js';
import { campaignsApi } from './campaigns-api.js';

const EMPTY_AUDIENCE: CampaignAudience = { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [] };

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

/** A labelled group of checkboxes (not a Field: a Field would give every checkbox its one id). */
function CheckboxGroup({ label, children }: { label: string; children: ReactNode }) {
  const styles = useAdminStyles();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className={styles.section}>
      <Text id={id}>{label}</Text>
      <div className={styles.row}>{children}</div>
    </div>
  );
}

export interface CampaignFormProps {
  options: AudienceOptions;
  onCancel(): void;
  /** Called with the draft's id once saved (created, or edited). */
  onCreated(id: string): void;
  /** Edit this stored draft (its item's title, and the version it was read at) instead of creating one. */
  draft?: { campaign: CampaignView; version: string; title: string };
  /** The clock (tests); the browser's otherwise. */
  now?: () => Date;
}

export function CampaignForm({ options, onCancel, onCreated, draft, now = () => new Date() }: CampaignFormProps) {
  const styles = useAdminStyles();
  const { t } = useTranslation('campaigns');
  const { t: ta } = useTranslation('admin');
  const { api, locale, language } = useTabContext();
  const errorText = useErrorText();
  const reasonLabel = useReasonLabel();
  const [initial] = useState(() => (draft ? formValuesOf(draft.campaign) : { ...defaultWindow(now()), contentId: '', audience: EMPTY_AUDIENCE, slotMinutes: 30 }));
  const [query, setQuery] = useState(draft?.title ?? '');
  const [contentId, setContentId] = useState(initial.contentId);
  const [contentTitle, setContentTitle] = useState(draft?.title ?? '');
  const [audience, setAudience] = useState<CampaignAudience>(initial.audience);
  const [personQuery, setPersonQuery] = useState('');
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [slot, setSlot] = useState(String(initial.slotMinutes));
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The editor replaces the draft's detail: move focus to its title so keyboard and screen reader users land in it.
  useEffect(() => { if (draft) heading.current?.focus(); }, [draft === undefined]);
  const content = useApiResource((a, signal) => adminApi.content(a, { status: 'published', ...(query.trim() && query !== contentTitle ? { q: query.trim() } : {}) }, signal), [query === contentTitle ? '' : query.trim()]);
  const languageName = useMemo(() => new Intl.DisplayNames([locale], { type: 'language' }), [locale]);
  const num = new Intl.NumberFormat(locale);
  const names = useMemo(() => new Map(options.people.map((p) => [p.id, p])), [options.people]);
  const reach = useMemo(() => audienceReach(options.people, audience), [options.people, audience]);
  const topicName = (name: Record<string, string>) => name[language as Language] ?? name.en ?? '';
  const zone = adminTimeZone();
  const values = { contentId, audience, start, end, slotMinutes: Number(slot) };
  const windowText = !Number.isNaN(fromLocalInput(start)) && fromLocalInput(end) > fromLocalInput(start) ? formatWindow(locale, { start: new Date(fromLocalInput(start)).toISOString(), end: new Date(fromLocalInput(end)).toISOString() }) : '';
  const message = (field: keyof CampaignFormErrors) => {
    const e = errors[field];
    return e ? t(`admin.form.errors.${e.key}`, Object.fromEntries(Object.entries(e.values ?? {}).map(([k, v]) => [k, typeof v === 'number' ? num.format(v) : v]))) : undefined;
  };
  const set = (patch: Partial<CampaignAudience>) => setAudience((a) => ({ ...a, ...patch }));
  /** A field's message goes once the field changes (the next save checks again). */
  const clearError = (field: keyof CampaignFormErrors) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  const matchingPeople = options.people.filter((p) => !audience.employeeIds.includes(p.id) && p.name.toLowerCase().includes(personQuery.trim().toLowerCase())).slice(0, 50);

  async function save() {
    const found = validateCampaignForm(values, now());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setNotice(undefined);
    try {
      if (draft) onCreated((await campaignsApi.update(api, draft.campaign.id, campaignUpdate(values, draft.version))).campaign.id);
      else onCreated((await campaignsApi.create(api, campaignInput(values))).id);
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate data-testid="campaign-form" aria-labelledby="campaign-form-title">
      <Text as="h3" id="campaign-form-title" ref={heading} tabIndex={-1} size={400} weight="semibold" className={styles.h2}>{draft ? t('admin.form.editTitle') : t('admin.form.title')}</Text>
      <NoticeBar notice={notice} />
      <Field label={t('admin.form.content')} required validationMessage={message('content')}>
        <Combobox
          freeform
          placeholder={t('admin.form.contentPlaceholder')}
          value={query}
          selectedOptions={contentId ? [contentId] : []}
          onChange={(e) => { setQuery((e.target as HTMLInputElement).value); setContentId(''); setContentTitle(''); }}
          onOptionSelect={(_e, d) => { clearError('content'); setContentId(d.optionValue ?? ''); setContentTitle(d.optionText ?? ''); setQuery(d.optionText ?? ''); }}
          data-testid="campaign-content"
        >
          {(content.data?.items ?? []).map((item) => <Option key={item.id} value={item.id} text={item.title}>{`${item.title} (${languageName.of(item.language) ?? item.language})`}</Option>)}
          {content.data && content.data.items.length === 0 && <Option disabled value="" text="">{t('admin.form.contentNone')}</Option>}
        </Combobox>
      </Field>

      <fieldset className={styles.card}>
        <legend><Text weight="semibold">{t('admin.form.audience')}</Text></legend>
        <Text size={200} className={styles.muted}>{t('admin.form.audienceHint')}</Text>
        <CheckboxGroup label={t('admin.form.personas')}>
          {PERSONAS.map((p) => <Checkbox key={p} label={ta(`content.persona.${p}`)} checked={audience.personas.includes(p)} onChange={(_e, d) => set({ personas: toggle(audience.personas, p, d.checked === true) })} />)}
        </CheckboxGroup>
        {options.teams.length > 0 && (
          <CheckboxGroup label={t('admin.form.teams')}>
            {options.teams.map((team) => <Checkbox key={team} label={team} checked={audience.teams.includes(team)} onChange={(_e, d) => set({ teams: toggle(audience.teams, team, d.checked === true) })} />)}
          </CheckboxGroup>
        )}
        {options.topics.length > 0 && (
          <CheckboxGroup label={t('admin.form.topics')}>
            {options.topics.map((topic) => <Checkbox key={topic.id} label={topicName(topic.name)} checked={audience.topicIds.includes(topic.id)} onChange={(_e, d) => set({ topicIds: toggle(audience.topicIds, topic.id, d.checked === true) })} />)}
          </CheckboxGroup>
        )}
        <CheckboxGroup label={t('admin.form.languages')}>
          {SUPPORTED_LANGUAGES.map((l) => <Checkbox key={l} label={languageName.of(l) ?? l} checked={audience.languages.includes(l)} onChange={(_e, d) => set({ languages: toggle(audience.languages, l, d.checked === true) })} />)}
        </CheckboxGroup>
        <Field label={t('admin.form.people')}>
          <Combobox
            freeform
            placeholder={t('admin.form.peoplePlaceholder')}
            value={personQuery}
            selectedOptions={[]}
            onChange={(e) => setPersonQuery((e.target as HTMLInputElement).value)}
            onOptionSelect={(_e, d) => { if (d.optionValue) set({ employeeIds: [...audience.employeeIds, d.optionValue] }); setPersonQuery(''); }}
            data-testid="campaign-people"
          >
            {matchingPeople.map((p) => {
              const label = p.excluded ? t('admin.form.excludedTag', { name: p.name, reason: reasonLabel(p.excluded) }) : `${p.name} · ${p.team}`;
              return <Option key={p.id} value={p.id} text={p.name} disabled={p.excluded !== undefined}>{label}</Option>;
            })}
          </Combobox>
        </Field>
        {audience.employeeIds.length > 0 && (
          <TagGroup onDismiss={(_e, d) => set({ employeeIds: audience.employeeIds.filter((id) => id !== d.value) })} aria-label={t('admin.form.people')}>
            {audience.employeeIds.map((id) => (
              <Tag key={id} value={id} dismissible dismissIcon={{ 'aria-label': t('admin.form.removePerson', { name: names.get(id)?.name ?? id }) }}>{names.get(id)?.name ?? id}</Tag>
            ))}
          </TagGroup>
        )}
        <div role="status" aria-live="polite" className={styles.section}>
          <Text weight="semibold" data-testid="audience-matches">{t('admin.form.matches', { value: num.format(reach.included) })}</Text>
          <Text size={200} className={styles.muted} data-testid="audience-left-out">{t('admin.form.leftOut', { optedOut: num.format(reach.optedOut), paused: num.format(reach.paused) })}</Text>
          {reach.excluded.length > 0 && (
            <Text size={200} data-testid="audience-excluded">{t('admin.form.leftOutNames', { names: reach.excluded.slice(0, 20).map((e) => t('admin.form.excludedTag', { name: e.name, reason: reasonLabel(e.reason) })).join('; ') + (reach.excluded.length > 20 ? ' …' : '') })}</Text>
          )}
        </div>
      </fieldset>

      <fieldset className={styles.card}>
        <legend><Text weight="semibold">{t('admin.form.window')}</Text></legend>
        <Text size={200} className={styles.muted}>{t('admin.form.windowHint', { zone })}</Text>
        <div className={styles.row}>
          <Field label={t('admin.form.start')} required validationMessage={message('start')}>
            <Input type="datetime-local" value={start} onChange={(_e, d) => { clearError('start'); clearError('end'); setStart(d.value); }} data-testid="campaign-start" />
          </Field>
          <Field label={t('admin.form.end')} required validationMessage={message('end')}>
            <Input type="datetime-local" value={end} onChange={(_e, d) => { clearError('end'); setEnd(d.value); }} data-testid="campaign-end" />
          </Field>
          <Field label={t('admin.form.slot')} hint={t('admin.form.slotHint')} validationMessage={message('slot')}>
            <Input type="number" min={5} max={1440} step={5} value={slot} onChange={(_e, d) => { clearError('slot'); setSlot(d.value); }} data-testid="campaign-slot" />
          </Field>
        </div>
        {windowText && <Text data-testid="campaign-window-summary">{windowText}</Text>}
      </fieldset>

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving} data-testid="campaign-save">{saving ? t('admin.form.saving') : draft ? t('admin.form.saveChanges') : t('admin.form.save')}</Button>
        <Button onClick={onCancel} data-testid="campaign-form-cancel">{t('admin.form.cancel')}</Button>
      </div>
    </form>
  );
}
