import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-setup';

export interface BarSeries {
  name: string;
  values: number[];
  /** A line-like series drawn as markers (a target), not bars. */
  asTarget?: boolean;
}

/** A grouped bar chart: one group per category, one bar per series; percentages when `percent`. */
export function BarChart({
  categories,
  series,
  percent = false,
  label,
}: {
  categories: string[];
  series: BarSeries[];
  percent?: boolean;
  label: string;
}) {
  const format = (value: number) => (percent ? `${value.toFixed(1)}%` : String(value));
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => format(value) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: categories.length > 4 ? 20 : 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: percent ? undefined : 1,
      axisLabel: { formatter: percent ? '{value}%' : '{value}' },
    },
    series: series.map((one) =>
      one.asTarget
        ? {
            name: one.name,
            type: 'bar',
            data: one.values,
            barGap: '-100%',
            itemStyle: { color: 'transparent', borderColor: '#d4380d', borderWidth: 2, borderType: 'dashed' },
            z: 3,
          }
        : { name: one.name, type: 'bar', data: one.values },
    ),
  };
  return (
    <figure className="chart" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280 }} />
    </figure>
  );
}
