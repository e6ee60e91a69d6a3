import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { Receipts, Summary } from '../../api/types';
import { useSettingsStore } from '../../stores/settings';
import { useAppStore } from '../../stores/app';
import { failing, fakeShell, mountSection, type ShellCall } from '../../test-utils';
import { i18n } from '../../i18n';
import { threeOrgans } from './fixture';
import { ROWS_PER_PAGE } from './data';
import SummaryPage from './index.vue';

const EMPTY: Summary = {
  ...threeOrgans,
  organs: [],
  by_category: [],
  by_tier: [],
  over_ratio: [],
  slots: [],
  conflicts: [],
  unreported: [],
};

function rows(page: VueWrapper, table: string): string[][] {
  return page.findAll(`[data-test="${table}"] .el-table__body tr`).map((tr) => tr.findAll('td').map((td) => td.text()));
}

describe('汇总 page', () => {
  let calls: ShellCall[];
  beforeEach(() => {
    calls = [];
    useSettingsStore().operator = '';
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('sums up the organs received: grades, 优秀 against quota, promotions and 职数', async () => {
    fakeShell({ summary: () => threeOrgans, export_summary: () => 'D:\\汇总_2025年度.xlsx' }, calls);
    const page = await mountSection(SummaryPage);
    expect(calls.map((c) => c.cmd)).toEqual(['summary']);
    expect(page.get('[data-test="summary-totals"]').text()).toBe(
      '3 个单位已上报，38 人（计算优秀比例的参加人数 35），优秀 4 人（11.43%，名额 6），基本称职 1 人，不称职 0 人，不定等次等 3 人；符合晋升条件 25 人，拟晋升 9 人',
    );
    const organs = rows(page, 'summary-organs');
    expect(organs.map((r) => r[0])).toEqual(['某县人力资源和社会保障局', '某县市场监督管理局', '某市财政局']);
    expect(organs[2]!.slice(0, 6)).toEqual(['某市财政局', '16', '15', '3', '3', '20%']);
    expect(organs[2]!.slice(-2)).toEqual(['人事科 李明', '2026-01-15']);
    expect(rows(page, 'summary-categories').map((r) => r[0])).toEqual(['综合管理类', '行政执法类']);
    // The chart: each organ's 优秀 share, highest first (3 of 15, 1 of 10, 0 of 10).
    expect(page.get('[data-test="summary-chart"]').text()).toBe('[["优秀比例",20,10,0]]');
    expect(rows(page, 'summary-slots').some((r) => r[0] === '某市财政局' && r[1] === '一级和二级主任科员')).toBe(true);
    expect(page.find('[data-test="summary-over-ratio"]').exists()).toBe(false);

    await page.get('[data-test="summary-export"]').trigger('click');
    await flushPromises();
    const exported = calls.find((c) => c.cmd === 'export_summary')!;
    expect(exported.args.year).toBe(2025);
  });

  it('prints the year chosen: 上报汇总 in the preview window, then the print dialog', async () => {
    const shown = {
      path: '/home/clerk/.cache/cn.kaohe.app/print/2024年度考核结果汇总表（各单位上报）.html',
      pages: null,
      title: '2024年度考核结果汇总表（各单位上报）',
    };
    const received: Receipts = {
      received: [
        {
          file: 'D:\\上报\\乙.kaohe',
          organ: '某县市场监督管理局',
          year: 2024,
          people: 10,
          replaced: null,
          conflicts: [],
        },
      ],
      refused: [],
    };
    fakeShell(
      {
        summary: () => threeOrgans,
        print_preview: () => shown,
        print_current: () => null,
        receive_packages: () => received,
      },
      calls,
    );
    useSettingsStore().operator = '组织部 王芳';
    const page = await mountSection(SummaryPage);
    expect(rows(page, 'summary-tiers').map((r) => r.slice(0, 2))).toEqual([
      ['处级', '2'],
      ['科级及以下', '2'],
    ]);
    page.getComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 2024);
    await flushPromises();
    calls.length = 0;
    await page.get('[data-test="summary-print"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([
      {
        cmd: 'print_preview',
        args: { doc: '上报汇总', year: 2024, asOf: null, organ: null, pool: null, from: null },
      },
    ]);
    expect(page.get('[data-test="summary-preview"]').text()).toContain(
      '已在打印预览窗口中打开「2024年度考核结果汇总表（各单位上报）」',
    );
    calls.length = 0;
    await page.get('[data-test="summary-print-dialog"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([{ cmd: 'print_current', args: {} }]);

    // A package received after: the 汇总 shown is of before, so the notice goes (「打印」 again).
    useAppStore().drop(['D:\\上报\\乙.kaohe']);
    await flushPromises();
    expect(calls.some((c) => c.cmd === 'receive_packages')).toBe(true);
    expect(page.find('[data-test="summary-preview"]').exists()).toBe(false);
  });

  it('cannot print a year without packages, and shows the refusal of one', async () => {
    const none = '数据库中没有2025年度的上报文件，不能打印各单位汇总表：请先接收各单位2025年度的上报文件';
    let report = EMPTY;
    fakeShell(
      failing(
        { print_preview: { code: 'bad_argument', message: none } },
        { summary: () => report, print_preview: () => ({ path: '', pages: null, title: '' }) },
      ),
      calls,
    );
    const page = await mountSection(SummaryPage);
    expect((page.get('[data-test="summary-print"]').element as HTMLButtonElement).disabled).toBe(true);
    // Received meanwhile elsewhere (the page read before): the shell's refusal is shown in words.
    report = threeOrgans;
    await page.get('[data-test="summary-refresh"]').trigger('click');
    await flushPromises();
    await page.get('[data-test="summary-print"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="summary-error"]').text()).toContain(none);
    expect(page.find('[data-test="summary-preview"]').exists()).toBe(false);
  });

  it('asks for the operator, receives the files chosen, and offers to replace an organ received before', async () => {
    const first: Receipts = {
      received: [
        {
          file: 'D:\\上报\\某市财政局_2025年度上报.kaohe',
          organ: '某市财政局',
          year: 2025,
          people: 16,
          replaced: null,
          conflicts: ['马秀英（330102199604250242）同时在某县市场监督管理局的上报中'],
        },
      ],
      refused: [
        {
          file: 'D:\\上报\\某县人力资源和社会保障局_2025年度上报.kaohe',
          code: 'package_exists',
          message: '已接收过某县人力资源和社会保障局2025年度的上报文件「旧.kaohe」；确认用新文件替换后才会接收',
        },
        { file: 'D:\\上报\\坏.kaohe', code: 'package_refused', message: '「坏.kaohe」不能接收：不是上报文件' },
      ],
    };
    fakeShell(
      {
        summary: () => EMPTY,
        receive_pick: () => first.received.map((r) => r.file).concat(first.refused.map((r) => r.file)),
        receive_packages: ({ replace }: { replace: boolean }) =>
          replace
            ? {
                received: [
                  { ...first.received[0]!, organ: '某县人力资源和社会保障局', replaced: '旧.kaohe', conflicts: [] },
                ],
                refused: [],
              }
            : first,
        set_operator: ({ name }: { name: string }) => name,
      },
      calls,
    );
    const page = await mountSection(SummaryPage);
    expect(page.get('[data-test="summary-none"]').text()).toContain('2025年度还没有接收任何单位的上报');
    await page.get('[data-test="summary-receive"]').trigger('click');
    await flushPromises();
    // No dialog without an operator.
    expect(calls.map((c) => c.cmd)).toEqual(['summary']);

    useSettingsStore().operator = '组织部 王芳';
    await page.get('[data-test="summary-receive"]').trigger('click');
    await flushPromises();
    const receive = calls.find((c) => c.cmd === 'receive_packages')!;
    expect(receive.args).toEqual({
      paths: [
        'D:\\上报\\某市财政局_2025年度上报.kaohe',
        'D:\\上报\\某县人力资源和社会保障局_2025年度上报.kaohe',
        'D:\\上报\\坏.kaohe',
      ],
      replace: false,
      by: '组织部 王芳',
    });
    expect(page.get('[data-test="summary-received"]').text()).toContain(
      '已接收「D:\\上报\\某市财政局_2025年度上报.kaohe」：某市财政局2025年度，16 人',
    );
    expect(page.get('[data-test="summary-conflict"]').text()).toBe(
      '冲突：马秀英（330102199604250242）同时在某县市场监督管理局的上报中',
    );
    const refused = page.findAll('[data-test="summary-refused"]').map((r) => r.text());
    expect(refused[1]).toContain('不是上报文件');
    calls.length = 0;
    await page.get('[data-test="summary-replace"]').trigger('click');
    await flushPromises();
    expect(calls[0]).toEqual({
      cmd: 'receive_packages',
      args: { paths: ['D:\\上报\\某县人力资源和社会保障局_2025年度上报.kaohe'], replace: true, by: '组织部 王芳' },
    });
    expect(page.get('[data-test="summary-received"]').text()).toContain('（替换了此前接收的「旧.kaohe」）');
  });

  it('keeps packages dropped without an operator until the name is filled in, then receives them', async () => {
    fakeShell(
      {
        summary: () => EMPTY,
        receive_packages: () => ({ received: [], refused: [] }),
        set_operator: ({ name }: { name: string }) => name,
      },
      calls,
    );
    const page = await mountSection(SummaryPage);
    const store = useAppStore();
    store.drop(['D:\\上报\\甲.kaohe']);
    await flushPromises();
    expect(calls.map((c) => c.cmd)).toEqual(['summary']);
    expect(store.droppedPackages).toEqual(['D:\\上报\\甲.kaohe']);

    const field = page.get('input[data-test="summary-operator"]');
    await field.setValue('人事科 李明');
    await field.trigger('change');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'receive_packages')?.args).toEqual({
      paths: ['D:\\上报\\甲.kaohe'],
      replace: false,
      by: '人事科 李明',
    });
    expect(store.droppedPackages).toBeNull();
  });

  it('receives packages dropped while a receipt runs once it ends, and keeps every drop that waited', async () => {
    useSettingsStore().operator = '人事科 李明';
    let finish: () => void = () => {};
    fakeShell(
      {
        summary: () => EMPTY,
        receive_packages: () =>
          calls.filter((c) => c.cmd === 'receive_packages').length === 1
            ? new Promise<Receipts>((resolve) => (finish = () => resolve({ received: [], refused: [] })))
            : { received: [], refused: [] },
      },
      calls,
    );
    await mountSection(SummaryPage);
    const store = useAppStore();
    store.drop(['D:\\上报\\甲.kaohe']);
    await flushPromises();
    // While 甲 is being received, two more drops come (one of them 甲 again).
    store.drop(['D:\\上报\\乙.kaohe']);
    store.drop(['D:\\上报\\丙.kaohe', 'D:\\上报\\乙.kaohe']);
    await flushPromises();
    const received = (): unknown[] => calls.filter((c) => c.cmd === 'receive_packages').map((c) => c.args.paths);
    expect(received()).toEqual([['D:\\上报\\甲.kaohe']]);
    expect(store.droppedPackages).toEqual(['D:\\上报\\乙.kaohe', 'D:\\上报\\丙.kaohe']);

    finish();
    await flushPromises();
    expect(received()).toEqual([['D:\\上报\\甲.kaohe'], ['D:\\上报\\乙.kaohe', 'D:\\上报\\丙.kaohe']]);
    expect(store.droppedPackages).toBeNull();
  });

  it('opens 所辖单位, and sums the year up again after the list changed', async () => {
    fakeShell(
      {
        summary: () => threeOrgans,
        supervised_organs: () => [{ name: '某县财政局', level: '县', people: 0, received: false }],
        supervised_remove: () => ({
          file: null,
          sheet: null,
          read: 0,
          added: [],
          updated: [],
          already: [],
          removed: ['某县财政局'],
          warnings: [],
        }),
      },
      calls,
    );
    useSettingsStore().operator = '组织部 王芳';
    const page = await mountSection(SummaryPage);
    await page.get('[data-test="summary-supervised"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => c.cmd)).toEqual(['summary', 'supervised_organs']);
    (document.querySelector('[data-test="supervised-remove"]') as HTMLElement).click();
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')?.click();
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === 'summary')).toHaveLength(2), { timeout: 10_000 });
    expect(calls.find((c) => c.cmd === 'supervised_remove')?.args).toEqual({ name: '某县财政局', by: '组织部 王芳' });
    page.unmount();
  });

  it('shows the 统筹职数 groups, local with their basis, and a group over its free places among the warnings', async () => {
    const warning = '统筹职数「县直统筹」（三级和四级主任科员，本地统筹）拟晋升3人，超过空缺2个，超出1人';
    const shared: Summary = {
      ...threeOrgans,
      shared_slots: [
        {
          name: '县直统筹',
          pool: '三级和四级主任科员',
          source: '某县委组织部〔2024〕3号',
          organs: ['某市财政局', '某县人力资源和社会保障局', '某县市场监督管理局', '某县财政局'],
          approved: 5,
          held: 3,
          free: 2,
          over_held: 0,
          candidates: 6,
          proposed: 3,
          exceeds: true,
          over_proposed: 1,
          unreported: ['某县财政局'],
          remarks: ['某市财政局上报的本单位核定职数（1）不计入统筹，按统筹核定职数5计算'],
        },
      ],
      warnings: [warning],
    };
    fakeShell({ summary: () => shared }, calls);
    const page = await mountSection(SummaryPage);
    const [row] = rows(page, 'summary-shared');
    expect(row!.slice(0, 8)).toEqual([
      '县直统筹',
      '三级和四级主任科员',
      '某市财政局、某县人力资源和社会保障局、某县市场监督管理局、某县财政局',
      '5',
      '3',
      '2',
      '6',
      '3',
    ]);
    expect(row![8]).toBe(
      '拟晋升超过空缺 1 人本地统筹（依据：某县委组织部〔2024〕3号）尚未上报：某县财政局某市财政局上报的本单位核定职数（1）不计入统筹，按统筹核定职数5计算',
    );
    expect(page.get('[data-test="summary-shared-exceeds"]').text()).toBe('拟晋升超过空缺 1 人');
    expect(page.findAll('[data-test="summary-warning"]').map((w) => w.text())).toEqual([`提示：${warning}`]);
    page.unmount();
  });

  it('shows no 统筹职数 table when no group is defined', async () => {
    fakeShell({ summary: () => threeOrgans }, calls);
    const page = await mountSection(SummaryPage);
    expect(page.find('[data-test="summary-shared"]').exists()).toBe(false);
    expect(page.find('[data-test="summary-warning"]').exists()).toBe(false);
    page.unmount();
  });

  it(`pages a city's organs ${ROWS_PER_PAGE} at a time, from the first page again for another year`, async () => {
    // Two pages and ten organs on a third.
    const count = 2 * ROWS_PER_PAGE + 10;
    const name = (i: number) => `单位${String(i).padStart(3, '0')}`;
    const many: Summary = {
      ...threeOrgans,
      organs: Array.from({ length: count }, (_, i) => ({ ...threeOrgans.organs[0]!, organ: name(i) })),
      slots: Array.from({ length: count }, (_, i) => ({ ...threeOrgans.slots[0]!, organ: name(i) })),
    };
    fakeShell({ summary: () => many }, calls);
    const page = await mountSection(SummaryPage);
    const first = (table: string) => rows(page, table).map((r) => r[0]);
    expect(first('summary-organs')).toHaveLength(ROWS_PER_PAGE);
    expect(first('summary-organs')[0]).toBe('单位000');
    expect(page.get('[data-test="summary-organs-pages"]').text()).toContain(String(count));
    expect(first('summary-slots')).toHaveLength(ROWS_PER_PAGE);

    // The third page holds the last ten; the slots stay on their first.
    await page.get('[data-test="summary-organs-pages"] .el-pager li:nth-child(3)').trigger('click');
    await flushPromises();
    expect(first('summary-organs')).toEqual(Array.from({ length: 10 }, (_, i) => name(2 * ROWS_PER_PAGE + i)));
    expect(first('summary-slots')[0]).toBe('单位000');

    // Another year: the organs from the first page.
    page.getComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 2024);
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'summary')).toHaveLength(2);
    expect(first('summary-organs')[0]).toBe('单位000');
    // Three organs need no pages.
    expect(page.find('[data-test="summary-over-ratio-pages"]').exists()).toBe(false);
    page.unmount();
  });

  it('in self-test mode (bench-startup --section summary) reports once the organs and the chart are painted, with its timings', async () => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText');
    // jsdom has no layout, hence no innerText; textContent is close enough here.
    Object.defineProperty(HTMLElement.prototype, 'innerText', {
      configurable: true,
      get(this: HTMLElement) {
        return this.textContent ?? '';
      },
    });
    useAppStore().info = {
      name: '考核 Kaohe',
      version: '0.1.0',
      db_path: '/tmp/汇总.db',
      people: 0,
      organs: 0,
      results: 0,
      selftest: true,
      selftest_section: 'summary',
    };
    // The chart as the web view has it: an SVG drawing (jsdom lays nothing out).
    const SvgChart = defineComponent({ name: 'Echarts', setup: () => () => h('svg') });
    let first: number | null = null;
    fakeShell(
      {
        summary: ({ year }) => {
          first ??= year;
          return year === first ? threeOrgans : { ...EMPTY, year };
        },
        selftest_report: () => null,
      },
      calls,
    );
    const page = mount(SummaryPage, {
      global: { plugins: [i18n], stubs: { Echarts: SvgChart } },
      attachTo: document.body,
    });
    try {
      await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'selftest_report')).toBe(true), { timeout: 10_000 });
      const reports = calls.filter((c) => c.cmd === 'selftest_report');
      expect(reports).toHaveLength(1);
      const text = (reports[0]!.args as { text: string }).text;
      // The page as first painted: the totals and the organs' rows.
      expect(text).toContain('3 个单位已上报，38 人');
      expect(text).toContain('某市财政局');
      // Then the year before (none reported) and back, each asked once.
      expect(calls.filter((c) => c.cmd === 'summary').map((c) => c.args.year)).toEqual([first, first! - 1, first]);
      const names = text
        .split('\n')
        .filter((l) => /^KAOHE_TIMING \S+ \d+(\.\d)?$/.test(l))
        .map((l) => l.split(' ')[1]);
      expect(names).toEqual([
        'summary_from_page_start',
        'summary_ipc',
        'summary_rendered',
        'summary_painted',
        'summary_opened',
        'year_other',
        'year_back',
        'after_first_rows',
      ]);
      await flushPromises();
      expect(rows(page, 'summary-organs')).toHaveLength(3);
    } finally {
      page.unmount();
      if (original) Object.defineProperty(HTMLElement.prototype, 'innerText', original);
      else delete (HTMLElement.prototype as { innerText?: string }).innerText;
    }
  });
});
