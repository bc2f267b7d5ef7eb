/**
 * The tab's section navigation: only the pages the caller's roles may open (`me.pages`, computed
 * by the server from the shared `PAGE_ROLES`). Links are real anchors, so keyboard, middle-click
 * and deep links work; the current page carries `aria-current`.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
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
  const nav = useRef<HTMLElement>(null);
  // On a phone the links scroll sideways: bring the current one into view (only sideways, so
  // the page itself does not move), or Policy, Training and Admin open with their tab hidden.
  useEffect(() => {
    const bar = nav.current;
    const link = bar?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!bar || !link) return;
    const left = link.getBoundingClientRect().left - bar.getBoundingClientRect().left + bar.scrollLeft;
    if (left < bar.scrollLeft || left + link.offsetWidth > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = left - (bar.clientWidth - link.offsetWidth) / 2;
  }, [current]);
  if (pages.length < 2) return null;
  return (
    <nav ref={nav} className={styles.nav} aria-label={t('app.navLabel')}>
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
