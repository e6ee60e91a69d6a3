import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from './i18n';
import type { AppInfo } from './api/types';
import { sampleLog, sampleReport } from './views/assessment/fixture';
import App from './App.vue';
import { ChartStub, failing, fakeShell } from './test-utils';
import type { DropEvent } from './api/import';
import { useAppStore } from './stores/app';
import { useSettingsStore } from './stores/settings';
import { threeOrgans } from './views/summary/fixture';

/** The 工作台 refuses: these tests do not look at it. */
const noDashboard = { dashboard: { code: 'database', message: '（本测试不看工作台）' } };

const info: AppInfo = {
  name: 'kaohe-app',
  version: '0.1.0',
  db_path: '/home/clerk/.local/share/kaohe/kaohe.db',
  people: 38,
  organs: 3,
  results: 90,
  selftest: false,
  selftest_section: null,
};

describe('App sections', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('opens 年度考核 only when asked, and reloads it each time it comes back', async () => {
    const calls = fakeShell(
      failing(noDashboard, {
        app_info: () => info,
        assessment: () => sampleReport,
        assessment_log: () => sampleLog,
      }),
    );
    const names = () => calls.map((c) => c.cmd);
    const app = mount(App, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(names()).toEqual(['app_info', 'database_lock', 'import_watch_drops', 'dashboard']);
    expect(app.find('[data-test="pool-arithmetic"]').exists()).toBe(false);

    const tabs = () => app.findAll('[data-test="sections"] .el-menu-item');
    expect(tabs().map((tab) => tab.text())).toEqual([
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
    const tab = (name: string) => app.get(`[data-test="nav-${name}"]`);
    await tab('assessment').trigger('click');
    await flushPromises();
    expect(names().slice(4).sort()).toEqual(['assessment', 'assessment_log']);
    expect(app.get('[data-test="pool-arithmetic"]').text()).toContain('15人 × 20% = 3.00 → 3名');

    await tab('home').trigger('click');
    await flushPromises();
    await tab('assessment').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'assessment')).toHaveLength(2);
    app.unmount();
  });

  it('opens 打印与导出 when asked: the organs of the database and the pools of the year', async () => {
    const calls = fakeShell(
      failing(noDashboard, {
        app_info: () => info,
        organs: () => ['某市财政局'],
        assessment: () => sampleReport,
      }),
    );
    const names = () => calls.map((c) => c.cmd);
    const app = mount(App, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(app.find('[data-test="preview"]').exists()).toBe(false);
    await app.get('[data-test="nav-print"]').trigger('click');
    await flushPromises();
    expect(names().slice(4).sort()).toEqual(['assessment', 'organs']);
    expect(app.get('[data-test="preview"]').text()).toBe('预览');
    app.unmount();
  });

  it('sends report packages dropped on the window to 汇总, which receives them, and a roster to 导入', async () => {
    let window: { onmessage: (event: DropEvent) => void } | null = null;
    useSettingsStore().operator = '人事科 李明';
    const calls = fakeShell(
      failing(noDashboard, {
        app_info: () => info,
        import_watch_drops: ({ onDrop }: { onDrop: { onmessage: (event: DropEvent) => void } }) => {
          window = onDrop;
          return null;
        },
        summary: () => threeOrgans,
        receive_packages: () => ({ received: [], refused: [] }),
        import_layout: () => {
          throw { code: 'bad_argument', message: '（本测试不看列对应）' };
        },
      }),
    );
    const app = mount(App, { global: { plugins: [i18n], stubs: { Echarts: ChartStub } }, attachTo: document.body });
    await flushPromises();
    const store = useAppStore();
    window!.onmessage({ kind: 'over', paths: ['D:\\上报\\甲.kaohe'] });
    expect(store.dragOver).toBe(true);
    window!.onmessage({ kind: 'drop', paths: ['D:\\上报\\甲.kaohe', 'D:\\上报\\乙.KAOHE'] });
    await flushPromises();
    expect(store.section).toBe('summary');
    expect(store.dragOver).toBe(false);
    expect(app.get('[data-test="section-summary"]').isVisible()).toBe(true);
    expect(calls.filter((c) => c.cmd === 'receive_packages').map((c) => c.args)).toEqual([
      { paths: ['D:\\上报\\甲.kaohe', 'D:\\上报\\乙.KAOHE'], replace: false, by: '人事科 李明' },
    ]);

    // A roster beside a package is not a set of packages: 导入 takes the first file.
    window!.onmessage({ kind: 'drop', paths: ['D:\\名册\\花名册.xlsx', 'D:\\上报\\甲.kaohe'] });
    await flushPromises();
    expect(store.section).toBe('import');
    const layout = calls.find((c) => c.cmd === 'import_layout')!;
    expect((layout.args.request as { path: string }).path).toBe('D:\\名册\\花名册.xlsx');
    expect(calls.filter((c) => c.cmd === 'receive_packages')).toHaveLength(1);
    app.unmount();
  });
});
