import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { i18n } from '../../i18n';
import type { AppInfo, ImportOutcome, PromotionReport } from '../../api/types';
import App from '../../App.vue';

const info: AppInfo = {
  name: 'kaohe-app',
  version: '0.1.0',
  db_path: '/home/clerk/.local/share/kaohe/kaohe.db',
  people: 0,
  organs: 0,
  results: 0,
  selftest: false,
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

const report: PromotionReport = {
  as_of: '2025-12-31',
  profile: { id: 'national', name: '全国默认规则', version: '2019.06-1' },
  people: [
    {
      id: '110101199003071234',
      name: '张三',
      organ: '某某局',
      category: '综合管理类',
      rank: '二级主任科员',
      target_rank: '一级主任科员',
      required_months: 24,
      counting_from: '2019-06-15',
      counted_months: 78,
      qualified: true,
      eligible: false,
      eligible_on: '2021-06-15',
      slot: null,
      blocks: [{ code: 'sanction', until: '2026-02-28', reason: '2025年3月1日受记过处分（影响期12个月），影响期内不得晋升职级' }],
      reasons: ['任职年限已满足。', '结论：任职年限已满足，但因处分影响期暂不能晋升一级主任科员。'],
    },
    {
      id: '110101198805051239',
      name: '李四',
      organ: '某某局办公室',
      category: '综合管理类',
      rank: '四级主任科员',
      target_rank: '三级主任科员',
      required_months: 24,
      counting_from: '2024-10-01',
      counted_months: 14,
      qualified: false,
      eligible: false,
      eligible_on: '2026-10-01',
      slot: null,
      blocks: [],
      reasons: ['结论：暂不符合晋升三级主任科员的任职年限条件。'],
    },
  ],
  pools: [],
};

type Calls = { cmd: string; args: unknown }[];

function mockShell(calls: Calls, overrides: Partial<AppInfo> = {}): void {
  let current: AppInfo = { ...info, ...overrides };
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case 'app_info':
        return current;
      case 'import_sample':
        current = { ...current, people: 12, organs: 2, results: 36 };
        return imported;
      case 'promotion':
        return report;
      case 'selftest_report':
        return null;
      default:
        throw `unknown command ${cmd}`;
    }
  });
}

/** The whole app: the home page is its first section. */
function mountHome() {
  return mount(App, { global: { plugins: [i18n] }, attachTo: document.body });
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
    expect(page.findAll('[data-test="sections"] .el-menu-item').map((tab) => tab.text())).toEqual(['工作台', '导入', '年度考核', '职级晋升', '打印与导出', '规则', '操作日志', '设置']);
    expect(page.get('[data-test="db-path"]').text()).toBe('/home/clerk/.local/share/kaohe/kaohe.db');
    expect(page.get('[data-test="count-people"]').text()).toBe('120');
    expect(page.get('[data-test="count-organs"]').text()).toBe('4');
    expect(page.get('[data-test="count-results"]').text()).toBe('360');
    expect(page.text()).toContain('年度考核记录');
    expect(calls.map((c) => c.cmd)).toEqual(['app_info']);
    page.unmount();
  });

  it('imports the sample roster and refreshes the counts', async () => {
    mockShell(calls);
    const page = mountHome();
    await flushPromises();
    expect(page.get('[data-test="count-people"]').text()).toBe('0');

    await page.get('[data-test="import-sample"]').trigger('click');
    await flushPromises();

    expect(calls.map((c) => c.cmd)).toEqual(['app_info', 'import_sample', 'app_info']);
    expect(page.get('[data-test="count-people"]').text()).toBe('12');
    expect(page.get('[data-test="count-results"]').text()).toBe('36');
    const outcome = page.get('[data-test="import-outcome"]').text();
    expect(outcome).toContain('人员 12 人（新增 12，更新 0）');
    expect(outcome).toContain('名册中有 2 处问题');
    page.unmount();
  });

  it('computes promotion for the chosen date and shows one row per person', async () => {
    mockShell(calls, { people: 2 });
    const page = mountHome();
    await flushPromises();

    await page.get('[data-test="compute"]').trigger('click');
    await flushPromises();

    const promotionCall = calls.find((c) => c.cmd === 'promotion');
    expect(promotionCall?.args).toEqual({ asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    expect(page.get('[data-test="promotion-summary"]').text()).toBe(
      '截至 2025-12-31，共 2 人，符合晋升条件 0 人（规则：全国默认规则）',
    );
    const headers = page.findAll('.el-table__header th').map((th) => th.text());
    expect(headers).toEqual([
      '',
      '姓名',
      '单位',
      '现职级',
      '拟晋升职级',
      '已计月数/需要月数',
      '是否符合',
      '最早符合日期',
      '限制原因',
    ]);
    const rows = page
      .findAll('.el-table__body tr.el-table__row')
      .map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['', '张三', '某某局', '二级主任科员', '一级主任科员', '6年6个月 / 2年', '年限已满，受限制', '2021-06-15', '处分期内（至 2026-02-28）'],
      ['', '李四', '某某局办公室', '四级主任科员', '三级主任科员', '1年2个月 / 2年', '不符合', '2026-10-01', ''],
    ]);
    page.unmount();
  });

  it('shows a command error with its Chinese title', async () => {
    mockShell(calls);
    const page = mountHome();
    await flushPromises();
    mockIPC(() => {
      throw { code: 'bad_argument', message: '日期「2025-02-30」无效' };
    });

    await page.get('[data-test="compute"]').trigger('click');
    await flushPromises();

    const failure = page.get('[data-test="promotion-failure"]').text();
    expect(failure).toContain('参数有误');
    expect(failure).toContain('日期「2025-02-30」无效');
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
      await flushPromises();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await flushPromises();

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
});
