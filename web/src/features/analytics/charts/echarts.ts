import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';

/**
 * Only the parts of ECharts the analytics draw (tree-shaken: `echarts/core` plus these), with the SVG renderer:
 * crisp at any zoom, and its shapes are elements a test can find and click.
 */
use([SVGRenderer, BarChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, TooltipComponent, LabelLayout]);
