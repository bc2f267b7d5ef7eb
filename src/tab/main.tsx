/** Entry point: detect the host (Teams or standalone), bind i18n, then render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.js';
import { App } from './app/app.js';
import { prepareI18n } from './app/i18n.js';
import { initTeams } from './teams/host.js';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  const host = await initTeams();
  const ui = await prepareI18n(host.context.locale);
  const api = createApiClient({
    getAuthToken: () => host.getAuthToken(),
    language: ui.locale,
    ...(host.context.devUser ? { devUser: host.context.devUser } : {}),
  });
  document.title = ui.i18n.t('common:productName');
  createRoot(container).render(
    <StrictMode>
      <App host={host} ui={ui} api={api} />
    </StrictMode>,
  );
}

void start();
