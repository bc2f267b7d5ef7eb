/** Admin > Audit log: who did what and when, filter, before/after, CSV export. */
import { Button, Field, Input, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi, saveCsv } from './admin-api.js';
import { formatWhen, NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';

const brief = (value: unknown) => (value === undefined ? '' : JSON.stringify(value).slice(0, 300));

export function AuditSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const log = useApiResource((a, signal) => adminApi.audit(a, signal), []);
  const needle = filter.trim().toLocaleLowerCase();
  const entries = (log.data?.entries ?? []).filter((e) => needle === '' || `${e.actorName} ${e.actorId} ${e.action} ${JSON.stringify(e.target)}`.toLocaleLowerCase().includes(needle));

  return (
    <div className={styles.section} data-testid="admin-audit">
      <div className={styles.toolbar}>
        <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('audit.heading')}</Text>
        <Field label={t('audit.filter')}><Input type="search" value={filter} onChange={(_e, d) => setFilter(d.value)} /></Field>
        <Button icon={<ArrowDownload16Regular />} onClick={() => void adminApi.auditCsv(api).then(saveCsv, (err: unknown) => setNotice({ intent: 'error', text: errorText(err) }))} data-testid="audit-csv">{t('common.downloadCsv')}</Button>
        <Button onClick={log.reload}>{t('common.refresh')}</Button>
      </div>
      <NoticeBar notice={notice ?? (log.error ? { intent: 'error', text: errorText(log.error) } : undefined)} />
      {!log.data && log.loading && <Spinner label={t('common.loading')} />}
      {log.data && (
        <div className={styles.scroll}>
          <Table size="small" aria-label={t('audit.heading')} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('audit.at')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.actor')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.target')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.status')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.change')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{formatWhen(locale, e.at)}</TableCell>
                  <TableCell>{e.actorName}</TableCell>
                  <TableCell><span className={styles.code}>{e.action}</span></TableCell>
                  <TableCell><span className={styles.code}>{Object.values(e.target).join(', ')}</span></TableCell>
                  <TableCell>{e.status}</TableCell>
                  <TableCell><span className={styles.code}>{e.before !== undefined || e.after !== undefined ? `${brief(e.before)} → ${brief(e.after)}` : ''}</span></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
