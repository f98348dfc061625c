"use client";

/**
 * The charts of the scope dashboards and the OOGO report: medians with their spread as bands,
 * stacked bars, bars with a line, and collaboration against outcomes as points. Like the
 * partnership charts (../_components/charts.tsx) they are hidden from assistive technology;
 * the table beside each carries its data.
 */
import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { Bar, Chart, Line, Scatter } from "react-chartjs-2";
import {
  barData,
  base,
  categoryTicks,
  type LinesOver,
  lineLook,
  type Series,
  useChartColours,
} from "@/app/_components/charts";
import { intlLocale } from "@/i18n/locales";

/** A theme colour (#rrggbb) made transparent, for bands behind a line. */
function transparent(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number.parseInt(x ?? "0", 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Theme colours by variable name (e.g. "--smo-color-ok"), read once the page is styled. */
export function useThemeColours(names: readonly string[]): string[] {
  const key = names.join(" ");
  const [colours, setColours] = useState<string[]>(() => names.map(() => "#14506e"));
  useEffect(() => {
    const style = getComputedStyle(document.body);
    setColours(key.split(" ").map((n) => style.getPropertyValue(n).trim() || "#14506e"));
  }, [key]);
  return colours;
}

export type BandSeries = {
  label: string;
  median: (number | null)[];
  q1: (number | null)[];
  q3: (number | null)[];
};

/**
 * Medians over categories (quarters) with the interquartile range as a band behind each line:
 * the middle half of the partnerships lies in the band.
 */
export function BandLineChart({ labels, series, min = 1, max = 5 }: LinesOver<BandSeries>) {
  const colours = useChartColours(series.length);
  return (
    <div className="smo-chart smo-chart--wide" aria-hidden="true">
      <Line
        data={{
          labels,
          datasets: series.flatMap((s, i) => {
            const colour = colours[i] ?? "#14506e";
            // The band: from Q3 down to Q1 (the next dataset); labels ending in a space stay out
            // of the legend.
            return [
              {
                label: `${s.label} Q3 `,
                data: s.q3,
                borderWidth: 0,
                pointRadius: 0,
                fill: "+1",
                backgroundColor: transparent(colour, 0.14),
              },
              { label: `${s.label} Q1 `, data: s.q1, borderWidth: 0, pointRadius: 0, fill: false },
              {
                label: s.label,
                data: s.median,
                borderColor: colour,
                backgroundColor: colour,
                borderWidth: 2,
                ...lineLook(i),
                fill: false,
              },
            ];
          }),
        }}
        options={{
          ...base,
          scales: {
            x: { ticks: categoryTicks },
            y: { min, max, ticks: { stepSize: max - min <= 5 ? 1 : undefined } },
          },
          plugins: {
            legend: { position: "bottom", labels: { filter: (item) => !item.text.endsWith(" ") } },
            tooltip: { filter: (item) => !item.dataset.label?.endsWith(" ") },
          },
        }}
      />
    </div>
  );
}

/** Bars stacked per category (e.g. goals by status per quarter), in the colours given. */
export function StackedBarChart({
  labels,
  series,
  colourVars,
}: {
  labels: string[];
  series: Series[];
  /** One theme variable per series. */
  colourVars: readonly string[];
}) {
  const colours = useThemeColours(colourVars);
  return (
    <div className="smo-chart smo-chart--wide" aria-hidden="true">
      <Bar
        data={barData(labels, series, colours)}
        options={{
          ...base,
          scales: {
            x: { stacked: true },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}

/** Counts as bars on the left axis and a measure as a line on the right (e.g. cases and GAS). */
export function BarLineChart({
  labels,
  bars,
  line,
  lineMin,
  lineMax,
}: {
  labels: string[];
  bars: Series;
  line: Series;
  lineMin: number;
  lineMax: number;
}) {
  const [barColour, lineColour] = useChartColours(2);
  return (
    <div className="smo-chart smo-chart--wide" aria-hidden="true">
      <Chart
        type="bar"
        data={{
          labels,
          datasets: [
            {
              type: "line" as const,
              label: line.label,
              data: line.values,
              borderColor: lineColour,
              backgroundColor: lineColour,
              borderWidth: 3,
              pointRadius: 4,
              spanGaps: true,
              yAxisID: "y1",
            },
            {
              type: "bar" as const,
              label: bars.label,
              data: bars.values,
              backgroundColor: barColour,
              yAxisID: "y",
            },
          ],
        }}
        options={{
          ...base,
          scales: {
            y: {
              beginAtZero: true,
              position: "left",
              ticks: { precision: 0 },
              title: { display: true, text: bars.label },
            },
            y1: {
              min: lineMin,
              max: lineMax,
              position: "right",
              grid: { drawOnChartArea: false },
              title: { display: true, text: line.label },
            },
          },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}

/**
 * Points on two linear axes (e.g. one per partnership: collaboration index against an outcome),
 * unlabelled. `yPercent`: the values are shares from 0 to 1, shown as percentages.
 */
export function ScatterChart({
  points,
  xLabel,
  yLabel,
  xMin,
  xMax,
  yMin,
  yMax,
  yPercent = false,
}: {
  points: { x: number; y: number }[];
  xLabel: string;
  yLabel: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  yPercent?: boolean;
}) {
  const locale = useLocale();
  const [colour] = useChartColours(1);
  const percent = new Intl.NumberFormat(intlLocale(locale), {
    style: "percent",
    maximumFractionDigits: 0,
  });
  return (
    <div className="smo-chart" aria-hidden="true">
      <Scatter
        data={{
          datasets: [
            {
              label: yLabel,
              data: points,
              backgroundColor: transparent(colour ?? "#14506e", 0.7),
              borderColor: colour,
              pointRadius: 5,
            },
          ],
        }}
        options={{
          ...base,
          scales: {
            x: { min: xMin, max: xMax, title: { display: true, text: xLabel } },
            y: {
              min: yMin,
              max: yMax,
              title: { display: true, text: yLabel },
              ticks: yPercent ? { callback: (v) => percent.format(Number(v)) } : {},
            },
          },
          plugins: { legend: { display: false } },
        }}
      />
    </div>
  );
}
