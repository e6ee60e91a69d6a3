// 汇总's chart: each organ's 优秀 share of its participants against the normal ratio, the
// organs above it first (what a 主管部门 looks at before approving them), in another colour.

import { i18n } from '../../i18n';
import type { Summary } from '../../api/types';
import { organAxis } from '../../charts/organs';

/**
 * Rows of a 汇总 table shown at once; more are paged. A city's 800 organs in one table would be
 * some 11,000 cells for the web view to build and lay out before the page shows anything; 20 rows
 * fill what the window shows below the chart (50 cost the 800 organs' page a quarter of a second
 * more to paint, bench-startup --section summary).
 */
export const ROWS_PER_PAGE = 20;

/** The rows on page `page` (counted from 1) of `rows`. */
export function pageOf<T>(rows: readonly T[], page: number, size: number = ROWS_PER_PAGE): T[] {
  return rows.slice((page - 1) * size, page * size);
}

/** Organs shown at once; more scroll (a city's 800 organs). */
export const ORGANS_IN_VIEW = 15;

/** The organs by their 优秀 share, highest first (ties in the summary's order). */
export function byExcellentShare(s: Summary): Summary['organs'] {
  return [...s.organs].sort((a, b) => b.excellent_percent - a.excellent_percent);
}

/** The ECharts option of the chart: a bar per organ, the normal ratio as a line across. */
export function excellentChartOption(s: Summary) {
  const organs = byExcellentShare(s);
  const axis = organAxis(
    organs.map((o) => o.organ),
    ORGANS_IN_VIEW,
  );
  const over = '#c0392b';
  const within = '#2e86c1';
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    grid: { left: 8, right: 24, top: 36, bottom: axis.many ? 40 : 8, containLabel: true },
    dataZoom: axis.dataZoom,
    xAxis: axis.xAxis,
    yAxis: { type: 'value', name: i18n.global.t('summaryPage.chart.axis'), axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: i18n.global.t('summaryPage.chart.series'),
        type: 'bar',
        barMaxWidth: 48,
        data: organs.map((o) => ({
          value: o.excellent_percent,
          itemStyle: { color: o.excellent_percent > s.normal_ratio ? over : within },
        })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: over, type: 'dashed' },
          // Above the line at its right end, inside the chart (past the end it is cut off).
          label: {
            position: 'insideEndTop',
            formatter: i18n.global.t('summaryPage.chart.normal', { percent: s.normal_ratio }),
          },
          data: [{ yAxis: s.normal_ratio }],
        },
      },
    ],
  };
}
