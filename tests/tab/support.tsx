/**
 * Rendering tab components in happy-dom: the real i18n set-up (catalogs loaded as in the browser),
 * the real API client over a scripted `fetch`, and the tab context a page expects.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { MeResponse } from '../../src/shared/contracts/me.js';
import { createApiClient } from '../../src/tab/api/client.js';
import { prepareI18n } from '../../src/tab/app/i18n.js';
import { TabContextProvider } from '../../src/tab/app/tab-context.js';

// happy-dom rejects an animation's `finished` promise on cancel, and nobody awaits it when Fluent
// cancels its motion on unmount: mark it handled (a browser does the same silently).
if (typeof Animation !== 'undefined') {
  const cancel = Animation.prototype.cancel;
  Animation.prototype.cancel = function (this: Animation) {
    this.finished.catch(() => undefined);
    cancel.call(this);
  };
}

/** One request the fake server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A route of the fake server: answer `(status, body)` for `METHOD /path` (query ignored). */
export type FakeRoutes = Record<string, (body: unknown) => [number, unknown]>;

/** A `fetch` answering from `routes`, recording every request in `seen`. */
export function fakeFetch(routes: FakeRoutes, seen: SeenRequest[]): typeof fetch {
  return (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    seen.push({ method, path: url.pathname + url.search, body });
    const route = routes[`${method} ${url.pathname}`];
    const [status, answer] = route ? route(body) : [404, { error: { code: 'notFound', message: 'no route' } }];
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const ME: MeResponse = { employeeId: 'emp-1', displayName: 'Aiko', roles: ['employee'], pages: ['board', 'impact', 'leaderboard', 'topics', 'policy'] };

/** Render `ui` inside Fluent, i18n (`locale`) and the tab context with a client over `routes`. */
export async function renderInTab(ui: ReactNode, routes: FakeRoutes, locale = 'en') {
  const seen: SeenRequest[] = [];
  const i18n = await prepareI18n(locale);
  const api = createApiClient({ getAuthToken: async () => undefined, language: locale, baseUrl: 'http://tab.test', fetch: fakeFetch(routes, seen) });
  const context = { api, host: { mode: 'standalone' as const, locale, theme: 'light' as const }, language: i18n.language, locale: i18n.locale, me: ME };
  const result = render(
    <I18nextProvider i18n={i18n.i18n} defaultNS="tab">
      <FluentProvider theme={teamsLightTheme}>
        <TabContextProvider value={context}>{ui}</TabContextProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
  return { ...result, seen, i18n: i18n.i18n };
}
