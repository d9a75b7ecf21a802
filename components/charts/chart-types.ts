// What a server page hands to a chart: plain rows of numbers and a series config, never functions.
export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string } & Record<string, number | string>;
