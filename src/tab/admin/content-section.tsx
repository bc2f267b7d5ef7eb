/** Admin > Content: filters, the list with lifecycle buttons and blocked-phrase flags, the editor. */
import { Button, Checkbox, Dropdown, Field, Input, Option, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminContentItem } from '../../shared/contracts/admin.js';
import type { ContentAction } from '../../shared/domain/content-lifecycle.js';
import { CONTENT_STATUSES, SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { FlaggedBadge, formatWhen, NoticeBar, StatusBadge, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { ContentForm } from './content-form.js';

export function ContentSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const [status, setStatus] = useState('');
  const [language, setLanguage] = useState('');
  const [q, setQ] = useState('');
  const [flagged, setFlagged] = useState(false);
  const [editing, setEditing] = useState<AdminContentItem | 'new' | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const list = useApiResource((a, signal) => adminApi.content(a, { status, language, q, ...(flagged ? { flagged: 'true' } : {}) }, signal), [status, language, q, flagged]);

  async function act(item: AdminContentItem, action: ContentAction) {
    setBusy(item.id);
    try {
      const saved = await adminApi.transition(api, item.id, action);
      setNotice({ intent: 'success', text: t('content.moved', { title: saved.title, status: t(`status.${saved.status}`) }) });
      list.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className={styles.section} data-testid="admin-content">
      <div className={styles.toolbar}>
        <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('content.heading')}</Text>
        <Button appearance="primary" onClick={() => setEditing('new')} data-testid="content-new">{t('content.new')}</Button>
      </div>
      <div className={styles.toolbar}>
        <Field label={t('content.search')}>
          <Input value={q} onChange={(_e, d) => setQ(d.value)} type="search" />
        </Field>
        <Field label={t('content.statusFilter')}>
          <Dropdown value={status ? t(`status.${status}`) : t('content.all')} selectedOptions={[status]} onOptionSelect={(_e, d) => setStatus(d.optionValue ?? '')}>
            <Option value="">{t('content.all')}</Option>
            {CONTENT_STATUSES.map((s) => <Option key={s} value={s}>{t(`status.${s}`)}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t('content.languageFilter')}>
          <Dropdown value={language || t('content.all')} selectedOptions={[language]} onOptionSelect={(_e, d) => setLanguage(d.optionValue ?? '')}>
            <Option value="">{t('content.all')}</Option>
            {SUPPORTED_LANGUAGES.map((l) => <Option key={l} value={l}>{l}</Option>)}
          </Dropdown>
        </Field>
        <Checkbox label={t('content.onlyFlagged')} checked={flagged} onChange={(_e, d) => setFlagged(d.checked === true)} />
      </div>
      <NoticeBar notice={notice ?? (list.error ? { intent: 'error', text: errorText(list.error) } : undefined)} />
      {!list.data && list.loading && <Spinner label={t('common.loading')} />}
      {list.data && list.data.items.length === 0 && <Text>{t('common.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <div className={styles.scroll}>
          <Table className={styles.table} aria-label={t('content.heading')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '38%' }}>{t('content.columns.title')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '10%' }}>{t('content.columns.status')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '8%' }}>{t('content.columns.language')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '20%' }}>{t('content.columns.dates')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '24%' }}>{t('content.columns.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((item) => (
                <TableRow key={item.id} data-testid={`content-row-${item.id}`}>
                  <TableCell>
                    <div className={styles.section}>
                      <Text weight="semibold">{item.title}</Text>
                      <Text size={200} className={styles.code}>{item.url}</Text>
                      <FlaggedBadge phrases={item.flaggedPhrases} />
                    </div>
                  </TableCell>
                  <TableCell><StatusBadge status={item.effectiveStatus} /></TableCell>
                  <TableCell>{item.language}</TableCell>
                  <TableCell>{formatWhen(locale, item.publishAt)} / {formatWhen(locale, item.expiresAt)}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {item.status !== 'expired' && <Button size="small" onClick={() => setEditing(item)} aria-label={`${t('content.edit')}: ${item.title}`}>{t('content.edit')}</Button>}
                      {item.actions.map((a) => (
                        <Button key={a} size="small" appearance={a === 'publish' || a === 'approve' ? 'primary' : 'secondary'} disabled={busy === item.id} onClick={() => void act(item, a)} aria-label={`${t(`action.${a}`)}: ${item.title}`} data-testid={`content-${a}-${item.id}`}>
                          {t(`action.${a}`)}
                        </Button>
                      ))}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && (
        <ContentForm
          {...(editing === 'new' ? {} : { item: editing })}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice({ intent: 'success', text: editing === 'new' ? t('content.created', { title: saved.title }) : t('common.saved') });
            list.reload();
          }}
        />
      )}
    </div>
  );
}
