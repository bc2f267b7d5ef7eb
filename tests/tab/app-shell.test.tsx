// @vitest-environment happy-dom
/**
 * The tab shell: the Fluent theme follows the host's theme changes live (Teams'
 * `registerOnThemeChangeHandler` reaches `host.onThemeChange`), a Teams deep link's sub-entity
 * (`item:<id>`) opens the board item, the skip link (before the navigation) focuses the page, and
 * a failed `/api/me` says why and loads the tab on "Try again"; an unknown page and a page not
 * for the role say so.
 */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/tab/api/client.js';
import { App } from '../../src/tab/app/app.js';
import { prepareI18n } from '../../src/tab/app/i18n.js';
import type { TabHost, ThemeName } from '../../src/tab/teams/host.js';
import { fakeFetch } from './support.js';

/** The machine running the tests may be loaded: lazy chunks and renders get 10 s, not 1 s. */
const SLOW = { timeout: 10_000 };

const ME = { employeeId: 'emp-1', displayName: 'Aiko', roles: ['employee'], pages: ['board', 'impact'] };
const BOARD = { items: [], counts: { all: 0, company: 0, industry: 0, 'personal-interest': 0 }, languages: [], topicNames: {}, topics: [], teams: [] };

function teamsHost(subPageId?: string) {
  const listeners = new Set<(theme: ThemeName) => void>();
  const host: TabHost = {
    context: { mode: 'teams', locale: 'en-US', theme: 'light', userName: 'Aiko', ...(subPageId ? { subPageId } : {}) },
    getAuthToken: async () => 'token',
    onThemeChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { host, emit: (theme: ThemeName) => listeners.forEach((l) => l(theme)), listeners };
}

async function renderApp(host: TabHost, me: () => [number, unknown] = () => [200, ME]) {
  const ui = await prepareI18n(host.context.locale);
  const api = createApiClient({
    getAuthToken: () => host.getAuthToken(),
    language: ui.locale,
    baseUrl: 'http://tab.test',
    fetch: fakeFetch({ 'GET /api/me': me, 'GET /api/board': () => [200, BOARD] }, []),
  });
  return render(<App host={host} ui={ui} api={api} />);
}

/** The value the Fluent provider's style rules give a token right now. */
const tokenValue = (token: string) => {
  const css = [...document.querySelectorAll('style')]
    .map((s) => (s.textContent ?? '') + [...(s.sheet?.cssRules ?? [])].map((r) => r.cssText).join('\n'))
    .join('\n');
  const values = [...css.matchAll(new RegExp(`--${token}: ([^;]+);`, 'g'))].map((m) => m[1]);
  return values.at(-1);
};

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('tab shell', () => {
  it('follows Teams theme changes live', async () => {
    const { host, emit, listeners } = teamsHost();
    await renderApp(host);
    await screen.findByRole('heading', { level: 1 }, SLOW);
    expect(tokenValue('colorNeutralBackground1')).toBe(teamsLightTheme.colorNeutralBackground1);
    expect(listeners.size).toBe(1);
    act(() => emit('dark'));
    await waitFor(() => expect(tokenValue('colorNeutralBackground1')).toBe(teamsDarkTheme.colorNeutralBackground1), SLOW);
    act(() => emit('contrast'));
    await waitFor(() => expect(tokenValue('colorNeutralBackground1')).toBe(teamsHighContrastTheme.colorNeutralBackground1), SLOW);
    cleanup();
    expect(listeners.size).toBe(0);
  });

  it('opens the board item of a Teams deep link (subEntityId item:<id>)', async () => {
    window.location.hash = '#/board';
    const { host } = teamsHost('item:abc');
    await renderApp(host);
    await waitFor(() => expect(window.location.hash).toBe('#/board/item/abc'), SLOW);
  });

  it('the skip link moves focus to the page (the focus order itself is checked in Chromium, tests/e2e/board-share.test.ts)', async () => {
    const user = userEvent.setup();
    const { host } = teamsHost();
    await renderApp(host);
    await screen.findByRole('heading', { level: 1 }, SLOW);
    const skip = screen.getByText('Skip to content');
    expect(skip.compareDocumentPosition(screen.getByRole('navigation')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    skip.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement?.id).toBe('main');
    expect(window.location.hash).not.toBe('#main');
  });

  it('says why the tab could not open and opens it on "Try again"', async () => {
    const user = userEvent.setup();
    const { host } = teamsHost();
    let calls = 0;
    await renderApp(host, () => (++calls === 1 ? [503, { error: { code: 'unavailable', message: 'storage down' } }] : [200, ME]));
    const alert = await screen.findByTestId('app-load-error', undefined, SLOW);
    expect(alert.textContent).toContain('Could not open Advocacy Hub');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1 }, SLOW);
    expect(screen.queryByTestId('app-load-error')).toBeNull();
    expect(calls).toBe(2);
  });

  it('an unknown page and a page not for the role each say so, with the way back to the board', async () => {
    window.location.hash = '#/no-such-page';
    await renderApp(teamsHost().host);
    expect((await screen.findByRole('heading', { level: 1, name: 'Page not found' }, SLOW)).isConnected).toBe(true);
    expect(screen.getByRole('link', { name: 'Go to the board' }).getAttribute('href')).toBe('#/board');
    cleanup();
    window.location.hash = '#/admin';
    await renderApp(teamsHost().host);
    expect((await screen.findByTestId('gate-notAllowed', undefined, SLOW)).textContent).toContain('Not available for your role');
    expect(screen.getByRole('link', { name: 'Go to the board' }).getAttribute('href')).toBe('#/board');
  });
});
