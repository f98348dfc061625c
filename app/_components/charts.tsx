"use client";

/**
 * Charts with chart.js (react-chartjs-2), coloured from the theme's CSS variables. Every chart
 * is decorative for assistive technology (aria-hidden): the table beside it carries the data.
 */
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useState } from "react";
import { Bar } from "react-chartjs-2";

ChartJS.register(
  CategoryScale,
  LinearScale,
  BarElement,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

/** The theme's chart colours (--smo-chart-1 …), read once the page is styled. */
export function useChartColours(count = 5): string[] {
  const [colours, setColours] = useState<string[]>(() => Array(count).fill("#14506e"));
  useEffect(() => {
    const style = getComputedStyle(document.body);
    setColours(
      Array.from(
        { length: count },
        (_, i) => style.getPropertyValue(`--smo-chart-${(i % 5) + 1}`).trim() || "#14506e",
      ),
    );
  }, [count]);
  return colours;
}

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
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}
