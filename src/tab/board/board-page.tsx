/** The content board: published posts of the tenant, filtered by category and language. */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentCategory, Language } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';
import { BoardFilters } from './board-filters.js';
import { BoardEmpty, BoardError, BoardSkeleton } from './board-states.js';
import { ContentCard } from './content-card.js';
import { useBoard } from './use-board.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '1400px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    boxSizing: 'border-box',
    width: '100%',
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
  heading: { display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  h1: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))',
    gap: tokens.spacingHorizontalL,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  cell: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

/** Route `#/board`. */
export function BoardPage() {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  const { locale } = useTabContext();
  const [category, setCategory] = useState<ContentCategory | undefined>();
  const [language, setLanguage] = useState<Language | undefined>();
  const board = useBoard({ category, language });
  const formatDate = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);

  const items = board.data?.items;
  const filtered = category !== undefined || language !== undefined;
  const clear = () => {
    setCategory(undefined);
    setLanguage(undefined);
  };

  return (
    <section className={styles.page} aria-labelledby="board-title" aria-busy={board.loading}>
      <div className={styles.heading}>
        <div className={styles.titles}>
          <Text as="h1" id="board-title" size={700} weight="semibold" className={styles.h1}>
            {t('board.title')}
          </Text>
          <Text as="p" className={styles.subtitle}>
            {t('board.subtitle')}
          </Text>
        </div>
        {items && (
          <Badge appearance="tint" color="brand" size="large" role="status" data-testid="board-count">
            {t('board.postCount', { count: items.length })}
          </Badge>
        )}
      </div>

      <BoardFilters
        category={category}
        language={language}
        counts={board.data?.counts}
        languages={board.data?.languages ?? []}
        refreshing={board.loading && board.data !== undefined}
        onCategoryChange={setCategory}
        onLanguageChange={setLanguage}
      />

      {board.error && <BoardError error={board.error} onRetry={board.reload} />}
      {!items && board.loading && <BoardSkeleton gridClassName={styles.grid} />}
      {items && items.length === 0 && !board.loading && <BoardEmpty filtered={filtered} onClear={clear} />}
      {items && items.length > 0 && (
        <ul className={styles.grid} aria-label={t('board.list')}>
          {items.map((item) => (
            <li key={item.id} className={styles.cell}>
              <ContentCard item={item} formatDate={formatDate} topicNames={board.data?.topicNames} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
