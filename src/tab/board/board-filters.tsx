/** Category tabs (with counts), the search box and the topic, team and language dropdowns above the board. */
import {
  Dropdown,
  Field,
  makeStyles,
  Option,
  SearchBox,
  Spinner,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTabContext } from '../app/tab-context.js';
import type { BoardCounts } from '../../shared/contracts/board.js';
import { CONTENT_CATEGORIES, type ContentCategory, type Language } from '../../shared/domain/types.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  tabs: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingBottom: tokens.spacingVerticalS },
  // Plain text in the button's own colour: readable in every theme (high contrast included).
  count: { marginLeft: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightRegular, fontVariantNumeric: 'tabular-nums' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  search: { flexGrow: 1, minWidth: 'min(100%, 240px)', maxWidth: '420px' },
  searchBox: { width: '100%', maxWidth: 'none' },
  dropdown: { minWidth: '160px', maxWidth: '240px' },
  spinner: { alignSelf: 'center' },
});

/** The filters of the board; `undefined` (or `''` for the text) means "all". */
export interface BoardFilterValues {
  category: ContentCategory | undefined;
  language: Language | undefined;
  topic: string | undefined;
  team: string | undefined;
  /** What is typed in the search box (sent to the API after a short pause). */
  text: string;
}

export interface BoardFiltersProps {
  values: BoardFilterValues;
  counts: BoardCounts | undefined;
  languages: readonly Language[];
  topics: readonly string[];
  topicNames: Record<string, string>;
  teams: readonly string[];
  refreshing: boolean;
  onChange(values: Partial<BoardFilterValues>): void;
}

/** Filter bar. */
export function BoardFilters(props: BoardFiltersProps) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const { values, onChange } = props;
  const { locale } = useTabContext();
  const formatCount = useMemo(() => {
    const format = new Intl.NumberFormat(locale);
    return (n: number) => format.format(n);
  }, [locale]);
  const tabs: { value: string; label: string; count: number | undefined }[] = [
    { value: 'all', label: t('tab:board.filters.all'), count: props.counts?.all },
    ...CONTENT_CATEGORIES.map((c) => ({ value: c, label: t(`common:category.${c}`), count: props.counts?.[c] })),
  ];
  const allLanguages = t('tab:board.filters.allLanguages');
  const allTopics = t('tab:board.filters.allTopics');
  const allTeams = t('tab:board.filters.allTeams');
  const languageText = values.language ? t(`common:languageName.${values.language}`) : allLanguages;
  const topicText = values.topic ? (props.topicNames[values.topic] ?? values.topic) : allTopics;

  return (
    <div className={styles.bar} role="group" aria-label={t('tab:board.filters.label')}>
      <div className={styles.row}>
        <Field label={t('tab:board.filters.search')} className={styles.search}>
          <SearchBox
            className={styles.searchBox}
            value={values.text}
            placeholder={t('tab:board.filters.searchPlaceholder')}
            onChange={(_e, data) => onChange({ text: data.value })}
            data-testid="board-search"
          />
        </Field>
        <Field label={t('tab:board.filters.topic')}>
          <Dropdown
            className={styles.dropdown}
            value={topicText}
            selectedOptions={[values.topic ?? '']}
            onOptionSelect={(_, data) => onChange({ topic: data.optionValue || undefined })}
            data-testid="filter-topic"
          >
            <Option value="" text={allTopics}>
              {allTopics}
            </Option>
            {props.topics.map((id) => (
              <Option key={id} value={id} text={props.topicNames[id] ?? id}>
                {props.topicNames[id] ?? id}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {props.teams.length > 0 && (
          <Field label={t('tab:board.filters.team')}>
            <Dropdown
              className={styles.dropdown}
              value={values.team ?? allTeams}
              selectedOptions={[values.team ?? '']}
              onOptionSelect={(_, data) => onChange({ team: data.optionValue || undefined })}
              data-testid="filter-team"
            >
              <Option value="" text={allTeams}>
                {allTeams}
              </Option>
              {props.teams.map((team) => (
                <Option key={team} value={team} text={team}>
                  {team}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field label={t('tab:board.filters.language')}>
          <Dropdown
            className={styles.dropdown}
            value={languageText}
            selectedOptions={[values.language ?? '']}
            onOptionSelect={(_, data) => onChange({ language: (data.optionValue || undefined) as Language | undefined })}
            data-testid="filter-language"
          >
            <Option value="" text={allLanguages}>
              {allLanguages}
            </Option>
            {props.languages.map((lng) => (
              <Option key={lng} value={lng} text={t(`common:languageName.${lng}`)} lang={lng}>
                {t(`common:languageName.${lng}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {props.refreshing && <Spinner className={styles.spinner} size="extra-tiny" aria-label={t('tab:board.refreshing')} />}
      </div>
      {/* Toggle buttons rather than a TabList: the filter does not switch panels, and plain buttons keep
          Tabster's arrow-key trampolines (hidden focusable elements axe flags) out of the page. */}
      <div className={styles.tabs} role="group" aria-label={t('tab:board.filters.category')}>
        {tabs.map((tab) => {
          const selected = (values.category ?? 'all') === tab.value;
          return (
            <ToggleButton
              key={tab.value}
              appearance={selected ? 'primary' : 'outline'}
              shape="circular"
              size="small"
              checked={selected}
              onClick={() => onChange({ category: tab.value === 'all' ? undefined : (tab.value as ContentCategory) })}
              data-category={tab.value}
            >
              {tab.label}
              {tab.count !== undefined && <span className={styles.count}>{formatCount(tab.count)}</span>}
            </ToggleButton>
          );
        })}
      </div>
    </div>
  );
}
