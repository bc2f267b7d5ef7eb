/** Small shared pieces of Admin > Campaigns: the state badge, reason labels, the admin's time zone, window text. */
import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CampaignState } from '../../shared/domain/campaigns.js';
import { NOT_PLACED_REASONS } from '../../shared/contracts/campaigns.js';

const STATE_COLOR = { draft: 'informative', running: 'brand', paused: 'warning', cancelled: 'subtle', completed: 'success' } as const;

export function CampaignStateBadge({ state }: { state: CampaignState }) {
  const { t } = useTranslation('campaigns');
  return <Badge appearance="tint" color={STATE_COLOR[state]} data-testid={`campaign-state-${state}`}>{t(`admin.state.${state}`)}</Badge>;
}

/** The label of a not-placed reason in the UI language (an unknown reason is shown as given). */
export function useReasonLabel(): (reason: string) => string {
  const { t } = useTranslation('campaigns');
  return (reason) => ((NOT_PLACED_REASONS as readonly string[]).includes(reason) ? t(`admin.reason.${reason as (typeof NOT_PLACED_REASONS)[number]}`) : t('admin.reason.other', { reason }));
}

/** The browser's IANA time zone (the admin's), UTC when unknown. */
export function adminTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A window as "start – end" in the UI locale and the admin's zone. */
export function formatWindow(locale: string, window: { start: string; end: string }): string {
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return f.formatRange(new Date(window.start), new Date(window.end));
}
