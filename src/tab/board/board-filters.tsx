/** Category tabs (with counts) and the language dropdown above the board. */
import {
  CounterBadge,
  Dropdown,
  Label,
  makeStyles,
  Option,
  Spinner,
  Tab,
  TabList,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BoardCounts } from '../../shared/contracts/board.js';
import { CONTENT_CATEGORIES, type ContentCategory, type Language } from '../../shared/domain/types.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalMNudge})`, flexWrap: 'wrap', flexShrink: 1, minWidth: 0 },
  count: { marginLeft: tokens.spacingHorizontalXS },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '180px' },
});

export interface BoardFiltersProps {
  category: ContentCategory | undefined;
  language: Language | undefined;
  counts: BoardCounts | undefined;
  languages: readonly Language[];
  refreshing: boolean;
  onCategoryChange(category: ContentCategory | undefined): void;
  onLanguageChange(language: Language | undefined): void;
}

/** Filter bar; `undefined` means "all" for both filters. */
export function BoardFilters(props: BoardFiltersProps) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const languageLabelId = useId('language-label');
  const tabs: { value: string; label: string; count: number | undefined }[] = [
    { value: 'all', label: t('tab:board.filters.all'), count: props.counts?.all },
    ...CONTENT_CATEGORIES.map((c) => ({ value: c, label: t(`common:category.${c}`), count: props.counts?.[c] })),
  ];
  const allLanguages = t('tab:board.filters.allLanguages');
  const languageText = props.language ? t(`common:languageName.${props.language}`) : allLanguages;

  return (
    <div className={styles.bar} role="group" aria-label={t('tab:board.filters.label')}>
      <TabList
        className={styles.tabs}
        selectedValue={props.category ?? 'all'}
        onTabSelect={(_, data) => props.onCategoryChange(data.value === 'all' ? undefined : (data.value as ContentCategory))}
        aria-label={t('tab:board.filters.category')}
      >
        {tabs.map((tab) => (
          <Tab key={tab.value} value={tab.value} data-category={tab.value}>
            {tab.label}
            {tab.count !== undefined && (
              <CounterBadge
                className={styles.count}
                count={tab.count}
                showZero
                size="small"
                appearance="ghost"
                color="informative"
              />
            )}
          </Tab>
        ))}
      </TabList>
      <div className={styles.language}>
        {props.refreshing && <Spinner size="extra-tiny" aria-label={t('tab:board.refreshing')} />}
        <Label id={languageLabelId}>{t('tab:board.filters.language')}</Label>
        <Dropdown
          className={styles.dropdown}
          aria-labelledby={languageLabelId}
          value={languageText}
          selectedOptions={[props.language ?? '']}
          onOptionSelect={(_, data) => props.onLanguageChange((data.optionValue || undefined) as Language | undefined)}
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
      </div>
    </div>
  );
}
