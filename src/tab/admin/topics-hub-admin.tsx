/**
 * Admin > Topics > one hub (`#/admin/topics/<id>`): the pyramid with "Fill this role" on unfilled
 * levels and remove beside each holder, the form that puts a person in a role, the hub's pending
 * proposals, and its influencer map where owners can be reassigned (always at least one employee
 * with a role on the topic; the server checks it too).
 */
import { Button, Combobox, Dropdown, Field, Link, Option, Spinner, Text } from '@fluentui/react-components';
import { ArrowLeft16Regular, Dismiss12Regular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubDetail, InfluencerView } from '../../shared/contracts/topics.js';
import { TOPIC_ROLES, type TopicRole } from '../../shared/domain/types.js';
import { routeHref } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { InfluencerMap } from '../topics/influencer-map.js';
import { topicsApi } from '../topics/topics-api.js';
import { Pyramid, useHubName } from '../topics/topics-ui.js';
import { NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { ProposalQueue } from './topics-proposals.js';

const MAX_OPTIONS = 40;

/** Owner editor of one entry: a multi-select of the hub's members. */
function OwnersEditor({ entry, members, onSave, busy }: { entry: InfluencerView; members: { id: string; name: string }[]; onSave: (ids: string[]) => void; busy: boolean }) {
  const { t } = useTranslation('topics');
  const styles = useAdminStyles();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState(entry.owners.map((o) => o.id));
  if (!open) {
    return <Button size="small" onClick={() => setOpen(true)} aria-label={t('admin.changeOwnersLabel', { name: entry.name })} data-testid={`owners-${entry.id}`}>{t('admin.changeOwners')}</Button>;
  }
  const names = new Map([...members, ...entry.owners].map((m) => [m.id, m.name] as const));
  return (
    <div className={styles.section}>
      <Field label={t('admin.owners')} hint={t('admin.ownersHint')}>
        <Combobox multiselect selectedOptions={selected} value={selected.map((id) => names.get(id) ?? id).join(', ')} onOptionSelect={(_e, d) => setSelected(d.selectedOptions)}>
          {members.map((m) => <Option key={m.id} value={m.id}>{m.name}</Option>)}
        </Combobox>
      </Field>
      <div className={styles.actions}>
        <Button size="small" appearance="primary" disabled={busy || selected.length === 0} onClick={() => onSave(selected)}>{t('admin.saveOwners')}</Button>
        <Button size="small" onClick={() => setOpen(false)}>{t('form.cancel')}</Button>
      </div>
    </div>
  );
}

export function HubAdmin({ topicId }: { topicId: string }) {
  const styles = useAdminStyles();
  const { t } = useTranslation('topics');
  const { api } = useTabContext();
  const errorText = useErrorText();
  const hubName = useHubName();
  const detail = useApiResource((a, signal) => topicsApi.detail(a, topicId, signal), [topicId]);
  const people = useApiResource((a, signal) => topicsApi.people(a, signal), []);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState<string | undefined>();
  const [personId, setPersonId] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<TopicRole>('social-mind');
  const personRef = useRef<HTMLInputElement>(null);

  const options = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (people.data?.people ?? []).filter((p) => q === '' || p.name.toLowerCase().includes(q) || (p.team ?? '').toLowerCase().includes(q)).slice(0, MAX_OPTIONS);
  }, [people.data, query]);

  async function act(key: string, action: () => Promise<string>) {
    setBusy(key);
    try {
      setNotice({ intent: 'success', text: await action() });
      detail.reload();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  }

  if (!detail.data) return detail.error ? <NoticeBar notice={{ intent: 'error', text: errorText(detail.error) }} /> : <Spinner label={t('loading')} />;
  const data: HubDetail = detail.data;
  const members = data.pyramid.flatMap((l) => l.holders);
  const personName = (id: string) => people.data?.people.find((p) => p.id === id)?.name ?? id;

  return (
    <div className={styles.section} data-testid={`hub-admin-${topicId}`}>
      <div><Link href={routeHref('admin', 'topics')}><ArrowLeft16Regular aria-hidden /> {t('admin.heading')}</Link></div>
      <Text as="h3" size={500} weight="semibold" className={styles.h2}>{hubName(data.hub.name)}</Text>
      <NoticeBar notice={notice} />

      <section className={styles.card} aria-labelledby="assign-title">
        <Text as="h4" id="assign-title" weight="semibold" className={styles.h2}>{t('admin.assignHeading')}</Text>
        <form className={styles.row} onSubmit={(e) => { e.preventDefault(); if (personId) void act('assign', async () => { await topicsApi.assign(api, topicId, personId, role); return t('admin.assigned', { name: personName(personId), role: t(`role.${role}`) }); }); }}>
          <Field label={t('admin.person')} required>
            <Combobox
              ref={personRef}
              freeform
              placeholder={t('admin.personPlaceholder')}
              value={query}
              selectedOptions={personId ? [personId] : []}
              onChange={(e) => { setQuery(e.target.value); setPersonId(undefined); }}
              onOptionSelect={(_e, d) => { setPersonId(d.optionValue); setQuery(d.optionText ?? ''); }}
              data-testid="assign-person"
            >
              {options.map((p) => <Option key={p.id} value={p.id} text={p.name}>{p.team ? `${p.name} · ${p.team}` : p.name}</Option>)}
            </Combobox>
          </Field>
          <Field label={t('admin.role')}>
            <Dropdown value={t(`role.${role}`)} selectedOptions={[role]} onOptionSelect={(_e, d) => d.optionValue && setRole(d.optionValue as TopicRole)} data-testid="assign-role">
              {TOPIC_ROLES.map((r) => <Option key={r} value={r}>{t(`role.${r}`)}</Option>)}
            </Dropdown>
          </Field>
          <Button type="submit" appearance="primary" disabled={!personId || busy === 'assign'} data-testid="assign-submit">{t('admin.assign')}</Button>
        </form>
      </section>

      <section className={styles.card} aria-labelledby="admin-pyramid-title">
        <Text as="h4" id="admin-pyramid-title" weight="semibold" className={styles.h2}>{t('pyramid.heading')}</Text>
        <Pyramid
          pyramid={data.pyramid}
          levelAction={(r, unfilled) =>
            unfilled ? (
              <Button size="small" appearance="primary" onClick={() => { setRole(r); personRef.current?.focus(); }} aria-label={t('admin.fillLabel', { role: t(`role.${r}`) })} data-testid={`fill-${r}`}>{t('admin.fill')}</Button>
            ) : null
          }
          holderAction={(p, r) => (
            <Button
              size="small"
              appearance="transparent"
              icon={<Dismiss12Regular />}
              disabled={busy === `remove-${p.id}`}
              aria-label={t('admin.removeLabel', { name: p.name, role: t(`role.${r}`) })}
              onClick={() => void act(`remove-${p.id}`, async () => { await topicsApi.unassign(api, topicId, p.id); return t('admin.removedRole', { name: p.name }); })}
            />
          )}
        />
      </section>

      <section className={styles.card} aria-labelledby="hub-queue-title">
        <Text as="h4" id="hub-queue-title" weight="semibold" className={styles.h2}>{t('admin.queue')}</Text>
        <ProposalQueue proposals={data.pending} onDecided={(n) => { setNotice(n); detail.reload(); }} />
      </section>

      <section className={styles.card} aria-labelledby="admin-map-title">
        <Text as="h4" id="admin-map-title" weight="semibold" className={styles.h2}>{t('map.heading')}</Text>
        <InfluencerMap
          entries={data.influencers}
          busy={busy}
          onRemove={(entry) => void act(entry.id, async () => { await topicsApi.removeInfluencer(api, topicId, entry.id); return t('map.removed', { name: entry.name }); })}
          extra={(entry) => (
            <OwnersEditor
              key={entry.owners.map((o) => o.id).join(',')}
              entry={entry}
              members={members}
              busy={busy === `owners-${entry.id}`}
              onSave={(ids) => void act(`owners-${entry.id}`, async () => { await topicsApi.setOwners(api, topicId, entry.id, ids); return t('admin.ownersSaved', { name: entry.name }); })}
            />
          )}
        />
      </section>
    </div>
  );
}
