// @vitest-environment happy-dom
/**
 * Admin > Settings, AI writing help: the switch explains what it does, and warns when the
 * deployment has no model (AZURE_OPENAI_* unset), also after a save; in Japanese too.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminSettings } from '../../src/shared/contracts/admin.js';
import { en as adminEn } from '../../src/shared/i18n/catalogs/admin/en.js';
import { ja as adminJa } from '../../src/shared/i18n/catalogs/admin/ja.js';
import { SettingsSection } from '../../src/tab/admin/settings-section.js';
import { renderInTab, type FakeRoutes } from './support.js';

const SLOW = { timeout: 10_000 };

const settings = (aiModelConfigured: boolean | undefined): AdminSettings => ({
  quietHours: { start: 20, end: 8 },
  weeklyPromptCap: 3,
  defaultWorkingDays: [1, 2, 3, 4, 5],
  disclosureLine: 'I work at Contoso. #employee',
  blockedPhrases: [],
  aiHelp: false,
  webhookSecretSet: false,
  ...(aiModelConfigured !== undefined ? { aiModelConfigured } : {}),
});

function routes(initial: AdminSettings): FakeRoutes {
  return {
    'GET /api/admin/settings': () => [200, initial],
    // The save answers the settings without the model flag, as the API's PUT does.
    'PUT /api/admin/settings': (body) => {
      const { aiModelConfigured: _m, ...rest } = initial;
      return [200, { ...rest, ...(body as object) }];
    },
  };
}

afterEach(() => cleanup());

describe('Admin > Settings: AI writing help', () => {
  it('warns that no model is configured, and still does after saving the switch on', async () => {
    const user = userEvent.setup();
    const { seen } = await renderInTab(<SettingsSection />, routes(settings(false)));
    await screen.findByText(adminEn.settings.aiNoModel, {}, SLOW);
    expect(screen.getByText(adminEn.settings.aiHelpHint)).toBeTruthy();
    await user.click(screen.getByRole('switch', { name: adminEn.settings.aiHelp }));
    await user.click(screen.getByTestId('settings-save'));
    await screen.findByText(adminEn.common.saved, {}, SLOW);
    expect((seen.find((r) => r.method === 'PUT')?.body as { aiHelp: boolean }).aiHelp).toBe(true);
    expect(screen.getByText(adminEn.settings.aiNoModel)).toBeTruthy();
  });

  it('shows no warning when a model is configured', async () => {
    await renderInTab(<SettingsSection />, routes(settings(true)));
    await screen.findByText(adminEn.settings.aiHelpHint, {}, SLOW);
    expect(screen.queryByText(adminEn.settings.aiNoModel)).toBeNull();
  });

  it('says it in Japanese', async () => {
    await renderInTab(<SettingsSection />, routes(settings(false)), 'ja');
    await waitFor(() => expect(screen.getByText(adminJa.settings.aiNoModel)).toBeTruthy(), SLOW);
  });
});
