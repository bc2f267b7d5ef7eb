/**
 * The tab root: Fluent theme from the host (following Teams theme changes), i18n bound to the
 * host locale, the page shell and the hash router.
 */
import { FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client.js';
import type { TabHost } from '../teams/host.js';
import { AppHeader } from './app-header.js';
import type { UiLanguage } from './i18n.js';
import { NotFound } from './not-found.js';
import { useHashRoute } from './router.js';
import { pages } from './routes.js';
import { TabContextProvider, type TabContextValue } from './tab-context.js';
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
  const context = useMemo<TabContextValue>(
    () => ({ api, host: host.context, language: ui.language, locale: ui.locale }),
    [api, host, ui],
  );

  return (
    <I18nextProvider i18n={ui.i18n} defaultNS="tab">
      <FluentProvider theme={fluentTheme(theme)} lang={ui.locale}>
        <TabContextProvider value={context}>
          <div className={styles.layout}>
            <Shell />
          </div>
        </TabContextProvider>
      </FluentProvider>
    </I18nextProvider>
  );
}

function Shell() {
  const styles = useStyles();
  const { t } = useTranslation('tab');
  const route = useHashRoute();
  const Page = route ? pages[route] : undefined;
  return (
    <>
      <a className={styles.skip} href="#main" onClick={focusMain}>
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<Spinner className={styles.fallback} label={t('app.loading')} />}>
          {Page ? <Page /> : <NotFound />}
        </Suspense>
      </main>
    </>
  );
}

/** Keep the hash route: move focus to main instead of navigating to `#main`. */
function focusMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
