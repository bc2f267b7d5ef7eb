/**
 * The one place the tab talks to `@microsoft/teams-js`. Everything else sees a `TabHost`:
 * where it runs, the UI locale and theme, who the user is, and how to get an API token.
 *
 * Outside Teams (a browser tab, a browser test) `app.initialize()` rejects at once with "No
 * Parent window found", and inside an unrelated frame it could wait forever: a top-level window
 * is standalone without loading teams-js at all, and a framed one races `initialize()` with a
 * short timeout before falling back to standalone.
 */

/** Host theme names; Teams' `default` maps to `light`. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** What the tab knows about where it runs. */
export interface HostContext {
  mode: 'teams' | 'standalone';
  /** BCP-47 locale for UI strings and date formatting, e.g. `ja-JP`. */
  locale: string;
  theme: ThemeName;
  /** Entra object id and display name from Teams; absent standalone. */
  userId?: string;
  userName?: string;
  tenantId?: string;
  /** Teams deep-link sub page, e.g. a content id the board should open. */
  subPageId?: string;
  /** Standalone only: `?as=<employeeId>`, sent as `x-dev-user` so a tester can view as a seeded user. */
  devUser?: string;
}

/** The host as the rest of the tab uses it. */
export interface TabHost {
  context: HostContext;
  /** Teams SSO token for the tab API; `undefined` standalone (the server's dev identity applies). */
  getAuthToken(): Promise<string | undefined>;
  /** Subscribe to host theme changes; returns an unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
}

export interface InitTeamsOptions {
  /** How long to wait for Teams before going standalone (ms). */
  timeoutMs?: number;
  /** Page URL (defaults to `window.location.href`). */
  href?: string;
  /** Browser language (defaults to `navigator.language`). */
  browserLanguage?: string;
}

const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

/** Map a Teams theme string (`default`, `dark`, `contrast`, `glass`) to ours. */
export function toThemeName(theme: string | null | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/** Detect Teams, read its context, or fall back to standalone mode. Never rejects. */
export async function initTeams(options: InitTeamsOptions = {}): Promise<TabHost> {
  const url = new URL(options.href ?? window.location.href);
  const params = url.searchParams;
  const langOverride = params.get('lang') ?? undefined;
  const framed = isFramed();

  if (framed) {
    const teams = await connectToTeams(options.timeoutMs ?? 2500);
    if (teams) return teams(langOverride);
  }
  return standaloneHost(params, options.browserLanguage ?? navigator.language);
}

function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent makes `window.top` access throw: we are framed.
    return true;
  }
}

function standaloneHost(params: URLSearchParams, browserLanguage: string): TabHost {
  const themeParam = params.get('theme');
  const theme = THEMES.includes(themeParam as ThemeName) ? (themeParam as ThemeName) : 'light';
  const as = params.get('as')?.trim();
  return {
    context: {
      mode: 'standalone',
      locale: params.get('lang') || browserLanguage || 'en',
      theme,
      ...(as ? { devUser: as } : {}),
    },
    getAuthToken: () => Promise.resolve(undefined),
    onThemeChange: () => () => undefined,
  };
}

/**
 * Load teams-js lazily (it stays out of the first chunk) and initialise it, or give up after
 * `timeoutMs`. Resolves to a host factory taking the `?lang=` override, or `undefined`.
 */
async function connectToTeams(timeoutMs: number): Promise<((lang?: string) => TabHost) | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const attempt = (async () => {
      const teams = await import('@microsoft/teams-js');
      await teams.app.initialize();
      return teams;
    })();
    // If the timeout wins, a late rejection of `attempt` must not surface as unhandled.
    attempt.catch(() => undefined);
    const teams = await Promise.race([attempt, timeout]);
    if (!teams) return undefined;

    const ctx = await teams.app.getContext();
    const listeners = new Set<(theme: ThemeName) => void>();
    teams.app.registerOnThemeChangeHandler((theme) => {
      for (const listener of listeners) listener(toThemeName(theme));
    });
    void teams.app.notifySuccess();

    return (lang) => ({
      context: {
        mode: 'teams',
        locale: lang || ctx.app.locale || 'en',
        theme: toThemeName(ctx.app.theme),
        userId: ctx.user?.id,
        userName: ctx.user?.displayName,
        tenantId: ctx.user?.tenant?.id,
        subPageId: ctx.page.subPageId,
      },
      getAuthToken: () => teams.authentication.getAuthToken(),
      onThemeChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** What a configurable (channel) tab saves: the page it opens and its suggested name. */
export interface ChannelTabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
}

/**
 * On a configurable tab's configuration page (inside Teams only): save `config` when the person
 * selects Save, and enable Save now (`pages.config.registerOnSaveHandler`, `setConfig`,
 * `setValidityState`). Teams-js is already initialised by `initTeams` in Teams mode.
 */
export async function registerChannelTabConfig(config: ChannelTabConfig): Promise<void> {
  const teams = await import('@microsoft/teams-js');
  teams.pages.config.registerOnSaveHandler((saveEvent) => {
    teams.pages.config.setConfig(config).then(
      () => saveEvent.notifySuccess(),
      (err: unknown) => saveEvent.notifyFailure(err instanceof Error ? err.message : String(err)),
    );
  });
  teams.pages.config.setValidityState(true);
}
