/**
 * One topic hub as everyone enrolled sees it (`#/topics/<id>`): the pyramid with unfilled roles
 * marked and "Propose myself", the person's proposals with the decision and its reason, and the
 * external influencer map grouped by the seven tiers, where people with a role on the topic add
 * and keep their own entries.
 */
import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubDetail, InfluencerInput, InfluencerView, ProposalView } from '../../shared/contracts/topics.js';
import { TOPIC_ROLES, type TopicRole } from '../../shared/domain/types.js';
import { ApiError } from '../api/client.js';
import { routeHref } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { usePageStyles } from '../shell/page-layout.js';
import { InfluencerForm, InfluencerMap } from './influencer-map.js';
import { ProposeDialog } from './propose-dialog.js';
import { topicsApi } from './topics-api.js';
import { joinList, languageName, Pyramid, useHubName, useTopicStyles } from './topics-ui.js';

type Notice = { intent: 'success' | 'error'; text: string } | undefined;

const STATUS_COLOR = { pending: 'warning', accepted: 'success', declined: 'danger' } as const;

/** The person's proposals on this hub, newest first, with a decline's reason. */
export function MyProposals({ proposals }: { proposals: ProposalView[] }) {
  const styles = useTopicStyles();
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  if (proposals.length === 0) return <Text className={styles.muted}>{t('proposals.none')}</Text>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} className={styles.stack} data-testid="my-proposals">
      {proposals.map((p) => (
        <li key={p.id} className={styles.stack} style={{ gap: 0 }} data-testid={`my-proposal-${p.id}`}>
          <div className={styles.row}>
            <Text weight="semibold">{t(`role.${p.role}`)}</Text>
            <Badge appearance="tint" color={STATUS_COLOR[p.status]}>{t(`proposals.status.${p.status}`)}</Badge>
            <Text size={200} className={styles.muted}>{when.format(new Date(p.decidedAt ?? p.proposedAt))}</Text>
          </div>
          {p.reason && <Text size={200}>{t('proposals.reason', { reason: p.reason, interpolation: { escapeValue: false } })}</Text>}
        </li>
      ))}
    </ul>
  );
}

/** Whether the caller may propose themselves for `role`: above their current role and nothing pending. */
function canPropose(detail: HubDetail, role: TopicRole): boolean {
  if (detail.hub.myPendingRole) return false;
  const mine = detail.hub.myRole;
  return mine === undefined || TOPIC_ROLES.indexOf(role) > TOPIC_ROLES.indexOf(mine);
}

export function HubView({ topicId }: { topicId: string }) {
  const layout = usePageStyles();
  const styles = useTopicStyles();
  const { t } = useTranslation(['topics', 'common']);
  const { api, locale } = useTabContext();
  const hubName = useHubName();
  const detail = useApiResource((a, signal) => topicsApi.detail(a, topicId, signal), [topicId]);
  const [notice, setNotice] = useState<Notice>();
  const [proposing, setProposing] = useState<TopicRole | undefined>();
  const [editing, setEditing] = useState<InfluencerView | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);
  const errorText = (err: unknown) => (err instanceof ApiError ? t(`common:error.${err.code}`, { details: err.details ?? '' }) : t('common:error.generic'));

  async function act(key: string, action: () => Promise<string>) {
    setBusy(key);
    try {
      setNotice({ intent: 'success', text: await action() });
      detail.reload();
      return true;
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  if (!detail.data) {
    return detail.error ? (
      <MessageBar intent="error" role="alert"><MessageBarBody>{errorText(detail.error)}</MessageBarBody></MessageBar>
    ) : (
      <Spinner label={t('loading')} />
    );
  }
  const data = detail.data;
  const name = hubName(data.hub.name);
  const save = (input: InfluencerInput) =>
    void act('form', async () => {
      if (editing) {
        await topicsApi.editInfluencer(api, topicId, editing.id, input);
        setEditing(undefined);
        return t('map.saved', { name: input.name });
      }
      await topicsApi.addInfluencer(api, topicId, input);
      setFormKey((k) => k + 1);
      return t('map.added', { name: input.name, tier: t(`tier.${input.tier}`) });
    });

  return (
    <div className={styles.stack} data-testid={`hub-view-${topicId}`}>
      <div>
        <Link href={routeHref('topics')}><ArrowLeft16Regular aria-hidden /> {t('back')}</Link>
      </div>
      <div className={layout.titles}>
        <Text as="h2" size={600} weight="semibold" className={layout.h2}>{name}</Text>
        {data.hub.description && <Text className={layout.subtitle}>{data.hub.description}</Text>}
        {data.hub.languages.length > 0 && <Text size={200} className={styles.muted}>{t('languages', { list: joinList(data.hub.languages.map((l) => languageName(l, locale)), locale) })}</Text>}
      </div>
      <div className={styles.row}>
        {data.hub.myRole && <Badge appearance="filled" color="brand">{t('yourRole', { role: t(`role.${data.hub.myRole}`) })}</Badge>}
        {data.canManage && <Button as="a" size="small" href={routeHref('admin', 'topics', topicId)}>{t('manage')}</Button>}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'} data-testid="topics-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}

      <section className={layout.card} aria-labelledby="pyramid-title">
        <Text as="h3" id="pyramid-title" size={500} weight="semibold" className={layout.h2}>{t('pyramid.heading')}</Text>
        <Text size={200} className={styles.muted}>{t('pyramid.intro')}</Text>
        <Pyramid
          pyramid={data.pyramid}
          levelAction={(role) =>
            canPropose(data, role) ? (
              <Button size="small" appearance="primary" onClick={() => setProposing(role)} aria-label={t('pyramid.proposeFor', { role: t(`role.${role}`) })} data-testid={`propose-${role}`}>
                {t('pyramid.propose')}
              </Button>
            ) : null
          }
        />
        {data.myProposals.length > 0 && (
          <>
            <Text as="h4" weight="semibold" style={{ margin: 0 }}>{t('proposals.mine')}</Text>
            <MyProposals proposals={data.myProposals} />
          </>
        )}
      </section>

      <section className={layout.card} aria-labelledby="map-title">
        <Text as="h3" id="map-title" size={500} weight="semibold" className={layout.h2}>{t('map.heading')}</Text>
        <Text size={200} className={styles.muted}>{t('map.intro')}</Text>
        <InfluencerMap
          entries={data.influencers}
          busy={busy}
          onEdit={(entry) => setEditing(entry)}
          onRemove={(entry) => void act(entry.id, async () => { await topicsApi.removeInfluencer(api, topicId, entry.id); return t('map.removed', { name: entry.name }); })}
        />
        {data.canOwnEntries ? (
          <InfluencerForm key={editing?.id ?? `new-${formKey}`} {...(editing ? { entry: editing, onCancel: () => setEditing(undefined) } : {})} busy={busy === 'form'} onSubmit={save} />
        ) : (
          <MessageBar intent="info"><MessageBarBody>{t('map.notMember')}</MessageBarBody></MessageBar>
        )}
      </section>

      <ProposeDialog
        key={proposing ?? 'none'}
        role={proposing}
        busy={busy === 'propose'}
        onClose={() => setProposing(undefined)}
        onSend={(role, note) =>
          void act('propose', async () => {
            await topicsApi.propose(api, topicId, { role, ...(note.trim() ? { note } : {}) });
            setProposing(undefined);
            return t('propose.sent', { role: t(`role.${role}`), topic: name });
          })
        }
      />
    </div>
  );
}
