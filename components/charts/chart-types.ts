// What a server page hands to a chart: plain rows of numbers and a series config, never functions.
export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string } & Record<string, number | string>;

/** How a table cell or an axis writes a number: a format key, since functions cannot cross to the client. */
export type ValueFormat = "usd" | "share" | "number" | "text";

/** A column of a chart's data table; a row without the key shows a dash (no value, e.g. no HHI in an empty year). */
export type ChartColumn = { key: string; label: string; format: ValueFormat };
