import { afterEach, describe, expect, it } from 'vitest';
import { type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { condition, nationalCode, percent, score, statusTagType } from './data';
import { nationalProfile } from './fixture';
import RulesPage from './index.vue';
import { failing, fakeShell, mountSection } from '../../test-utils';

const mountPage = (): Promise<VueWrapper> => mountSection(RulesPage);

describe('规则 page', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('shows the ladders row by row and marks a U rule as 待核实', async () => {
    const calls = fakeShell({ profile: () => nationalProfile });
    const page = await mountPage();
    expect(calls.map((c) => c.cmd)).toEqual(['profile']);

    const groups = page.findAll('.el-collapse-item__header').map((h) => h.text());
    expect(groups).toEqual([
      '职级序列',
      '最低任职年限',
      '任职年限计算与晋升限制',
      '处分与处理影响期',
      '机关层级可设最高职级',
      '职数池',
      '年度考核',
      '公示期',
      '退休年龄（核查用）',
    ]);

    // How service is counted (并行规定 第十九条), the 不称职 block, 级别 on promotion, old titles.
    const service = page.findAll('[data-test="service-row"]').map((r) => r.text());
    expect(service[0]).toContain('不计算任职年限的年度');
    expect(service[0]).toContain('基本称职、不称职、5A 新录用试用期不定等次');
    expect(service[1]).toContain('每个优秀年度缩短6个月');
    expect(service[1]).toContain('第十九条');
    expect(service[2]).toContain('该年12月31日在计算期内即计入；自次年1月1日起缩短');
    expect(service[2]).toContain('待核实');
    expect(service[4]).toContain('最近一次确定等次为不称职的，不得晋升职级');
    expect(service.some((r) => r.includes('「一级和二级调研员」中的一级调研员不超过核定数的50%（市(地)）'))).toBe(true);
    expect(service[service.length - 1]).toContain('调研员→二级调研员');

    const general = page.get('[data-test="ladder-综合管理类"]');
    const first = general.findAll('[data-test="ladder-row"]')[0]!;
    const cells = first.findAll('td').map((c) => c.text());
    const top = nationalProfile.ladders[0]!.ranks[0]!;
    expect(cells[0]).toBe(String(top.level));
    expect(cells[1]).toContain(top.name);
    expect(cells[2]).toBe(`${top.grades[0]}级至${top.grades[1]}级`);
    // The ranks are 公务员法 第十九条, their 级别 ranges 并行规定 第八条 (通行做法: its text is not at hand).
    expect(general.get('[data-test="status-S"]').text()).toBe('通行做法');

    const enforcement = page.get('[data-test="ladder-行政执法类"]');
    const tag = enforcement.get('[data-test="status-U"]');
    expect(tag.text()).toBe('待核实');
    expect(tag.find('.el-tag').classes()).toContain('el-tag--warning');
    expect(enforcement.get('[data-test="cite"]').text()).toContain('督办是否分一级、二级待核实');

    const restriction = page.findAll('[data-test="restriction-row"]')[0]!.text();
    expect(restriction).toContain('警告');
    expect(restriction).toContain('处分期内不得晋升');
    const partyWarning = page
      .findAll('[data-test="restriction-row"]')
      .find((r) => r.text().startsWith('党内警告'))!
      .text();
    expect(partyWarning).toContain('党纪处分影响期内不得晋升');
    expect(partyWarning).toContain('12个月');
    expect(restriction).toContain('6个月');

    const quota = page.get('[data-test="quota-row"]').text();
    expect(quota).toContain('20%');
    expect(quota).toContain('25%');
    expect(quota).toContain('向下取整');
    // The open questions of the quota are shown as 待核实 settings.
    expect(page.get('[data-test="counted-ungraded-row"]').text()).toContain('不确定等次的人员不计入优秀比例的基数');
    expect(page.get('[data-test="counted-ungraded-row"]').text()).toContain('待核实');
    expect(page.get('[data-test="leaders-row"]').text()).toContain('领导成员按本单位单独设池');
    expect(page.get('[data-test="leaders-row"]').text()).toContain('待核实');
    expect(page.get('[data-test="leave-row"]').text()).toContain('病事假累计超过');
    expect(page.findAll('[data-test="publicity-row"]')[0]!.text()).toContain('不少于 5 个工作日');
    // The retirement ages 核查 holds people to: the 2024 raise as data, the county-level women 待核实.
    const retirement = page.findAll('[data-test="retirement-row"]').map((r) => r.text());
    expect(retirement).toHaveLength(3);
    expect(retirement[0]).toContain('60周岁');
    expect(retirement[0]).toContain('县处级副职');
    expect(retirement[0]).toContain('待核实');
    expect(retirement[1]).toContain('男其他人员60周岁1965-01起出生的，每4个月延迟1个月，最多延迟36个月');
    expect(retirement[2]).toContain('55周岁1970-01起出生的');

    // Every rule row carries a status tag; S rules are grey.
    expect(page.findAll('[data-test="min-service-row"]').every((r) => r.find('[data-test="cite"]').exists())).toBe(
      true,
    );
    expect(page.get('[data-test="status-S"] .el-tag').classes()).toContain('el-tag--info');
    expect(page.get('[data-test="status-P"] .el-tag').classes()).toContain('el-tag--success');
    page.unmount();
  });

  it('says so when the rules cannot be read', async () => {
    fakeShell(failing({ profile: { code: 'internal', message: '规则不可用' } }, {}));
    const page = await mountPage();
    expect(page.get('[data-test="rules-error"]').text()).toContain('规则不可用');
    page.unmount();
  });

  it('formats the numbers of the profile', () => {
    expect(percent(2000)).toBe('20');
    expect(percent(2250)).toBe('22.5');
    expect(score(8625)).toBe('86.25');
    expect(nationalCode('LongLeave')).toBe('6A');
    expect(nationalCode({ Graded: 'Competent' })).toBe('2');
    expect(condition({ Leave: { days_over: 180 } })).toEqual({ key: 'leave', params: { days: 180 } });
    expect(statusTagType('U')).toBe('warning');
    expect(statusTagType('S')).toBe('info');
    expect(statusTagType('P')).toBe('success');
  });
});
