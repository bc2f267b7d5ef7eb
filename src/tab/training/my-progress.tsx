/**
 * "My training" on My impact: the caller's own progress (`GET /api/training/me`, never anyone
 * else's), modules in progress with Done, and what fits them next with Start. A completed module
 * also appears among the wins (the wins service counts it).
 */
import { Badge, Button, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyTrainingItem, MyTrainingAction } from '../../shared/contracts/training.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { usePageStyles } from '../shell/page-layout.js';
import { useApiResource } from '../impact/use-api.js';
import { trainingApi } from './training-api.js';

// Markdown (marked + DOMPurify) loads only when someone opens a module's text.
const ModuleMarkdown = lazy(() => import('./training-markdown.js').then((m) => ({ default: m.ModuleMarkdown })));

const useStyles = makeStyles({
  body: { width: '100%', padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  h3: { margin: 0 },
});

export function MyTrainingProgress() {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const { api } = useTabContext();
  const [failed, setFailed] = useState<ApiError | undefined>();
  const mine = useApiResource((a, signal) => trainingApi.mine(a, signal), []);
  const [busy, setBusy] = useState<string | undefined>();
  const [open, setOpen] = useState<{ id: string; body?: string } | undefined>();

  async function toggle(item: MyTrainingItem) {
    if (open?.id === item.moduleId) return setOpen(undefined);
    setOpen({ id: item.moduleId });
    const full = await trainingApi.module(api, item.moduleId).catch(() => undefined);
    setOpen((current) => (current?.id === item.moduleId ? { id: item.moduleId, body: full?.body ?? '' } : current));
  }

  async function act(item: MyTrainingItem, action: MyTrainingAction) {
    setBusy(item.moduleId);
    setFailed(undefined);
    try {
      await trainingApi.act(api, item.moduleId, action);
      mine.reload();
    } catch (err) {
      setFailed(err instanceof ApiError ? err : new ApiError('generic', 0));
    } finally {
      setBusy(undefined);
    }
  }

  const problem = failed ?? (mine.data ? undefined : mine.error);

  const row = (item: MyTrainingItem, action?: MyTrainingAction) => (
    <li key={item.moduleId} className={styles.item}>
      <span className={styles.name}>
        {item.link ? <Link href={item.link} target="_blank" rel="noopener noreferrer">{item.title}</Link> : <Text weight="semibold">{item.title}</Text>}
        <Text size={200} className={page.muted}>{t(`format.${item.format}`)} · {t('list.minutes', { count: item.durationMinutes })}</Text>
      </span>
      <span className={styles.buttons}>
        {!item.link && (
          <Button size="small" appearance="subtle" aria-expanded={open?.id === item.moduleId} aria-controls={`module-body-${item.moduleId}`} onClick={() => void toggle(item)}>
            {open?.id === item.moduleId ? t('mine.hide') : t('mine.read')}
          </Button>
        )}
        {action ? (
          <Button size="small" disabled={busy === item.moduleId} onClick={() => void act(item, action)}>{action === 'done' ? t('mine.done') : t('mine.start')}</Button>
        ) : (
          <Badge appearance="tint" color={item.status === 'completed' ? 'success' : 'informative'}>{t(`mine.status.${item.status}`)}</Badge>
        )}
      </span>
      {open?.id === item.moduleId && (
        <div id={`module-body-${item.moduleId}`} className={styles.body}>
          {open.body === undefined ? <Spinner size="tiny" label={t('page.loading')} /> : (
            <Suspense fallback={<Spinner size="tiny" label={t('page.loading')} />}>
              <ModuleMarkdown markdown={open.body} label={item.title} />
            </Suspense>
          )}
        </div>
      )}
    </li>
  );

  return (
    <section className={page.card} aria-labelledby="my-training-title" data-testid="my-training">
      <Text as="h2" id="my-training-title" size={500} weight="semibold" className={page.h2}>{t('mine.title')}</Text>
      {!mine.data && mine.loading && <Spinner size="small" label={t('page.loading')} />}
      {/* A failed load or Start/Done says so, instead of leaving the card empty or the click unanswered. */}
      {problem && (
        <MessageBar intent="error" role="alert" data-testid="my-training-error">
          <MessageBarBody>{tc(`error.${problem.code}`, { details: problem.details ?? '' })}</MessageBarBody>
          {!failed && <MessageBarActions><Button size="small" onClick={mine.reload}>{t('page.retry')}</Button></MessageBarActions>}
        </MessageBar>
      )}
      {mine.data && (
        <>
          <Text data-testid="my-training-summary">{t('mine.summary', { completed: mine.data.completed, started: mine.data.started })}</Text>
          {mine.data.items.length === 0 && mine.data.recommended.length === 0 && <Text className={page.muted}>{t('mine.empty')}</Text>}
          {mine.data.items.length > 0 && (
            <ul className={styles.list}>{mine.data.items.map((item) => row(item, item.status === 'started' ? 'done' : undefined))}</ul>
          )}
          {mine.data.recommended.length > 0 && (
            <>
              <Text as="h3" size={300} weight="semibold" className={styles.h3}>{t('mine.next')}</Text>
              <ul className={styles.list}>{mine.data.recommended.map((item) => row(item, 'start'))}</ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
