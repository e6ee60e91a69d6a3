// What the charts of organs share (工作台's results by organ, 汇总's 优秀 shares): the ECharts
// parts they use, registered once, and the x axis of organs — whole names for a few, slanted and
// cut for more, and a slider with the mouse wheel once there are more than fit.

import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** The category axis of `organs` and its scrolling when more than `inView` are drawn. */
export function organAxis(organs: string[], inView: number) {
  const many = organs.length > inView;
  return {
    many,
    dataZoom: many
      ? [
          {
            type: 'slider',
            xAxisIndex: 0,
            startValue: 0,
            endValue: inView - 1,
            height: 16,
            bottom: 8,
            zoomLock: true,
            brushSelect: false,
          },
          { type: 'inside', xAxisIndex: 0, zoomLock: true },
        ]
      : [],
    xAxis: {
      type: 'category',
      data: organs,
      // Few organs: whole names, broken over lines; many: slanted and cut to fit.
      axisLabel:
        organs.length > 4
          ? { interval: 0, rotate: 30, width: 96, overflow: 'truncate' }
          : { interval: 0, width: 110, overflow: 'break' },
    },
  };
}
