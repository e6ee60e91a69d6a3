import { describe, expect, it } from 'vitest';
import { byExcellentShare, excellentChartOption, ORGANS_IN_VIEW } from './data';
import { threeOrgans } from './fixture';
import { cutName, LABEL_CHARACTERS } from '../../charts/organs';

describe('汇总 chart', () => {
  it("draws each organ's 优秀 share, highest first, against the normal ratio", () => {
    const option = excellentChartOption(threeOrgans);
    // 某市财政局 3 of 15 (20%), 某县人力资源和社会保障局 1 of 10 (10%), 某县市场监督管理局 0 of 10.
    expect(option.xAxis.data).toEqual(['某市财政局', '某县人力资源和社会保障局', '某县市场监督管理局']);
    const bars = option.series[0]!;
    expect(bars.data.map((d) => d.value)).toEqual([20, 10, 0]);
    // At the normal ratio is not above it: every bar in the ordinary colour.
    expect(new Set(bars.data.map((d) => d.itemStyle.color)).size).toBe(1);
    expect(bars.markLine.data).toEqual([{ yAxis: 20 }]);
    expect(bars.markLine.label.formatter).toBe('正常比例 20%');
    expect(option.dataZoom).toEqual([]);
  });

  it('marks the organs above the normal ratio and scrolls when there are many', () => {
    const organs = Array.from({ length: ORGANS_IN_VIEW + 5 }, (_, i) => ({
      ...threeOrgans.organs[0]!,
      organ: `单位${i}`,
      excellent_percent: i === 7 ? 30 : 10,
    }));
    const option = excellentChartOption({ ...threeOrgans, organs });
    expect(byExcellentShare({ ...threeOrgans, organs })[0]!.organ).toBe('单位7');
    const colors = option.series[0]!.data.map((d) => d.itemStyle.color);
    expect(colors[0]).not.toBe(colors[1]);
    expect(new Set(colors.slice(1)).size).toBe(1);
    expect(option.dataZoom).toHaveLength(2);
    expect(option.dataZoom[0]!.endValue).toBe(ORGANS_IN_VIEW - 1);
  });

  it("cuts many organs' names by characters, without measuring the text of each", () => {
    const organs = Array.from({ length: ORGANS_IN_VIEW + 5 }, (_, i) => ({
      ...threeOrgans.organs[0]!,
      organ: i === 0 ? '某县人力资源和社会保障局' : `单位${i}`,
    }));
    const label = excellentChartOption({ ...threeOrgans, organs }).xAxis.axisLabel;
    // ECharts' own truncation would measure all the names, in view or not.
    expect(label).not.toHaveProperty('overflow');
    const cut = (label as { formatter: (name: string) => string }).formatter;
    expect(cut('某县人力资源和社会保障局')).toBe('某县人力资源和…');
    expect([...cut('某县人力资源和社会保障局')]).toHaveLength(LABEL_CHARACTERS);
    expect(cut('单位1')).toBe('单位1');
    // Counted as characters: a name of eight characters outside the basic plane is whole.
    expect(cutName('𠀀'.repeat(8))).toBe('𠀀'.repeat(8));
    // The data keeps the whole name (the tooltip shows it).
    expect(excellentChartOption({ ...threeOrgans, organs }).xAxis.data[0]).toBe('某县人力资源和社会保障局');
  });
});
