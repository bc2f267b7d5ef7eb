/**
 * Route `#/impact`: the caller's own figures (`GET /api/me/impact`): score, rank, clicks, shares,
 * conversions, clicks over time, wins, persona and next step, goals and training progress.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GoalsResponseSchema, ImpactResponseSchema, type ImpactResponse } from '../../shared/contracts/impact.js';
import { useTabContext } from '../app/tab-context.js';
import { MyTrainingProgress } from '../training/my-progress.js';
import { ClicksPanel } from './clicks-panel.js';
import { useFormatters } from './format.js';
import { GoalsPanel } from './goals-panel.js';
import { ImpactStats } from './impact-stats.js';
import { PageError, PageLoading } from './page-states.js';
import { usePageStyles } from '../shell/page-layout.js';
import { PersonaCard, WinsCard } from './persona-wins.js';
import { useApiResource } from './use-api.js';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

export function ImpactPage() {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const { locale } = useTabContext();
  const format = useFormatters();
  const impact = useApiResource((api, signal) => api.get('/api/me/impact', ImpactResponseSchema, { signal }), []);
  const { api } = useTabContext();

  const saveGoals = async (goals: { kind: ImpactResponse['goals'][number]['kind']; target: number }[]) => {
    const answer = await api.send('PUT', '/api/me/goals', GoalsResponseSchema, { goals });
    if (impact.data) impact.setData({ ...impact.data, goals: answer.goals });
    return answer.goals;
  };

  const data = impact.data;
  return (
    <section className={page.page} aria-labelledby="impact-title" aria-busy={impact.loading}>
      <div className={page.titles}>
        <Text as="h1" id="impact-title" size={700} weight="semibold" className={page.h1}>
          {t('impact.title')}
        </Text>
        <Text as="p" className={page.subtitle}>
          {t('impact.subtitle')}
        </Text>
      </div>
      {impact.error && <PageError error={impact.error} onRetry={impact.reload} />}
      {!data && impact.loading && <PageLoading />}
      {data && (
        <>
          <ImpactStats impact={data} format={format} />
          <div className={styles.columns}>
            <div className={styles.column}>
              <ClicksPanel impact={data} format={format} locale={locale} />
              <WinsCard wins={data.wins} format={format} />
            </div>
            <div className={styles.column}>
              <PersonaCard persona={data.persona} format={format} />
              <GoalsPanel goals={data.goals} format={format} onSave={saveGoals} />
              <MyTrainingProgress />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
