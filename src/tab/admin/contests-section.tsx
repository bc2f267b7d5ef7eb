/**
 * Admin > Contests: the tenant's contests (running, upcoming, ended) with their window, points per
 * event, prizes, exclusions and weekly update channel; "New contest" and "Edit" open the editor
 * (`contest-form.tsx`). Saved through `/api/admin/contests` (admins only, audited).
 */
import { Badge, Button, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminContest, ContestInput } from '../../shared/contracts/contests.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { ContestForm, contestToInput, newContestInput } from './contest-form.js';
import { contestsApi } from './contests-api.js';

type Editing = { id?: string; input: ContestInput } | undefined;

function stateOf(c: AdminContest, now: number): 'running' | 'upcoming' | 'ended' {
  if (Date.parse(c.startsAt) > now) return 'upcoming';
  return Date.parse(c.endsAt) > now ? 'running' : 'ended';
}
const STATE_COLOR = { running: 'success', upcoming: 'informative', ended: 'subtle' } as const;

const useStyles = makeStyles({
  nameCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
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
      const saved = editing.id ? await contestsApi.update(api, editing.id, input) : await contestsApi.create(api, input);
      setNotice({ intent: 'success', text: t(editing.id ? 'contests.saved' : 'contests.created', { name: saved.name }) });
      setEditing(undefined);
      list.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  if (!list.data) return list.error ? <NoticeBar notice={{ intent: 'error', text: errorText(list.error) }} /> : <Spinner label={t('common.loading')} />;
  const now = Date.now();
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
                const state = stateOf(c, now);
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
                      <Button size="small" aria-label={`${t('contests.edit')}: ${c.name}`} disabled={editing !== undefined} onClick={() => setEditing({ id: c.id, input: contestToInput(c) })} data-testid={`contest-edit-${c.id}`}>{t('contests.edit')}</Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
