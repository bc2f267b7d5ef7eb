/** The nudges pushed so far: module, audience, schedule, last run, people reached, status; stop a cadence. */
import { Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingModuleDto, TrainingPushDto } from '../../shared/contracts/training.js';
import { routeHref } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground2 },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS, maxWidth: '640px' },
});

export function PushesList({ pushes, modules, onStop }: { pushes: TrainingPushDto[]; modules: TrainingModuleDto[]; onStop(push: TrainingPushDto): void }) {
  const styles = useStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const { locale } = useTabContext();
  const titles = useMemo(() => new Map(modules.map((m) => [m.id, m.title])), [modules]);
  const when = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }), [locale]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  if (pushes.length === 0) {
    // Empty: say how a nudge gets here, and lead to where it starts.
    return (
      <div className={styles.empty} data-testid="pushes-empty">
        <Text weight="semibold">{t('pushes.empty')}</Text>
        <Text className={styles.muted}>{t('pushes.emptyHint')}</Text>
        <Button as="a" href={routeHref('training', 'modules')}>{t('pushes.toModules')}</Button>
      </div>
    );
  }
  const audienceOf = (p: TrainingPushDto) => {
    const parts = [
      ...p.audience.personas.map((x) => tc(`persona.${x}`)),
      ...p.audience.topicRoles.map((x) => t(`topicRole.${x}`)),
      ...p.audience.teams,
      ...p.audience.learningStyles.map((x) => t(`learningStyle.${x}`)),
    ];
    return parts.length === 0 ? t('pushes.everyone') : parts.join(', ');
  };
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={t('pushes.label')} data-testid="pushes-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('pushes.module')}</TableHeaderCell>
            <TableHeaderCell>{t('pushes.audience')}</TableHeaderCell>
            <TableHeaderCell>{t('pushes.schedule')}</TableHeaderCell>
            <TableHeaderCell>{t('pushes.lastRun')}</TableHeaderCell>
            <TableHeaderCell>{t('pushes.recipients')}</TableHeaderCell>
            <TableHeaderCell>{t('pushes.state')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {pushes.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{titles.get(p.moduleId) ?? p.moduleId}</TableCell>
              <TableCell>{audienceOf(p)}</TableCell>
              <TableCell>{p.cadence ? t('pushes.every', { count: p.cadence.everyDays }) : t('pushes.once')}</TableCell>
              <TableCell>{p.lastRunAt ? when.format(new Date(p.lastRunAt)) : '—'}</TableCell>
              <TableCell>{number.format(p.lastRecipients)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={p.state === 'active' ? 'success' : 'subtle'}>{t(`pushes.states.${p.state}`)}</Badge>{' '}
                {p.state === 'active' && p.cadence && <Button size="small" onClick={() => onStop(p)}>{t('pushes.stop')}</Button>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
