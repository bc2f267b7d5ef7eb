/**
 * The tab's section navigation: only the pages the caller's roles may open (`me.pages`, computed
 * by the server from the shared `PAGE_ROLES`). Links are real anchors, so keyboard, middle-click
 * and deep links work; the current page carries `aria-current`.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { routeHref, type RouteName } from '../app/router.js';

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 600px)': { padding: `0 ${tokens.spacingHorizontalS}` },
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
  },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '40px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase300,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ':hover': { borderBottomColor: tokens.colorCompoundBrandStroke },
  },
});

export function PageNav({ pages, current }: { pages: readonly RouteName[]; current: RouteName | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  if (pages.length < 2) return null;
  return (
    <nav className={styles.nav} aria-label={t('app.navLabel')}>
      {pages.map((page) => (
        <a
          key={page}
          href={routeHref(page)}
          className={mergeClasses(styles.link, page === current && styles.current)}
          aria-current={page === current ? 'page' : undefined}
          data-testid={`nav-${page}`}
        >
          {t(`nav.${page}`)}
        </a>
      ))}
    </nav>
  );
}
