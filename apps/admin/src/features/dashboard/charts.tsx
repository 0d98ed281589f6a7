import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';

ChartJS.register(
  CategoryScale,
  LinearScale,
  PointElement,
  LineElement,
  BarElement,
  Filler,
  Tooltip,
  Legend,
);
// Hindi labels need the bundled Devanagari face; canvas text does not inherit the page's CSS.
ChartJS.defaults.font.family =
  "ui-sans-serif, system-ui, 'Segoe UI', Roboto, 'Noto Sans Devanagari', sans-serif";
ChartJS.defaults.color = '#475569';

export const palette = {
  teal: '#0f766e',
  sky: '#0284c7',
  amber: '#d97706',
  red: '#dc2626',
  violet: '#7c3aed',
};

const base = {
  responsive: true,
  maintainAspectRatio: false,
  // Figures, not a show: no motion (and screenshots show the final chart).
  animation: false,
  interaction: { mode: 'index', intersect: false },
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
  scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
} as const;

/** `null` is a gap: a period with nothing to measure. */
type Series = { label: string; data: (number | null)[]; color: string };

/**
 * A chart with a text alternative: canvas pixels say nothing to a screen reader, so the
 * canvas is an image named by its summary.
 */
export const LineChart = ({
  labels,
  series,
  summary,
  stacked = false,
}: {
  labels: string[];
  series: Series[];
  summary: string;
  stacked?: boolean;
}) => {
  const data: ChartData<'line'> = {
    labels,
    datasets: series.map(({ label, data: values, color }) => ({
      label,
      data: values,
      borderColor: color,
      backgroundColor: `${color}22`,
      fill: stacked,
      tension: 0.25,
      pointRadius: labels.length > 40 ? 0 : 2,
    })),
  };
  const options: ChartOptions<'line'> = {
    ...base,
    scales: { y: { ...base.scales.y, stacked } },
  };
  return (
    <div className="h-64">
      <Line data={data} options={options} role="img" aria-label={summary} />
    </div>
  );
};

export const BarChart = ({
  labels,
  series,
  summary,
  stacked = false,
  horizontal = false,
}: {
  labels: string[];
  series: Series[];
  summary: string;
  stacked?: boolean;
  horizontal?: boolean;
}) => {
  const data: ChartData<'bar'> = {
    labels,
    datasets: series.map(({ label, data: values, color }) => ({
      label,
      data: values,
      backgroundColor: color,
      borderRadius: 4,
      maxBarThickness: 28,
    })),
  };
  const valueAxis = { beginAtZero: true, stacked, ticks: { precision: 0 } };
  const options: ChartOptions<'bar'> = {
    ...base,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: series.length > 1, position: 'bottom' } },
    scales: horizontal ? { x: valueAxis, y: { stacked } } : { x: { stacked }, y: valueAxis },
  };
  return (
    <div className="h-64">
      <Bar data={data} options={options} role="img" aria-label={summary} />
    </div>
  );
};
