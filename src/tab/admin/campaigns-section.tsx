/**
 * Admin > Campaigns (admins and coordinators): the campaigns newest first with their state and
 * progress; `#/admin/campaigns/new` the form; `#/admin/campaigns/<id>` one campaign (preview,
 * edit, delete and launch for a draft; live status, pause/resume/cancel and duplicate after).
 */
import { Button, Link, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain/types.js';
import { routeHref, useHashLocation } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { adminApi } from './admin-api.js';
import { formatWhen, NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { CampaignDetail } from './campaign-detail.js';
import { CampaignForm } from './campaign-form.js';
import { CampaignStateBadge, formatWindow } from './campaign-ui.js';
import { campaignsApi } from './campaigns-api.js';

const go = (...rest: string[]) => { window.location.hash = routeHref('admin', 'campaigns', ...rest); };

export function CampaignsSection() {
  const styles = useAdminStyles();
  const { t } = useTranslation('campaigns');
  const { locale, language } = useTabContext();
  const errorText = useErrorText();
  const location = useHashLocation();
  const view = location.rest[1] ?? '';
  // A notice for the view the admin lands on ("draft saved" on the detail, "deleted" on the list), shown there only.
  const [arrival, setArrival] = useState<{ view: string; notice: Notice }>();
  const arrived = arrival && arrival.view === view ? arrival.notice : undefined;
  // Drafts deleted here leave the list at once (the list is read again behind).
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  // Read again on every return to the list (states and counts move while a campaign runs).
  const list = useApiResource((a, signal) => campaignsApi.list(a, signal), [view === '']);
  const items = (list.data?.items ?? []).filter((i) => !deleted.has(i.campaign.id));
  const options = useApiResource((a, signal) => campaignsApi.audience(a, signal), []);
  const content = useApiResource((a, signal) => adminApi.content(a, {}, signal), []);
  const titles = useMemo(() => new Map((content.data?.items ?? []).map((i) => [i.id, i.title])), [content.data]);
  const names = useMemo(() => new Map((options.data?.people ?? []).map((p) => [p.id, p.name])), [options.data]);
  const topics = useMemo(() => new Map((options.data?.topics ?? []).map((tp) => [tp.id, tp.name[language as Language] ?? tp.name.en ?? tp.id])), [options.data, language]);
  const titleOf = useCallback((id: string) => titles.get(id) ?? (content.data ? t('admin.unknownContent', { id }) : id), [titles, content.data, t]);
  const num = new Intl.NumberFormat(locale);

  let body;
  if (view === 'new') {
    body = options.data ? (
      <CampaignForm options={options.data} onCancel={() => go()} onCreated={(id) => { setArrival({ view: id, notice: { intent: 'success', text: t('admin.form.created') } }); list.reload(); go(id); }} />
    ) : options.error ? <NoticeBar notice={{ intent: 'error', text: errorText(options.error) }} /> : <Spinner label={t('admin.loading')} />;
  } else if (view) {
    body = (
      <CampaignDetail
        key={view}
        id={view}
        titleOf={titleOf}
        names={names}
        topicName={(id) => topics.get(id) ?? id}
        {...(arrived ? { initialNotice: arrived } : {})}
        {...(options.data ? { options: options.data } : {})}
        onChanged={() => list.reload()}
        onDeleted={(title) => { setDeleted((d) => new Set([...d, view])); setArrival({ view: '', notice: { intent: 'success', text: t('admin.detail.deleted', { title }) } }); list.reload(); go(); }}
        onDuplicated={(copy) => { setArrival({ view: copy, notice: { intent: 'success', text: t('admin.detail.duplicated') } }); list.reload(); go(copy); }}
      />
    );
  } else {
    body = (
      <>
        <Text className={styles.muted}>{t('admin.intro')}</Text>
        <NoticeBar notice={list.error ? { intent: 'error', text: errorText(list.error) } : arrived} />
        {!list.data && list.loading && <Spinner label={t('admin.loading')} />}
        {list.data && items.length === 0 && <Text data-testid="campaigns-empty">{t('admin.empty')}</Text>}
        {list.data && items.length > 0 && (
          <div className={styles.scroll}>
            <Table className={styles.table} aria-label={t('admin.heading')} size="small" data-testid="campaigns-list">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '36%' }}>{t('admin.columns.content')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '12%' }}>{t('admin.columns.state')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '26%' }}>{t('admin.columns.window')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '12%' }}>{t('admin.columns.progress')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '14%' }}>{t('admin.columns.created')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map(({ campaign, counts }) => {
                  const total = Object.values(counts).reduce((a, b) => a + b, 0);
                  return (
                    <TableRow key={campaign.id} data-testid={`campaign-row-${campaign.id}`}>
                      <TableCell><Link href={routeHref('admin', 'campaigns', campaign.id)}>{titleOf(campaign.subjectId)}</Link></TableCell>
                      <TableCell><CampaignStateBadge state={campaign.state} /></TableCell>
                      <TableCell>{formatWindow(locale, campaign.window)}</TableCell>
                      <TableCell>{campaign.state === 'draft' ? '—' : `${num.format(counts.sent)} / ${num.format(total)}`}</TableCell>
                      <TableCell>{formatWhen(locale, campaign.createdAt)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
        {list.data && list.data.more > 0 && <Text className={styles.muted}>{t('admin.more', { value: num.format(list.data.more) })}</Text>}
      </>
    );
  }

  return (
    <div className={styles.section} data-testid="admin-campaigns">
      <div className={styles.toolbar}>
        <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('admin.heading')}</Text>
        {view === '' ? (
          <Button appearance="primary" onClick={() => go('new')} data-testid="campaign-new">{t('admin.new')}</Button>
        ) : (
          <Link href={routeHref('admin', 'campaigns')} data-testid="campaigns-back">{t('admin.back')}</Link>
        )}
      </div>
      {body}
    </div>
  );
}
