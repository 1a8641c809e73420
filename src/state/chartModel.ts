/** One chart row: simulated seconds plus one number per series key. */
export type ChartRow = { t: number } & Record<string, number>;

/** A series of a chart: the row key and what the legend calls it. */
export interface SeriesDef {
  key: string;
  label: string;
}

/** A chart ready for recharts: its series and rows (one per history frame). */
export interface ChartModel {
  series: SeriesDef[];
  rows: ChartRow[];
  /** A stand-in drawn before any run (see idleCharts): its rows are not data. */
  idle?: boolean;
}
