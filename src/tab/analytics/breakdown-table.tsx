/** One breakdown (team, persona, topic, content, network, campaign or person): both periods, per key. */
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow } from '../../shared/contracts/analytics.js';
import type { BreakdownDimension } from '../../shared/domain/analytics.js';
import type { Formatters } from '../impact/format.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  // Columns sized by content, figures right-aligned on one line; on a phone the table scrolls
  // sideways rather than breaking "Before: €16,000.00" into four lines over its neighbours.
  table: { tableLayout: 'auto', minWidth: '720px' },
  figure: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', '& > *': { justifyContent: 'flex-end' } },
  before: { display: 'block', color: tokens.colorNeutralForeground2 },
});

const COLUMNS = ['sessions', 'shares', 'engagement', 'clicks', 'conversions', 'revenue'] as const;

/** The label of a key: translated for personas, networks and unset keys; as stored otherwise. */
export function useKeyLabel(): (dimension: BreakdownDimension, row: Pick<BreakdownRow, 'key' | 'label'>) => string {
  const { t } = useTranslation(['analytics', 'common']);
  return (dimension, row) => {
    if (row.key === 'unknown') return t('analytics:analytics.unknown');
    if (dimension === 'persona') return t(`common:persona.${row.key}`, { defaultValue: row.label });
    if (dimension === 'network') return t(`common:network.${row.key}`, { defaultValue: row.label });
    return row.label;
  };
}

export function BreakdownTable({ dimension, rows, currency, format, caption, testId }: { dimension: BreakdownDimension; rows: BreakdownRow[]; currency: string; format: Formatters; caption: string; testId?: string }) {
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const keyLabel = useKeyLabel();
  const cell = (name: (typeof COLUMNS)[number], value: number) => (name === 'revenue' ? format.money(value, currency) : format.number(value));
  if (rows.length === 0) return <Text>{t('analytics.breakdown.empty')}</Text>;
  return (
    // Focusable, so a keyboard can scroll it sideways on a narrow screen.
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" aria-label={caption} data-testid={testId ?? `breakdown-${dimension}`} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t(`analytics.breakdown.${dimension}`)}</TableHeaderCell>
            {COLUMNS.map((name) => (
              <TableHeaderCell key={name} scope="col" className={styles.figure}>{t(`analytics.metric.${name}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-key={row.key}>
              <TableCell>{keyLabel(dimension, row)}</TableCell>
              {COLUMNS.map((name) => (
                <TableCell key={name} data-metric={name} className={styles.figure}>
                  {cell(name, row.current[name])}
                  <Text size={200} wrap={false} className={styles.before}>{t('analytics.kpi.previous', { value: cell(name, row.previous[name]) })}</Text>
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
