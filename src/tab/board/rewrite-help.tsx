/**
 * "Help me rewrite" under a network's editor (AI writing help, shown only when the programme
 * turned it on and a model is configured): asks for a few versions of the person's current
 * words, lists them, and puts the one they pick into the editor, where they still edit it.
 * Nothing is saved or posted from here.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens, useId } from '@fluentui/react-components';
import { ArrowEnter16Regular, Dismiss16Regular, Sparkle16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../shared/domain/types.js';
import { useRewrite } from './use-rewrite.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  variant: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface RewriteHelpProps {
  itemId: string;
  network: Network;
  /** The editor's current words (what the versions start from). */
  draft: string;
  /** Put a picked version into the editor. */
  onPick(text: string): void;
  disabled: boolean;
}

/** The button, the versions and the errors of "Help me rewrite" for one network. */
export function RewriteHelp({ itemId, network, draft, onPick, disabled }: RewriteHelpProps) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const state = useRewrite(itemId, network);
  const baseId = useId('rewrite-version');
  const networkName = t(`common:network.${network}`);
  const variants = state.result?.variants ?? [];
  const blocked = state.result?.dropped.blocked ?? 0;

  return (
    <section className={styles.root} aria-label={t('tab:board.share.ai.region', { network: networkName })} data-testid="rewrite-help">
      <div className={styles.bar}>
        <Button
          icon={state.loading ? <Spinner size="tiny" /> : <Sparkle16Regular />}
          disabled={disabled || state.loading}
          onClick={() => void state.ask(draft)}
          data-testid="rewrite-ask"
        >
          {state.result ? t('tab:board.share.ai.again') : t('tab:board.share.ai.button')}
        </Button>
        {state.loading && (
          <Text size={200} role="status">
            {t('tab:board.share.ai.loading')}
          </Text>
        )}
      </div>

      {state.error && (
        <MessageBar intent={state.error.status === 429 || state.error.status === 503 ? 'warning' : 'error'} role="alert" data-testid="rewrite-error">
          <MessageBarBody>{t(`common:error.${state.error.code}`, { details: state.error.details ?? '' })}</MessageBarBody>
        </MessageBar>
      )}

      {state.result && (
        <div className={styles.root} data-testid="rewrite-versions">
          <div className={styles.head}>
            <Text weight="semibold" role="status">
              {variants.length > 0 ? t('tab:board.share.ai.title') : t('tab:board.share.ai.none')}
            </Text>
            <Button appearance="subtle" size="small" icon={<Dismiss16Regular />} onClick={state.clear} data-testid="rewrite-dismiss">
              {t('tab:board.share.ai.dismiss')}
            </Button>
          </div>
          {variants.length > 0 && (
            <Text size={200} className={styles.note}>
              {t('tab:board.share.ai.note')}
            </Text>
          )}
          {blocked > 0 && (
            <Text size={200} className={styles.note} data-testid="rewrite-blocked">
              {t('tab:board.share.ai.blocked', { count: blocked })}
            </Text>
          )}
          <ol className={styles.list}>
            {variants.map((v, i) => (
              <li key={v.text} className={styles.variant} data-testid="rewrite-version">
                <Text size={200} weight="semibold" id={`${baseId}-${i}`}>
                  {t('tab:board.share.ai.version', { n: i + 1 })}
                </Text>
                <Text className={styles.text} lang={state.result?.language}>
                  {v.text}
                </Text>
                {v.shortened && (
                  <Text size={200} className={styles.note}>
                    {t('tab:board.share.ai.shortened', { network: networkName })}
                  </Text>
                )}
                <div>
                  <Button
                    size="small"
                    icon={<ArrowEnter16Regular />}
                    aria-describedby={`${baseId}-${i}`}
                    onClick={() => {
                      onPick(v.text);
                      state.clear();
                    }}
                    data-testid="rewrite-use"
                  >
                    {t('tab:board.share.ai.use')}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
