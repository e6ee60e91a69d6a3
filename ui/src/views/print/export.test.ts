import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElSelect } from 'element-plus';
import { i18n } from '../../i18n';
import { localToday } from '../../format/date';
import { defaultYear } from '../assessment/data';
import { sampleReport } from '../assessment/fixture';
import PrintPage from './index.vue';
import ExportPanel from './modules/ExportPanel.vue';
import type { ExportProgress } from '../../api/export';
import { failing, fakeShell, type ShellCall, type ShellFailures } from '../../test-utils';

/** What a command receives for a channel, in the tests. */
interface ChannelLike<T> {
  onmessage: (message: T) => void;
}

type Calls = ShellCall[];

const EXPORTS = ['export_promotion', 'export_assessment', 'export_national'];

interface Shell {
  /** What each export command answers: the path written, or null (the clerk cancelled). */
  saved: Record<string, string | null>;
  failures: ShellFailures;
}

function mockShell(calls: Calls, shell: Shell): void {
  fakeShell(
    failing(shell.failures, {
      export_promotion: () => shell.saved.export_promotion ?? null,
      export_assessment: () => shell.saved.export_assessment ?? null,
      export_national: () => shell.saved.export_national ?? null,
      organs: () => ['某市财政局'],
      assessment: () => sampleReport,
    }),
    calls,
  );
}

async function mountPanel(): Promise<VueWrapper> {
  const panel = mount(ExportPanel, { global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  return panel;
}

async function click(page: VueWrapper, hook: string): Promise<void> {
  await page.get(`[data-test="${hook}"]`).trigger('click');
  await flushPromises();
}

describe('打印与导出: saving workbooks', () => {
  let calls: Calls;
  let shell: Shell;

  beforeEach(() => {
    calls = [];
    shell = { saved: {}, failures: {} };
    mockShell(calls, shell);
  });

  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('sits on the 打印与导出 page under the documents, and asks nothing before a click', async () => {
    const page = mount(PrintPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(page.get('[data-test="export-panel"]').text()).toContain('导出 Excel 工作簿');
    expect(page.findAll('[data-test^="export-"]').map((e) => e.attributes('data-test'))).toEqual(
      expect.arrayContaining(['export-promotion', 'export-assessment', 'export-national']),
    );
    expect(calls.map((c) => c.cmd).filter((c) => EXPORTS.includes(c))).toEqual([]);
    page.unmount();
  });

  it('sends the date or the year each workbook needs and shows the path written', async () => {
    const panel = await mountPanel();
    shell.saved.export_promotion = '/home/clerk/文档/职级晋升资格_2026-11-27.xlsx';
    await click(panel, 'export-promotion');
    expect(calls[calls.length - 1]).toMatchObject({ cmd: 'export_promotion', args: { asOf: localToday() } });
    const saved = () => panel.get('[data-test="export-saved"]').text();
    expect(saved()).toContain('职级晋升资格工作簿');
    expect(saved()).toContain('已保存到：/home/clerk/文档/职级晋升资格_2026-11-27.xlsx');

    panel.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', '2025-12-31');
    await flushPromises();
    await click(panel, 'export-promotion');
    expect(calls[calls.length - 1]).toMatchObject({ cmd: 'export_promotion', args: { asOf: '2025-12-31' } });

    shell.saved.export_assessment = '/home/clerk/文档/年度考核结果_2025年度.xlsx';
    await click(panel, 'export-assessment');
    expect(calls[calls.length - 1]).toMatchObject({ cmd: 'export_assessment', args: { year: defaultYear() } });
    expect(saved()).toContain('年度考核结果工作簿');
    expect(saved()).toContain('/home/clerk/文档/年度考核结果_2025年度.xlsx');

    panel.getComponent(ElSelect).vm.$emit('update:modelValue', 2024);
    await flushPromises();
    shell.saved.export_national = '/home/clerk/文档/年度考核导入表_2024年度.xlsx';
    await click(panel, 'export-national');
    expect(calls[calls.length - 1]).toMatchObject({ cmd: 'export_national', args: { year: 2024 } });
    expect(saved()).toContain('国家系统年度考核导入表');
    expect(saved()).toContain('已保存到：/home/clerk/文档/年度考核导入表_2024年度.xlsx');
    panel.unmount();
  });

  it('shows what the export is doing: computing, the dialog, the rows written, saving', async () => {
    let progress: ChannelLike<ExportProgress> | null = null;
    let answer: (path: string | null) => void = () => {};
    fakeShell(
      {
        export_assessment: ({ onProgress }: { onProgress: ChannelLike<ExportProgress> }) => {
          progress = onProgress;
          return new Promise((resolve) => (answer = resolve));
        },
      },
      calls,
    );
    const panel = await mountPanel();
    await click(panel, 'export-assessment');
    const said = async (step: ExportProgress): Promise<string> => {
      progress!.onmessage(step);
      await flushPromises();
      return panel.get('[data-test="export-progress-text"]').text();
    };
    expect(await said({ phase: 'computing' })).toBe('正在计算结果…');
    expect(await said({ phase: 'asking' })).toBe('请在对话框中选择保存位置');
    expect(await said({ phase: 'writing', done: 50000, total: 200000 })).toBe('正在写入：50000 / 200000 行');
    expect(panel.get('.el-progress-bar__inner').attributes('style')).toContain('width: 25%');
    expect(await said({ phase: 'saving' })).toBe('正在保存文件…');
    // The other exports wait meanwhile.
    expect((panel.get('[data-test="export-promotion"]').element as HTMLButtonElement).disabled).toBe(true);
    answer('/home/clerk/文档/年度考核结果_2025年度.xlsx');
    await flushPromises();
    expect(panel.find('[data-test="export-progress"]').exists()).toBe(false);
    expect(panel.get('[data-test="export-saved"]').text()).toContain('年度考核结果_2025年度.xlsx');
    panel.unmount();
  });

  it('a cancelled dialog says nothing, good or bad', async () => {
    const panel = await mountPanel();
    for (const hook of ['export-promotion', 'export-assessment', 'export-national']) await click(panel, hook);
    expect(calls.map((c) => c.cmd)).toEqual(EXPORTS);
    expect(panel.find('[data-test="export-saved"]').exists()).toBe(false);
    expect(panel.find('[data-test="export-failure"]').exists()).toBe(false);
    panel.unmount();
  });

  it('says why a workbook could not be written', async () => {
    shell.failures.export_national = {
      code: 'nothing_readable',
      message: '2031年度没有参加考核的人员，没有可导出的考核结果。',
    };
    const panel = await mountPanel();
    await click(panel, 'export-national');
    const failure = panel.get('[data-test="export-failure"]').text();
    expect(failure).toContain('没有读到可用的内容');
    expect(failure).toContain('2031年度没有参加考核的人员，没有可导出的考核结果。');
    expect(panel.find('[data-test="export-saved"]').exists()).toBe(false);
    panel.unmount();
  });
});
