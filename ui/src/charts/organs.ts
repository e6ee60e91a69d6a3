// What the charts of organs share (工作台's results by organ, 汇总's 优秀 shares): the ECharts
// parts they use, registered once, drawn in SVG, and the x axis of organs — whole names for a few, slanted and
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
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * How the charts are drawn: SVG, not a canvas. In the desktop's web view a canvas costs several
 * hundred milliseconds to paint at first (measured on the 汇总 page of 800 organs: 1.44 s from the
 * answer to the page painted with a canvas, 0.95 s with SVG); a few dozen bars in view are few
 * elements for SVG.
 */
export const CHART_INIT = { renderer: 'svg' } as const;

/** Characters of an organ's name shown under a slanted bar; a longer name ends in 「…」. */
export const LABEL_CHARACTERS = 8;

/** `name` cut to `LABEL_CHARACTERS` characters (counted as characters, not UTF-16 units). */
export function cutName(name: string): string {
  const chars = [...name];
  return chars.length > LABEL_CHARACTERS ? `${chars.slice(0, LABEL_CHARACTERS - 1).join('')}…` : name;
}

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
      // Few organs: whole names, broken over lines; many: slanted and cut to fit by characters.
      // (ECharts' own `overflow: 'truncate'` measures every label's text, all 800 of a city's
      // organs, not only those in view: a second and more in the web view.) The tooltip and the
      // tables keep the whole name.
      axisLabel:
        organs.length > 4
          ? { interval: 0, rotate: 30, formatter: (name: string) => cutName(name) }
          : { interval: 0, width: 110, overflow: 'break' },
    },
  };
}
