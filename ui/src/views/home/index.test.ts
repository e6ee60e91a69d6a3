import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from '../../i18n';
import type { AppInfo, ImportOutcome } from '../../api/types';
import type { GradeChart } from '../../api/dashboard';
import { sampleDashboard } from './fixture';
import { gradeChartOption, loadHorizonDays } from './data';
import App from '../../App.vue';
import { ChartStub, fakeShell, type ShellCall } from '../../test-utils';

const info: AppInfo = {
  name: 'kaohe-app',
  version: '0.1.0',
  db_path: '/home/clerk/.local/share/kaohe/kaohe.db',
  people: 0,
  organs: 0,
  results: 0,
  selftest: false,
  selftest_section: null,
};

const imported: ImportOutcome = {
  people: 12,
  organs: 2,
  results: 36,
  restrictions: 1,
  new_people: 12,
  updated_people: 0,
  issues: 2,
};

type Calls = ShellCall[];

function mockShell(calls: Calls, overrides: Partial<AppInfo> = {}): void {
  let current: AppInfo = { ...info, ...overrides };
  fakeShell(
    {
      app_info: () => current,
      import_sample: () => {
        current = { ...current, people: 12, organs: 2, results: 36 };
        return imported;
      },
      dashboard: ({ horizonDays }: { horizonDays: number }) => ({ ...sampleDashboard, horizon_days: horizonDays }),
      selftest_report: () => null,
    },
    calls,
  );
}

/** The whole app: the home page is its first section. */

function mountHome() {
  return mount(App, { global: { plugins: [i18n], stubs: { Echarts: ChartStub } }, attachTo: document.body });
}

describe('home page', () => {
  let calls: Calls;

  beforeEach(() => {
    calls = [];
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('shows the app name, the database path and the counts', async () => {
    mockShell(calls, { people: 120, organs: 4, results: 360 });
    const page = mountHome();
    await flushPromises();

    expect(page.get('h1').text()).toBe('考核 Kaohe');
    expect(page.get('[data-test="app-version"]').text()).toBe('版本 0.1.0');
    expect(page.findAll('[data-test="sections"] .el-menu-item').map((tab) => tab.text())).toEqual([
      '工作台',
      '导入',
      '人员',
      '年度考核',
      '职级晋升',
      '打印与导出',
      '核查',
      '汇总',
      '规则',
      '操作日志',
      '设置',
    ]);
    expect(page.get('[data-test="db-path"]').text()).toBe('/home/clerk/.local/share/kaohe/kaohe.db');
    expect(page.get('[data-test="count-people"]').text()).toBe('120');
    expect(page.get('[data-test="count-organs"]').text()).toBe('4');
    expect(page.get('[data-test="count-results"]').text()).toBe('360');
    expect(page.text()).toContain('年度考核记录');
    expect(calls.map((c) => c.cmd)).toEqual(['app_info', 'database_lock', 'import_watch_drops', 'dashboard']);
    page.unmount();
  });

  it('imports the sample roster and refreshes the counts', async () => {
    mockShell(calls);
    const page = mountHome();
    await flushPromises();
    expect(page.get('[data-test="count-people"]').text()).toBe('0');

    await page.get('[data-test="import-sample"]').trigger('click');
    await flushPromises();

    expect(calls.map((c) => c.cmd).sort()).toEqual([
      'app_info',
      'app_info',
      'dashboard',
      'dashboard',
      'database_lock',
      'import_sample',
      'import_watch_drops',
    ]);
    expect(page.get('[data-test="count-people"]').text()).toBe('12');
    expect(page.get('[data-test="count-results"]').text()).toBe('36');
    const outcome = page.get('[data-test="import-outcome"]').text();
    expect(outcome).toContain('人员 12 人（新增 12，更新 0）');
    expect(outcome).toContain('名册中有 2 处问题');
    page.unmount();
  });

  it('shows the counts, the assessment year, the chart and the alerts within the horizon', async () => {
    localStorage.clear();
    mockShell(calls, { people: 38, organs: 3 });
    const page = mountHome();
    await flushPromises();

    expect(calls.find((c) => c.cmd === 'dashboard')?.args).toEqual({ horizonDays: 90 });
    expect(page.get('[data-test="dashboard-people"]').text()).toBe('38');
    expect(page.get('[data-test="dashboard-leaders"]').text()).toBe('2');
    expect(page.get('[data-test="dashboard-organs"]').text()).toBe('3');
    const counts = (key: string) =>
      page
        .findAll(`[data-test="dashboard-by-${key}"] [data-test="dashboard-count"]`)
        .map((li) => li.text().replace(/\s+/g, ''));
    expect(counts('organ')).toEqual(['某市财政局16人', '某县人力资源和社会保障局11人', '某县市场监督管理局11人']);
    expect(counts('category')).toEqual(['综合管理类32人', '行政执法类6人']);
    expect(counts('rank')).toEqual([
      '三级调研员6人',
      '四级调研员1人',
      '一级主任科员1人',
      '二级主任科员5人',
      '三级主任科员5人',
      '四级主任科员6人',
      '一级科员8人',
      '一级主办1人',
      '二级主办2人',
      '三级主办1人',
      '四级主办1人',
      '一级行政执法员1人',
    ]);

    expect(page.get('[data-test="assessment-year-state"]').text()).toBe('进行中');
    expect(page.get('[data-test="dashboard-year"]').text()).toContain('2025年度考核');
    expect(page.get('[data-test="assessment-year-detail"]').text()).toBe(
      '年度评分 28 人，平时考核 16 人，已存考核结果 0 条，考核委员会改定 0 人',
    );
    expect(page.get('[data-test="grade-chart-source"]').text()).toBe(
      '该年度尚未定稿，图中为当前确定的等次（含建议等次）',
    );
    // By organ: 某市财政局, 某县人力资源和社会保障局, 某县市场监督管理局.
    expect(JSON.parse(page.get('[data-test="grade-chart"] [data-test="chart-stub"]').text())).toEqual([
      ['优秀', 3, 2, 0],
      ['称职', 12, 7, 10],
      ['基本称职', 0, 1, 0],
      ['不称职', 0, 0, 0],
      ['不定等次', 1, 1, 1],
      ['无结果', 0, 0, 0],
    ]);

    expect(page.get('[data-test="alert-horizon-hint"]').text()).toBe(
      '界面设置：列出今天起90天内（至2026-04-01）到期的事项',
    );
    const lines = (key: string) =>
      page.findAll(`[data-test="alerts-${key}"] [data-test="alert-line"]`).map((li) => li.text());
    expect(lines('eligible')).toEqual([
      '某县人力资源和社会保障局 黄浩然：三级调研员 → 二级调研员，2026-03-01满任职年限',
      '某县人力资源和社会保障局 梁雅琴：一级科员 → 四级主任科员，2026-03-28满任职年限（另有限制：诫勉或组织处理影响期内至 2026-05-01）',
    ]);
    expect(page.get('[data-test="alerts-eligible"] [data-test="alert-line"]').attributes('data-person-id')).toBe(
      '330521198710050558',
    );
    // An 诫勉's 影响期, a 警告's 处分期 (as the rules name them), ending within the 90 days.
    expect(lines('restrictions')).toEqual([
      '某市财政局 王宏伟：诫勉（2025-07-22起），影响期至2026-01-21',
      '某市财政局 田建国：警告（2025-09-17起），处分期至2026-03-16',
      '某县市场监督管理局 郑明辉：诫勉（2025-10-02起），影响期至2026-04-01',
    ]);
    expect(page.get('[data-test="alerts-restrictions-count"]').text()).toBe('3');
    expect(page.get('[data-test="alerts-probations"]').text()).toContain('无');
    expect(page.get('[data-test="alerts-steps-count"]').text()).toBe('0');
    // The promotion calculation has its own page now.
    expect(page.find('[data-test="compute"]').exists()).toBe(false);
    page.unmount();
  });

  it('reloads the alerts when the horizon setting changes, and keeps the setting', async () => {
    localStorage.clear();
    mockShell(calls);
    const page = mountHome();
    await flushPromises();
    await page.get('[data-test="alert-horizon"] .el-select__wrapper').trigger('click');
    await flushPromises();
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find(
      (o) => o.textContent?.trim() === '180天内',
    ) as HTMLElement;
    option.click();
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'dashboard').map((c) => c.args)).toEqual([
      { horizonDays: 90 },
      { horizonDays: 180 },
    ]);
    expect(loadHorizonDays()).toBe(180);
    expect(page.get('[data-test="alert-horizon-hint"]').text()).toContain('180天内');
    page.unmount();
    localStorage.clear();
  });

  it('lists at most 100 lines of a group and counts the rest', async () => {
    const eligible = Array.from({ length: 105 }, (_, i) => ({
      ...sampleDashboard.alerts.eligible[0]!,
      id: `11010119800101${String(i).padStart(4, '0')}`,
      name: `人员${i}`,
    }));
    fakeShell({
      app_info: () => info,
      dashboard: () => ({ ...sampleDashboard, alerts: { ...sampleDashboard.alerts, eligible } }),
    });
    const page = mountHome();
    await flushPromises();
    expect(page.get('[data-test="alerts-eligible-count"]').text()).toBe('105');
    expect(page.findAll('[data-test="alerts-eligible"] [data-test="alert-line"]')).toHaveLength(100);
    expect(page.get('[data-test="alert-more"]').text()).toBe('……另有 5 人未列出');
    page.unmount();
  });

  it('builds one stacked bar per organ, and says when there is nothing to draw', async () => {
    const chart: GradeChart = {
      year: 2025,
      source: 'stored',
      organs: [{ organ: '某局', grades: [1, 4, 0, 0], ungraded: 0, none: 2 }],
    };
    const option = gradeChartOption(chart);
    expect(option.xAxis.data).toEqual(['某局']);
    expect(option.series.map((s) => [s.name, s.stack, s.data[0]])).toEqual([
      ['优秀', 'people', 1],
      ['称职', 'people', 4],
      ['基本称职', 'people', 0],
      ['不称职', 'people', 0],
      ['不定等次', 'people', 0],
      ['无结果', 'people', 2],
    ]);

    expect(option.dataZoom).toEqual([]);
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, overflow: 'break' });
    const many: GradeChart = {
      ...chart,
      organs: Array.from({ length: 30 }, (_, i) => ({ organ: `第${i}局`, grades: [1, 2, 0, 0], ungraded: 0, none: 0 })),
    };
    expect(gradeChartOption(many).dataZoom[0]).toMatchObject({ type: 'slider', startValue: 0, endValue: 11 });

    fakeShell(
      {
        app_info: () => info,
        dashboard: () => ({
          ...sampleDashboard,
          grades: {
            year: 2025,
            source: 'stored',
            organs: [{ organ: '某局', grades: [0, 0, 0, 0], ungraded: 0, none: 5 }],
          },
        }),
      },
      calls,
    );
    const page = mountHome();
    await flushPromises();
    expect(page.find('[data-test="grade-chart"]').exists()).toBe(false);
    expect(page.get('[data-test="grade-chart-empty"]').text()).toContain('没有可显示的考核结果');
    expect(page.get('[data-test="grade-chart-source"]').text()).toBe('图中为数据库中保存的考核结果');
    page.unmount();
  });

  it('in self-test mode reports the visible page text', async () => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText');
    // jsdom has no layout, hence no innerText; textContent is close enough here.
    Object.defineProperty(HTMLElement.prototype, 'innerText', {
      configurable: true,
      get(this: HTMLElement) {
        return this.textContent ?? '';
      },
    });
    try {
      mockShell(calls, { selftest: true });
      const page = mountHome();
      // The page reports after Vue flushed and the web view painted twice.
      await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'selftest_report')).toBe(true), { timeout: 10_000 });

      const report = calls.find((c) => c.cmd === 'selftest_report');
      const text = (report?.args as { text: string } | undefined)?.text ?? '';
      expect(text).toContain('考核 Kaohe');
      expect(text).toContain('/home/clerk/.local/share/kaohe/kaohe.db');
      page.unmount();
    } finally {
      if (original) Object.defineProperty(HTMLElement.prototype, 'innerText', original);
      else delete (HTMLElement.prototype as { innerText?: string }).innerText;
    }
  });

  it('in self-test mode with a first section (bench-startup --section people) opens it and leaves the report to it', async () => {
    mockShell(calls, { selftest: true, selftest_section: 'people' });
    const page = mountHome();
    await vi.waitFor(() => expect(document.querySelector('[data-test="section-people"]')).not.toBeNull(), {
      timeout: 10_000,
    });
    await flushPromises();

    const people = document.querySelector<HTMLElement>('[data-test="section-people"]');
    expect(people).not.toBeNull();
    expect(people?.style.display).not.toBe('none');
    expect(calls.some((c) => c.cmd === 'selftest_report')).toBe(false);
    page.unmount();
  });
});
