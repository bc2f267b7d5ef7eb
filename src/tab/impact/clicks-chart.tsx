/**
 * The clicks bar chart (`@fluentui/react-charts`). Loaded with `React.lazy` by `clicks-panel.tsx`
 * only, so the charting library is its own chunk and no other page pays for it.
 */
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';

export interface ClicksChartProps {
  points: { label: string; callout: string; count: number }[];
  title: string;
  legend: string;
  culture: string;
}

/** One bar per bucket, in the theme's brand colour. */
export default function ClicksChart({ points, title, legend, culture }: ClicksChartProps) {
  const data: VerticalBarChartDataPoint[] = points.map((p) => ({ x: p.label, y: p.count, legend, xAxisCalloutData: p.callout }));
  const max = Math.max(4, ...points.map((p) => p.count));
  return (
    <VerticalBarChart
      data={data}
      chartTitle={title}
      height={240}
      culture={culture}
      useSingleColor
      colors={[tokens.colorBrandBackground]}
      hideLegend
      hideLabels
      roundCorners
      yMaxValue={max}
      yAxisTickCount={4}
      maxBarWidth={24}
      xAxisInnerPadding={points.length > 20 ? 0.4 : 0.5}
    />
  );
}
