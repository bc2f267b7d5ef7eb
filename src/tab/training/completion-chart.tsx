/**
 * Completion per persona as a bar chart (`@fluentui/react-charts`), loaded with `React.lazy` by
 * `progress-panel.tsx` only, so the charting library is its own chunk.
 */
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';

export interface CompletionChartProps {
  bars: { label: string; percent: number; callout: string }[];
  title: string;
  legend: string;
  culture: string;
}

/** One bar per persona, 0-100 %. */
export default function CompletionChart({ bars, title, legend, culture }: CompletionChartProps) {
  // Figures read as percentages on the axis and above each bar ("40 %", not a bare "40").
  const percent = new Intl.NumberFormat(culture, { style: 'percent', maximumFractionDigits: 1 });
  const data: VerticalBarChartDataPoint[] = bars.map((b) => ({ x: b.label, y: b.percent, legend, xAxisCalloutData: b.label, yAxisCalloutData: b.callout, barLabel: percent.format(b.percent / 100) }));
  return (
    <VerticalBarChart
      data={data}
      chartTitle={title}
      height={240}
      culture={culture}
      useSingleColor
      colors={[tokens.colorBrandBackground]}
      hideLegend
      roundCorners
      yMaxValue={100}
      yAxisTickCount={5}
      yAxisTickFormat={(value: number) => percent.format(value / 100)}
      barWidth="auto"
      maxBarWidth={64}
      xAxisInnerPadding={0.4}
      xAxisOuterPadding={0.2}
      wrapXAxisLables
    />
  );
}
