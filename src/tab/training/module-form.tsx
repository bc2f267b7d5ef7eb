/**
 * Create or edit a module (dialog): title, summary, format, learning style, duration, languages,
 * markdown body with a preview, link, target personas and topic roles (at least one, checked here
 * and by the server), prerequisite. The server's answer is the truth: its error is shown as sent.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingModuleDto, TrainingModuleInput } from '../../shared/contracts/training.js';
import { TRAINING_FORMATS, type TrainingFormat } from '../../shared/domain/training.js';
import { LEARNING_STYLES, PERSONAS, SUPPORTED_LANGUAGES, TOPIC_ROLES, type Language, type LearningStyle, type Persona, type TopicRole } from '../../shared/domain/types.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { trainingApi } from './training-api.js';
import { ModuleMarkdown } from './training-markdown.js';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground1 },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, width: '100%' },
  preview: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, maxHeight: '260px', overflowY: 'auto' },
});

interface Draft {
  title: string;
  summary: string;
  format: TrainingFormat;
  learningStyle: LearningStyle;
  durationMinutes: string;
  languages: Language[];
  body: string;
  link: string;
  targetPersonas: Persona[];
  targetTopicRoles: TopicRole[];
  prerequisiteId: string;
}

function draftOf(module: TrainingModuleDto | undefined, language: Language): Draft {
  return {
    title: module?.title ?? '',
    summary: module?.summary ?? '',
    format: module?.format ?? 'article',
    learningStyle: module?.learningStyle ?? 'reading',
    durationMinutes: String(module?.durationMinutes ?? 10),
    languages: module?.languages ?? [language],
    body: module?.body ?? '',
    link: module?.link ?? '',
    targetPersonas: module?.targetPersonas ?? [],
    targetTopicRoles: module?.targetTopicRoles ?? [],
    prerequisiteId: module?.prerequisiteId ?? '',
  };
}

const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

export interface ModuleFormProps {
  /** The module to edit; absent for a new one. */
  module?: TrainingModuleDto;
  /** Modules that may be the prerequisite. */
  modules: TrainingModuleDto[];
  onClose(): void;
  onSaved(module: TrainingModuleDto): void;
}

export function ModuleForm({ module, modules, onClose, onSaved }: ModuleFormProps) {
  const styles = useStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const { api, language } = useTabContext();
  const [draft, setDraft] = useState<Draft>(() => draftOf(module, language));
  const [preview, setPreview] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const noTarget = draft.targetPersonas.length === 0 && draft.targetTopicRoles.length === 0;
  const noContent = draft.body.trim() === '' && draft.link.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (noTarget || noContent || draft.title.trim() === '') return;
    const input: TrainingModuleInput = {
      title: draft.title.trim(),
      ...(draft.summary.trim() ? { summary: draft.summary.trim() } : {}),
      format: draft.format,
      learningStyle: draft.learningStyle,
      durationMinutes: Number(draft.durationMinutes),
      languages: draft.languages,
      ...(draft.body.trim() ? { body: draft.body } : {}),
      ...(draft.link.trim() ? { link: draft.link.trim() } : {}),
      targetPersonas: draft.targetPersonas,
      targetTopicRoles: draft.targetTopicRoles,
      ...(draft.prerequisiteId ? { prerequisiteId: draft.prerequisiteId } : {}),
    };
    setSaving(true);
    setError(undefined);
    try {
      onSaved(module ? await trainingApi.update(api, module.id, input) : await trainingApi.create(api, input));
    } catch (err) {
      setError(err instanceof ApiError ? tc(`error.${err.code}`, { details: err.details ?? '' }) : tc('error.generic'));
    } finally {
      setSaving(false);
    }
  }

  const prerequisites = modules.filter((m) => m.id !== module?.id && m.state !== 'retired');
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{module ? t('form.editTitle') : t('form.createTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              {error && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={t('form.title')} required validationMessage={touched && draft.title.trim() === '' ? tc('error.badRequest', { details: t('form.title') }) : undefined}>
                <Input value={draft.title} onChange={(_e, d) => set('title', d.value)} maxLength={200} data-testid="module-title" />
              </Field>
              <Field label={t('form.summary')}>
                <Input value={draft.summary} onChange={(_e, d) => set('summary', d.value)} maxLength={500} />
              </Field>
              <div className={styles.row}>
                <Field label={t('form.format')}>
                  <Dropdown value={t(`format.${draft.format}`)} selectedOptions={[draft.format]} onOptionSelect={(_e, d) => d.optionValue && set('format', d.optionValue as TrainingFormat)}>
                    {TRAINING_FORMATS.map((f) => <Option key={f} value={f}>{t(`format.${f}`)}</Option>)}
                  </Dropdown>
                </Field>
                <Field label={t('form.learningStyle')}>
                  <Dropdown value={t(`learningStyle.${draft.learningStyle}`)} selectedOptions={[draft.learningStyle]} onOptionSelect={(_e, d) => d.optionValue && set('learningStyle', d.optionValue as LearningStyle)}>
                    {LEARNING_STYLES.map((s) => <Option key={s} value={s}>{t(`learningStyle.${s}`)}</Option>)}
                  </Dropdown>
                </Field>
                <Field label={t('form.duration')}>
                  <Input type="number" min={1} max={600} value={draft.durationMinutes} onChange={(_e, d) => set('durationMinutes', d.value)} />
                </Field>
              </div>
              <fieldset className={styles.group}>
                <legend className={styles.legend}>{t('form.languages')}</legend>
                {SUPPORTED_LANGUAGES.map((l) => (
                  <Checkbox key={l} label={tc(`languageName.${l}`)} checked={draft.languages.includes(l)} onChange={(_e, d) => set('languages', toggle(draft.languages, l, d.checked === true))} />
                ))}
              </fieldset>
              <fieldset className={styles.group} aria-describedby="target-hint">
                <legend className={styles.legend}>{t('form.targetPersonas')}</legend>
                {PERSONAS.map((p) => (
                  <Checkbox key={p} label={tc(`persona.${p}`)} checked={draft.targetPersonas.includes(p)} onChange={(_e, d) => set('targetPersonas', toggle(draft.targetPersonas, p, d.checked === true))} data-testid={`target-persona-${p}`} />
                ))}
              </fieldset>
              <fieldset className={styles.group} aria-describedby="target-hint">
                <legend className={styles.legend}>{t('form.targetTopicRoles')}</legend>
                {TOPIC_ROLES.map((r) => (
                  <Checkbox key={r} label={t(`topicRole.${r}`)} checked={draft.targetTopicRoles.includes(r)} onChange={(_e, d) => set('targetTopicRoles', toggle(draft.targetTopicRoles, r, d.checked === true))} />
                ))}
                <span id="target-hint" className={styles.hint} role={touched && noTarget ? 'alert' : undefined} style={touched && noTarget ? { color: tokens.colorPaletteRedForeground1 } : undefined}>
                  {touched && noTarget ? t('form.noTarget') : t('form.targetHint')}
                </span>
              </fieldset>
              <Field label={t('form.body')} hint={t('form.bodyHint')} validationMessage={touched && noContent ? t('form.noContent') : undefined}>
                <Textarea value={draft.body} onChange={(_e, d) => set('body', d.value)} resize="vertical" rows={6} maxLength={20_000} data-testid="module-body" />
              </Field>
              <Switch label={t('form.preview')} checked={preview} onChange={(_e, d) => setPreview(d.checked)} />
              {preview && draft.body.trim() !== '' && (
                <div className={styles.preview}>
                  <ModuleMarkdown markdown={draft.body} label={t('form.preview')} />
                </div>
              )}
              <Field label={t('form.link')} hint={t('form.linkHint')}>
                <Input type="url" value={draft.link} onChange={(_e, d) => set('link', d.value)} placeholder="https://" />
              </Field>
              <Field label={t('form.prerequisite')}>
                <Dropdown
                  value={prerequisites.find((m) => m.id === draft.prerequisiteId)?.title ?? t('page.none')}
                  selectedOptions={[draft.prerequisiteId]}
                  onOptionSelect={(_e, d) => set('prerequisiteId', d.optionValue ?? '')}
                >
                  <Option value="">{t('page.none')}</Option>
                  {prerequisites.map((m) => <Option key={m.id} value={m.id} text={m.title}>{m.title}</Option>)}
                </Dropdown>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('form.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={saving} data-testid="module-save">{t('form.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
