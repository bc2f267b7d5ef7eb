/**
 * "Clicks over time": per day (30 days) or per week (12 weeks). The chart is lazy (its library
 * loads only here); the same figures are in a visually hidden table for screen readers.
 */
import { makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImpactResponse } from '../../shared/contracts/impact.js';
import type { Formatters } from './format.js';
import { usePageStyles } from '../shell/page-layout.js';

const ClicksChart = lazy(() => import('./clicks-chart.js'));

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  chart: { minHeight: '240px', margin: 0 },
});

type Unit = 'day' | 'week';

export function ClicksPanel({ impact, format, locale }: { impact: ImpactResponse; format: Formatters; locale: string }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const [unit, setUnit] = useState<Unit>('day');
  const series = unit === 'day' ? impact.clicksByDay : impact.clicksByWeek;
  const points = series.map((p) => ({
    label: format.day(p.start),
    callout: unit === 'day' ? format.day(p.start) : t('impact.chart.weekOf', { date: format.day(p.start) }),
    count: p.count,
  }));
  const total = series.reduce((n, p) => n + p.count, 0);
  const label = unit === 'day' ? t('impact.chart.labelDay') : t('impact.chart.labelWeek');

  return (
    <section className={page.card} aria-labelledby="clicks-title" data-testid="clicks-panel">
      <div className={styles.head}>
        <Text as="h2" id="clicks-title" size={500} weight="semibold" className={page.h2}>
          {t('impact.chart.title')}
        </Text>
        <TabList size="small" selectedValue={unit} onTabSelect={(_e, data) => setUnit(data.value as Unit)} aria-label={t('impact.chart.unit')}>
          <Tab value="day" data-testid="chart-day">
            {t('impact.chart.byDay')}
          </Tab>
          <Tab value="week" data-testid="chart-week">
            {t('impact.chart.byWeek')}
          </Tab>
        </TabList>
      </div>
      {total === 0 ? (
        <Text className={page.muted}>{t('impact.chart.empty')}</Text>
      ) : (
        <>
          <figure className={styles.chart}>
            <Suspense fallback={<Spinner size="small" label={t('impact.chart.loading')} />}>
              <ClicksChart points={points} title={label} legend={t('impact.chart.clicks')} culture={locale} />
            </Suspense>
          </figure>
          {/* A table cannot be shrunk below its rows: the wrapper hides it for sighted users. */}
          <div className={page.srOnly}>
            <table data-testid="clicks-table">
              <caption>{label}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('impact.chart.period')}</th>
                  <th scope="col">{t('impact.chart.clicks')}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => (
                  <tr key={series[i]?.start ?? i}>
                    <th scope="row">{p.callout}</th>
                    <td>{format.number(p.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
