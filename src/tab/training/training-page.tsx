/**
 * Route `#/training` (trainers and admins): modules (filters, create and edit, publish and
 * retire, push), the nudges pushed, and progress (completion per persona and module, who is
 * stuck). The sub-page is in the hash: `#/training/modules`, `#/training/pushes`, `#/training/progress`.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, tokens, mergeClasses } from '@fluentui/react-components';
import { usePageStyles } from '../shell/page-layout.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingModuleDto } from '../../shared/contracts/training.js';
import { ApiError } from '../api/client.js';
import { routeHref, useHashLocation } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { useApiResource } from '../impact/use-api.js';
import { ModuleForm } from './module-form.js';
import { ModuleList, type ModuleFilters } from './module-list.js';
import { ProgressPanel } from './progress-panel.js';
import { PushDialog } from './push-dialog.js';
import { PushesList } from './pushes-list.js';
import { trainingApi } from './training-api.js';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const SECTIONS = ['modules', 'pushes', 'progress'] as const;
type Section = (typeof SECTIONS)[number];

export function TrainingPage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const { api } = useTabContext();
  const location = useHashLocation();
  const section: Section = (SECTIONS as readonly string[]).includes(location.rest[0] ?? '') ? (location.rest[0] as Section) : 'modules';
  const [filters, setFilters] = useState<ModuleFilters>({});
  const [editing, setEditing] = useState<TrainingModuleDto | 'new' | undefined>();
  const [pushing, setPushing] = useState<TrainingModuleDto | undefined>();
  const [busyId, setBusyId] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [stuckAfterDays, setStuckAfterDays] = useState(14);

  const all = useApiResource((a, signal) => trainingApi.modules(a, {}, signal), []);
  const shown = useApiResource((a, signal) => trainingApi.modules(a, filters, signal), [JSON.stringify(filters)]);
  const pushes = useApiResource((a, signal) => (section === 'pushes' ? trainingApi.pushes(a, signal) : Promise.resolve({ pushes: [] })), [section]);
  const progress = useApiResource((a, signal) => (section === 'progress' ? trainingApi.progress(a, stuckAfterDays, signal) : Promise.resolve(undefined)), [section, stuckAfterDays]);
  const modules = all.data?.modules ?? [];
  const reloadModules = () => {
    all.reload();
    shown.reload();
  };
  const fail = (err: unknown) => setNotice({ intent: 'error', text: err instanceof ApiError ? tc(`error.${err.code}`, { details: err.details ?? '' }) : tc('error.generic') });

  async function transition(module: TrainingModuleDto, action: 'publish' | 'retire') {
    setBusyId(module.id);
    try {
      const saved = await trainingApi.transition(api, module.id, action);
      setNotice({ intent: 'success', text: t(action === 'publish' ? 'list.published' : 'list.retired', { title: saved.title }) });
      reloadModules();
    } catch (err) {
      fail(err);
    } finally {
      setBusyId(undefined);
    }
  }

  const error = shown.error ?? all.error;
  return (
    <section className={mergeClasses(layout.page, layout.wide)} aria-labelledby="training-title" aria-busy={shown.loading}>
      <div className={layout.heading}>
        <div className={layout.titles}>
          <Text as="h1" id="training-title" size={700} weight="semibold" className={layout.h1}>{t('title')}</Text>
          <Text as="p" className={layout.subtitle}>{t('page.subtitle')}</Text>
        </div>
        {section === 'modules' && <Button appearance="primary" onClick={() => setEditing('new')} data-testid="module-new">{t('list.new')}</Button>}
      </div>
      <TabList selectedValue={section} onTabSelect={(_e, d) => { window.location.hash = routeHref('training', String(d.value)); }} aria-label={t('title')}>
        {SECTIONS.map((s) => <Tab key={s} value={s} data-testid={`training-tab-${s}`}>{t(`page.tabs.${s}`)}</Tab>)}
      </TabList>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        {section === 'modules' && (
          <>
            {error && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{tc(`error.${error.code}`, { details: error.details ?? '' })} <Button size="small" onClick={reloadModules}>{t('page.retry')}</Button></MessageBarBody>
              </MessageBar>
            )}
            {!shown.data && shown.loading && <Spinner label={t('page.loading')} />}
            {shown.data && (
              <ModuleList modules={shown.data.modules} filters={filters} onFilters={setFilters} onEdit={setEditing} onTransition={(m, a) => void transition(m, a)} onPush={setPushing} busyId={busyId} />
            )}
          </>
        )}
        {section === 'pushes' && (pushes.data ? (
          <PushesList pushes={pushes.data.pushes} modules={modules} onStop={(p) => void trainingApi.stopPush(api, p.id).then(() => pushes.reload(), fail)} />
        ) : <Spinner label={t('page.loading')} />)}
        {section === 'progress' && (progress.data ? (
          <ProgressPanel progress={progress.data} modules={modules} stuckAfterDays={stuckAfterDays} onStuckAfterDays={setStuckAfterDays} />
        ) : progress.error ? (
          <MessageBar intent="error" role="alert"><MessageBarBody>{tc(`error.${progress.error.code}`, { details: progress.error.details ?? '' })}</MessageBarBody></MessageBar>
        ) : <Spinner label={t('page.loading')} />)}
      </div>
      {editing && (
        <ModuleForm
          {...(editing === 'new' ? {} : { module: editing })}
          modules={modules}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice({ intent: 'success', text: t('form.saved', { title: saved.title, state: t(`state.${saved.state}`) }) });
            reloadModules();
          }}
        />
      )}
      {pushing && <PushDialog module={pushing} onClose={() => setPushing(undefined)} onPushed={() => pushes.reload()} />}
    </section>
  );
}
