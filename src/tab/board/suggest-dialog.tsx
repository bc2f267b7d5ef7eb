/**
 * "Suggest content": a dialog with the link, why it is worth sharing and a topic, sent to the
 * programme team as a pending suggestion, and the person's own suggestions with their status.
 * Loaded lazily when first opened.
 */
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  Textarea,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSuggestableUrl, type Suggestion, type SuggestionStatus } from '../../shared/contracts/suggestions.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { getMySuggestions, suggestContent } from './board-api.js';

const STATUS_COLOR: Record<SuggestionStatus, BadgeProps['color']> = { pending: 'warning', approved: 'success', rejected: 'subtle' };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  rowHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  url: { overflowWrap: 'anywhere' },
  h3: { margin: `${tokens.spacingVerticalM} 0 0` },
});

export interface SuggestDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Topic ids of the board, with their names in the UI language. */
  topics: readonly string[];
  topicNames: Record<string, string>;
}

/** The "Suggest content" dialog. */
export default function SuggestDialog({ open, onOpenChange, topics, topicNames }: SuggestDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const { api, locale } = useTabContext();
  const [url, setUrl] = useState('');
  const [why, setWhy] = useState('');
  const [topic, setTopic] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [mine, setMine] = useState<Suggestion[] | undefined>();
  const formatDate = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    getMySuggestions(api, controller.signal).then(
      (r) => setMine(r.suggestions),
      (err: unknown) => !controller.signal.aborted && setError(err instanceof ApiError ? err : new ApiError('generic', 0)),
    );
    return () => controller.abort();
  }, [api, open]);

  const urlProblem = touched && !isSuggestableUrl(url.trim()) ? t('tab:board.suggest.urlInvalid') : undefined;
  const whyProblem = touched && why.trim() === '' ? t('tab:board.suggest.whyRequired') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSent(false);
    if (!isSuggestableUrl(url.trim()) || why.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await suggestContent(api, { url: url.trim(), why: why.trim(), ...(topic ? { topic } : {}) });
      setMine((list) => [created, ...(list ?? [])]);
      setUrl('');
      setWhy('');
      setTopic('');
      setTouched(false);
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('generic', 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogSurface aria-describedby="suggest-intro" data-testid="suggest-dialog">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{t('tab:board.suggest.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text id="suggest-intro">{t('tab:board.suggest.intro')}</Text>
              <Field label={t('tab:board.suggest.url')} hint={t('tab:board.suggest.urlHint')} required validationMessage={urlProblem} validationState={urlProblem ? 'error' : 'none'}>
                <Input type="url" inputMode="url" value={url} onChange={(_e, d) => setUrl(d.value)} placeholder="https://" data-testid="suggest-url" />
              </Field>
              <Field label={t('tab:board.suggest.why')} required validationMessage={whyProblem} validationState={whyProblem ? 'error' : 'none'}>
                <Textarea value={why} onChange={(_e, d) => setWhy(d.value)} maxLength={1000} resize="vertical" data-testid="suggest-why" />
              </Field>
              <Field label={t('tab:board.suggest.topic')}>
                <Dropdown
                  value={topic ? (topicNames[topic] ?? topic) : t('tab:board.suggest.noTopic')}
                  selectedOptions={[topic]}
                  onOptionSelect={(_e, d) => setTopic(d.optionValue ?? '')}
                  data-testid="suggest-topic"
                >
                  <Option value="" text={t('tab:board.suggest.noTopic')}>
                    {t('tab:board.suggest.noTopic')}
                  </Option>
                  {topics.map((id) => (
                    <Option key={id} value={id} text={topicNames[id] ?? id}>
                      {topicNames[id] ?? id}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {sent && (
                <MessageBar intent="success" role="status">
                  <MessageBarBody>{t('tab:board.suggest.sent')}</MessageBarBody>
                </MessageBar>
              )}
              {error && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{t(`common:error.${error.code}`, { details: error.details ?? '' })}</MessageBarBody>
                </MessageBar>
              )}
              <Text as="h3" size={400} weight="semibold" className={styles.h3}>
                {t('tab:board.suggest.mine')}
              </Text>
              {!mine && !error && <Spinner size="tiny" />}
              {mine && mine.length === 0 && <Text>{t('tab:board.suggest.mineEmpty')}</Text>}
              {mine && mine.length > 0 && (
                <ul className={styles.list} data-testid="suggest-mine">
                  {mine.map((s) => (
                    <li key={s.id} className={styles.row}>
                      <div className={styles.rowHead}>
                        <Text weight="semibold" className={styles.url}>
                          {s.url}
                        </Text>
                        <Badge appearance="tint" color={STATUS_COLOR[s.status]} data-status={s.status}>
                          {t(`tab:board.suggest.status.${s.status}`)}
                        </Badge>
                      </div>
                      <Text size={200}>{s.why}</Text>
                      {s.decisionReason && <Text size={200} data-testid="suggest-reason">{t('tab:board.suggest.decisionReason', { reason: s.decisionReason })}</Text>}
                      <Text size={200}>{t('tab:board.suggest.suggestedOn', { date: formatDate.format(new Date(s.suggestedAt)) })}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={() => onOpenChange(false)}>
                {t('tab:board.suggest.cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy} data-testid="suggest-submit">
                {t('tab:board.suggest.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
