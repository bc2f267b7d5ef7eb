/**
 * The Analytics page's charts (`@fluentui/react-charts`), loaded lazily so only this page pays
 * for the charting library: clicks per weekday (this period and the one before) and the daily
 * trend of clicks and shares. The page shows the same figures in tables for screen readers.
 */
import { DataVizPalette, getColorFromToken, GroupedVerticalBarChart, LineChart, type GroupedVerticalBarChartData, type LineChartPoints } from '@fluentui/react-charts';

export interface WeekdayChartProps {
  kind: 'weekdays';
  title: string;
  groups: { label: string; current: number; previous: number }[];
  currentLegend: string;
  previousLegend: string;
  culture: string;
  dark: boolean;
}

export interface TrendChartProps {
  kind: 'trend';
  title: string;
  series: { legend: string; points: { day: string; value: number }[] }[];
  culture: string;
  dark: boolean;
}

export default function AnalyticsChart(props: WeekdayChartProps | TrendChartProps) {
  const colors = [getColorFromToken(DataVizPalette.color1, props.dark), getColorFromToken(DataVizPalette.color3, props.dark)];
  if (props.kind === 'weekdays') {
    const data: GroupedVerticalBarChartData[] = props.groups.map((g) => ({
      name: g.label,
      series: [
        { key: 'current', data: g.current, legend: props.currentLegend, color: colors[0] },
        { key: 'previous', data: g.previous, legend: props.previousLegend, color: colors[1] },
      ],
    }));
    return <GroupedVerticalBarChart data={data} chartTitle={props.title} height={260} culture={props.culture} hideLabels barWidth="auto" maxBarWidth={28} />;
  }
  const lineChartData: LineChartPoints[] = props.series.map((s, i) => ({
    legend: s.legend,
    color: colors[i % colors.length],
    data: s.points.map((p) => ({ x: new Date(`${p.day}T00:00:00.000Z`), y: p.value })),
  }));
  const days = (props.series[0]?.points ?? []).map((p) => p.day);
  const dayLabel = new Intl.DateTimeFormat(props.culture, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return <LineChart data={{ chartTitle: props.title, lineChartData }} height={260} culture={props.culture} tickValues={trendTicks(days)} customDateTimeFormatter={(d) => dayLabel.format(d)} />;
}

/**
 * A few x-axis ticks whatever the period (the library's own choice ran weekly labels into each
 * other in Japanese): month starts over a quarter, every seventh day over a month, every day
 * over a week.
 */
export function trendTicks(days: readonly string[]): Date[] {
  const picked = days.length > 45 ? days.filter((d) => d.endsWith('-01')) : days.length > 10 ? days.filter((_d, i) => i % 7 === 0) : days;
  return (picked.length > 0 ? picked : days.slice(0, 1)).map((d) => new Date(`${d}T00:00:00.000Z`));
}
