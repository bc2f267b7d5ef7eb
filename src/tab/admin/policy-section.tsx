/** Admin > Policy: versions with acknowledgement counts, who agreed to which, and publishing a new version. */
import { Button, Field, Input, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { formatWhen, NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { PublishPolicyResultSchema } from '../../shared/contracts/admin.js';
import { PolicyTranslationsFields, translationsToSend, type PolicyTranslations } from './policy-translations.js';

export function PolicySection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const view = useApiResource((a, signal) => adminApi.policy(a, signal), []);
  const latest = view.data?.versions[0];
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [translations, setTranslations] = useState<PolicyTranslations>({});
  const toSend = translationsToSend(translations);
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (latest && title === '' && body === '') {
      setTitle(latest.title);
      setBody(latest.body);
    }
  }, [latest?.version]);

  const nextVersion = (latest?.version ?? 0) + 1;
  const current = view.data?.versions.find((v) => v.version === view.data?.current);

  async function publish() {
    setSaving(true);
    try {
      const result = await api.send('POST', '/api/admin/policy/versions', PublishPolicyResultSchema, { title, summary, body, ...(Object.keys(toSend.complete).length ? { translations: toSend.complete } : {}) });
      setNotice({ intent: 'success', text: t('policy.published', { ...result }) });
      view.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setSaving(false);
    }
  }

  if (!view.data) return view.error ? <NoticeBar notice={{ intent: 'error', text: errorText(view.error) }} /> : <Spinner label={t('common.loading')} />;
  return (
    <div className={styles.section} data-testid="admin-policy">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('policy.heading')}</Text>
      <Text data-testid="policy-current">{current ? t('policy.current', { version: current.version, acknowledged: current.acknowledged, enrolled: view.data.enrolled }) : t('policy.none')}</Text>
      <NoticeBar notice={notice} />
      <div className={styles.scroll}>
        <Table size="small" aria-label={t('policy.versions')} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('policy.version')}</TableHeaderCell>
              <TableHeaderCell>{t('policy.publishedAt')}</TableHeaderCell>
              <TableHeaderCell>{t('policy.acknowledged')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.data.versions.map((v) => (
              <TableRow key={v.version}>
                <TableCell>{v.version} — {v.title}</TableCell>
                <TableCell>{formatWhen(locale, v.publishedAt)}</TableCell>
                <TableCell>{new Intl.NumberFormat(locale).format(v.acknowledged)} / {new Intl.NumberFormat(locale).format(view.data!.enrolled)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <form className={`${styles.form} ${styles.card}`} onSubmit={(e) => { e.preventDefault(); void publish(); }}>
        <Text as="h3" size={400} weight="semibold" className={styles.h2}>{t('policy.newVersion')}</Text>
        <Text className={styles.muted}>{t('policy.newVersionHint')}</Text>
        <Field label={t('policy.fields.title')} required><Input value={title} onChange={(_e, d) => setTitle(d.value)} data-testid="policy-title" /></Field>
        <Field label={t('policy.fields.summary')} required><Textarea value={summary} onChange={(_e, d) => setSummary(d.value)} data-testid="policy-summary" /></Field>
        <Field label={t('policy.fields.body')} required><Textarea value={body} onChange={(_e, d) => setBody(d.value)} rows={10} resize="vertical" data-testid="policy-body" /></Field>
        <PolicyTranslationsFields value={translations} onChange={setTranslations} />
        <div><Button appearance="primary" type="submit" disabled={saving || !title.trim() || !summary.trim() || !body.trim() || toSend.partial.length > 0} data-testid="policy-publish">{t('policy.publish', { version: nextVersion })}</Button></div>
      </form>
      <Text as="h3" size={400} weight="semibold" className={styles.h2}>{t('policy.people')}</Text>
      <div className={styles.scroll}>
        <Table size="small" aria-label={t('policy.people')} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('policy.person')}</TableHeaderCell>
              <TableHeaderCell>{t('policy.team')}</TableHeaderCell>
              <TableHeaderCell>{t('policy.agreedVersion')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.data.people.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.displayName}</TableCell>
                <TableCell>{p.team}</TableCell>
                <TableCell>{p.acknowledgedVersion ?? t('policy.notYet')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
