/** Admin > Settings: quiet hours, weekly cap, working days, disclosure, blocked phrases, AI help, webhook key. */
import { Button, Checkbox, Field, Input, SpinButton, Spinner, Switch, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSettings } from '../../shared/contracts/admin.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { formatWhen, NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';

const DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

export function SettingsSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const loaded = useApiResource((a, signal) => adminApi.settings(a, signal), []);
  const [form, setForm] = useState<AdminSettings | undefined>();
  const [phrases, setPhrases] = useState('');
  const [secret, setSecret] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (loaded.data) {
      setForm(loaded.data);
      setPhrases(loaded.data.blockedPhrases.join('\n'));
    }
  }, [loaded.data]);

  if (!form) return loaded.error ? <NoticeBar notice={{ intent: 'error', text: errorText(loaded.error) }} /> : <Spinner label={t('common.loading')} />;
  const patch = (p: Partial<AdminSettings>) => setForm({ ...form, ...p });

  async function save() {
    if (!form) return;
    setSaving(true);
    try {
      const saved = await adminApi.saveSettings(api, {
        quietHours: form.quietHours,
        weeklyPromptCap: form.weeklyPromptCap,
        defaultWorkingDays: form.defaultWorkingDays,
        disclosureLine: form.disclosureLine,
        blockedPhrases: phrases.split('\n'),
        aiHelp: form.aiHelp,
      });
      // The save answers the settings alone: keep what the first read said about the model.
      loaded.setData(saved.aiModelConfigured === undefined && form.aiModelConfigured !== undefined ? { ...saved, aiModelConfigured: form.aiModelConfigured } : saved);
      setNotice({ intent: 'success', text: t('common.saved') });
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setSaving(false);
    }
  }

  async function rotate() {
    try {
      const result = await adminApi.rotateSecret(api);
      setSecret(result.secret);
      loaded.setData({ ...form!, webhookSecretSet: true, webhookSecretRotatedAt: result.rotatedAt });
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    }
  }

  const hour = (value: number, onChange: (v: number) => void, label: string) => (
    <Field label={label}>
      <SpinButton min={0} max={23} value={value} onChange={(_e, d) => onChange(Math.max(0, Math.min(23, Math.round(Number(d.value ?? d.displayValue ?? value)))))} />
    </Field>
  );

  return (
    <div className={styles.section} data-testid="admin-settings">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('settings.heading')}</Text>
      <NoticeBar notice={notice} />
      <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <fieldset className={styles.card}>
          <legend>{t('settings.quietHours')}</legend>
          <div className={styles.row}>
            {hour(form.quietHours.start, (v) => patch({ quietHours: { ...form.quietHours, start: v } }), t('settings.quietStart'))}
            {hour(form.quietHours.end, (v) => patch({ quietHours: { ...form.quietHours, end: v } }), t('settings.quietEnd'))}
          </div>
        </fieldset>
        <Field label={t('settings.weeklyCap')}>
          <SpinButton min={0} max={21} value={form.weeklyPromptCap} onChange={(_e, d) => patch({ weeklyPromptCap: Math.max(0, Math.min(21, Math.round(Number(d.value ?? d.displayValue ?? form.weeklyPromptCap)))) })} />
        </Field>
        <fieldset className={styles.card}>
          <legend>{t('settings.workingDays')}</legend>
          <div className={styles.row}>
            {DAYS.map((d) => (
              <Checkbox key={d} label={t(`settings.weekday.${d}`)} checked={form.defaultWorkingDays.includes(d)}
                onChange={(_e, data) => patch({ defaultWorkingDays: data.checked ? [...form.defaultWorkingDays, d] : form.defaultWorkingDays.filter((x) => x !== d) })} />
            ))}
          </div>
        </fieldset>
        <Field label={t('settings.disclosure')}><Input value={form.disclosureLine} maxLength={200} onChange={(_e, d) => patch({ disclosureLine: d.value })} /></Field>
        <Field label={t('settings.blockedPhrases')} hint={t('settings.blockedHint')}>
          <Textarea value={phrases} onChange={(_e, d) => setPhrases(d.value)} rows={6} resize="vertical" data-testid="blocked-phrases" />
        </Field>
        {/* AI writing help works only with a model configured for the deployment (AZURE_OPENAI_*, docs/admin.md). */}
        <Field
          hint={t('settings.aiHelpHint')}
          validationState={form.aiModelConfigured === false ? 'warning' : 'none'}
          validationMessage={form.aiModelConfigured === false ? t('settings.aiNoModel') : undefined}
          data-testid="ai-help-field"
        >
          <Switch label={t('settings.aiHelp')} checked={form.aiHelp} onChange={(_e, d) => patch({ aiHelp: d.checked })} data-testid="ai-help" />
        </Field>
        <div><Button appearance="primary" type="submit" disabled={saving} data-testid="settings-save">{t('common.save')}</Button></div>
      </form>
      <section className={`${styles.card} ${styles.form}`} aria-labelledby="webhook-title">
        <Text as="h3" id="webhook-title" size={400} weight="semibold" className={styles.h2}>{t('settings.webhook')}</Text>
        <Text>{form.webhookSecretSet ? t('settings.webhookSet', { date: formatWhen(locale, loaded.data?.webhookSecretRotatedAt) }) : t('settings.webhookUnset')}</Text>
        {secret && (
          <>
            <Text weight="semibold">{t('settings.rotatedOnce')}</Text>
            <Text className={styles.secret} data-testid="webhook-secret">{secret}</Text>
          </>
        )}
        <div><Button onClick={() => void rotate()} data-testid="rotate-secret">{t('settings.rotate')}</Button></div>
      </section>
    </div>
  );
}
