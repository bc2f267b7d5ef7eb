/**
 * The content board (`#/board`): live posts ranked for the person, with search and filters; a
 * card's Share opens the share panel at `#/board/item/<id>` (a deep link: the share card's "Open
 * in the board" lands there too, as `#/board?item=<id>` or Teams' `subEntityId: item:<id>`).
 * The filters live in the URL (`#/board?category=&topic=&team=&language=&q=`, see board-url.ts).
 * The panel and the "Suggest content" dialog are lazy chunks.
 */
import { Badge, Button, makeStyles, Text, tokens, mergeClasses } from '@fluentui/react-components';
import { usePageStyles } from '../shell/page-layout.js';
import { Lightbulb16Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref, useHashLocation } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { BoardFilters, type BoardFilterValues } from './board-filters.js';
import { boardHash, filtersFromParams } from './board-url.js';
import { BoardEmpty, BoardError, BoardSkeleton } from './board-states.js';
import { ContentCard } from './content-card.js';
import { useBoard } from './use-board.js';

const SharePanel = lazy(() => import('./share-panel.js'));
const SuggestDialog = lazy(() => import('./suggest-dialog.js'));

/** Pause after the last keystroke before the search is sent. */
const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  headActions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
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

/** The item a hash opens: `#/board/item/<id>`, or the share card's `#/board?item=<id>`. */
function openItemOf(rest: string[], params: URLSearchParams): string | undefined {
  if (rest[0] === 'item' && rest[1]) return rest[1];
  return params.get('item') ?? undefined;
}

/** Route `#/board`. */
export function BoardPage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const { t } = useTranslation('tab');
  const { locale } = useTabContext();
  const location = useHashLocation();
  // Filters start from the URL (a bookmarked or shared filtered board) and are written back to it.
  const [filters, setFilters] = useState<BoardFilterValues>(() => filtersFromParams(location.params));
  const [q, setQ] = useState(() => filters.text.trim());
  const [suggestOpen, setSuggestOpen] = useState(false);
  const [suggestLoaded, setSuggestLoaded] = useState(false);
  const openItem = openItemOf(location.rest, location.params);
  const board = useBoard({ category: filters.category, language: filters.language, topic: filters.topic, team: filters.team, q: q || undefined });
  const formatDate = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);

  useEffect(() => {
    const handle = setTimeout(() => setQ(filters.text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(handle);
  }, [filters.text]);

  // The list's URL follows the filters (replacing the entry: filtering is not navigation).
  const listHash = boardHash({ ...filters, text: q });
  useEffect(() => {
    if (openItem === undefined && location.rest.length === 0 && !location.params.has('item') && window.location.hash !== listHash) {
      window.history.replaceState(null, '', listHash);
    }
  }, [listHash, openItem, location]);

  // The share card's link form becomes the canonical deep link (keeps one history entry).
  useEffect(() => {
    if (location.rest.length === 0 && location.params.has('item')) {
      const id = location.params.get('item') ?? '';
      window.history.replaceState(null, '', routeHref('board', 'item', id));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
  }, [location]);

  // Remember the Share button that opened the panel, to give focus back to it on close.
  const opener = useRef<HTMLElement | null>(null);
  const { reload } = board;
  const closePanel = useCallback(() => {
    window.location.hash = listHash;
    // What was shared or skipped in the panel shows on the cards.
    reload();
    const back = opener.current;
    if (back) setTimeout(() => back.focus(), 0);
  }, [reload, listHash]);
  useEffect(() => {
    if (openItem !== undefined && document.activeElement instanceof HTMLElement && document.activeElement.dataset.share === openItem) {
      opener.current = document.activeElement;
    }
  }, [openItem]);

  const items = board.data?.items;
  const filtered = filters.category !== undefined || filters.language !== undefined || filters.topic !== undefined || filters.team !== undefined || q !== '';

  return (
    <section className={mergeClasses(layout.page, layout.wide)} aria-labelledby="board-title" aria-busy={board.loading}>
      <div className={layout.heading}>
        <div className={layout.titles}>
          <Text as="h1" id="board-title" size={700} weight="semibold" className={layout.h1}>
            {t('board.title')}
          </Text>
          <Text as="p" className={layout.subtitle}>
            {t('board.subtitle')}
          </Text>
          <Text as="p" size={200} className={layout.subtitle}>
            {t('board.filters.sortedHint')}
          </Text>
        </div>
        <div className={styles.headActions}>
          {items && (
            <Badge appearance="tint" color="brand" size="large" role="status" data-testid="board-count">
              {t('board.postCount', { count: items.length })}
            </Badge>
          )}
          <Button
            icon={<Lightbulb16Regular />}
            onClick={() => {
              setSuggestLoaded(true);
              setSuggestOpen(true);
            }}
            data-testid="suggest-open"
          >
            {t('board.suggest.open')}
          </Button>
        </div>
      </div>

      <BoardFilters
        values={filters}
        counts={board.data?.counts}
        languages={board.data?.languages ?? []}
        topics={board.data?.topics ?? []}
        topicNames={board.data?.topicNames ?? {}}
        teams={board.data?.teams ?? []}
        refreshing={board.loading && board.data !== undefined}
        onChange={(change) => setFilters((f) => ({ ...f, ...change }))}
      />

      {board.error && <BoardError error={board.error} onRetry={board.reload} />}
      {!items && board.loading && <BoardSkeleton gridClassName={styles.grid} />}
      {items && items.length === 0 && !board.loading && (
        <BoardEmpty
          filtered={filtered}
          onClear={() => {
            setFilters(filtersFromParams(new URLSearchParams()));
            setQ('');
          }}
        />
      )}
      {items && items.length > 0 && (
        <ul className={styles.grid} aria-label={t('board.list')}>
          {items.map((item) => (
            <li key={item.id} className={styles.cell}>
              <ContentCard item={item} formatDate={formatDate} topicNames={board.data?.topicNames} />
            </li>
          ))}
        </ul>
      )}

      <Suspense fallback={null}>
        {openItem !== undefined && <SharePanel itemId={openItem} onClose={closePanel} />}
        {suggestLoaded && (
          <SuggestDialog open={suggestOpen} onOpenChange={setSuggestOpen} topics={board.data?.topics ?? []} topicNames={board.data?.topicNames ?? {}} />
        )}
      </Suspense>
    </section>
  );
}
