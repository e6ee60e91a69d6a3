import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from '../../../i18n';
import { failing, fakeShell, type ShellCall } from '../../../test-utils';
import { sampleComparison } from '../fixture';
import WhatIfDialog from './WhatIfDialog.vue';

async function open(calls: ShellCall[], failures: Record<string, unknown> = {}) {
  fakeShell(failing(failures, { whatif_promotion: () => sampleComparison }), calls);
  const wrapper = mount(WhatIfDialog, {
    props: { asOf: '2025-12-31', modelValue: false },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return wrapper;
}

describe('职级晋升 对比', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('compares with a year later by default and lists who becomes eligible', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    (document.querySelector('[data-test="whatif-run"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(calls).toEqual([
      { cmd: 'whatif_promotion', args: { asOf: '2025-12-31', change: { kind: 'as_of', date: '2026-12-31' } } },
    ]);
    expect(document.querySelector('[data-test="whatif-summary"]')?.textContent).toContain(
      '结果改变的 11 人，未改变的 27 人',
    );
    const rows = Array.from(document.querySelectorAll('[data-test="whatif-people"] .el-table__body tr'), (tr) =>
      Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? ''),
    );
    const ma = rows.find((r) => r[0]!.startsWith('马秀英'))!;
    expect(ma.slice(1, 3)).toEqual(['任职年限未满（2026-07-28起满足）', '符合（四级主任科员），拟列入']);
    const tian = rows.find((r) => r[0]!.startsWith('田建国'))!;
    expect(tian[1]).toBe('任职年限已满足，但暂不能晋升');
    wrapper.unmount();
  });

  it('shows a refusal in Chinese', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, {
      whatif_promotion: {
        code: 'profile_invalid',
        message: '规则文件「某市规则.toml」无法采用：第3行第8列：不符合 TOML 格式',
      },
    });
    (document.querySelector('[data-test="whatif-run"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(document.querySelector('[data-test="whatif-error"]')?.textContent).toContain('第3行第8列：不符合 TOML 格式');
    wrapper.unmount();
  });
});
