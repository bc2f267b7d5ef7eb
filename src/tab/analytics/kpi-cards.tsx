/** The KPI tiles: each metric now, before, and the change. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { KPI_NAMES, type AnalyticsResponse, type KpiKey } from '../../shared/contracts/analytics.js';
import type { Formatters } from '../impact/format.js';
import { useTabContext } from '../app/tab-context.js';
import { ChangeBadge } from './change-badge.js';

const useStyles = makeStyles({
  // Two tiles a row on a phone (one a row made the seven figures a long scroll).
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))', gap: tokens.spacingHorizontalM, listStyle: 'none', margin: 0, padding: 0 },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { whiteSpace: 'nowrap', '@media (max-width: 600px)': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 } },
  before: { color: tokens.colorNeutralForeground2 },
});

/** The formatted value of a KPI. */
export function formatKpi(name: KpiKey, value: number, currency: string, format: Formatters, locale: string): string {
  if (name === 'revenue') {
    // Whole units in the tile (it is narrow); the tables keep the cents.
    const whole = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    return whole.format(value / 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2));
  }
  if (name === 'activeAdvocatesPercent') return `${format.number(value)}%`;
  return format.number(value);
}

export function KpiCards({ report, format }: { report: AnalyticsResponse; format: Formatters }) {
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const { locale } = useTabContext();
  return (
    <ul className={styles.grid} aria-label={t('analytics.kpi.title')}>
      {KPI_NAMES.map((name) => {
        const kpi = report.kpis[name];
        return (
          <li key={name} className={styles.tile} data-testid={`kpi-${name}`}>
            <Text className={styles.label} size={200} weight="semibold">{t(`analytics.metric.${name}`)}</Text>
            <Text size={700} weight="bold" className={styles.value} data-testid={`kpi-${name}-value`}>{formatKpi(name, kpi.current, report.currency, format, locale)}</Text>
            {name === 'activeAdvocatesPercent' && (
              <Text size={200} className={styles.before}>
                {t('analytics.kpi.activeDetail', { active: format.number(report.activeAdvocates.current.active), enrolled: format.number(report.activeAdvocates.current.enrolled) })}
              </Text>
            )}
            <Text size={200} className={styles.before} data-testid={`kpi-${name}-previous`}>
              {t('analytics.kpi.previous', { value: formatKpi(name, kpi.previous, report.currency, format, locale) })}
            </Text>
            <span><ChangeBadge change={kpi.changePercent} format={format} /></span>
          </li>
        );
      })}
    </ul>
  );
}
