import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from '../../../i18n';
import { failing, fakeShell, type ShellCall, type ShellFailures } from '../../../test-utils';
import PackageDialog from './PackageDialog.vue';

async function open(calls: ShellCall[], failures: ShellFailures = {}) {
  fakeShell(failing(failures, { report_package: () => 'D:\\上报\\某市财政局_2025年度上报.kaohe' }), calls);
  const wrapper = mount(PackageDialog, {
    props: { year: 2025, organs: ['某市财政局', '某县市场监督管理局'], operator: '人事科 李明 ', modelValue: false },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return wrapper;
}

describe('上报', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('saves the first organ’s package of the year, proposals as of 31 December, with the operator', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    expect(document.querySelector('[data-test="package-operator"]')?.textContent?.trim()).toBe('操作人：人事科 李明');
    (document.querySelector('[data-test="package-save"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(calls).toEqual([
      { cmd: 'report_package', args: { year: 2025, organ: '某市财政局', asOf: '2025-12-31', by: '人事科 李明' } },
    ]);
    expect(wrapper.emitted('update:modelValue')?.slice(-1)[0]).toEqual([false]);
    wrapper.unmount();
  });

  it('says why a year not finalised cannot be reported, and stays open', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, {
      report_package: { code: 'year_not_locked', message: '2025年度考核尚未定稿，不能上报：请先在「年度考核」中定稿' },
    });
    (document.querySelector('[data-test="package-save"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(document.querySelector('[data-test="package-error"]')?.textContent).toContain(
      '2025年度考核尚未定稿，不能上报',
    );
    expect(wrapper.emitted('update:modelValue')?.slice(-1)[0]).not.toEqual([false]);
    wrapper.unmount();
  });
});
