/**
 * The trainer's dashboard: totals, completion per persona for one module or all (a lazy bar chart
 * with the same figures in a table), completion per module, and who is stuck (started, not done
 * after N days).
 */
import {
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingModuleDto, TrainingProgressResponse } from '../../shared/contracts/training.js';
import { PERSONAS } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';

const CompletionChart = lazy(() => import('./completion-chart.js'));

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  totals: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL },
  total: { display: 'flex', flexDirection: 'column', minWidth: '120px' },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  muted: { color: tokens.colorNeutralForeground2 },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
  head: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  h2: { margin: 0, display: 'block' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  description: { margin: 0, display: 'block', color: tokens.colorNeutralForeground2 },
  chart: { margin: 0, minHeight: '240px' },
  tableWrap: { overflowX: 'auto' },
});

export interface ProgressPanelProps {
  progress: TrainingProgressResponse;
  modules: TrainingModuleDto[];
  stuckAfterDays: number;
  onStuckAfterDays(days: number): void;
}

export function ProgressPanel({ progress, modules, stuckAfterDays, onStuckAfterDays }: ProgressPanelProps) {
  const styles = useStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const { locale } = useTabContext();
  const [moduleId, setModuleId] = useState('');
  const titles = useMemo(() => new Map(modules.map((m) => [m.id, m.title])), [modules]);
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }), [locale]);
  const date = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const shownModules = progress.byModule.filter((m) => m.reached > 0 || titles.has(m.moduleId));

  // Per persona: the chosen module's completion, or the share of people who completed at least one module.
  const bars = PERSONAS.map((persona) => {
    const row = moduleId ? progress.byPersona.find((r) => r.persona === persona && r.moduleId === moduleId) : progress.overall.find((r) => r.persona === persona);
    const percent = row?.completionPercent ?? 0;
    return { persona, label: tc(`persona.${persona}`), percent, callout: t('progress.percent', { value: number.format(percent) }) };
  });

  return (
    <div className={styles.panel}>
      <div className={styles.totals} role="group" aria-label={t('page.tabs.progress')}>
        {(['people', 'started', 'completed'] as const).map((key) => (
          <div key={key} className={styles.total}>
            <span className={styles.figure} data-testid={`total-${key}`}>{number.format(progress.totals[key])}</span>
            <span className={styles.muted}>{t(`progress.totals.${key}`)}</span>
          </div>
        ))}
      </div>

      <section className={styles.card} aria-labelledby="completion-title">
        <div className={styles.head}>
          <div className={styles.titles}>
            <Text as="h2" id="completion-title" size={500} weight="semibold" className={styles.h2}>{t('progress.chartTitle')}</Text>
            <Text as="p" size={200} className={styles.description}>{t('progress.chartDescription')}</Text>
          </div>
          <Field label={t('progress.module')}>
            <Dropdown value={moduleId ? (titles.get(moduleId) ?? moduleId) : t('progress.allModules')} selectedOptions={[moduleId]} onOptionSelect={(_e, d) => setModuleId(d.optionValue ?? '')} data-testid="progress-module">
              <Option value="">{t('progress.allModules')}</Option>
              {shownModules.map((m) => <Option key={m.moduleId} value={m.moduleId} text={titles.get(m.moduleId) ?? m.moduleId}>{titles.get(m.moduleId) ?? m.moduleId}</Option>)}
            </Dropdown>
          </Field>
        </div>
        <figure className={styles.chart}>
          <Suspense fallback={<Spinner size="small" label={t('page.loading')} />}>
            <CompletionChart bars={bars} title={t('progress.chartTitle')} legend={t('progress.completed')} culture={locale} />
          </Suspense>
        </figure>
        <Table size="extra-small" aria-labelledby="completion-title" data-testid="completion-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('filter.persona')}</TableHeaderCell>
              <TableHeaderCell>{t('progress.completed')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {bars.map((b) => (
              <TableRow key={b.persona} data-persona={b.persona}>
                <TableCell>{b.label}</TableCell>
                <TableCell data-testid={`completion-${b.persona}`}>{b.callout}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={styles.card} aria-labelledby="by-module-title">
        <Text as="h2" id="by-module-title" size={500} weight="semibold" className={styles.h2}>{t('progress.byModule')}</Text>
        <div className={styles.tableWrap}>
          <Table size="small" aria-labelledby="by-module-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('progress.module')}</TableHeaderCell>
                <TableHeaderCell>{t('progress.reached')}</TableHeaderCell>
                <TableHeaderCell>{t('progress.started')}</TableHeaderCell>
                <TableHeaderCell>{t('progress.completed')}</TableHeaderCell>
                <TableHeaderCell>{t('progress.declined')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shownModules.filter((m) => m.reached > 0).map((m) => (
                <TableRow key={m.moduleId}>
                  <TableCell>{titles.get(m.moduleId) ?? m.moduleId}</TableCell>
                  <TableCell>{number.format(m.reached)}</TableCell>
                  <TableCell>{number.format(m.started)}</TableCell>
                  <TableCell>{number.format(m.completed)}{m.completionPercent === null ? '' : ` (${t('progress.percent', { value: number.format(m.completionPercent) })})`}</TableCell>
                  <TableCell>{number.format(m.declined)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section className={styles.card} aria-labelledby="stuck-title">
        <div className={styles.head}>
          <Text as="h2" id="stuck-title" size={500} weight="semibold" className={styles.h2}>{t('progress.stuckTitle')}</Text>
          <Field label={t('progress.stuckAfter')}>
            <Input type="number" min={1} max={365} value={String(stuckAfterDays)} onChange={(_e, d) => {
              const days = Number(d.value);
              if (Number.isInteger(days) && days >= 1 && days <= 365) onStuckAfterDays(days);
            }} />
          </Field>
        </div>
        {progress.stuck.length === 0 ? (
          <Text className={styles.muted}>{t('progress.stuckEmpty')}</Text>
        ) : (
          <div className={styles.tableWrap}>
            <Table size="small" aria-labelledby="stuck-title" data-testid="stuck-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('progress.person')}</TableHeaderCell>
                  <TableHeaderCell>{t('progress.module')}</TableHeaderCell>
                  <TableHeaderCell>{t('progress.since')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {progress.stuck.map((s) => (
                  <TableRow key={`${s.employeeId}|${s.moduleId}`}>
                    <TableCell>{s.displayName}</TableCell>
                    <TableCell>{titles.get(s.moduleId) ?? s.moduleId}</TableCell>
                    <TableCell>{date.format(new Date(s.startedAt))} · {t('progress.days', { count: s.days })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}
