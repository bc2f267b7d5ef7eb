/**
 * The stagger preview of a draft campaign: how many prompts are placed and how many people cannot
 * be, the chart of prompts per day by time of day (lazy Fluent chart, the same figures in a
 * visually hidden table), prompts per recipient time zone, and who cannot be placed and why.
 */
import { makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignPreviewView } from '../../shared/contracts/campaigns.js';
import { usePageStyles } from '../shell/page-layout.js';
import { useAdminStyles } from './admin-ui.js';
import { BAND_STARTS, previewDays, zonesByCount } from './campaign-preview-data.js';
import { useReasonLabel } from './campaign-ui.js';

const CampaignChart = lazy(() => import('./campaign-chart.js'));

const UNPLACED_SHOWN = 100;

const useStyles = makeStyles({
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  figure: { display: 'flex', flexDirection: 'column' },
  chart: { margin: 0, minHeight: '280px' },
  columns: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', alignItems: 'start' },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  block: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
});

export interface CampaignPreviewProps {
  preview: CampaignPreviewView;
  window: { start: string; end: string };
  /** Display names by employee id (people not in it are shown by id). */
  names: ReadonlyMap<string, string>;
  locale: string;
  timeZone: string;
  dark: boolean;
}

export function CampaignPreview({ preview, window, names, locale, timeZone, dark }: CampaignPreviewProps) {
  const { t } = useTranslation('campaigns');
  const styles = useStyles();
  const admin = useAdminStyles();
  const page = usePageStyles();
  const reasonLabel = useReasonLabel();
  const num = new Intl.NumberFormat(locale);
  const dayLabel = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const hourLabel = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const bandLabels = BAND_STARTS.map((from, i) => t('admin.preview.band', { from: hourLabel.format(Date.UTC(2026, 0, 1, from)), to: hourLabel.format(Date.UTC(2026, 0, 1, (BAND_STARTS[i + 1] ?? 24) % 24)) }));
  const days = previewDays(preview.perHour, window, timeZone).map((d) => ({ ...d, label: dayLabel.format(new Date(`${d.day}T00:00:00Z`)) }));
  const zones = zonesByCount(preview.perTimeZone);
  const unplaced = preview.notPlaced.slice(0, UNPLACED_SHOWN);

  return (
    <section className={admin.card} aria-labelledby="campaign-preview-title" data-testid="campaign-preview">
      <Text as="h3" id="campaign-preview-title" size={400} weight="semibold" className={admin.h2}>{t('admin.preview.title')}</Text>
      <Text className={admin.muted}>{t('admin.preview.intro', { zone: timeZone })}</Text>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <Text size={200} className={admin.muted}>{t('admin.preview.placed')}</Text>
          <Text size={600} weight="semibold" data-testid="preview-placed" data-value={preview.recipients}>{num.format(preview.recipients)}</Text>
        </div>
        <div className={styles.figure}>
          <Text size={200} className={admin.muted}>{t('admin.preview.notPlaced')}</Text>
          <Text size={600} weight="semibold" data-testid="preview-unplaced" data-value={preview.notPlaced.length}>{num.format(preview.notPlaced.length)}</Text>
        </div>
        <div className={styles.figure}>
          <Text size={200} className={admin.muted}>{t('admin.preview.maxPerSlot')}</Text>
          <Text size={600} weight="semibold" data-testid="preview-max-slot">{t('admin.preview.maxPerSlotValue', { value: num.format(preview.maxPerSlot) })}</Text>
        </div>
      </div>
      {preview.maxPerSlot > 1 && preview.bottleneck.people > 0 && preview.bottleneck.slots.length > 0 && <Text size={200} className={admin.muted}>{t('admin.preview.bottleneck', { people: num.format(preview.bottleneck.people), slots: num.format(preview.bottleneck.slots.length) })}</Text>}
      {preview.recipients === 0 ? (
        <Text weight="semibold" data-testid="preview-nobody">{t('admin.preview.nobody')}</Text>
      ) : (
        <>
          <Text as="h4" size={300} weight="semibold" className={admin.h2}>{t('admin.preview.chartTitle')}</Text>
          <figure className={styles.chart} data-testid="preview-chart">
            <Suspense fallback={<Spinner size="small" />}>
              <CampaignChart title={t('admin.preview.chartCaption')} days={days} bandLabels={bandLabels} culture={locale} dark={dark} />
            </Suspense>
          </figure>
          <div className={page.srOnly}>
            <table data-testid="preview-table">
              <caption>{t('admin.preview.chartCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.preview.day')}</th>
                  {bandLabels.map((b) => <th key={b} scope="col">{b}</th>)}
                  <th scope="col">{t('admin.preview.total')}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day} data-day={d.day}>
                    <th scope="row">{d.label}</th>
                    {d.bands.map((n, i) => <td key={i}>{num.format(n)}</td>)}
                    <td data-total={d.total}>{num.format(d.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className={styles.columns}>
        {zones.length > 0 && (
          <div>
            <Text as="h4" size={300} weight="semibold" className={styles.block}>{t('admin.preview.zones')}</Text>
            <Table size="small" aria-label={t('admin.preview.zones')} data-testid="preview-zones">
              <TableHeader><TableRow><TableHeaderCell>{t('admin.preview.zone')}</TableHeaderCell><TableHeaderCell className={styles.num}>{t('admin.preview.count')}</TableHeaderCell></TableRow></TableHeader>
              <TableBody>
                {zones.map((z) => <TableRow key={z.zone}><TableCell>{z.zone}</TableCell><TableCell className={styles.num}>{num.format(z.count)}</TableCell></TableRow>)}
              </TableBody>
            </Table>
          </div>
        )}
        <div>
          <Text as="h4" size={300} weight="semibold" className={styles.block}>{t('admin.preview.unplacedTitle')}</Text>
          {preview.notPlaced.length === 0 ? (
            <Text as="p" data-testid="preview-all-placed">{t('admin.preview.allPlaced')}</Text>
          ) : (
            <Table size="small" aria-label={t('admin.preview.unplacedTitle')} data-testid="preview-unplaced-list">
              <TableHeader><TableRow><TableHeaderCell>{t('admin.preview.person')}</TableHeaderCell><TableHeaderCell>{t('admin.preview.reason')}</TableHeaderCell></TableRow></TableHeader>
              <TableBody>
                {unplaced.map((u) => (
                  <TableRow key={`${u.employeeId}-${u.reason}`} data-testid={`unplaced-${u.employeeId}`}>
                    <TableCell>{names.get(u.employeeId) ?? u.employeeId}</TableCell>
                    <TableCell>{reasonLabel(u.reason)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {preview.notPlaced.length > UNPLACED_SHOWN && <Text className={admin.muted}>{t('admin.preview.moreUnplaced', { value: num.format(preview.notPlaced.length - UNPLACED_SHOWN) })}</Text>}
        </div>
      </div>
    </section>
  );
}
