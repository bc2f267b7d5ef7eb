/**
 * The stagger preview's chart (`@fluentui/react-charts`, loaded lazily so only this view pays for
 * the charting library): prompts per local day, stacked by six-hour band of local time. The
 * preview shows the same figures in a visually hidden table for screen readers.
 */
import { DataVizPalette, getColorFromToken, VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';

export interface CampaignChartProps {
  title: string;
  /** One bar per day: its label and the prompts per band. */
  days: { label: string; bands: number[] }[];
  /** One legend per band. */
  bandLabels: string[];
  culture: string;
  dark: boolean;
}

const BAND_COLORS = [DataVizPalette.color5, DataVizPalette.color1, DataVizPalette.color3, DataVizPalette.color7];

export default function CampaignChart({ title, days, bandLabels, culture, dark }: CampaignChartProps) {
  const colors = BAND_COLORS.map((c) => getColorFromToken(c, dark));
  const data: VerticalStackedChartProps[] = days.map((d) => ({
    xAxisPoint: d.label,
    chartData: d.bands.map((n, i) => ({ legend: bandLabels[i] ?? String(i), data: n, color: colors[i % colors.length] })),
  }));
  return <VerticalStackedBarChart data={data} chartTitle={title} height={280} culture={culture} hideLabels barWidth="auto" maxBarWidth={40} yMinValue={0} />;
}
