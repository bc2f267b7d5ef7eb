/**
 * One network in the share panel: the person's words in an editable box, the length as that
 * network counts it (live, with the domain's rules via `measureSharePost`), the disclosure line,
 * the tracked link, Save / Share buttons, and "Help me rewrite" when AI writing help is on.
 */
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens, useId } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Info16Regular, Link16Regular, Open16Regular, Save16Regular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measureSharePost, type SharePanelNetwork } from '../../shared/contracts/board-share.js';
import type { Language } from '../../shared/domain/types.js';
import { RewriteHelp } from './rewrite-help.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  textarea: { minHeight: '160px' },
  countRow: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  count: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground3 },
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  icon: { flexShrink: 0, marginTop: '2px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface ShareEditorProps {
  /** The board item (for "Help me rewrite"). */
  itemId: string;
  entry: SharePanelNetwork;
  /** Offer "Help me rewrite" (the programme turned AI writing help on and a model is configured). */
  aiWriting: boolean;
  /** The person's current words (maybe unsaved). */
  draft: string;
  /** Language of the suggested words (the textarea's `lang`). */
  language: Language;
  /** Sharing is refused (policy not agreed): the Share button is disabled. */
  shareBlocked: boolean;
  busy: boolean;
  savedNote: boolean;
  formatDate(iso: string): string;
  formatNumber(n: number): string;
  onDraftChange(text: string): void;
  onSave(): void;
  onShare(): void;
}

/** The editor of one network. */
export function ShareEditor(props: ShareEditorProps) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const { entry, draft } = props;
  const network = t(`common:network.${entry.network}`);
  const countId = useId('share-count');
  const ruleId = useId('share-rule');
  const measure = useMemo(() => measureSharePost(draft, entry.network, entry.linkUrl, entry.disclosure), [draft, entry]);
  const over = measure.length - measure.limit;
  const invalid = measure.empty || measure.tooLong;
  const changed = draft.trim() !== entry.text.trim();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [picked, setPicked] = useState(false);
  const validation = measure.empty ? t('tab:board.share.empty') : measure.tooLong ? t('tab:board.share.tooLong', { network, over: props.formatNumber(Math.max(over, 1)) }) : undefined;

  return (
    <div className={styles.root} data-testid={`share-editor-${entry.network}`}>
      <Field
        label={t('tab:board.share.textLabel', { network })}
        hint={t('tab:board.share.textHint')}
        validationState={validation ? 'error' : 'none'}
        validationMessage={validation}
      >
        <Textarea
          className={styles.textarea}
          textarea={{ lang: props.language, 'aria-describedby': `${countId} ${ruleId}`, ref: textareaRef }}
          resize="vertical"
          value={draft}
          onChange={(_e, data) => {
            setPicked(false);
            props.onDraftChange(data.value);
          }}
          data-testid="share-text"
        />
      </Field>
      <div className={styles.countRow}>
        <Text
          id={countId}
          size={200}
          className={over > 0 ? styles.over : styles.count}
          aria-label={t('tab:board.share.countLabel', { length: props.formatNumber(measure.length), limit: props.formatNumber(measure.limit), network })}
          data-testid="share-count"
          data-length={measure.length}
        >
          {t('tab:board.share.count', { length: props.formatNumber(measure.length), limit: props.formatNumber(measure.limit) })}
        </Text>
        <Text id={ruleId} size={200} className={styles.rule}>
          {t(`tab:board.share.countRule.${entry.network}`)}
        </Text>
      </div>
      {picked && (
        <Text size={200} role="status" data-testid="rewrite-picked">
          {t('tab:board.share.ai.used')}
        </Text>
      )}
      {entry.disclosure !== undefined && (
        <Text size={200} className={styles.line} data-testid="share-disclosure">
          <Info16Regular className={styles.icon} aria-hidden="true" />
          <span>
            {t(measure.disclosureKept ? 'tab:board.share.disclosure' : 'tab:board.share.disclosureLeftOut', { disclosure: entry.disclosure })}
          </span>
        </Text>
      )}
      <Text size={200} className={styles.line}>
        <Link16Regular className={styles.icon} aria-hidden="true" />
        <span>{t('tab:board.share.link', { url: entry.linkUrl })}</span>
      </Text>
      {props.aiWriting && (
        <RewriteHelp
          itemId={props.itemId}
          network={entry.network}
          draft={draft}
          disabled={props.busy}
          onPick={(text) => {
            props.onDraftChange(text);
            setPicked(true);
            textareaRef.current?.focus();
          }}
        />
      )}
      {entry.shared && (
        <MessageBar intent="success" icon={<CheckmarkCircle16Regular />}>
          <MessageBarBody>
            {t('tab:board.share.alreadyShared', { network, date: props.formatDate(entry.shared.at), clicks: props.formatNumber(entry.shared.clicks) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Open16Regular />}
          iconPosition="after"
          disabled={invalid || props.shareBlocked || props.busy}
          onClick={props.onShare}
          aria-description={t('tab:board.share.opensNewWindow', { network })}
          data-testid="share-submit"
        >
          {t('tab:board.share.shareOn', { network })}
        </Button>
        <Button icon={<Save16Regular />} disabled={!changed || invalid || props.busy} onClick={props.onSave} data-testid="share-save">
          {t('tab:board.share.save')}
        </Button>
        {props.savedNote && !changed && (
          <Text size={200} role="status">
            {t('tab:board.share.saved')}
          </Text>
        )}
      </div>
    </div>
  );
}
