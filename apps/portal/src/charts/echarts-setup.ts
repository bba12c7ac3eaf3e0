import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the portal draws (bar charts, the grid map), so the bundle does not carry all of ECharts.
echarts.use([BarChart, MapChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
