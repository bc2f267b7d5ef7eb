/**
 * The share panel (a Fluent drawer, opened by a card's Share button or the deep link
 * `#/board/item/<id>`): the person's words per network, the policy gate, what they already shared
 * with its clicks, and "Not for me". Loaded lazily: the board list does not ship it.
 */
import {
  Button,
  Divider,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OverlayDrawer,
  Spinner,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Dismiss24Regular, ThumbDislike16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SKIP_REASONS, type SkipReason } from '../../shared/contracts/card-actions.js';
import type { SharePanel as Panel } from '../../shared/contracts/board-share.js';
import type { Network } from '../../shared/domain/types.js';
import { routeHref } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { ShareEditor } from './share-editor.js';
import { useSharePanel } from './use-share-panel.js';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  summary: { margin: 0, color: tokens.colorNeutralForeground2 },
  h3: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  skip: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  dropdown: { minWidth: '220px' },
  networks: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface SharePanelProps {
  /** Item to share; `undefined` closes the drawer. */
  itemId: string | undefined;
  onClose(): void;
}

/** Drawer with the share panel of `itemId`. */
export default function SharePanel({ itemId, onClose }: SharePanelProps) {
  const { t } = useTranslation(['tab', 'common']);
  const state = useSharePanel(itemId);
  return (
    <OverlayDrawer open={itemId !== undefined} position="end" size="medium" onOpenChange={(_e, data) => !data.open && onClose()} data-testid="share-panel">
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={t('tab:board.share.close')} icon={<Dismiss24Regular />} onClick={onClose} data-testid="share-close" />}
        >
          {t('tab:board.share.title')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {state.loading && <Spinner label={t('tab:board.share.loading')} />}
        {state.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {!state.panel && <MessageBarTitle>{t('tab:board.share.error')}</MessageBarTitle>}
              {t(`common:error.${state.error.code}`, { details: state.error.details ?? '' })}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.panel && !state.loading && <PanelContent panel={state.panel} state={state} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function PanelContent({ panel, state }: { panel: Panel; state: ReturnType<typeof useSharePanel> }) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const { locale } = useTabContext();
  const [selected, setSelected] = useState<Network>(() => (panel.networks.find((n) => !n.shared) ?? panel.networks[0])?.network ?? 'linkedin');
  const [reason, setReason] = useState<SkipReason | undefined>();
  const format = useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    return { date: (iso: string) => date.format(new Date(iso)), number: (n: number) => number.format(n) };
  }, [locale]);
  const entry = panel.networks.find((n) => n.network === selected) ?? panel.networks[0];
  const reasonText = reason ? t(`tab:board.share.reasons.${reason}`) : t('tab:board.share.reasonNone');

  return (
    <div className={styles.body}>
      <div className={styles.section}>
        <Text as="h2" size={500} weight="semibold" className={styles.h3} data-testid="share-title">
          {panel.title}
        </Text>
        {panel.summary && (
          <Text as="p" className={styles.summary}>
            {panel.summary}
          </Text>
        )}
      </div>

      {!panel.policyAcknowledged && (
        <MessageBar intent="warning" layout="multiline" data-testid="share-policy-gate">
          <MessageBarBody>
            <MessageBarTitle>{t('tab:board.share.policyTitle')}</MessageBarTitle>
            {t('tab:board.share.policyBody')}{' '}
            <Link href={routeHref('policy')} inline>
              {t('tab:board.share.policyLink')}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {(panel.state === 'skipped' || panel.state === 'snoozed') && (
        <MessageBar intent="info" data-testid="share-state">
          <MessageBarBody>{t(`tab:board.share.${panel.state}`)}</MessageBarBody>
        </MessageBar>
      )}
      {state.blockedPath && (
        <MessageBar intent="info">
          <MessageBarBody>
            <Link href={state.blockedPath} target="_blank" rel="noopener noreferrer" inline>
              {t('tab:board.share.shareOn', { network: t(`common:network.${selected}`) })}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}

      {/* Toggle buttons (aria-pressed), not a TabList: no hidden Tabster trampolines for axe to flag. */}
      <div className={styles.networks} role="group" aria-label={t('tab:board.share.networks')}>
        {panel.networks.map((n) => (
          <ToggleButton
            key={n.network}
            appearance={n.network === selected ? 'primary' : 'outline'}
            shape="circular"
            checked={n.network === selected}
            icon={n.shared ? <CheckmarkCircle16Regular /> : undefined}
            onClick={() => setSelected(n.network)}
            data-network={n.network}
          >
            {t(`common:network.${n.network}`)}
          </ToggleButton>
        ))}
      </div>
      {entry && (
        <ShareEditor
          key={entry.network}
          itemId={panel.contentId}
          entry={entry}
          aiWriting={panel.aiWriting === true}
          draft={state.drafts[entry.network] ?? entry.text}
          language={panel.language}
          shareBlocked={!panel.policyAcknowledged}
          busy={state.busy}
          savedNote={state.saved === entry.network}
          formatDate={format.date}
          formatNumber={format.number}
          onDraftChange={(text) => state.setDraft(entry.network, text)}
          onSave={() => void state.save(entry.network)}
          onShare={() => state.share(entry.network)}
        />
      )}

      <Divider />
      <section className={styles.section} aria-labelledby="share-history-title">
        <Text as="h3" id="share-history-title" size={400} weight="semibold" className={styles.h3}>
          {t('tab:board.share.history')}
        </Text>
        {panel.history.length === 0 ? (
          <Text>{t('tab:board.share.historyEmpty')}</Text>
        ) : (
          <ul className={styles.history} data-testid="share-history">
            {panel.history.map((h) => (
              <li key={`${h.network}-${h.at}`}>
                <Text>{t('tab:board.share.historyEntry', { network: t(`common:network.${h.network}`), date: format.date(h.at), clicks: format.number(h.clicks) })}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      {panel.state !== 'skipped' && (
        <>
          <Divider />
          <section className={styles.section} aria-labelledby="share-skip-title">
            <Text as="h3" id="share-skip-title" size={400} weight="semibold" className={styles.h3}>
              {t('tab:board.share.notForMeTitle')}
            </Text>
            <Text>{t('tab:board.share.notForMeHint')}</Text>
            <div className={styles.skip}>
              <Field label={t('tab:board.share.reasonLabel')}>
                <Dropdown
                  className={styles.dropdown}
                  value={reasonText}
                  selectedOptions={[reason ?? '']}
                  onOptionSelect={(_e, data) => setReason((data.optionValue || undefined) as SkipReason | undefined)}
                  data-testid="skip-reason"
                >
                  <Option value="" text={t('tab:board.share.reasonNone')}>
                    {t('tab:board.share.reasonNone')}
                  </Option>
                  {SKIP_REASONS.map((r) => (
                    <Option key={r} value={r} text={t(`tab:board.share.reasons.${r}`)}>
                      {t(`tab:board.share.reasons.${r}`)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Button icon={<ThumbDislike16Regular />} disabled={state.busy} onClick={() => void state.notForMe(reason)} data-testid="share-not-for-me">
                {t('tab:board.share.notForMe')}
              </Button>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
