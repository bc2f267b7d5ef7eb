/**
 * Admin > Contests: the tenant's contests (running, upcoming, ended) with their window, points per
 * event, prizes, exclusions and weekly update channel; "New contest" and "Edit" open the editor
 * (`contest-form.tsx`). One that has not started can be deleted, a running one ended now (both
 * after a confirmation); an ended one is history (`contests-lifecycle.ts`). Saved through
 * `/api/admin/contests` (admins only, audited) at the version listed, so two admins never
 * overwrite each other.
 */
import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminContest, ContestInput } from '../../shared/contracts/contests.js';
import { contestPhase } from '../../shared/domain/contests-lifecycle.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { ContestForm, contestToInput, newContestInput } from './contest-form.js';
import { contestsApi } from './contests-api.js';

type Editing = { id?: string; version?: string; input: ContestInput } | undefined;
type Confirming = { kind: 'delete' | 'end'; contest: AdminContest } | undefined;

const STATE_COLOR = { running: 'success', upcoming: 'informative', ended: 'subtle' } as const;

const useStyles = makeStyles({
  nameCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
  rowActions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalXS },
});

export function ContestsSection() {
  const styles = useAdminStyles();
  const local = useStyles();
  const { t } = useTranslation('admin');
  const { api, locale } = useTabContext();
  const errorText = useErrorText();
  const list = useApiResource((a, signal) => contestsApi.list(a, signal), []);
  const people = useApiResource((a, signal) => adminApi.people(a, signal), []);
  const [editing, setEditing] = useState<Editing>();
  const [confirming, setConfirming] = useState<Confirming>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const fmt = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const names = new Map((people.data?.people ?? []).map((p) => [p.id, p.displayName]));
  const channels = list.data?.channels ?? [];

  async function submit(input: ContestInput) {
    if (!editing) return;
    setBusy(true);
    setNotice(undefined);
    try {
      const saved = editing.id ? await contestsApi.update(api, editing.id, input, editing.version) : await contestsApi.create(api, input);
      setNotice({ intent: 'success', text: t(editing.id ? 'contests.saved' : 'contests.created', { name: saved.name }) });
      setEditing(undefined);
      list.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
      // A stale version (someone saved first): the list is read again, so reopening the editor starts from theirs.
      list.reload();
    } finally {
      setBusy(false);
    }
  }

  /** Delete (not started) or end now (running), after the dialog; the server decides again at the listed version. */
  async function act(target: NonNullable<Confirming>) {
    setConfirming(undefined);
    setBusy(true);
    setNotice(undefined);
    try {
      const { contest } = target;
      if (target.kind === 'delete') await contestsApi.remove(api, contest.id, contest.version ?? '');
      else await contestsApi.end(api, contest.id, contest.version ?? '');
      setNotice({ intent: 'success', text: t(target.kind === 'delete' ? 'contests.deleted' : 'contests.endedNow', { name: contest.name }) });
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
      list.reload();
    }
  }

  if (!list.data) return list.error ? <NoticeBar notice={{ intent: 'error', text: errorText(list.error) }} /> : <Spinner label={t('common.loading')} />;
  const now = new Date();
  return (
    <div className={styles.section} data-testid="admin-contests">
      <div className={styles.toolbar}>
        <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('contests.heading')}</Text>
        {!editing && <Button appearance="primary" onClick={() => setEditing({ input: newContestInput(new Date()) })} data-testid="contest-new">{t('contests.new')}</Button>}
      </div>
      <Text className={styles.muted}>{t('contests.intro')}</Text>
      <NoticeBar notice={notice} />
      {editing && (
        <section className={styles.card} aria-labelledby="contest-editor-title">
          <Text as="h3" id="contest-editor-title" size={400} weight="semibold" className={styles.h2}>{editing.id ? t('contests.editTitle') : t('contests.newTitle')}</Text>
          <ContestForm key={editing.id ?? 'new'} initial={editing.input} people={people.data?.people ?? []} channels={channels} busy={busy} onSubmit={(input) => void submit(input)} onCancel={() => setEditing(undefined)} />
        </section>
      )}
      {list.data.contests.length === 0 ? (
        <Text data-testid="contests-empty">{t('contests.none')}</Text>
      ) : (
        <div className={styles.scroll}>
          <Table size="small" aria-label={t('contests.heading')} className={styles.table} data-testid="contests-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('contests.columns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('contests.columns.window')}</TableHeaderCell>
                <TableHeaderCell>{t('contests.columns.weights')}</TableHeaderCell>
                <TableHeaderCell>{t('contests.columns.exclusions')}</TableHeaderCell>
                <TableHeaderCell>{t('contests.columns.channel')}</TableHeaderCell>
                <TableHeaderCell>{t('content.columns.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.contests.map((c) => {
                const state = contestPhase(c, now);
                const excluded = [...c.excludedRoles.map((r) => t(`people.role.${r}`)), ...c.excludedEmployeeIds.map((id) => names.get(id) ?? id)];
                return (
                  <TableRow key={c.id} data-testid={`contest-${c.id}`}>
                    <TableCell>
                      <div className={local.nameCell}>
                        <Text weight="semibold">{c.name}</Text>
                        <Badge appearance="tint" color={STATE_COLOR[state]}>{t(`contests.state.${state}`)}</Badge>
                      </div>
                    </TableCell>
                    {/* The end is exclusive: show the last day the contest runs. */}
                    <TableCell>{t('contests.window', { start: day.format(new Date(c.startsAt)), end: day.format(new Date(Date.parse(c.endsAt) - 1)) })}</TableCell>
                    <TableCell>{t('contests.weightsSummary', { click: fmt.format(c.weights.uniqueClick), share: fmt.format(c.weights.share), conversion: fmt.format(c.weights.conversion) })}</TableCell>
                    <TableCell>{excluded.length ? excluded.join(', ') : t('contests.nobodyExcluded')}</TableCell>
                    <TableCell>{c.updateChannelId ? (channels.find((ch) => ch.id === c.updateChannelId)?.name ?? c.updateChannelId) : t('contests.fields.channelNone')}</TableCell>
                    <TableCell>
                      <div className={local.rowActions}>
                        <Button size="small" aria-label={`${t('contests.edit')}: ${c.name}`} disabled={editing !== undefined || busy} onClick={() => setEditing({ id: c.id, ...(c.version ? { version: c.version } : {}), input: contestToInput(c) })} data-testid={`contest-edit-${c.id}`}>{t('contests.edit')}</Button>
                        {state === 'upcoming' && <Button size="small" aria-label={`${t('contests.delete')} ${c.name}`} disabled={editing !== undefined || busy || !c.version} onClick={() => setConfirming({ kind: 'delete', contest: c })} data-testid={`contest-delete-${c.id}`}>{t('contests.delete')}</Button>}
                        {state === 'running' && <Button size="small" aria-label={`${t('contests.endNow')} ${c.name}`} disabled={editing !== undefined || busy || !c.version} onClick={() => setConfirming({ kind: 'end', contest: c })} data-testid={`contest-end-${c.id}`}>{t('contests.endNow')}</Button>}
                        {state === 'ended' && <Text size={200} className={styles.muted}>{t('contests.historyHint')}</Text>}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <Dialog open={confirming !== undefined} onOpenChange={(_e, d) => { if (!d.open) setConfirming(undefined); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirming?.kind === 'end' ? t('contests.confirmEndTitle') : t('contests.confirmDeleteTitle')}</DialogTitle>
            <DialogContent data-testid="contest-confirm-text">
              {confirming?.kind === 'end'
                ? t('contests.confirmEndBody', { name: confirming.contest.name, end: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(confirming.contest.endsAt)) })
                : confirming ? t('contests.confirmDeleteBody', { name: confirming.contest.name }) : ''}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(undefined)} data-testid="contest-confirm-keep">{t('contests.keep')}</Button>
              {confirming && <Button appearance="primary" onClick={() => void act(confirming)} data-testid="contest-confirm">{confirming.kind === 'end' ? t('contests.confirmEnd') : t('contests.confirmDelete')}</Button>}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
