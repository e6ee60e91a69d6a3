import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from '../../../i18n';
import type { AssessmentComparison } from '../../../api/whatif';
import { fakeShell, type ShellCall } from '../../../test-utils';
import { sampleComparison } from '../fixture';
import WhatIfDialog from './WhatIfDialog.vue';

async function open(calls: ShellCall[], answer: AssessmentComparison | null) {
  fakeShell({ whatif_assessment: () => answer }, calls);
  const wrapper = mount(WhatIfDialog, {
    props: { year: 2025, organs: ['某市财政局', '某县人力资源和社会保障局'], modelValue: false },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return wrapper;
}

const rows = (selector: string): string[][] =>
  Array.from(document.querySelectorAll(`[data-test="${selector}"] .el-table__body tr`), (tr) =>
    Array.from(tr.querySelectorAll('td'), (td) => (td as HTMLElement).textContent?.trim() ?? ''),
  );

describe('年度考核 对比', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('tries an organ ratio and lists the pool and the person it changes, with the reasons after', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, sampleComparison);
    (document.querySelector('[data-test="whatif-run"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(calls).toEqual([
      { cmd: 'whatif_assessment', args: { year: 2025, change: { kind: 'ratio', organ: '某市财政局', percent: 25 } } },
    ]);
    expect(document.querySelector('[data-test="whatif-summary"]')?.textContent).toContain(
      '某市财政局的优秀比例为30%（现为20%）：结果改变的 1 人，未改变的 37 人',
    );
    const pools = rows('whatif-pools');
    expect(pools).toHaveLength(1);
    expect(pools[0]![0]).toBe('某市财政局 · 非领导成员');
    expect(pools[0]![1]).toContain('15人 × 20% = 3.00 → 3名');
    expect(pools[0]![2]).toContain('15人 × 30% = 4.50 → 4名');
    const people = rows('whatif-people');
    expect(people.map((r) => r.slice(0, 3))).toEqual([
      ['吴秀英某市财政局', '称职（非领导成员）', '优秀（非领导成员）'],
    ]);
    // The reasons before and after side by side.
    expect(people[0]![3]).toContain('15人 × 20% = 3.00 → 3名');
    expect(people[0]![3]).toContain('未进入优秀名额，综合得分不低于70.00分，建议称职');
    expect(people[0]![4]).toContain('在优秀名额（4名）以内，建议优秀');
    wrapper.unmount();
  });

  it('asks the shell for a rule file and keeps what was shown when the dialog is cancelled', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, null);
    const profile = Array.from(document.querySelectorAll('[data-test="whatif-kind"] input')).find(
      (i) => (i as HTMLInputElement).value === 'profile',
    ) as HTMLInputElement;
    profile.click();
    await flushPromises();
    expect(document.querySelector('[data-test="whatif-run"]')?.textContent?.trim()).toBe('选择规则文件并对比');
    (document.querySelector('[data-test="whatif-run"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(calls.map((c) => c.args)).toEqual([{ year: 2025, change: { kind: 'profile' } }]);
    expect(document.querySelector('[data-test="whatif-summary"]')).toBeNull();
    wrapper.unmount();
  });
});
