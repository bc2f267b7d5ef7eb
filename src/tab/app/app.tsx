/**
 * The tab root: Fluent theme from the host (following Teams theme changes), i18n bound to the
 * host locale, the page shell and the hash router.
 */
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiClient, ApiError } from '../api/client.js';
import { PageGate } from '../shell/page-gate.js';
import { PageNav } from '../shell/page-nav.js';
import { useMe } from '../shell/use-me.js';
import type { TabHost } from '../teams/host.js';
import { AppHeader } from './app-header.js';
import type { UiLanguage } from './i18n.js';
import { NotFound } from './not-found.js';
import { hashForSubPage, parseHashLocation, useHashRoute } from './router.js';
import { pages } from './routes.js';
import { TabContextProvider, useTabContext, type TabContextValue } from './tab-context.js';
import { fluentTheme } from './theme.js';

const useStyles = makeStyles({
  // On an inner element: FluentProvider copies its className onto portal mount nodes, which
  // would then cover the page.
  layout: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 2 },
  },
  main: { flexGrow: 1, outline: 'none' },
  fallback: { padding: tokens.spacingVerticalXXXL },
  failed: {
    maxWidth: '720px',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
});

export interface AppProps {
  host: TabHost;
  ui: UiLanguage;
  api: ApiClient;
}

/** Root component; rendered once by `main.tsx`. */
export function App({ host, ui, api }: AppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState(host.context.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  // A Teams deep link to an item (`subEntityId: item:<id>`) lands on the tab without a hash.
  useEffect(() => {
    const target = hashForSubPage(host.context.subPageId);
    if (target && parseHashLocation(window.location.hash).rest.length === 0 && !window.location.hash.includes('?')) window.location.replace(target);
  }, [host]);
  const meState = useMe(api);
  const me = meState.status === 'ready' ? meState.me : undefined;
  const context = useMemo<TabContextValue | undefined>(
    () => (me ? { api, host: host.context, language: ui.language, locale: ui.locale, me } : undefined),
    [api, host, ui, me],
  );

  return (
    <I18nextProvider i18n={ui.i18n} defaultNS="tab">
      <FluentProvider theme={fluentTheme(theme)} lang={ui.locale}>
        <div className={styles.layout}>
          {context ? (
            <TabContextProvider value={context}>
              <Shell />
            </TabContextProvider>
          ) : (
            <Loading error={meState.status === 'error' ? meState.error : undefined} onRetry={meState.reload} />
          )}
        </div>
      </FluentProvider>
    </I18nextProvider>
  );
}

/** Before `/api/me` answers: a spinner, or why it failed in the UI language with a way to try again. */
function Loading({ error, onRetry }: { error: ApiError | undefined; onRetry(): void }) {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  if (!error) return <Spinner className={styles.fallback} label={t('tab:app.loading')} />;
  return (
    <div className={styles.failed}>
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="app-load-error">
        <MessageBarBody>
          <MessageBarTitle>{t('tab:app.loadErrorTitle')}</MessageBarTitle>
          {t(`common:error.${error.code}`, { details: error.details ?? '' })}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>{t('tab:app.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

function Shell() {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  const { me } = useTabContext();
  const route = useHashRoute();
  let content: ReactNode;
  if (!route) content = <NotFound />;
  else if (me.roles.length === 0) content = <PageGate reason="notEnrolled" />;
  else if (!me.pages.includes(route)) content = <PageGate reason="notAllowed" />;
  else {
    const Page = pages[route];
    content = <Page />;
  }
  return (
    <>
      <a className={styles.skip} href="#main" onClick={focusMain}>
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <PageNav pages={me.pages} current={route} />
      <main id="main" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<Spinner className={styles.fallback} label={t('app.loading')} />}>{content}</Suspense>
      </main>
    </>
  );
}

/** Keep the hash route: move focus to main instead of navigating to `#main`. */
function focusMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
