/** What every page needs from the host: the API client, the UI locale, the host mode and user. */
import { createContext, useContext } from 'react';
import type { MeResponse } from '../../shared/contracts/me.js';
import type { Language } from '../../shared/domain/types.js';
import type { ApiClient } from '../api/client.js';
import type { HostContext } from '../teams/host.js';

export interface TabContextValue {
  api: ApiClient;
  host: HostContext;
  language: Language;
  /** Locale for `Intl` formatting. */
  locale: string;
  /** The caller (`GET /api/me`): id, name, roles and the pages they may open. */
  me: MeResponse;
}

const TabContext = createContext<TabContextValue | undefined>(undefined);

/** Provider set once by the app root. */
export const TabContextProvider = TabContext.Provider;

/** The tab context; throws if used outside the app root (a wiring bug, not a runtime state). */
export function useTabContext(): TabContextValue {
  const value = useContext(TabContext);
  if (!value) throw new Error('useTabContext outside TabContextProvider');
  return value;
}
