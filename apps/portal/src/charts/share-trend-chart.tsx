import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-setup';

export interface ShareSeries {
  name: string;
  /** Percent per category; null where there was nothing to count (a gap, not a zero). */
  values: (number | null)[];
  /** The target, percent, drawn as a dashed line in the series' colour. */
  targetPercent: number;
}

/** Shares over months as lines, each with its target as a dashed line. */
export function ShareTrendChart({
  categories,
  series,
  label,
}: {
  categories: string[];
  series: ShareSeries[];
  label: string;
}) {
  const option = {
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`),
    },
    legend: { top: 0 },
    grid: { left: 48, right: 44, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((one) => ({
      name: one.name,
      type: 'line',
      data: one.values,
      connectNulls: false,
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        label: { formatter: `${one.targetPercent}%` },
        data: [{ yAxis: one.targetPercent }],
      },
    })),
  };
  return (
    <figure className="chart" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260 }} />
    </figure>
  );
}
