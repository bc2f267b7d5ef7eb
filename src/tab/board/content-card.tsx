/** One post on the board: image, title in its own language, category, topics, date, link. */
import {
  Badge,
  Button,
  Card,
  CardFooter,
  CardHeader,
  CardPreview,
  makeStyles,
  Text,
  tokens,
  useId,
  type BadgeProps,
} from '@fluentui/react-components';
import { CalendarLtr16Regular, CheckmarkCircle16Regular, Globe16Regular, Open16Regular, Share16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../shared/contracts/board.js';
import { routeHref } from '../app/router.js';
import type { ContentCategory } from '../../shared/domain/types.js';

const CATEGORY_COLOR: Record<ContentCategory, BadgeProps['color']> = {
  company: 'brand',
  industry: 'informative',
  'personal-interest': 'success',
};

const useStyles = makeStyles({
  card: { height: '100%', boxSizing: 'border-box' },
  preview: { height: '148px', overflow: 'hidden' },
  image: { width: '100%', height: '100%', objectFit: 'cover', display: 'block' },
  title: {
    margin: 0,
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  summary: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitLineClamp: 4,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  topics: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
  },
  metaItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  footer: { marginTop: 'auto', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  open: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  shared: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteGreenForeground1 },
});

export interface ContentCardProps {
  item: BoardItem;
  /** Formats `publishedAt` in the UI locale. */
  formatDate(iso: string): string;
  /** Topic id -> display name in the UI language (the id when unknown). */
  topicNames?: Record<string, string>;
}

/** A board card. The title and summary carry the item's `lang` so screen readers and fonts switch. */
export function ContentCard({ item, formatDate, topicNames = {} }: ContentCardProps) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const titleId = useId('content-title');
  const languageName = t(`common:languageName.${item.language}`);

  return (
    <Card className={styles.card} aria-labelledby={titleId} data-testid="content-card" data-category={item.category}>
      {item.imageUrl && (
        <CardPreview className={styles.preview}>
          <img className={styles.image} src={item.imageUrl} alt="" loading="lazy" />
        </CardPreview>
      )}
      <CardHeader
        header={
          <Text as="h3" id={titleId} size={400} weight="semibold" className={styles.title} lang={item.language}>
            {item.title}
          </Text>
        }
        description={
          <Badge appearance="tint" color={CATEGORY_COLOR[item.category]} shape="rounded">
            {t(`common:category.${item.category}`)}
          </Badge>
        }
      />
      {item.summary && (
        <Text as="p" className={styles.summary} lang={item.language}>
          {item.summary}
        </Text>
      )}
      {item.topics.length > 0 && (
        <ul className={styles.topics} aria-label={t('tab:board.card.topics')}>
          {item.topics.map((topic) => (
            <li key={topic}>
              <Badge appearance="outline" color="informative" shape="rounded" size="small">
                {topicNames[topic] ?? topic}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <CardFooter className={styles.footer}>
        <div className={styles.meta}>
          <Text size={200} className={styles.metaItem} title={t('tab:board.card.writtenIn', { language: languageName })}>
            <Globe16Regular aria-hidden="true" />
            <span lang={item.language}>{languageName}</span>
          </Text>
          <Text size={200} className={styles.metaItem}>
            <CalendarLtr16Regular aria-hidden="true" />
            <time dateTime={item.publishedAt}>{t('tab:board.card.published', { date: formatDate(item.publishedAt) })}</time>
          </Text>
        </div>
        <div className={styles.actions}>
        <Button
          as="a"
          href={item.url}
          target="_blank"
          rel="noopener noreferrer"
          appearance="subtle"
          className={styles.open}
          size="small"
          icon={<Open16Regular />}
          iconPosition="after"
          aria-describedby={titleId}
          title={t('tab:board.card.openLabel', { title: item.title })}
        >
          {t('tab:board.card.open')}
        </Button>
        <Button
          as="a"
          href={routeHref('board', 'item', item.id)}
          appearance="primary"
          size="small"
          icon={<Share16Regular />}
          aria-label={t('tab:board.card.shareLabel', { title: item.title })}
          data-share={item.id}
          data-testid="card-share"
        >
          {t('tab:board.card.share')}
        </Button>
        </div>
      </CardFooter>
      {item.sharedOn.length > 0 && (
        <Text size={200} className={styles.shared} data-testid="card-shared">
          <CheckmarkCircle16Regular aria-hidden="true" />
          {t('tab:board.card.sharedOn', { networks: item.sharedOn.map((n) => t(`common:network.${n}`)).join(', ') })}
        </Text>
      )}
    </Card>
  );
}
