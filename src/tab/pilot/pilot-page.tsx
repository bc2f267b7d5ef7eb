/**
 * Route `#/pilot` (executives, admins): the leadership pilot. Cohort, phase and goals; the persona
 * chart with the leaders highlighted and their journeys; each leader's figures; the readiness
 * checklist for company rollout; the go/no-go decision with who, when and why.
 */
import { Badge, Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, tokens, mergeClasses } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotResponse } from '../../shared/contracts/pilot.js';
import { PERSONAS, type Persona } from '../../shared/domain/types.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { useFormatters, type Formatters } from '../impact/format.js';
import { usePageStyles } from '../shell/page-layout.js';
import { PilotChecklist } from './pilot-checklist.js';
import { PilotDecisionPanel } from './pilot-decision.js';
import { pilotWrites, usePilot } from './use-pilot.js';

const PersonaChart = lazy(() => import('./persona-chart.js'));

const useStyles = makeStyles({
  facts: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  two: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  chartRow: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(200px, 1fr)', gap: tokens.spacingHorizontalL, '@media (max-width: 800px)': { gridTemplateColumns: '1fr' } },
  chart: { minHeight: '340px', margin: 0 },
  quadrants: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0, alignContent: 'start' },
  quadrant: { padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  goals: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  scroll: { overflowX: 'auto' },
  // Columns sized by their content (Fluent's default is equal fixed columns): names and figures
  // stay on one line; on a phone the table scrolls sideways instead of a word per line.
  leaders: { tableLayout: 'auto', minWidth: '880px' },
  nowrap: { whiteSpace: 'nowrap' },
  figure: { whiteSpace: 'nowrap', textAlign: 'end', fontVariantNumeric: 'tabular-nums', '& > *': { justifyContent: 'flex-end' } },
  lines: { margin: 0, padding: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground2 },
  unmet: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** Quadrants in chart order: top-left, top-right, bottom-left, bottom-right. */
const QUADRANT_ORDER: Persona[] = ['sharer', 'influencer', 'observer', 'networker'];

export function PilotPage() {
  const page = usePageStyles();
  const { t } = useTranslation('analytics');
  const pilot = usePilot();
  return (
    <section className={page.page} aria-labelledby="pilot-title" aria-busy={pilot.loading}>
      <div className={page.titles}>
        <Text as="h1" id="pilot-title" size={700} weight="semibold" className={page.h1}>{t('pilot.title')}</Text>
        <Text as="p" className={page.subtitle}>{t('pilot.subtitle')}</Text>
      </div>
      {pilot.error && !pilot.data ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('pilot.errorTitle')}</MessageBarTitle>
            {t(`common:error.${pilot.error.code}`, { details: pilot.error.details ?? '' })}
          </MessageBarBody>
          <MessageBarActions><Button size="small" onClick={pilot.reload}>{t('pilot.retry')}</Button></MessageBarActions>
        </MessageBar>
      ) : !pilot.data ? (
        <Spinner label={t('pilot.loading')} />
      ) : (
        <PilotView view={pilot.data} onChange={pilot.setData} />
      )}
    </section>
  );
}

function PilotView({ view, onChange }: { view: PilotResponse; onChange(view: PilotResponse): void }) {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const { api } = useTabContext();
  const format = useFormatters();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();

  async function write(call: () => Promise<PilotResponse>, success?: string): Promise<boolean> {
    setBusy(true);
    setMessage(undefined);
    try {
      onChange(await call());
      if (success) setMessage({ intent: 'success', text: success });
      return true;
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'generic';
      setMessage({ intent: 'error', text: t('pilot.saveError', { message: t(`common:error.${code}`, { details: err instanceof ApiError ? (err.details ?? '') : '' }) }) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const next = view.nextPhase;
  return (
    <>
      <div className={styles.facts}>
        <Badge appearance="filled" color="brand" size="large" data-testid="pilot-phase">{t('pilot.phaseLabel')}: {t(`pilot.phases.${view.pilot.phase}`)}</Badge>
        <Text>{t('pilot.startedAt', { date: format.date(view.pilot.startedAt) })}</Text>
        <Text>{t('pilot.cohort', { count: view.pilot.cohortSize })}</Text>
      </div>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'} data-testid="pilot-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.two}>
        <Goals goals={view.pilot.goals} busy={busy} onSave={(goals) => write(() => pilotWrites.goals(api, goals))} />
        <section className={page.card} aria-labelledby="phase-title">
          <Text as="h2" id="phase-title" size={500} weight="semibold" className={page.h2}>{t('pilot.phaseLabel')}</Text>
          {next === null ? (
            <Text>{t('pilot.phase.final')}</Text>
          ) : (
            <>
              {!next.ready && (
                <>
                  <Text className={styles.muted}>{t('pilot.phase.notReady', { phase: t(`pilot.phases.${next.phase}`) })}</Text>
                  <ul className={styles.unmet}>{next.unmet.map((id) => <li key={id}><Text size={200}>{t(`pilot.checklist.items.${id}`)}</Text></li>)}</ul>
                </>
              )}
              <div>
                <Button appearance="primary" disabled={!next.ready || busy} onClick={() => void write(() => pilotWrites.phase(api, next.phase), t('pilot.phase.moved', { phase: t(`pilot.phases.${next.phase}`) }))} data-testid="phase-next">
                  {t('pilot.phase.next', { phase: t(`pilot.phases.${next.phase}`) })}
                </Button>
              </div>
            </>
          )}
        </section>
      </div>
      <ChartSection view={view} format={format} />
      <LeadersTable view={view} format={format} />
      <div className={styles.two}>
        <section className={page.card} aria-labelledby="checklist-title">
          <div className={styles.head}>
            <Text as="h2" id="checklist-title" size={500} weight="semibold" className={page.h2}>{t('pilot.checklist.title')}</Text>
            <Badge appearance="tint" color={view.checklist.allMet ? 'success' : 'informative'} data-testid="readiness">{t('pilot.checklist.progress', { percent: format.number(view.checklist.percent) })}</Badge>
          </div>
          <PilotChecklist checklist={view.checklist} format={format} busy={busy} onTick={(item, checked) => void write(() => pilotWrites.tick(api, item, checked))} />
        </section>
        <section className={page.card} aria-labelledby="decision-title" data-testid="decision-panel">
          <Text as="h2" id="decision-title" size={500} weight="semibold" className={page.h2}>{t('pilot.decision.title')}</Text>
          <PilotDecisionPanel view={view} format={format} busy={busy} onDecide={(decision, reason) => write(() => pilotWrites.decide(api, decision, reason), t('pilot.decision.recorded'))} />
        </section>
      </div>
    </>
  );
}

function Goals({ goals, busy, onSave }: { goals: string[]; busy: boolean; onSave(goals: string[]): Promise<boolean> }) {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const [editing, setEditing] = useState<string | undefined>();
  return (
    <section className={page.card} aria-labelledby="goals-title">
      <div className={styles.head}>
        <Text as="h2" id="goals-title" size={500} weight="semibold" className={page.h2}>{t('pilot.goals.title')}</Text>
        {editing === undefined && <Button size="small" onClick={() => setEditing(goals.join('\n'))}>{t('pilot.goals.edit')}</Button>}
      </div>
      {editing !== undefined ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const list = editing.split('\n').map((g) => g.trim()).filter((g) => g !== '').slice(0, 10);
            void onSave(list).then((ok) => ok && setEditing(undefined));
          }}
        >
          <Field label={t('pilot.goals.label')}>
            <Textarea value={editing} onChange={(_e, data) => setEditing(data.value)} rows={4} resize="vertical" />
          </Field>
          <div className={styles.facts}>
            <Button type="submit" appearance="primary" disabled={busy}>{t('pilot.goals.save')}</Button>
            <Button onClick={() => setEditing(undefined)}>{t('pilot.goals.cancel')}</Button>
          </div>
        </form>
      ) : goals.length === 0 ? (
        <Text className={styles.muted}>{t('pilot.goals.empty')}</Text>
      ) : (
        <ul className={styles.goals} data-testid="goals">{goals.map((g) => <li key={g}><Text>{g}</Text></li>)}</ul>
      )}
    </section>
  );
}

/** A journey in words, one step per entry with its date (`compact`: the day only, for the table). */
function useJourney(format: Formatters, compact = false): (journey: PilotResponse['leaders'][number]['journey']) => string[] {
  const { t } = useTranslation(['analytics', 'common']);
  return (journey) =>
    journey.map((j) => (compact ? `${t(`common:persona.${j.persona}`)} (${format.day(j.since.slice(0, 10))})` : t('analytics:pilot.leaders.since', { persona: t(`common:persona.${j.persona}`), date: format.date(j.since) })));
}

const NUMERIC_COLUMNS = new Set(['shares', 'clicks', 'reach', 'training', 'wins']);

function ChartSection({ view, format }: { view: PilotResponse; format: Formatters }) {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation(['analytics', 'common']);
  const { locale, host } = useTabContext();
  const journey = useJourney(format);
  const leaders = view.points.filter((p) => p.inCohort);
  const splitText = t('pilot.chart.thresholds', { audience: format.number(view.quadrants.audience), posts: format.number(view.quadrants.postsPerMonth) });
  const counts = new Map<Persona, number>(PERSONAS.map((p) => [p, view.points.filter((pt) => pt.persona === p).length]));
  return (
    <section className={page.card} aria-labelledby="chart-title">
      <Text as="h2" id="chart-title" size={500} weight="semibold" className={page.h2}>{t('pilot.chart.title')}</Text>
      <Text className={styles.muted}>{t('pilot.chart.description')}</Text>
      <div className={styles.chartRow}>
        <figure className={styles.chart}>
          <Suspense fallback={<Spinner size="small" />}>
            <PersonaChart
              title={t('pilot.chart.title')}
              leaders={leaders.map((p) => ({ x: p.audience, y: p.postsPerMonth, callout: `${p.displayName ?? ''} · ${t(`common:persona.${p.persona}`)}` }))}
              others={view.points.filter((p) => !p.inCohort).map((p) => ({ x: p.audience, y: p.postsPerMonth }))}
              leadersLegend={t('pilot.chart.leaders')}
              othersLegend={t('pilot.chart.others')}
              xTitle={t('pilot.chart.audience')}
              yTitle={t('pilot.chart.activity')}
              culture={locale}
              dark={host.theme !== 'light'}
              quadrantLabels={[t('common:persona.sharer'), t('common:persona.influencer'), t('common:persona.observer'), t('common:persona.networker')]}
              split={{ x: view.quadrants.audience, y: view.quadrants.postsPerMonth, xLabel: format.number(view.quadrants.audience), yLabel: format.number(view.quadrants.postsPerMonth), description: splitText }}
            />
          </Suspense>
        </figure>
        <ul className={styles.quadrants} aria-label={t('pilot.chart.title')} data-testid="quadrants">
          {QUADRANT_ORDER.map((p) => (
            <li key={p} className={styles.quadrant} data-persona={p}>
              <Text weight="semibold">{t(`common:persona.${p}`)} · {format.number(counts.get(p) ?? 0)}</Text>
              <Text size={200}>{t(`pilot.chart.quadrants.${p}`)}</Text>
            </li>
          ))}
        </ul>
      </div>
      <Text size={200} className={styles.muted}>
        {splitText}
      </Text>
      <div className={page.srOnly}>
        <table>
          <caption>{t('pilot.chart.tableCaption')}</caption>
          <thead><tr><th scope="col">{t('pilot.leaders.name')}</th><th scope="col">{t('pilot.chart.audience')}</th><th scope="col">{t('pilot.chart.activity')}</th><th scope="col">{t('pilot.leaders.journey')}</th></tr></thead>
          <tbody>{leaders.map((p) => <tr key={p.employeeId}><th scope="row">{p.displayName}</th><td>{format.number(p.audience)}</td><td>{format.number(p.postsPerMonth)}</td><td>{journey(p.journey).join(' → ')}</td></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}

function LeadersTable({ view, format }: { view: PilotResponse; format: Formatters }) {
  const page = usePageStyles();
  const styles = useStyles();
  const { t } = useTranslation(['analytics', 'common']);
  const journey = useJourney(format, true);
  return (
    <section className={page.card} aria-labelledby="leaders-title">
      <Text as="h2" id="leaders-title" size={500} weight="semibold" className={page.h2}>{t('pilot.leaders.title')}</Text>
      {/* Focusable so keyboard users can scroll it sideways on a narrow screen. */}
      <div className={styles.scroll} role="region" aria-labelledby="leaders-title" tabIndex={0}>
        <Table size="small" aria-labelledby="leaders-title" data-testid="leaders" className={styles.leaders}>
          <TableHeader>
            <TableRow>
              {(['name', 'persona', 'journey', 'shares', 'clicks', 'reach', 'training', 'wins', 'topicRoles'] as const).map((c) => <TableHeaderCell key={c} scope="col" className={NUMERIC_COLUMNS.has(c) ? styles.figure : undefined}>{t(`pilot.leaders.${c}`)}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.leaders.map((l) => (
              <TableRow key={l.employeeId} data-employee={l.employeeId}>
                <TableCell className={styles.nowrap}>{l.displayName}</TableCell>
                <TableCell className={styles.nowrap}>{t(`common:persona.${l.persona}`)}</TableCell>
                <TableCell><ul className={mergeClasses(styles.lines, styles.nowrap)}>{journey(l.journey).map((step) => <li key={step}>{step}</li>)}</ul></TableCell>
                <TableCell className={styles.figure}>{format.number(l.shares)}</TableCell>
                <TableCell className={styles.figure}>{format.number(l.clicks)}</TableCell>
                <TableCell className={styles.figure}>{format.number(l.reach)}</TableCell>
                <TableCell className={styles.figure}>{l.trainingDone === null ? t('pilot.leaders.notTracked') : format.number(l.trainingDone)}</TableCell>
                <TableCell className={styles.figure}>{format.number(l.wins)}</TableCell>
                <TableCell><ul className={styles.lines}>{l.topicRoles.map((r) => <li key={`${r.topicName}-${r.role}`}>{r.topicName} · {t(`pilot.topicRole.${r.role}`)}</li>)}</ul></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
