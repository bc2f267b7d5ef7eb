/**
 * Route `#/analytics` (executives, admins): the programme's KPIs for a period against the one
 * before it, clicks per weekday, the daily trend, breakdowns and attributed revenue, each table
 * exportable as CSV. Period in the hash query: `#/analytics?period=month` or
 * `?period=custom&from=2026-10-01&to=2026-11-01`.
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Tab, Table, TabList, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CUSTOM_DAYS, type AnalyticsResponse } from '../../shared/contracts/analytics.js';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '../../shared/domain/analytics.js';
import { type PeriodKind } from '../../shared/domain/analytics-periods.js';
import { useTabContext } from '../app/tab-context.js';
import { useFormatters, type Formatters } from '../impact/format.js';
import { usePageStyles } from '../shell/page-layout.js';
import { BreakdownTable } from './breakdown-table.js';
import { ExportButton } from './export-button.js';
import { KpiCards } from './kpi-cards.js';
import { useAnalytics, type PeriodChoice } from './use-analytics.js';

const AnalyticsChart = lazy(() => import('./analytics-charts.js'));

const useStyles = makeStyles({
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  controls: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sectionHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', gap: tokens.spacingHorizontalL },
  chart: { minHeight: '260px', margin: 0 },
  // Content titles are long: that table takes the full width; campaigns and people share a row.
  attribution: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', gap: tokens.spacingHorizontalL },
  wideCell: { gridColumn: '1 / -1' },
  figure: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  // The header cell's label sits in a flex box inside the <th>.
  figureCol: { width: '140px', textAlign: 'end', '& > *': { justifyContent: 'flex-end' } },
  // On a phone the period and breakdown tabs wrap instead of running off the screen.
  periods: { flexWrap: 'wrap', maxWidth: '100%' },
});

const PERIOD_TABS: PeriodKind[] = ['quarter', 'month', 'week', 'custom'];

function initialPeriod(): PeriodChoice {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const kind = params.get('period');
  if (kind === 'custom' && params.get('from') && params.get('to')) return { kind, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  if (kind === 'month' || kind === 'week' || kind === 'quarter') return { kind };
  return { kind: 'quarter' };
}

function validCustom(from: string, to: string): boolean {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Number.isFinite(days) && days >= 1 && days <= MAX_CUSTOM_DAYS;
}

export function AnalyticsPage() {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const format = useFormatters();
  const [period, setPeriod] = useState<PeriodChoice>(initialPeriod);
  const [draft, setDraft] = useState({ from: period.from ?? '', to: period.to ?? '', custom: period.kind === 'custom' });
  const report = useAnalytics(period);

  const choose = (kind: PeriodKind) => {
    if (kind === 'custom') setDraft((d) => ({ ...d, custom: true }));
    else {
      setDraft((d) => ({ ...d, custom: false }));
      setPeriod({ kind });
      window.history.replaceState(null, '', `#/analytics?period=${kind}`);
    }
  };
  const applyCustom = () => {
    setPeriod({ kind: 'custom', from: draft.from, to: draft.to });
    window.history.replaceState(null, '', `#/analytics?period=custom&from=${draft.from}&to=${draft.to}`);
  };
  const customOk = validCustom(draft.from, draft.to);

  return (
    <section className={page.page} aria-labelledby="analytics-title" aria-busy={report.loading}>
      <div className={styles.head}>
        <div className={page.titles}>
          <Text as="h1" id="analytics-title" size={700} weight="semibold" className={page.h1}>{t('analytics.title')}</Text>
          <Text as="p" className={page.subtitle}>{t('analytics.subtitle')}</Text>
        </div>
      </div>
      <div className={styles.controls}>
        <TabList className={styles.periods} selectedValue={draft.custom ? 'custom' : period.kind} onTabSelect={(_e, data) => choose(data.value as PeriodKind)} aria-label={t('analytics.period.label')}>
          {PERIOD_TABS.map((kind) => (
            <Tab key={kind} value={kind} data-testid={`period-${kind}`}>{t(`analytics.period.${kind}`)}</Tab>
          ))}
        </TabList>
        {draft.custom && (
          <>
            <Field label={t('analytics.period.from')}>
              <Input type="date" value={draft.from} onChange={(_e, data) => setDraft((d) => ({ ...d, from: data.value }))} data-testid="custom-from" />
            </Field>
            <Field label={t('analytics.period.to')} validationState={draft.from && draft.to && !customOk ? 'error' : 'none'} validationMessage={draft.from && draft.to && !customOk ? t('analytics.period.invalid') : undefined}>
              <Input type="date" value={draft.to} onChange={(_e, data) => setDraft((d) => ({ ...d, to: data.value }))} data-testid="custom-to" />
            </Field>
            <Button appearance="primary" disabled={!customOk} onClick={applyCustom} data-testid="custom-apply">{t('analytics.period.apply')}</Button>
          </>
        )}
      </div>
      {report.error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('analytics.errorTitle')}</MessageBarTitle>
            {t(`common:error.${report.error.code}`, { details: report.error.details ?? '' })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={report.reload}>{t('analytics.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : !report.data ? (
        <Spinner label={t('analytics.loading')} />
      ) : (
        <Report report={report.data} period={period} format={format} />
      )}
    </section>
  );
}

function Report({ report, period, format }: { report: AnalyticsResponse; period: PeriodChoice; format: Formatters }) {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const { locale, host } = useTabContext();
  const [dimension, setDimension] = useState<BreakdownDimension>('team');
  const range = (p: { from: string; to: string }) => `${format.day(p.from)} – ${format.day(dayBefore(p.to))}`;
  const weekdayName = (key: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(key))));
  const dark = host.theme !== 'light';
  // A period still running has no figures for the days ahead: the trend stops at the day the
  // figures were built instead of dropping to zero until the end of the quarter.
  const lastDay = (report.builtAt ?? new Date().toISOString()).slice(0, 10);
  const trend = report.trend.filter((d) => d.day <= lastDay);
  const current = t('analytics.table.current');
  const previous = t('analytics.table.previous');

  return (
    <>
      <div className={styles.sectionHead}>
        <Text data-testid="period-range">{t('analytics.period.comparing', { current: range(report.period), previous: range(report.previousPeriod) })}</Text>
        {report.builtAt && <Text size={200} className={page.muted}>{t('analytics.builtAt', { time: format.dateTime(report.builtAt) })}</Text>}
      </div>
      <section className={page.card} aria-labelledby="kpi-title">
        <div className={styles.sectionHead}>
          <Text as="h2" id="kpi-title" size={500} weight="semibold" className={page.h2}>{t('analytics.kpi.title')}</Text>
          <ExportButton table="kpis" name={t('analytics.kpi.title')} period={period} />
        </div>
        <KpiCards report={report} format={format} />
      </section>
      <div className={styles.charts}>
        <section className={page.card} aria-labelledby="weekday-title">
          <div className={styles.sectionHead}>
            <Text as="h2" id="weekday-title" size={500} weight="semibold" className={page.h2}>{t('analytics.weekdays.title')}</Text>
            <ExportButton table="weekdays" name={t('analytics.weekdays.title')} period={period} />
          </div>
          {/* Says what the bars count: the title alone ("By day of the week") did not. */}
          <Text size={200} className={page.muted}>{t('analytics.weekdays.caption')}</Text>
          <figure className={styles.chart}>
            <Suspense fallback={<Spinner size="small" />}>
              <AnalyticsChart kind="weekdays" title={t('analytics.weekdays.caption')} groups={report.weekdays.map((w) => ({ label: weekdayName(w.weekday), current: w.current.clicks, previous: w.previous.clicks }))} currentLegend={current} previousLegend={previous} culture={locale} dark={dark} />
            </Suspense>
          </figure>
          <div className={page.srOnly}>
            <table data-testid="weekday-table">
              <caption>{t('analytics.weekdays.caption')}</caption>
              <thead><tr><th scope="col">{t('analytics.weekdays.weekday')}</th><th scope="col">{current}</th><th scope="col">{previous}</th></tr></thead>
              <tbody>{report.weekdays.map((w) => <tr key={w.weekday}><th scope="row">{weekdayName(w.weekday)}</th><td>{format.number(w.current.clicks)}</td><td>{format.number(w.previous.clicks)}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
        <section className={page.card} aria-labelledby="trend-title">
          <div className={styles.sectionHead}>
            <Text as="h2" id="trend-title" size={500} weight="semibold" className={page.h2}>{t('analytics.trend.title')}</Text>
            <ExportButton table="trend" name={t('analytics.trend.title')} period={period} />
          </div>
          <Text size={200} className={page.muted}>{t('analytics.trend.caption')}</Text>
          <figure className={styles.chart}>
            <Suspense fallback={<Spinner size="small" />}>
              <AnalyticsChart
                kind="trend"
                title={t('analytics.trend.caption')}
                series={[
                  { legend: t('analytics.metric.clicks'), points: trend.map((d) => ({ day: d.day, value: d.current.clicks })) },
                  { legend: t('analytics.metric.shares'), points: trend.map((d) => ({ day: d.day, value: d.current.shares })) },
                ]}
                culture={locale}
                dark={dark}
              />
            </Suspense>
          </figure>
          <div className={page.srOnly}>
            <table>
              <caption>{t('analytics.trend.caption')}</caption>
              <thead><tr><th scope="col">{t('analytics.trend.day')}</th><th scope="col">{t('analytics.metric.clicks')}</th><th scope="col">{t('analytics.metric.shares')}</th></tr></thead>
              <tbody>{trend.map((d) => <tr key={d.day}><th scope="row">{format.day(d.day)}</th><td>{format.number(d.current.clicks)}</td><td>{format.number(d.current.shares)}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
      </div>
      <section className={page.card} aria-labelledby="breakdown-title">
        <div className={styles.sectionHead}>
          <Text as="h2" id="breakdown-title" size={500} weight="semibold" className={page.h2}>{t('analytics.breakdown.title')}</Text>
          <ExportButton table={dimension} name={t(`analytics.breakdown.${dimension}`)} period={period} />
        </div>
        <TabList size="small" className={styles.periods} selectedValue={dimension} onTabSelect={(_e, data) => setDimension(data.value as BreakdownDimension)} aria-label={t('analytics.breakdown.label')}>
          {BREAKDOWN_DIMENSIONS.map((d) => <Tab key={d} value={d} data-testid={`dimension-${d}`}>{t(`analytics.breakdown.${d}`)}</Tab>)}
        </TabList>
        <BreakdownTable dimension={dimension} rows={report.breakdowns[dimension].rows} currency={report.currency} format={format} caption={t(`analytics.breakdown.${dimension}`)} />
        {report.breakdowns[dimension].omitted > 0 && <Text className={page.muted}>{t('analytics.breakdown.omitted', { count: report.breakdowns[dimension].omitted })}</Text>}
      </section>
      <section className={page.card} aria-labelledby="attribution-title">
        <Text as="h2" id="attribution-title" size={500} weight="semibold" className={page.h2}>{t('analytics.attribution.title')}</Text>
        <Text className={page.muted}>{t('analytics.attribution.caption')}</Text>
        <div className={styles.attribution}>
          {(['content', 'campaign', 'person'] as const).map((d) => (
            <Attribution key={d} dimension={d} report={report} period={period} format={format} />
          ))}
        </div>
      </section>
    </>
  );
}

function Attribution({ dimension, report, period, format }: { dimension: 'content' | 'campaign' | 'person'; report: AnalyticsResponse; period: PeriodChoice; format: Formatters }) {
  const { t } = useTranslation('analytics');
  const page = usePageStyles();
  const styles = useStyles();
  const rows = report.breakdowns[dimension].rows.filter((r) => r.current.conversions > 0).sort((a, b) => b.current.revenue - a.current.revenue || b.current.conversions - a.current.conversions).slice(0, 10);
  return (
    <div data-testid={`attribution-${dimension}`} className={dimension === 'content' ? styles.wideCell : undefined}>
      <div className={styles.sectionHead}>
        <Text as="h3" size={400} weight="semibold" className={page.h2}>{t(`analytics.breakdown.${dimension}`)}</Text>
        <ExportButton table={`attribution-${dimension}`} name={`${t('analytics.attribution.title')} · ${t(`analytics.breakdown.${dimension}`)}`} period={period} />
      </div>
      {rows.length === 0 ? <Text className={page.muted}>{t('analytics.attribution.empty')}</Text> : <AttributionTable dimension={dimension} rows={rows} currency={report.currency} format={format} />}
    </div>
  );
}

function AttributionTable({ dimension, rows, currency, format }: { dimension: BreakdownDimension; rows: AnalyticsResponse['breakdowns']['content']['rows']; currency: string; format: Formatters }) {
  const { t } = useTranslation('analytics');
  const styles = useStyles();
  return (
    <Table size="small" aria-label={`${t('analytics.attribution.title')} · ${t(`analytics.breakdown.${dimension}`)}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t(`analytics.breakdown.${dimension}`)}</TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.figureCol}>{t('analytics.metric.conversions')}</TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.figureCol}>{t('analytics.metric.revenue')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.key === 'unknown' ? t('analytics.unknown') : r.label}</TableCell>
            <TableCell className={styles.figure}>{format.number(r.current.conversions)}</TableCell>
            <TableCell className={styles.figure}>{format.money(r.current.revenue, currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
}
