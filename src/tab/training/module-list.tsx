/**
 * The module list: filters (status, persona, topic role, language, format), one row per module
 * with its targets, and the actions a trainer takes (edit, publish or retire, push).
 */
import {
  Badge,
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TrainingModuleDto, TrainingModuleQuery } from '../../shared/contracts/training.js';
import { TRAINING_FORMATS, TRAINING_MODULE_STATES } from '../../shared/domain/training.js';
import { PERSONAS, SUPPORTED_LANGUAGES, TOPIC_ROLES } from '../../shared/domain/types.js';

const useStyles = makeStyles({
  // Five filters on one line at Teams' tab width, two per line on a phone.
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  filter: { minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  tableWrap: { overflowX: 'auto' },
  // Below 600 px the four columns do not fit: each module becomes a block (title, targets, then
  // status and actions on one line) instead of a table squeezed to a word per line.
  table: {
    '@media (max-width: 600px)': {
      display: 'block',
      '& thead': { display: 'none' },
      '& tbody': { display: 'block' },
      '& tr': { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0` },
      '& td': { display: 'block', height: 'auto', padding: 0 },
      '& td:nth-child(-n+2)': { flexBasis: '100%' },
    },
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  // Title and targets get the room; status is one badge (equal columns left titles at 3 lines).
  titleCol: { width: '32%' },
  targetsCol: { width: '28%' },
  stateCol: { width: '12%' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export type ModuleFilters = Omit<TrainingModuleQuery, 'lang'>;
const FILTER_KEYS = ['state', 'persona', 'topicRole', 'language', 'format'] as const;

const STATE_COLOR = { draft: 'informative', published: 'success', retired: 'subtle' } as const;

export interface ModuleListProps {
  modules: TrainingModuleDto[];
  filters: ModuleFilters;
  onFilters(next: ModuleFilters): void;
  onEdit(module: TrainingModuleDto): void;
  onTransition(module: TrainingModuleDto, action: 'publish' | 'retire'): void;
  onPush(module: TrainingModuleDto): void;
  busyId?: string;
}

export function ModuleList({ modules, filters, onFilters, onEdit, onTransition, onPush, busyId }: ModuleListProps) {
  const styles = useStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const optionsOf: Record<(typeof FILTER_KEYS)[number], { value: string; label: string }[]> = {
    state: TRAINING_MODULE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) })),
    persona: PERSONAS.map((p) => ({ value: p, label: tc(`persona.${p}`) })),
    topicRole: TOPIC_ROLES.map((r) => ({ value: r, label: t(`topicRole.${r}`) })),
    language: SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: tc(`languageName.${l}`) })),
    format: TRAINING_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) })),
  };
  return (
    <>
      <div className={styles.filters} role="search" aria-label={t('list.filters')}>
        {FILTER_KEYS.map((key) => {
          const current = filters[key];
          const label = optionsOf[key].find((o) => o.value === current)?.label ?? t('page.any');
          return (
            <Field key={key} label={t(`filter.${key}`)} className={styles.filter}>
              <Dropdown
                value={label}
                selectedOptions={[current ?? '']}
                onOptionSelect={(_e, d) => onFilters({ ...filters, [key]: d.optionValue || undefined })}
                className={styles.dropdown}
                data-testid={`filter-${key}`}
              >
                <Option value="">{t('page.any')}</Option>
                {optionsOf[key].map((o) => <Option key={o.value} value={o.value}>{o.label}</Option>)}
              </Dropdown>
            </Field>
          );
        })}
        {FILTER_KEYS.some((k) => filters[k] !== undefined) && <Button appearance="subtle" onClick={() => onFilters({})}>{t('list.clear')}</Button>}
      </div>
      <Text role="status" aria-live="polite" data-testid="module-count">{t('list.count', { count: modules.length })}</Text>
      {modules.length === 0 ? (
        <Text data-testid="modules-empty">{FILTER_KEYS.some((k) => filters[k] !== undefined) ? t('list.empty') : t('list.emptyAll')}</Text>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t('list.label')} size="small" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.titleCol}>{t('form.title')}</TableHeaderCell>
                <TableHeaderCell className={styles.targetsCol}>{t('list.targets')}</TableHeaderCell>
                <TableHeaderCell className={styles.stateCol}>{t('filter.state')}</TableHeaderCell>
                <TableHeaderCell>{t('list.actionsColumn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {modules.map((m) => (
                <TableRow key={m.id} data-testid="module-row" data-module-id={m.id}>
                  <TableCell>
                    <div className={styles.title} lang={m.languages.length === 1 ? m.languages[0] : undefined}>{m.title}</div>
                    <div className={styles.meta}>
                      {t(`format.${m.format}`)} · {t('list.minutes', { count: m.durationMinutes })} · {m.languages.map((l) => tc(`languageName.${l}`)).join(', ')}
                      {m.starterTheme ? ` · ${t('list.starter')}` : ''}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.tags}>
                      {m.targetPersonas.map((p) => <Badge key={p} appearance="tint" color="brand">{tc(`persona.${p}`)}</Badge>)}
                      {m.targetTopicRoles.map((r) => <Badge key={r} appearance="tint" color="informative">{t(`topicRole.${r}`)}</Badge>)}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="filled" color={STATE_COLOR[m.state]}>{t(`state.${m.state}`)}</Badge>
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions} role="group" aria-label={t('list.actions', { title: m.title })}>
                      <Button size="small" onClick={() => onEdit(m)}>{t('list.edit')}</Button>
                      {m.state !== 'published' && (
                        <Button size="small" disabled={busyId === m.id} onClick={() => onTransition(m, 'publish')} data-testid="module-publish">
                          {m.state === 'retired' ? t('list.republish') : t('list.publish')}
                        </Button>
                      )}
                      {m.state === 'published' && (
                        <>
                          <Button size="small" appearance="primary" onClick={() => onPush(m)} data-testid="module-push">{t('list.push')}</Button>
                          <Button size="small" disabled={busyId === m.id} onClick={() => onTransition(m, 'retire')}>{t('list.retire')}</Button>
                        </>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
