/**
 * Admin > Topics (admins and coordinators): the hubs with their unfilled roles, the hub editor,
 * the self-proposals waiting across hubs, and `#/admin/topics/<id>` to manage one hub's pyramid
 * and influencer map (topics-hub-admin.tsx).
 */
import { Badge, Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { Warning16Filled } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubSummary } from '../../shared/contracts/topics.js';
import { routeHref, useHashLocation } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { topicsApi } from '../topics/topics-api.js';
import { joinList, languageName, useCount, useHubName } from '../topics/topics-ui.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { HubForm } from './topics-hub-form.js';
import { HubAdmin } from './topics-hub-admin.js';
import { ProposalQueue } from './topics-proposals.js';

export function TopicsSection() {
  const location = useHashLocation();
  const topicId = location.rest[1];
  return topicId ? <HubAdmin key={topicId} topicId={topicId} /> : <HubsOverview />;
}

function HubsOverview() {
  const styles = useAdminStyles();
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  const errorText = useErrorText();
  const hubName = useHubName();
  const count = useCount();
  const hubs = useApiResource((a, signal) => topicsApi.list(a, signal), []);
  const pending = useApiResource((a, signal) => topicsApi.pending(a, signal), []);
  const [editing, setEditing] = useState<HubSummary | 'new' | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const error = hubs.error ?? pending.error;

  return (
    <div className={styles.section} data-testid="admin-topics">
      <div className={styles.toolbar}>
        <Text as="h2" size={500} weight="semibold" className={styles.h2}>{t('admin.heading')}</Text>
        <Button appearance="primary" onClick={() => setEditing('new')} data-testid="hub-new">{t('admin.newHub')}</Button>
      </div>
      <Text className={styles.muted}>{t('admin.intro')}</Text>
      <NoticeBar notice={notice ?? (error ? { intent: 'error', text: errorText(error) } : undefined)} />
      {editing && (
        <HubForm
          {...(editing === 'new' ? {} : { hub: editing })}
          onClose={() => setEditing(undefined)}
          onSaved={(name, created) => {
            setEditing(undefined);
            setNotice({ intent: 'success', text: created ? t('admin.created', { name }) : t('admin.saved', { name }) });
            hubs.reload();
          }}
        />
      )}

      <section className={styles.section} aria-labelledby="topics-queue-title">
        <Text as="h3" id="topics-queue-title" size={400} weight="semibold" className={styles.h2}>{t('admin.queue')}</Text>
        {pending.data ? (
          <ProposalQueue proposals={pending.data.proposals} onDecided={(n) => { setNotice(n); pending.reload(); hubs.reload(); }} />
        ) : (
          !pending.error && <Spinner size="tiny" label={t('loading')} />
        )}
      </section>

      <section className={styles.section} aria-labelledby="topics-hubs-title">
        <Text as="h3" id="topics-hubs-title" size={400} weight="semibold" className={styles.h2}>{t('hubs')}</Text>
        {!hubs.data && hubs.loading && <Spinner label={t('loading')} />}
        {hubs.data && (
          <div className={styles.scroll}>
            <Table className={styles.table} aria-label={t('hubs')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '30%' }}>{t('admin.columns.hub')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '18%' }}>{t('admin.columns.languages')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '10%' }}>{t('admin.columns.people')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '24%' }}>{t('admin.columns.unfilled')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '18%' }}>{t('admin.columns.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {hubs.data.hubs.map((hub) => {
                  const name = hubName(hub.name);
                  return (
                    <TableRow key={hub.id} data-testid={`hub-row-${hub.id}`}>
                      <TableCell>
                        <Text weight="semibold">{name}</Text>
                        <br />
                        <Text size={200} className={styles.muted}>{count('influencers', hub.influencerCount)}</Text>
                      </TableCell>
                      <TableCell>{hub.languages.length ? joinList(hub.languages.map((l) => languageName(l, locale)), locale) : '—'}</TableCell>
                      <TableCell>{new Intl.NumberFormat(locale).format(hub.memberCount)}</TableCell>
                      <TableCell>
                        {hub.unfilledRoles.length === 0 ? (
                          <Text className={styles.muted}>{t('admin.none')}</Text>
                        ) : (
                          <div className={styles.actions}>
                            {hub.unfilledRoles.map((r) => (
                              <Badge key={r} appearance="outline" color="warning" icon={<Warning16Filled />}>{t(`role.${r}`)}</Badge>
                            ))}
                          </div>
                        )}
                      </TableCell>
                      <TableCell>
                        <div className={styles.actions}>
                          <Button as="a" size="small" appearance="primary" href={routeHref('admin', 'topics', hub.id)} aria-label={t('admin.manageLabel', { name })} data-testid={`manage-${hub.id}`}>{t('admin.manageHub')}</Button>
                          <Button size="small" onClick={() => setEditing(hub)} aria-label={t('admin.editLabel', { name })}>{t('map.edit')}</Button>
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}
