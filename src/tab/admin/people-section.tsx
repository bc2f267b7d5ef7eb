/** Admin > People: CSV import with progress and per-row report, directory sync, roles per person, a person's data export and deletion. */
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, ProgressBar, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPerson, ImportStatus } from '../../shared/contracts/admin.js';
import { ROLES, type Role } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi, saveCsv, saveJson } from './admin-api.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import type { PersonDeletionDto } from '../../shared/contracts/data-requests.js';
import { DeletionReport, PersonDeleteDialog } from './person-delete-dialog.js';

export function PeopleSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const { api, locale, me } = useTabContext();
  const errorText = useErrorText();
  const people = useApiResource((a, signal) => adminApi.people(a, signal), []);
  const fileInput = useRef<HTMLInputElement>(null);
  const [jobId, setJobId] = useState<string | undefined>();
  const [status, setStatus] = useState<ImportStatus | undefined>();
  const [editing, setEditing] = useState<AdminPerson | undefined>();
  const [roles, setRoles] = useState<Role[]>([]);
  const [notice, setNotice] = useState<Notice>();
  const [deleting, setDeleting] = useState<AdminPerson | undefined>();
  const [deleted, setDeleted] = useState<{ result: PersonDeletionDto; name: string } | undefined>();
  const fmt = (n: number) => new Intl.NumberFormat(locale).format(n);

  // Poll the job until it is done, then refresh the list.
  useEffect(() => {
    if (!jobId) return undefined;
    let stopped = false;
    const controller = new AbortController();
    const tick = async () => {
      try {
        const next = await adminApi.importStatus(api, jobId, controller.signal);
        if (stopped) return;
        setStatus(next);
        if (next.job.state === 'running') setTimeout(() => void tick(), 500);
        else people.reload();
      } catch (err) {
        if (!stopped) setNotice({ intent: 'error', text: errorText(err) });
      }
    };
    void tick();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [jobId]);

  async function start(work: () => Promise<{ job: { id: string } }>) {
    setNotice(undefined);
    setStatus(undefined);
    try {
      setJobId((await work()).job.id);
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    }
  }

  async function upload() {
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    const csv = await file.text();
    await start(() => adminApi.importCsv(api, csv));
  }

  async function saveRoles() {
    if (!editing) return;
    try {
      await adminApi.setRoles(api, editing.id, roles);
      setEditing(undefined);
      setNotice({ intent: 'success', text: t('common.saved') });
      people.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    }
  }

  const job = status?.job;
  const running = job?.state === 'running';
  return (
    <div className={styles.section} data-testid="admin-people">
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('people.heading')}</Text>
      <NoticeBar notice={notice} />
      {deleted && <DeletionReport result={deleted.result} name={deleted.name} />}
      <section className={`${styles.card} ${styles.form}`} aria-labelledby="import-title">
        <Text as="h3" id="import-title" size={400} weight="semibold" className={styles.h2}>{t('people.import')}</Text>
        <Text className={styles.muted}>{t('people.importHint')}</Text>
        <div className={styles.row}>
          <div className={styles.section}>
            <label htmlFor="admin-import-file">{t('people.chooseFile')}</label>
            <input id="admin-import-file" ref={fileInput} type="file" accept=".csv,text/csv" data-testid="import-file" />
          </div>
          <Button appearance="primary" disabled={running} onClick={() => void upload()} data-testid="import-start">{t('people.upload')}</Button>
          <Button disabled={running} onClick={() => void start(() => adminApi.sync(api))} data-testid="import-sync">{t('people.sync')}</Button>
        </div>
        {job && (
          <Field validationState="none" validationMessage={running ? t('people.progress', { done: fmt(job.processed), total: fmt(job.total) }) : t('people.finished', { created: fmt(job.created), updated: fmt(job.updated), unchanged: fmt(job.unchanged), failed: fmt(job.failed) })}>
            <ProgressBar value={job.total === 0 ? 1 : job.processed / job.total} aria-label={t('people.progress', { done: fmt(job.processed), total: fmt(job.total) })} data-testid="import-progress" />
          </Field>
        )}
        {status && status.issues.length > 0 && (
          <>
            <div className={styles.toolbar}>
              <Text weight="semibold">{t('people.issues')}</Text>
              <Button size="small" onClick={() => void adminApi.importCsvReport(api, status.job.id).then(saveCsv)} data-testid="import-report-csv">{t('common.downloadCsv')}</Button>
            </div>
            <div className={styles.scroll}>
              <Table size="small" aria-label={t('people.issues')} data-testid="import-issues">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('people.line')}</TableHeaderCell>
                    <TableHeaderCell>{t('people.column')}</TableHeaderCell>
                    <TableHeaderCell>{t('people.problem')}</TableHeaderCell>
                    <TableHeaderCell>{t('people.value')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {status.issues.map((i, n) => (
                    <TableRow key={n}>
                      <TableCell>{i.line}</TableCell>
                      <TableCell>{i.column}</TableCell>
                      <TableCell>{i.problem}</TableCell>
                      <TableCell><span className={styles.code}>{i.value ?? ''}</span></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        )}
      </section>
      {!people.data && <Spinner label={t('common.loading')} />}
      {people.data && (
        <div className={styles.scroll}>
          <Table size="small" aria-label={t('people.heading')} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '22%' }}>{t('people.name')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '24%' }}>{t('people.email')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '14%' }}>{t('people.team')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '18%' }}>{t('people.roles')}</TableHeaderCell>
                <TableHeaderCell style={{ width: '22%' }}>{t('content.columns.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {people.data.people.map((p) => (
                <TableRow key={p.id} data-testid={`person-${p.id}`}>
                  <TableCell>{p.displayName}</TableCell>
                  <TableCell>{p.email}</TableCell>
                  <TableCell>{p.team}</TableCell>
                  <TableCell>{p.roles.map((r) => t(`people.role.${r}`)).join(', ')}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button size="small" aria-label={`${t('people.editRoles')}: ${p.displayName}`} onClick={() => { setRoles(p.roles); setEditing(p); }}>{t('people.editRoles')}</Button>
                      <Button size="small" aria-label={`${t('people.exportData')}: ${p.displayName}`} data-testid={`export-${p.id}`}
                        onClick={() => void adminApi.exportPerson(api, p.id).then((data) => saveJson(`person-${p.id}.json`, data), (err: unknown) => setNotice({ intent: 'error', text: errorText(err) }))}>
                        {t('people.exportData')}
                      </Button>
                      {p.id !== me?.employeeId && (
                        <Button size="small" appearance="subtle" aria-label={`${t('deletion.action')}: ${p.displayName}`} data-testid={`delete-${p.id}`} onClick={() => { setDeleted(undefined); setDeleting(p); }}>
                          {t('deletion.action')}
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {deleting && (
        <PersonDeleteDialog person={deleting} onClose={() => setDeleting(undefined)}
          onDeleted={(result, name) => { setDeleting(undefined); setDeleted({ result, name }); people.reload(); }} />
      )}
      {editing && (
        <Dialog open onOpenChange={(_e, d) => { if (!d.open) setEditing(undefined); }}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('people.rolesTitle', { name: editing.displayName })}</DialogTitle>
              <DialogContent>
                <div className={styles.form}>
                  {ROLES.map((r) => <Checkbox key={r} label={t(`people.role.${r}`)} checked={roles.includes(r)} onChange={(_e, d) => setRoles((cur) => (d.checked ? [...cur, r] : cur.filter((x) => x !== r)))} />)}
                </div>
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setEditing(undefined)}>{t('common.cancel')}</Button>
                <Button appearance="primary" disabled={roles.length === 0} onClick={() => void saveRoles()}>{t('common.save')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
