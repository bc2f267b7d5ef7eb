/**
 * The persona chart (`@fluentui/react-charts` ScatterChart), loaded lazily: audience against
 * posts per month, leaders of the cohort in one colour and larger, everyone else in another.
 * The page shows the quadrants and a table of the leaders' points for screen readers.
 */
import { makeStyles } from '@fluentui/react-components';
import { DataVizPalette, getColorFromToken, ScatterChart, type ScatterChartPoints } from '@fluentui/react-charts';

const useStyles = makeStyles({
  // The chart library capitalises every legend word ("Leaders In The Cohort"); keep our wording.
  legend: { textTransform: 'none' },
});

export interface PersonaChartProps {
  title: string;
  leaders: { x: number; y: number; callout: string }[];
  others: { x: number; y: number }[];
  leadersLegend: string;
  othersLegend: string;
  xTitle: string;
  yTitle: string;
  culture: string;
  dark: boolean;
  /** Persona names for the corner labels: top-left, top-right, bottom-left, bottom-right. */
  quadrantLabels: [string, string, string, string];
}

export default function PersonaChart(props: PersonaChartProps) {
  const styles = useStyles();
  // The library pads the y domain below zero so markers at 0 are not clipped; a negative number of
  // posts per month means nothing, so those ticks stay unlabelled.
  const numbers = new Intl.NumberFormat(props.culture);
  const yTick = (value: number) => (value < 0 ? '' : numbers.format(value));
  const data: ScatterChartPoints[] = [
    { legend: props.othersLegend, color: getColorFromToken(DataVizPalette.color10, props.dark), data: props.others.map((p) => ({ x: p.x, y: p.y, markerSize: 4 })) },
    { legend: props.leadersLegend, color: getColorFromToken(DataVizPalette.color1, props.dark), data: props.leaders.map((p) => ({ x: p.x, y: p.y, markerSize: 9, xAxisCalloutData: p.callout })) },
  ];
  const corners: [number, number][] = [[0.03, 0.04], [0.97, 0.04], [0.03, 0.9], [0.97, 0.9]];
  const annotations = props.quadrantLabels.map((text, i) => ({
    id: `quadrant-${i}`,
    text,
    coordinates: { type: 'relative' as const, x: corners[i]![0], y: corners[i]![1] },
    layout: { align: i % 2 === 0 ? ('start' as const) : ('end' as const) },
  }));
  return (
    <ScatterChart
      data={{ chartTitle: props.title, scatterChartData: data }}
      height={340}
      culture={props.culture}
      xAxisTitle={props.xTitle}
      yAxisTitle={props.yTitle}
      xMinValue={0}
      yMinValue={0}
      annotations={annotations}
      yAxisTickFormat={yTick}
      legendProps={{ styles: { legend: styles.legend } }}
    />
  );
}
