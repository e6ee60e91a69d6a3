import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElSelect } from 'element-plus';
import { PRINT_DOCUMENTS, type PrintPreview } from '../../api/types';
import { localToday } from '../../format/date';
import { defaultYear } from '../assessment/data';
import { sampleReport } from '../assessment/fixture';
import { fieldsOf, poolChoices, requestOf } from './data';
import PrintPage from './index.vue';
import { failing, fakeShell, mountSection, type ShellCall, type ShellFailures } from '../../test-utils';

type Calls = ShellCall[];

const ORGANS = ['某市财政局', '某县人力资源和社会保障局'];

const forms: PrintPreview = {
  path: '/home/clerk/.cache/cn.kaohe.app/print/年度考核登记表（2025年度）.html',
  pages: 38,
  title: '年度考核登记表（2025年度）',
};

interface Shell {
  preview: PrintPreview;
  failures: ShellFailures;
}

function mockShell(calls: Calls, shell: Shell): void {
  fakeShell(
    failing(shell.failures, {
      organs: () => ORGANS,
      assessment: () => sampleReport,
      print_preview: () => shell.preview,
      print_current: () => null,
    }),
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(PrintPage);

async function choose(page: VueWrapper, doc: string): Promise<void> {
  await page.get(`[data-test="doc-${doc}"] input`).setValue(true);
  await flushPromises();
}

/** Which parameter fields the form shows. */
function shownFields(page: VueWrapper): string[] {
  return ['year', 'as-of', 'organ', 'pool', 'from'].filter((f) => page.find(`[data-test="field-${f}"]`).exists());
}

function selectIn(page: VueWrapper, test: string) {
  return page.getComponent(`[data-test="${test}"]`) as VueWrapper<InstanceType<typeof ElSelect>>;
}

function button(root: VueWrapper | DOMWrapper<Element>, test: string): HTMLButtonElement {
  return root.get(`[data-test="${test}"]`).element as HTMLButtonElement;
}

describe('打印 page', () => {
  let calls: Calls;
  let shell: Shell;

  beforeEach(() => {
    calls = [];
    shell = { preview: forms, failures: {} };
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('lists the eight documents with their Chinese descriptions', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    const titles = page.findAll('.doc__title').map((e) => e.text());
    expect(titles).toEqual([
      '年度考核登记表（每人一页）',
      '年度考核优秀等次人选公示',
      '职级晋升人选公示',
      '年度考核结果汇总表',
      '优秀等次名额测算表',
      '职级晋升资格审核表',
      '职数使用情况表',
      '年度考核结果汇总表（各单位上报）',
    ]);
    expect(PRINT_DOCUMENTS.map((d) => d.doc)).toEqual([
      '登记表',
      '优秀公示',
      '晋升公示',
      '考核汇总',
      '名额测算',
      '晋升审核',
      '职数',
      '上报汇总',
    ]);
    expect(page.get('[data-test="chosen"]').text()).toBe('年度考核登记表（每人一页）');
    expect(calls.map((c) => c.cmd).sort()).toEqual(['assessment', 'organs']);
    page.unmount();
  });

  it('shows the parameters each document needs', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    const expected: Record<string, string[]> = {
      登记表: ['year', 'organ', 'pool'],
      优秀公示: ['year', 'organ', 'pool', 'from'],
      晋升公示: ['as-of', 'organ', 'from'],
      考核汇总: ['year', 'organ', 'pool'],
      名额测算: ['year', 'organ', 'pool'],
      晋升审核: ['as-of', 'organ'],
      职数: ['as-of', 'organ'],
      上报汇总: ['year'],
    };
    for (const [doc, fields] of Object.entries(expected)) {
      await choose(page, doc);
      expect(shownFields(page), doc).toEqual(fields);
    }
    expect(fieldsOf('职数')).toEqual({ year: false, asOf: true, organ: true, pool: false, from: false });
    expect(fieldsOf('上报汇总')).toEqual({ year: true, asOf: false, organ: false, pool: false, from: false });
    page.unmount();
  });

  it('offers the organs of the database and the pools of the year', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    expect(calls.find((c) => c.cmd === 'assessment')?.args).toEqual({ year: defaultYear() });
    const organOptions = selectIn(page, 'organ')
      .findAllComponents({ name: 'ElOption' })
      .map((o) => o.props('label'));
    expect(organOptions).toEqual(ORGANS);
    const poolOptions = () =>
      selectIn(page, 'pool')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label'));
    expect(poolOptions()).toEqual(['非领导成员', '领导成员']);
    selectIn(page, 'organ').vm.$emit('update:modelValue', '某市财政局');
    await flushPromises();
    expect(poolOptions()).toEqual(['非领导成员']);
    expect(poolChoices(sampleReport, '某县人力资源和社会保障局')).toEqual(['领导成员', '非领导成员']);
    page.unmount();
  });

  it('previews 登记表 for a year, organ and pool, then shows its page count', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    expect(button(page, 'print').disabled).toBe(true);

    selectIn(page, 'year').vm.$emit('update:modelValue', 2025);
    selectIn(page, 'organ').vm.$emit('update:modelValue', '某市财政局');
    await flushPromises();
    selectIn(page, 'pool').vm.$emit('update:modelValue', '非领导成员');
    await flushPromises();
    calls.length = 0;
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();

    expect(calls).toEqual([
      {
        cmd: 'print_preview',
        args: { doc: '登记表', year: 2025, asOf: null, organ: '某市财政局', pool: '非领导成员', from: null },
      },
    ]);
    expect(page.get('[data-test="print-title"]').text()).toBe('年度考核登记表（2025年度）');
    expect(page.get('[data-test="print-pages"]').text()).toBe('共 38 页');
    expect(page.get('[data-test="print-path"]').text()).toBe(forms.path);
    expect(button(page, 'print').disabled).toBe(false);

    calls.length = 0;
    await page.get('[data-test="print"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([{ cmd: 'print_current', args: {} }]);
    expect(document.body.textContent).toContain('已打开打印对话框');
    page.unmount();
  });

  it('sends the as-of and start dates of 晋升公示, and says a flowing document has no fixed page count', async () => {
    shell.preview = {
      path: '/tmp/职级晋升人选公示（截至2025年12月31日）.html',
      pages: null,
      title: '职级晋升人选公示（截至2025年12月31日）',
    };
    mockShell(calls, shell);
    const page = await mountPage();
    await choose(page, '晋升公示');
    // The form's date pickers (not the export panel's below it).
    const dates = page
      .findAllComponents({ name: 'ElDatePicker' })
      .filter((d) => !(d.element as HTMLElement).closest('[data-test="export-panel"]'));
    expect(dates).toHaveLength(2);
    expect(dates.map((d) => d.props('modelValue'))).toEqual([localToday(), localToday()]);
    dates[0]!.vm.$emit('update:modelValue', '2025-12-31');
    dates[1]!.vm.$emit('update:modelValue', '2026-01-19');
    await flushPromises();
    calls.length = 0;
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();

    expect(calls[0]).toEqual({
      cmd: 'print_preview',
      args: { doc: '晋升公示', year: null, asOf: '2025-12-31', organ: null, pool: null, from: '2026-01-19' },
    });
    expect(page.get('[data-test="print-pages"]').text()).toBe('页数随内容而定，以打印对话框中的预览为准');
    page.unmount();
  });

  it('previews 上报汇总 of a year, every organ that reported, and says why a year without packages is refused', async () => {
    shell.preview = {
      path: '/tmp/2025年度考核结果汇总表（各单位上报）.html',
      pages: null,
      title: '2025年度考核结果汇总表（各单位上报）',
    };
    mockShell(calls, shell);
    const page = await mountPage();
    // An organ chosen for another document is not sent: 上报汇总 covers them all.
    selectIn(page, 'organ').vm.$emit('update:modelValue', '某市财政局');
    await choose(page, '上报汇总');
    expect(page.get('[data-test="doc-上报汇总"]').text()).toContain('按各单位上报文件');
    selectIn(page, 'year').vm.$emit('update:modelValue', 2025);
    await flushPromises();
    calls.length = 0;
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([
      {
        cmd: 'print_preview',
        args: { doc: '上报汇总', year: 2025, asOf: null, organ: null, pool: null, from: null },
      },
    ]);
    expect(page.get('[data-test="print-title"]').text()).toBe('2025年度考核结果汇总表（各单位上报）');

    const none = '数据库中没有2024年度的上报文件，不能打印各单位汇总表：请先接收各单位2024年度的上报文件';
    shell.failures.print_preview = { code: 'bad_argument', message: none };
    selectIn(page, 'year').vm.$emit('update:modelValue', 2024);
    await flushPromises();
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="print-failure"]').text()).toContain(none);
    page.unmount();
  });

  it('asks for a new preview once the parameters change', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();
    expect(button(page, 'print').disabled).toBe(false);
    expect(page.find('[data-test="print-stale"]').exists()).toBe(false);

    await choose(page, '考核汇总');
    expect(button(page, 'print').disabled).toBe(true);
    expect(page.get('[data-test="print-stale"]').text()).toBe('参数已更改，请先点击「预览」，再打印');
    await choose(page, '登记表');
    expect(button(page, 'print').disabled).toBe(false);
    page.unmount();
  });

  it("shows the shell's refusal in Chinese, and a closed preview window", async () => {
    shell.failures.print_preview = { code: 'bad_argument', message: '「登记表」需要考核年度' };
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();
    const failure = page.get('[data-test="print-failure"]');
    expect(failure.text()).toContain('参数有误');
    expect(failure.text()).toContain('「登记表」需要考核年度');

    delete shell.failures.print_preview;
    shell.failures.print_current = { code: 'no_preview', message: '没有打开的打印预览，请先点击「预览」' };
    await page.get('[data-test="preview"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-test="print-failure"]').exists()).toBe(false);
    await page.get('[data-test="print"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="print-failure"]').text()).toContain('没有打开的打印预览');
    expect(button(page, 'print').disabled).toBe(true);
    page.unmount();
  });

  it('builds requests with nulls for the fields a document does not use', () => {
    const form = {
      doc: '名额测算' as const,
      year: 2025,
      asOf: '2025-12-31',
      organ: '',
      pool: '领导成员',
      from: '2026-01-05',
    };
    expect(requestOf(form)).toEqual({
      doc: '名额测算',
      year: 2025,
      asOf: null,
      organ: null,
      pool: '领导成员',
      from: null,
    });
    expect(requestOf({ ...form, doc: '晋升审核', organ: '某市财政局' })).toEqual({
      doc: '晋升审核',
      year: null,
      asOf: '2025-12-31',
      organ: '某市财政局',
      pool: null,
      from: null,
    });
  });
});
