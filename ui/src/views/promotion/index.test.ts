import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElSelect } from 'element-plus';
import type { PromotionReport } from '../../api/types';
import { localToday } from '../../format/date';
import { reasonText } from '../../format/reason';
import { useAppStore } from '../../stores/app';
import { countsOf, filterRows, poolsByOrgan, toRows } from './data';
import { sampleReport } from './fixture';
import PromotionPage from './index.vue';
import { failing, fakeShell, mountSection, type ShellCall } from '../../test-utils';

type Calls = ShellCall[];

interface Shell {
  report: PromotionReport;
  /** What export_promotion answers: the path written, or null (the clerk cancelled). */
  saved: string | null;
  failures: Record<string, { code: string; message: string }>;
}

function mockShell(calls: Calls, shell: Shell): void {
  fakeShell(
    failing(shell.failures, {
      promotion: ({ asOf }: { asOf: string }) => ({ ...shell.report, as_of: asOf }),
      export_promotion: () => shell.saved,
    }),
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(PromotionPage);

const texts = (page: VueWrapper, hook: string): string[] => page.findAll(`[data-test="${hook}"]`).map((e) => e.text());

/** The eligible first, each group in the report's order (as the result workbook lists them). */
const ELIGIBLE_FIRST = [
  '梁宏伟',
  '高子轩',
  '刘丽娜',
  '曹雅琴',
  '高晓燕',
  '吴秀英',
  '孙鹏飞',
  '吴建国',
  '马明辉',
  '周志强',
  '林浩然',
  '田建国',
  '马秀英',
  '宋丽娜',
  '黄浩然',
];

describe('职级晋升 data', () => {
  it('lists the eligible first and keeps the report order within each group', () => {
    const rows = toRows(sampleReport);
    expect(rows.map((r) => r.name)).toEqual(ELIGIBLE_FIRST);
    expect(rows.map((r) => r.index)).toEqual(ELIGIBLE_FIRST.map((_, i) => i + 1));
    const tian = rows.find((r) => r.name === '田建国')!;
    expect([tian.status, tian.service, tian.eligibleOn]).toEqual(['blocked', '5年11个月 / 1年6个月', '2021-01-28']);
    expect(tian.blocks.map((b) => b.label)).toEqual(['处分期内（至 2026-03-16）']);
  });

  it('filters by organ and by eligibility, and counts per organ', () => {
    const rows = toRows(sampleReport);
    const county = filterRows(rows, { organ: '某县人力资源和社会保障局', status: 'not_eligible' });
    expect(county.map((r) => r.name)).toEqual(['黄浩然']);
    expect(filterRows(rows, { organ: '', status: 'eligible' })).toHaveLength(11);
    expect(countsOf(sampleReport, '')).toEqual({ total: 15, eligible: 11, proposed: 8 });
    expect(countsOf(sampleReport, '某市财政局')).toEqual({ total: 9, eligible: 6, proposed: 4 });
  });

  it('keeps the engine’s order of candidates and splits them at the free slots', () => {
    const [finance, county] = poolsByOrgan(sampleReport);
    expect(finance!.organ).toBe('某市财政局');
    const research = finance!.pools[0]!;
    expect([research.pool, research.approved, research.held, research.free]).toEqual(['一级和二级调研员', 2, 0, 2]);
    expect(research.proposed.map((c) => `${c.position}.${c.name}`)).toEqual(['1.梁宏伟', '2.高晓燕']);
    expect(research.waiting.map((c) => `${c.position}.${c.name}`)).toEqual(['3.曹雅琴']);
    const unapproved = county!.pools[0]!;
    expect([unapproved.approved, unapproved.free, unapproved.proposed, unapproved.waiting.map((c) => c.name)]).toEqual([
      null,
      null,
      [],
      ['周志强'],
    ]);
  });
});

describe('职级晋升 page', () => {
  let calls: Calls;
  let shell: Shell;

  beforeEach(() => {
    calls = [];
    shell = { report: sampleReport, saved: null, failures: {} };
    mockShell(calls, shell);
  });

  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('computes for today on opening, eligible first, with the counts a clerk checks', async () => {
    const page = await mountPage();
    expect(calls).toEqual([{ cmd: 'promotion', args: { asOf: localToday() } }]);
    expect(texts(page, 'promotion-name')).toEqual(ELIGIBLE_FIRST);
    expect(page.get('[data-test="promotion-eligible-count"]').text()).toBe('11');
    expect(page.get('[data-test="promotion-total"]').text()).toBe('共 15 人');
    expect(page.get('[data-test="promotion-proposed-count"]').text()).toBe('拟晋升人选 8 人');

    const ids = texts(page, 'promotion-id');
    expect(ids[0]).toBe('330102198710140392');
    expect(texts(page, 'promotion-target')[0]).toBe('二级调研员');
    expect(texts(page, 'promotion-months')[0]).toBe('6年3个月 / 2年');
    expect(texts(page, 'promotion-eligible')[0]).toBe('符合');
    expect(texts(page, 'promotion-slot').slice(0, 4)).toEqual(['拟列入', '拟列入', '池内晋升', '职数不足']);
    const tian = ELIGIBLE_FIRST.indexOf('田建国');
    expect(texts(page, 'promotion-eligible')[tian]).toBe('年限已满，受限制');
    expect(texts(page, 'promotion-eligible-on')[tian]).toBe('2021-01-28');
    expect(texts(page, 'promotion-blocks')[tian]).toBe('处分期内（至 2026-03-16）');
    page.unmount();
  });

  it('recomputes for the date chosen and tells when the date shown is not the one computed', async () => {
    const page = await mountPage();
    expect(page.get('[data-test="promotion-as-of"] input').element).toBeTruthy();
    page.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', '2025-12-31');
    await flushPromises();
    expect(page.get('[data-test="promotion-stale"]').text()).toContain(`截至 ${localToday()}`);
    await page.get('[data-test="promotion-compute"]').trigger('click');
    await flushPromises();
    expect(calls[calls.length - 1]).toEqual({ cmd: 'promotion', args: { asOf: '2025-12-31' } });
    expect(page.find('[data-test="promotion-stale"]').exists()).toBe(false);
    expect(page.get('[data-test="promotion-summary"]').text()).toContain('截至 2025-12-31（规则：全国默认规则）');
    page.unmount();
  });

  it('filters by organ and by eligibility; counts and pools follow the organ', async () => {
    const page = await mountPage();
    page.getComponent(ElSelect).vm.$emit('update:modelValue', '某县人力资源和社会保障局');
    await flushPromises();
    expect(texts(page, 'promotion-name')).toEqual(['孙鹏飞', '吴建国', '马明辉', '周志强', '林浩然', '黄浩然']);
    expect(page.get('[data-test="promotion-eligible-count"]').text()).toBe('5');
    expect(
      page.findAll('[data-test^="promotion-pools-"][data-test$="局"]').map((c) => c.attributes('data-test')),
    ).toEqual(['promotion-pools-某县人力资源和社会保障局']);

    await page.get('[data-test="promotion-status-not_eligible"] input').setValue(true);
    await flushPromises();
    expect(texts(page, 'promotion-name')).toEqual(['黄浩然']);
    expect(page.get('[data-test="promotion-shown"]').text()).toBe('显示 1 人');

    page.getComponent(ElSelect).vm.$emit('update:modelValue', '');
    await page.get('[data-test="promotion-status-eligible"] input').setValue(true);
    await flushPromises();
    expect(texts(page, 'promotion-name')).toEqual(ELIGIBLE_FIRST.slice(0, 11));
    page.unmount();
  });

  it('shows each organ’s pools: 核定, 实有, 空缺 as counted, then the proposed and the waiting in order', async () => {
    const page = await mountPage();
    const finance = page.get('[data-test="promotion-pools-某市财政局"]');
    const rows = finance
      .findAll('[data-test="promotion-pool"]')
      .map((tr) =>
        [
          'promotion-pool-name',
          'promotion-pool-approved',
          'promotion-pool-held',
          'promotion-pool-free',
          'promotion-pool-candidates',
          'promotion-pool-proposed',
          'promotion-pool-waiting',
        ].map((hook) => tr.get(`[data-test="${hook}"]`).text()),
      );
    expect(rows).toEqual([
      ['一级和二级调研员', '2', '0', '2', '3', '1. 梁宏伟、2. 高晓燕', '3. 曹雅琴'],
      ['三级和四级调研员', '5', '4', '1', '1', '1. 吴秀英', '无'],
      ['一级和二级主任科员', '8', '3', '5', '0', '无', '无'],
      ['三级和四级主任科员', '10', '6', '4', '1', '1. 高子轩', '无'],
    ]);
    // A rank with places of its own inside its pool: 市(地) 一级调研员 at 50% of the pool's 2.
    expect(finance.findAll('[data-test="promotion-pool-rank"]').map((d) => d.text())).toEqual([
      '其中一级调研员：核定1名，实有0名，空缺1名（按职数池核定数的50%计，待核实）',
    ]);
    // 空缺 = 核定 − 实有, as the engine counted.
    for (const r of rows) expect(Number(r[3])).toBe(Number(r[1]) - Number(r[2]));

    const county = page.get('[data-test="promotion-pools-某县人力资源和社会保障局"]');
    const unapproved = county.findAll('[data-test="promotion-pool"]')[0]!;
    expect(unapproved.get('[data-test="promotion-pool-approved"]').text()).toBe('未核定');
    expect(unapproved.get('[data-test="promotion-pool-free"]').text()).toBe('未核定');
    expect(unapproved.get('[data-test="promotion-pool-waiting"]').text()).toContain('1. 周志强');
    expect(unapproved.get('[data-test="promotion-pool-waiting"]').text()).toContain('未填写核定职数');
    page.unmount();
  });

  it('opens a person’s reasons in full, each with its rule, from the table or from a pool', async () => {
    const page = await mountPage();
    const rows = page.findAll('.el-table__body tr.el-table__row');
    await rows[ELIGIBLE_FIRST.indexOf('田建国')]!.trigger('click');
    await flushPromises();
    const drawer = () => document.querySelector('[data-test="promotion-detail"]') as HTMLElement;
    const reasons = () =>
      Array.from(drawer().querySelectorAll('[data-test="promotion-reason"]')).map((li) => li.textContent?.trim());
    expect(drawer().textContent).toContain('田建国 · 晋升资格');
    expect(drawer().querySelector('[data-test="promotion-detail-counted"]')?.textContent).toBe('5年11个月');
    const tian = sampleReport.people.find((p) => p.name === '田建国')!;
    expect(reasons()).toEqual(tian.reasons.map(reasonText));
    expect(drawer().querySelector('[data-test="promotion-detail-required"]')?.textContent).toBe(
      '2年，优秀缩短6个月（2024年度），实需1年6个月',
    );
    expect(drawer().querySelector('[data-test="promotion-detail-level"]')?.textContent).toBe('—');
    // 2023 基本称职 not counted; 2024 优秀 shortens the requirement (并行规定 第十九条); the 警告's 处分期.
    expect(reasons()[1]).toContain('2023年度考核为基本称职，该年度不计算任职年限');
    expect(reasons()[2]).toContain('计算期内2024年度考核为优秀（1个），所需任职年限缩短6个月，为18个月');
    expect(reasons()[4]).toContain(
      '处分期内不得晋升职级〔依据：《公务员法》第六十四条；《公职人员政务处分法》第八条、第十九条〕',
    );
    // The service line cites the uncounted-years rule inside its sentence: set apart where it stands.
    const serviceCite = drawer()
      .querySelectorAll('[data-test="promotion-reason"]')[1]!
      .querySelector('[data-test="reason-cite-S"]')!;
    expect(serviceCite.textContent).toMatch(
      /^〔依据：《公务员职务与职级并行规定》第十九条：每有1个年度考核结果为基本称职等次.*〕$/,
    );
    expect(reasons()[1]).toContain(`扣除其在计算期内的12个月${serviceCite.textContent}，计71个月（5年11个月）。`);

    const cao = page.findAll('[data-test="promotion-pool-person"]').find((b) => b.text() === '3. 曹雅琴')!;
    await cao.trigger('click');
    await flushPromises();
    expect(drawer().textContent).toContain('曹雅琴 · 晋升资格');
    expect(reasons()[3]).toBe(
      '某市财政局「一级和二级调研员」核定2名、实有0名、空缺2名；在3名符合条件人员中排第3位，超出空缺数，暂不列入拟晋升人选〔依据：排序规则为本地设置（待核实）；待核实〕',
    );
    expect(
      drawer()
        .querySelectorAll('[data-test="promotion-reason"]')[3]!
        .querySelector('[data-test="reason-cite-U"]')
        ?.getAttribute('title'),
    ).toBe('待核实');
    page.unmount();
  });

  it('exports the result shown and says where it was saved; a cancelled dialog says nothing', async () => {
    const page = await mountPage();
    await page.get('[data-test="promotion-export"]').trigger('click');
    await flushPromises();
    expect(calls[calls.length - 1]).toMatchObject({ cmd: 'export_promotion', args: { asOf: localToday() } });
    expect(page.find('[data-test="promotion-exported"]').exists()).toBe(false);
    expect(page.find('[data-test="promotion-failure"]').exists()).toBe(false);

    shell.saved = 'C:\\Users\\clerk\\Documents\\职级晋升资格_2025-12-31.xlsx';
    await page.get('[data-test="promotion-export"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="promotion-exported"]').text()).toContain(
      '已保存到：C:\\Users\\clerk\\Documents\\职级晋升资格_2025-12-31.xlsx',
    );
    page.unmount();
  });

  it('shows why an export failed', async () => {
    shell.failures.export_promotion = { code: 'write_failed', message: '无法保存「D:\\结果.xlsx」：拒绝访问。' };
    const page = await mountPage();
    await page.get('[data-test="promotion-export"]').trigger('click');
    await flushPromises();
    const failure = page.get('[data-test="promotion-failure"]').text();
    expect(failure).toContain('文件无法写入');
    expect(failure).toContain('无法保存「D:\\结果.xlsx」：拒绝访问。');
    page.unmount();
  });

  it('says to import a roster when the database is empty, and recomputes when the database changed', async () => {
    shell.report = { ...sampleReport, people: [], pools: [] };
    const page = await mountPage();
    expect(page.get('[data-test="promotion-no-people"]').text()).toContain('请先在「工作台」导入名册');
    expect((page.get('[data-test="promotion-export"]').element as HTMLButtonElement).disabled).toBe(true);
    shell.report = sampleReport;
    useAppStore().databaseChanged();
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'promotion')).toHaveLength(2);
    expect(page.get('[data-test="promotion-eligible-count"]').text()).toBe('11');
    page.unmount();
  });

  it('computes again each time the section comes back, and not while hidden', async () => {
    const page = await mountPage();
    await page.setProps({ active: false });
    useAppStore().databaseChanged();
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'promotion')).toHaveLength(1);
    await page.setProps({ active: true });
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'promotion')).toHaveLength(2);
    page.unmount();
  });

  it('renumbers and reorders the rows for a new result (no cell kept from the last one)', async () => {
    const page = await mountPage();
    // A later report in which nobody is eligible any more: the report's own order, numbered anew.
    shell.report = { ...sampleReport, people: sampleReport.people.map((p) => ({ ...p, eligible: false })) };
    await page.get('[data-test="promotion-compute"]').trigger('click');
    await flushPromises();
    expect(texts(page, 'promotion-name')).toEqual(sampleReport.people.map((p) => p.name));
    expect(texts(page, 'promotion-index')).toEqual(sampleReport.people.map((_, i) => String(i + 1)));
    expect(texts(page, 'promotion-id')).toEqual(sampleReport.people.map((p) => p.id));
    expect(page.get('[data-test="promotion-eligible-count"]').text()).toBe('0');
    page.unmount();
  });
});
