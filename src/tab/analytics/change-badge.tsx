/** A period-over-period change: up, down, flat, or no baseline, in words and colour. */
import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Formatters } from '../impact/format.js';

export function ChangeBadge({ change, format }: { change: number | null; format: Formatters }) {
  const { t } = useTranslation('analytics');
  if (change === null) return <Badge appearance="outline" color="informative">{t('analytics.kpi.noBaseline')}</Badge>;
  const value = `${format.number(Math.abs(change))}%`;
  if (change === 0) return <Badge appearance="outline" color="informative">{t('analytics.kpi.flat')}</Badge>;
  return (
    <Badge appearance="tint" color={change > 0 ? 'success' : 'danger'}>
      {change > 0 ? `▲ ${t('analytics.kpi.up', { value })}` : `▼ ${t('analytics.kpi.down', { value })}`}
    </Badge>
  );
}
