/**
 * Admin > Policy: the optional translations of a version being published (ja, th, ru, it, zh).
 * A language is sent only when its title, summary and text are all filled; a half-filled one is
 * named and blocks publishing; a language left empty shows people the English text.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { POLICY_TRANSLATION_LANGUAGES } from '../../shared/contracts/admin.js';
import { useTabContext } from '../app/tab-context.js';
import { useAdminStyles } from './admin-ui.js';

export type PolicyLanguage = (typeof POLICY_TRANSLATION_LANGUAGES)[number];
export interface PolicyDraftText { title: string; summary: string; body: string }
export type PolicyTranslations = Partial<Record<PolicyLanguage, PolicyDraftText>>;

const filled = (t: PolicyDraftText) => [t.title, t.summary, t.body].filter((v) => v.trim() !== '').length;

/** Languages with all three parts filled (sent), and those only partly filled (blocking). */
export function translationsToSend(drafts: PolicyTranslations): { complete: Partial<Record<PolicyLanguage, PolicyDraftText>>; partial: PolicyLanguage[] } {
  const complete: Partial<Record<PolicyLanguage, PolicyDraftText>> = {};
  const partial: PolicyLanguage[] = [];
  for (const language of POLICY_TRANSLATION_LANGUAGES) {
    const draft = drafts[language];
    if (!draft) continue;
    const n = filled(draft);
    if (n === 3) complete[language] = { title: draft.title.trim(), summary: draft.summary.trim(), body: draft.body.trim() };
    else if (n > 0) partial.push(language);
  }
  return { complete, partial };
}

export function PolicyTranslationsFields({ value, onChange }: { value: PolicyTranslations; onChange: (next: PolicyTranslations) => void }) {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { locale } = useTabContext();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const { partial } = translationsToSend(value);
  const set = (language: PolicyLanguage, patch: Partial<PolicyDraftText>) => onChange({ ...value, [language]: { title: '', summary: '', body: '', ...value[language], ...patch } });
  return (
    <fieldset className={styles.card}>
      <legend>{t('policy.translations')}</legend>
      <Text className={styles.muted}>{t('policy.translationsHint')}</Text>
      <Accordion multiple collapsible>
        {POLICY_TRANSLATION_LANGUAGES.map((language) => {
          const draft = value[language] ?? { title: '', summary: '', body: '' };
          const incomplete = partial.includes(language);
          return (
            <AccordionItem key={language} value={language}>
              <AccordionHeader data-testid={`policy-lang-${language}`}>{names.of(language) ?? language}{filled(draft) === 3 ? ' ✓' : ''}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.form} lang={language}>
                  <Field label={t('policy.fields.title')} validationState={incomplete ? 'error' : 'none'} validationMessage={incomplete ? t('policy.incomplete') : undefined}>
                    <Input value={draft.title} onChange={(_e, d) => set(language, { title: d.value })} data-testid={`policy-${language}-title`} />
                  </Field>
                  <Field label={t('policy.fields.summary')}><Textarea value={draft.summary} onChange={(_e, d) => set(language, { summary: d.value })} data-testid={`policy-${language}-summary`} /></Field>
                  <Field label={t('policy.fields.body')}><Textarea value={draft.body} onChange={(_e, d) => set(language, { body: d.value })} rows={6} resize="vertical" data-testid={`policy-${language}-body`} /></Field>
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </fieldset>
  );
}
