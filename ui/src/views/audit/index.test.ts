import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElSelect } from 'element-plus';
import type { AuditReport } from '../../api/types';
import { useSettingsStore } from '../../stores/settings';
import { failing, fakeShell, mountSection, type ShellCall, type ShellFailures } from '../../test-utils';
import { filterFindings, kindLabel, totals } from './data';
import { seededReport } from './fixture';
import AuditPage from './index.vue';

type Calls = ShellCall[];

function clone(report: AuditReport): AuditReport {
  return JSON.parse(JSON.stringify(report)) as AuditReport;
}

function mockShell(calls: Calls, report: AuditReport, failures: ShellFailures = {}): void {
  fakeShell(
    failing(failures, {
      audit: () => report,
      audit_mark: ({ key, reason, by }: { key: string; reason: string; by: string }) => ({
        key,
        reason,
        by,
        at: '2026-12-04 09:00:00',
      }),
      audit_unmark: () => true,
      set_operator: ({ name }: { name: string }) => String(name).trim(),
    }),
    calls,
  );
}

/** Each row as [kind, name (and ID), year, reason with its records, state]. */
function rows(page: VueWrapper): string[][] {
  return page.findAll('.el-table__body tr.audit-row').map((tr) => tr.findAll('td').map((td) => td.text()));
}

function field(root: VueWrapper, test: string): DOMWrapper<HTMLInputElement | HTMLTextAreaElement> {
  const el = root.get(`[data-test="${test}"]`);
  const tag = el.element.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return el as DOMWrapper<HTMLInputElement>;
  return el.get('input, textarea') as DOMWrapper<HTMLInputElement>;
}

function button(page: VueWrapper, test: string): HTMLButtonElement {
  return page.get(`[data-test="${test}"]`).element as HTMLButtonElement;
}

describe('核查 page', () => {
  let calls: Calls;
  beforeEach(() => {
    calls = [];
    useSettingsStore().operator = '';
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('lists every finding with its rule and records, the marked one with what was found', async () => {
    mockShell(calls, seededReport);
    const page = await mountSection(AuditPage);
    expect(calls.map((c) => c.cmd)).toEqual(['audit']);
    expect(String(calls[0]!.args.asOf)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.get('[data-test="audit-summary"]').text()).toBe(
      '共 12 人，导入记录和职级变动表中的晋升 1 次；发现问题 10 处，已核实 1 处',
    );
    const shown = rows(page);
    expect(shown.map((r) => r[0])).toEqual([
      '受处分等影响的年度评为优秀',
      '应不确定等次的年度定了等次',
      '不确定等次缺少依据',
      '连续不称职仍在职',
      '晋升时不符合条件',
      '职级低于学历对应的起始职级',
      '任职级时间早于进入公务员队伍时间',
      '已达退休年龄仍在册',
      '缺少年度考核结果',
      '疑似同一人两个身份证号',
    ]);
    expect(shown[0]!.slice(1, 3)).toEqual(['赵晓光330523198803120810', '2023']);
    expect(shown[0]![3]).toContain(
      '2023年度评为优秀，但2023年5月10日受警告（2023年作出决定），该年度不得确定为优秀等次',
    );
    expect(shown[0]![3]).toContain('2023年度考核结果：优秀（1）');
    expect(shown[0]![4]).toContain('已核实');
    expect(shown[0]![4]).toContain('警告系2023年12月作出，优秀等次确定在前，已报主管部门备案');
    expect(shown[4]![3]).toContain('至晋升时计17个月，应满24个月，任职年限不足');
    expect(shown[7]![2]).toBe('—');
    expect(shown.slice(1).every((r) => r[4]!.includes('未核实'))).toBe(true);
    // Each citation set apart where it stands.
    expect(page.findAll('[data-test="audit-reason"]')[0]!.find('[data-test="reason-cite-S"]').exists()).toBe(true);
  });

  it('filters by kind and by whether a finding is marked', async () => {
    mockShell(calls, seededReport);
    const page = await mountSection(AuditPage);
    page
      .getComponent('[data-test="audit-kind"]')
      .findComponent(ElSelect)
      .vm.$emit('update:modelValue', 'past_retirement');
    await flushPromises();
    expect(rows(page).map((r) => r[1])).toEqual(['王建设330523196305010951']);
    page.getComponent('[data-test="audit-kind"]').findComponent(ElSelect).vm.$emit('update:modelValue', 'all');
    await page.get('[data-test="audit-state"] input[value="verified"]').setValue(true);
    await flushPromises();
    expect(rows(page).map((r) => r[1])).toEqual(['赵晓光330523198803120810']);
    expect(filterFindings(seededReport, { kind: 'all', state: 'open' })).toHaveLength(9);
    expect(totals(seededReport)).toEqual({ found: 10, verified: 1 });
    expect(kindLabel('same_person')).toBe('疑似同一人两个身份证号');
  });

  it('asks for the operator, then marks a finding with what was found and computes again', async () => {
    mockShell(calls, clone(seededReport));
    const page = await mountSection(AuditPage);
    // The table's body: element-plus also renders each column's cell once, hidden, for an empty row.
    const markButtons = page.findAll('.el-table__body [data-test="audit-mark"]');
    await markButtons[0]!.trigger('click');
    await flushPromises();
    expect(page.find('[data-test="audit-mark-target"]').exists()).toBe(false);

    await field(page, 'audit-operator').setValue('人事科 李明');
    await field(page, 'audit-operator').trigger('change');
    await flushPromises();
    await page.findAll('.el-table__body [data-test="audit-mark"]')[0]!.trigger('click');
    await flushPromises();
    expect(page.get('[data-test="audit-mark-target"]').text()).toBe('钱文静：应不确定等次的年度定了等次');
    expect(page.get('[data-test="audit-mark-operator"]').text()).toBe('操作人：人事科 李明');
    expect(button(page, 'audit-mark-submit').disabled).toBe(true);
    await field(page, 'audit-mark-reason').setValue('  经查，记过决定于2023年1月作出，名册日期有误，已更正 ');
    expect(button(page, 'audit-mark-submit').disabled).toBe(false);
    calls.length = 0;
    await page.get('[data-test="audit-mark-submit"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => c.cmd)).toEqual(['audit_mark', 'audit']);
    expect(calls[0]!.args).toEqual({
      key: 'graded_while_ungraded:33052319900821082X:2022',
      reason: '经查，记过决定于2023年1月作出，名册日期有误，已更正',
      by: '人事科 李明',
    });
  });

  it('withdraws a mark with a reason', async () => {
    useSettingsStore().operator = '人事科 王芳';
    mockShell(calls, seededReport);
    const page = await mountSection(AuditPage);
    await page.get('.el-table__body [data-test="audit-unmark"]').trigger('click');
    await flushPromises();
    await field(page, 'audit-unmark-reason').setValue('备案材料未找到');
    calls.length = 0;
    await page.get('[data-test="audit-unmark-submit"]').trigger('click');
    await flushPromises();
    expect(calls[0]).toEqual({
      cmd: 'audit_unmark',
      args: { key: 'excellent_barred:330523198803120810:2023', reason: '备案材料未找到', by: '人事科 王芳' },
    });
  });

  it('says when nothing is found, and shows a refusal in Chinese', async () => {
    const empty = clone(seededReport);
    empty.findings = [];
    empty.counts = empty.counts.map((c) => ({ ...c, found: 0, verified: 0 }));
    mockShell(calls, empty);
    const page = await mountSection(AuditPage);
    expect(page.get('[data-test="audit-none"]').text()).toContain('没有发现问题');
    clearMocks();
    document.body.innerHTML = '';

    mockShell(calls, seededReport, {
      audit: { code: 'bad_argument', message: '核查日期「2025-13-01」无效，应为 YYYY-MM-DD' },
    });
    const refused = await mountSection(AuditPage);
    expect(refused.get('[data-test="audit-error"]').text()).toContain('核查日期「2025-13-01」无效');
  });
});
