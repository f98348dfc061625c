"use client";

/**
 * Charts with chart.js (react-chartjs-2), coloured from the theme's CSS variables. Every chart
 * is hidden from assistive technology (aria-hidden): the table beside it carries the data.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from "chart.js";
import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { Bar, Line } from "react-chartjs-2";
import { intlLocale } from "@/i18n/locales";

ChartJS.register(
  CategoryScale,
  LinearScale,
  BarElement,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  Filler,
  // Bars and a line in one chart, and points on two linear axes.
  BarController,
  LineController,
  ScatterController,
);

// Ticks and legends in the page's text colour at a readable size, not chart.js's small grey;
// legends show each series' marker, so a line is told apart by its shape as well as its colour.
ChartJS.defaults.color = "#1a1a1a";
ChartJS.defaults.font.size = 14;
ChartJS.defaults.plugins.legend.labels.usePointStyle = true;
ChartJS.defaults.plugins.legend.labels.padding = 16;
// What a chart draws, on its canvas: its series, and the angle of its category labels. The e2e
// suite reads them (a canvas has no text to read) to find that the series one chose are drawn
// and that the dates under a chart stay upright, so none is cut off on a phone.
ChartJS.register({
  id: "smo-shown-labels",
  afterLayout(chart) {
    chart.canvas.dataset.series = JSON.stringify(chart.data.datasets.map((d) => d.label));
    const x = chart.scales.x;
    if (x?.type !== "category") return;
    chart.canvas.dataset.xRotation = String(x.labelRotation);
  },
});

/** How many colours the theme has for charts (--smo-chart-1 … -6). */
const THEME_COLOURS = 6;
const MARKERS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"] as const;

/**
 * The look of the i-th line beside its colour: its own marker, and from the seventh line on
 * (when colours and markers come round again) its own dashes.
 */
export function lineLook(i: number) {
  return {
    pointStyle: MARKERS[i % MARKERS.length],
    pointRadius: 5,
    pointHoverRadius: 7,
    borderDash:
      i < THEME_COLOURS
        ? undefined
        : [
            [6, 4],
            [2, 3],
            [10, 3],
          ][Math.floor(i / THEME_COLOURS) % 3],
  };
}

/** Dates under a chart stay whole on a phone: fewer of them, upright, never cut. */
export const categoryTicks = { autoSkip: true, autoSkipPadding: 12, maxRotation: 0 } as const;

/** The theme's chart colours (--smo-chart-1 …), read once the page is styled. */
export function useChartColours(count = 5): string[] {
  const [colours, setColours] = useState<string[]>(() => Array(count).fill("#14506e"));
  useEffect(() => {
    const style = getComputedStyle(document.body);
    setColours(
      Array.from(
        { length: count },
        (_, i) =>
          style.getPropertyValue(`--smo-chart-${(i % THEME_COLOURS) + 1}`).trim() || "#14506e",
      ),
    );
  }, [count]);
  return colours;
}

export const base = { maintainAspectRatio: false, animation: false } as const;

export function BarChart({
  labels,
  values,
  label,
}: {
  labels: string[];
  values: number[];
  label: string;
}) {
  const [colour] = useChartColours(1);
  return (
    <div className="smo-chart" aria-hidden="true">
      <Bar
        data={{ labels, datasets: [{ label, data: values, backgroundColor: colour }] }}
        options={{
          ...base,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}

export type Series = { label: string; values: (number | null)[] };

/** Lines over categories on a scale from `min` to `max`. */
export type LinesOver<S> = { labels: string[]; series: S[]; min?: number; max?: number };

/** Lines over categories (e.g. sessions), on the instrument's 1–5 scale unless told otherwise. */
export function LineChart({ labels, series, min = 1, max = 5 }: LinesOver<Series>) {
  const colours = useChartColours(series.length);
  return (
    <div className="smo-chart smo-chart--wide" aria-hidden="true">
      <Line
        data={{
          labels,
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.values,
            borderColor: colours[i],
            backgroundColor: colours[i],
            borderWidth: i === 0 ? 3 : 2,
            spanGaps: true,
            ...lineLook(i),
          })),
        }}
        options={{
          ...base,
          scales: {
            x: { ticks: categoryTicks },
            y: { min, max, ticks: { stepSize: max - min <= 5 ? 1 : undefined } },
          },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}

/** One bar dataset per series, in the colours given. */
export const barData = (labels: string[], series: Series[], colours: string[]) => ({
  labels,
  datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colours[i] })),
});

/** Bars per category for two or more series (e.g. latest against previous session per factor). */
export function GroupedBarChart({
  labels,
  series,
  min = 0,
  max = 5,
}: {
  labels: string[];
  series: Series[];
  min?: number;
  max?: number;
}) {
  const colours = useChartColours(series.length);
  return (
    <div className="smo-chart smo-chart--wide" aria-hidden="true">
      <Bar
        data={barData(labels, series, colours)}
        options={{
          ...base,
          scales: { y: { min, max, ticks: { stepSize: 1 } } },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}

type DatedValue = { date: string; value: number };

/**
 * A goal's curve: measurements against the expected straight path from baseline to target,
 * with a tolerance band around that path, and the least-squares forecast to the target date.
 */
export function GoalChart({
  measurements,
  baseline,
  target,
  forecast,
  tolerance,
  labels,
}: {
  measurements: DatedValue[];
  baseline: DatedValue;
  target: DatedValue;
  forecast: DatedValue | null;
  /** Half the band's width, in the indicator's unit. */
  tolerance: number;
  labels: { measured: string; expected: string; band: string; forecast: string };
}) {
  const locale = useLocale();
  const [measured, expected, predicted] = useChartColours(3);
  const x = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const path = [baseline, target].map((p) => ({ x: x(p.date), y: p.value }));
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const last = measurements.at(-1);
  return (
    <div className="smo-chart smo-chart--wide" aria-hidden="true">
      <Line
        data={{
          datasets: [
            {
              label: labels.band,
              data: path.map((p) => ({ x: p.x, y: p.y + tolerance })),
              borderWidth: 0,
              pointRadius: 0,
              fill: "+1",
              backgroundColor: "rgba(30, 107, 52, 0.12)",
            },
            {
              label: `${labels.band} `,
              data: path.map((p) => ({ x: p.x, y: p.y - tolerance })),
              borderWidth: 0,
              pointRadius: 0,
            },
            {
              label: labels.expected,
              data: path,
              borderColor: expected,
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 4,
            },
            {
              label: labels.measured,
              data: measurements.map((m) => ({ x: x(m.date), y: m.value })),
              borderColor: measured,
              backgroundColor: measured,
              borderWidth: 3,
              pointRadius: 4,
            },
            ...(forecast && last
              ? [
                  {
                    label: labels.forecast,
                    data: [
                      { x: x(last.date), y: last.value },
                      { x: x(forecast.date), y: forecast.value },
                    ],
                    borderColor: predicted,
                    borderDash: [2, 4],
                    borderWidth: 2,
                    pointRadius: 0,
                  },
                ]
              : []),
          ],
        }}
        options={{
          ...base,
          parsing: false,
          scales: {
            x: { type: "linear", ticks: { callback: (v) => format.format(new Date(Number(v))) } },
          },
          plugins: {
            legend: { position: "bottom", labels: { filter: (item) => !item.text.endsWith(" ") } },
            tooltip: {
              callbacks: { title: (items) => format.format(new Date(Number(items[0]?.parsed.x))) },
            },
          },
        }}
      />
    </div>
  );
}
