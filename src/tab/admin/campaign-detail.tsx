/**
 * One campaign: its item, audience and window; for a draft the stagger preview, Edit (the form in
 * place; saved at the version opened, the preview recomputed), Delete (confirm) and Launch
 * (confirm with the count, at the version previewed); once launched the live counts (every few
 * seconds while it runs), Pause, Resume, Cancel (confirm) and Duplicate into a new draft. Only the
 * actions the lifecycle rules allow (`campaigns-lifecycle.ts`) are offered, with why the others are not.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceOptions, CampaignCountsView, CampaignView } from '../../shared/contracts/campaigns.js';
import { allowedCampaignChanges } from '../../shared/domain/campaigns-lifecycle.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { formatWhen, NoticeBar, useAdminStyles, useErrorText, type Notice } from './admin-ui.js';
import { CampaignForm } from './campaign-form.js';
import { CampaignPreview } from './campaign-preview.js';
import { adminTimeZone, CampaignStateBadge, formatWindow } from './campaign-ui.js';
import { campaignsApi, type CampaignAction } from './campaigns-api.js';

/** How often the live counts refresh while a campaign runs. */
export const LIVE_REFRESH_MS = 4_000;

const DELIVERY_KEYS = ['planned', 'sent', 'failed', 'unreachable', 'unknown'] as const;
const ENGAGEMENT_KEYS = ['shared', 'clicked', 'notForMe'] as const;

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  counts: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', margin: 0 },
  count: { display: 'flex', flexDirection: 'column-reverse', padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, margin: 0 },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', margin: 0 },
  label: { color: tokens.colorNeutralForeground2 },
});

export interface CampaignDetailProps {
  id: string;
  titleOf(contentId: string): string;
  names: ReadonlyMap<string, string>;
  topicName(id: string): string;
  /** A notice to show on arrival (e.g. "draft saved"). */
  initialNotice?: Notice;
  /** The audience picker's options (the draft editor needs them; without them Edit waits). */
  options?: AudienceOptions;
  onChanged(): void;
  /** The draft was deleted (the section goes back to the list). */
  onDeleted(title: string): void;
  /** A copy was saved as a new draft with this id. */
  onDuplicated(id: string): void;
}

function Counts({ title, keys, counts, locale }: { title: string; keys: readonly (keyof CampaignCountsView)[]; counts: CampaignCountsView; locale: string }) {
  const styles = useStyles();
  const { t } = useTranslation('campaigns');
  const num = new Intl.NumberFormat(locale);
  return (
    <div>
      <Text as="h4" size={300} weight="semibold">{title}</Text>
      <dl className={styles.counts}>
        {keys.map((k) => (
          <div key={k} className={styles.count}>
            <dt className={styles.label}>{t(`admin.status.${k}`)}</dt>
            <dd className={styles.value} data-testid={`count-${k}`} data-value={counts[k]}>{num.format(counts[k])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function CampaignDetail({ id, titleOf, names, topicName, initialNotice, options, onChanged, onDeleted, onDuplicated }: CampaignDetailProps) {
  const styles = useStyles();
  const admin = useAdminStyles();
  const { t } = useTranslation('campaigns');
  const { t: ta } = useTranslation('admin');
  const { api, locale, host } = useTabContext();
  const errorText = useErrorText();
  const [notice, setNotice] = useState<Notice>(initialNotice);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'launch' | 'cancel' | 'delete' | undefined>();
  const [editing, setEditing] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | undefined>();
  const status = useApiResource(async (a, signal) => { const s = await campaignsApi.status(a, id, signal); setUpdatedAt(new Date()); return s; }, [id]);
  const campaign: CampaignView | undefined = status.data?.campaign;
  const draft = campaign?.state === 'draft';
  const version = status.data?.version;
  // Recomputed whenever the stored draft changes (an edit saved here or elsewhere).
  const preview = useApiResource((a, signal) => (draft ? campaignsApi.preview(a, id, signal) : Promise.resolve(undefined)), [id, draft, version]);
  const running = campaign?.state === 'running';
  const num = new Intl.NumberFormat(locale);

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => status.reload(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, status.reload]);

  async function run(action: CampaignAction | 'launch' | 'delete' | 'duplicate') {
    setBusy(true);
    setConfirm(undefined);
    try {
      if (action === 'launch') {
        const launched = await campaignsApi.launch(api, id, version ?? '');
        setNotice({ intent: 'success', text: t('admin.detail.launchedNotice', { value: num.format(launched.planned) }) });
      } else if (action === 'delete') {
        await campaignsApi.remove(api, id, version ?? '');
        onDeleted(titleOf(campaign?.subjectId ?? ''));
        return;
      } else if (action === 'duplicate') {
        onDuplicated((await campaignsApi.duplicate(api, id)).id);
        return;
      } else {
        const after = await campaignsApi.act(api, id, action);
        setNotice({ intent: 'success', text: t('admin.detail.moved', { state: t(`admin.state.${after.state}`) }) });
      }
      status.reload();
      onChanged();
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err) });
      status.reload();
    } finally {
      setBusy(false);
    }
  }

  if (!campaign) {
    if (status.error) return <NoticeBar notice={{ intent: 'error', text: status.error.code === 'notFound' ? t('admin.detail.notFound') : errorText(status.error) }} />;
    return <Spinner label={t('admin.loading')} />;
  }

  const title = titleOf(campaign.subjectId);
  const a = campaign.audience;
  const audienceParts = [
    ...a.personas.map((p) => ta(`content.persona.${p}`)),
    ...a.teams,
    ...a.topicIds.map(topicName),
    ...a.languages.map((l) => new Intl.DisplayNames([locale], { type: 'language' }).of(l) ?? l),
    ...(a.employeeIds.length > 0 ? [t('admin.detail.named', { value: num.format(a.employeeIds.length) })] : []),
  ];
  const planned = preview.data?.recipients ?? 0;
  const windowText = formatWindow(locale, campaign.window);
  const allowed = new Set(allowedCampaignChanges(campaign));
  const finished = campaign.state === 'cancelled' || campaign.state === 'completed';
  const hint = draft ? (campaign.launchingAt ? t('admin.detail.launchingHint') : undefined) : finished ? t('admin.detail.finishedHint') : t('admin.detail.lockedHint');

  if (editing && options && version) {
    return (
      <div className={admin.section} data-testid="campaign-detail" data-state={campaign.state}>
        <CampaignForm
          options={options}
          draft={{ campaign, version, title }}
          onCancel={() => { setEditing(false); status.reload(); }}
          onCreated={() => { setEditing(false); setNotice({ intent: 'success', text: t('admin.form.saved') }); status.reload(); onChanged(); }}
        />
      </div>
    );
  }

  return (
    <div className={admin.section} data-testid="campaign-detail" data-state={campaign.state}>
      <div className={styles.head}>
        <Text as="h3" size={500} weight="semibold" className={admin.h2} data-testid="campaign-title">{title}</Text>
        <CampaignStateBadge state={campaign.state} />
      </div>
      <NoticeBar notice={notice} />
      <div className={admin.card}>
        <Text>{windowText} · {t('admin.detail.slot', { minutes: num.format(campaign.slotMinutes) })}</Text>
        <Text><Text weight="semibold">{t('admin.detail.audience')}: </Text>{audienceParts.length > 0 ? audienceParts.join(', ') : t('admin.detail.everyone')}</Text>
        <Text size={200} className={admin.muted}>
          {t('admin.detail.created', { when: formatWhen(locale, campaign.createdAt) })}
          {campaign.launchedAt ? ` · ${t('admin.detail.launched', { when: formatWhen(locale, campaign.launchedAt) })}` : ''}
        </Text>
        {hint && <Text size={200} className={admin.muted} data-testid="campaign-lock-hint">{hint}</Text>}
        <div className={admin.actions}>
          {draft && <Button appearance="primary" disabled={busy || !preview.data} onClick={() => setConfirm('launch')} data-testid="campaign-launch">{t('admin.detail.launch')}</Button>}
          {allowed.has('edit') && <Button disabled={busy || !options || !version} onClick={() => { setNotice(undefined); setEditing(true); }} data-testid="campaign-edit">{t('admin.detail.edit')}</Button>}
          {allowed.has('delete') && <Button disabled={busy || !version} onClick={() => setConfirm('delete')} data-testid="campaign-delete">{t('admin.detail.delete')}</Button>}
          {campaign.state === 'running' && <Button disabled={busy} onClick={() => void run('pause')} data-testid="campaign-pause">{t('admin.detail.pause')}</Button>}
          {campaign.state === 'paused' && <Button appearance="primary" disabled={busy} onClick={() => void run('resume')} data-testid="campaign-resume">{t('admin.detail.resume')}</Button>}
          {/* A clean draft is deleted rather than cancelled (nothing was planned); a half-launched one can only be cancelled. */}
          {allowed.has('cancel') && !allowed.has('delete') && <Button disabled={busy} onClick={() => setConfirm('cancel')} data-testid="campaign-cancel">{t('admin.detail.cancel')}</Button>}
          {!draft && allowed.has('duplicate') && <Button disabled={busy} onClick={() => void run('duplicate')} data-testid="campaign-duplicate">{t('admin.detail.duplicate')}</Button>}
          {!draft && <Button appearance="subtle" disabled={status.loading} onClick={() => status.reload()}>{t('admin.detail.refresh')}</Button>}
        </div>
      </div>

      {draft && !preview.data && !preview.error && <Spinner label={t('admin.loading')} />}
      {draft && preview.error && <NoticeBar notice={{ intent: 'error', text: errorText(preview.error) }} />}
      {draft && preview.data && <CampaignPreview preview={preview.data} window={campaign.window} names={names} locale={locale} timeZone={adminTimeZone()} dark={host.theme !== 'light'} />}

      {!draft && status.data && (
        <section className={admin.card} aria-labelledby="campaign-status-title" data-testid="campaign-status">
          <Text as="h3" id="campaign-status-title" size={400} weight="semibold" className={admin.h2}>{t('admin.status.title')}</Text>
          <Text size={200} className={admin.muted} role="status">
            {running ? `${t('admin.status.updating')} ` : ''}
            {updatedAt ? t('admin.status.updatedAt', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(updatedAt) }) : ''}
          </Text>
          <Counts title={t('admin.status.deliveries')} keys={[...DELIVERY_KEYS, ...(status.data.counts.sending > 0 ? (['sending'] as const) : []), ...(status.data.counts.cancelled > 0 ? (['cancelled'] as const) : [])]} counts={status.data.counts} locale={locale} />
          <Counts title={t('admin.status.engagement')} keys={ENGAGEMENT_KEYS} counts={status.data.counts} locale={locale} />
          {status.data.counts.unknown > 0 && <Text size={200} className={admin.muted}>{t('admin.status.unknownHint')}</Text>}
        </section>
      )}

      <Dialog open={confirm !== undefined} onOpenChange={(_e, d) => { if (!d.open) setConfirm(undefined); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirm === 'launch' ? t('admin.confirm.launchTitle') : confirm === 'delete' ? t('admin.confirm.deleteTitle') : t('admin.confirm.cancelTitle')}</DialogTitle>
            <DialogContent data-testid="campaign-confirm-text">
              {confirm === 'launch'
                ? planned > 0
                  ? t('admin.confirm.launchBody', { value: num.format(planned), title, start: formatWhen(locale, campaign.window.start), end: formatWhen(locale, campaign.window.end) })
                  : t('admin.confirm.launchNone')
                : confirm === 'delete'
                  ? t('admin.confirm.deleteBody', { title })
                  : t('admin.confirm.cancelBody')}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirm(undefined)} data-testid="campaign-confirm-keep">{confirm === 'launch' && planned === 0 ? t('admin.confirm.close') : t('admin.confirm.keep')}</Button>
              {confirm === 'launch' && planned > 0 && <Button appearance="primary" onClick={() => void run('launch')} data-testid="campaign-launch-confirm">{t('admin.confirm.launch', { value: num.format(planned) })}</Button>}
              {confirm === 'cancel' && <Button appearance="primary" onClick={() => void run('cancel')} data-testid="campaign-cancel-confirm">{t('admin.confirm.cancelConfirm')}</Button>}
              {confirm === 'delete' && <Button appearance="primary" onClick={() => void run('delete')} data-testid="campaign-delete-confirm">{t('admin.confirm.deleteConfirm')}</Button>}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
