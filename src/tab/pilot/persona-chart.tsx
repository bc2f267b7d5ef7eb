/**
 * The persona chart (`@fluentui/react-charts` ScatterChart), loaded lazily: audience against
 * posts per month, leaders of the cohort in one colour and larger, everyone else in another.
 * The page shows the quadrants and a table of the leaders' points for screen readers.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { DataVizPalette, getColorFromToken, ScatterChart, type ChartAnnotation, type ChartAnnotationConnectorProps, type ScatterChartPoints } from '@fluentui/react-charts';

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
  /** Where the quadrants split (audience, posts per month), with their labels for the lines. */
  split: { x: number; y: number; xLabel: string; yLabel: string; description: string };
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
  const corners: [number, number][] = [[0, 0.04], [0.97, 0.04], [0, 0.9], [0.97, 0.9]];
  // The left-hand labels start 44 px in, clear of the audience split's label at the top left.
  const annotations: ChartAnnotation[] = props.quadrantLabels.map((text, i) => ({
    id: `quadrant-${i}`,
    text,
    coordinates: { type: 'relative' as const, x: corners[i]![0], y: corners[i]![1] },
    layout: i % 2 === 0 ? { align: 'start' as const, offsetX: 44 } : { align: 'end' as const },
  }));
  // The split lines: a label pushed far past the plot is clamped to its edge, and its connector
  // runs from there to an anchor on the opposite edge, i.e. across the whole plot at the split.
  const line: ChartAnnotationConnectorProps = { strokeColor: tokens.colorNeutralForeground3, strokeWidth: 1, dashArray: '4 4', arrow: 'none', startPadding: 0, endPadding: 0 };
  const splitStyle = { textColor: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground1, fontSize: tokens.fontSizeBase100 };
  annotations.push(
    {
      id: 'split-audience',
      text: props.split.xLabel,
      coordinates: { type: 'mixed', xCoordinateType: 'data', yCoordinateType: 'relative', x: props.split.x, y: 1 },
      layout: { align: 'center', offsetY: -10_000 },
      connector: line,
      style: splitStyle,
      accessibility: { ariaLabel: props.split.description },
    },
    {
      id: 'split-posts',
      text: props.split.yLabel,
      coordinates: { type: 'mixed', xCoordinateType: 'relative', yCoordinateType: 'data', x: 0, y: props.split.y },
      layout: { align: 'end', verticalAlign: 'middle', offsetX: 10_000 },
      connector: line,
      style: splitStyle,
      accessibility: { ariaLabel: props.split.description },
    },
  );
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
