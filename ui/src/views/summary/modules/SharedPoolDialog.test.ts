import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElInputNumber, ElSelect } from 'element-plus';
import { i18n } from '../../../i18n';
import { failing, fakeShell, type ShellCall, type ShellFailures } from '../../../test-utils';
import type { SharedPool, SharedPoolList } from '../../../api/types';
import SharedPoolDialog from './SharedPoolDialog.vue';

const GROUP: SharedPool = {
  name: '县直统筹',
  pool: '三级和四级主任科员',
  approved: 5,
  organs: ['甲镇', '乙镇', '丙镇'],
  source: '某县委组织部〔2024〕3号',
  by: '组织部 王芳',
  at: '2026-01-20 09:00:00',
};

const POOLS = ['一级和二级调研员', '三级和四级主任科员'];
const ORGANS = ['甲镇', '乙镇', '丙镇', '丁镇'];

async function open(calls: ShellCall[], failures: ShellFailures = {}, operator = '组织部 王芳') {
  let list: SharedPoolList = { groups: [GROUP], pools: POOLS, organs: ORGANS };
  fakeShell(
    failing(failures, {
      shared_pools: () => list,
      shared_pool_set: ({ request }) => {
        list = { ...list, groups: [...list.groups.filter((g) => g.name !== request.name), { ...GROUP, ...request }] };
        return list;
      },
      shared_pool_remove: ({ name }) => {
        list = { ...list, groups: list.groups.filter((g) => g.name !== name) };
        return list;
      },
    }),
    calls,
  );
  const wrapper = mount(SharedPoolDialog, {
    props: { operator, requireOperator: () => operator.trim() !== '', modelValue: false },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return wrapper;
}

function rows(): string[][] {
  return [...document.querySelectorAll('[data-test="shared-groups"] .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
  );
}

async function type(test: string, value: string): Promise<void> {
  const field = document.querySelector(`[data-test="${test}"]`);
  const input = (field instanceof HTMLInputElement ? field : field?.querySelector('input')) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

function click(test: string, index = 0): void {
  (document.querySelectorAll(`[data-test="${test}"]`)[index] as HTMLElement).click();
}

describe('统筹职数', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('lists the groups with their basis, as local data', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    expect(calls).toEqual([{ cmd: 'shared_pools', args: {} }]);
    expect(rows()[0]!.slice(0, 5)).toEqual([
      '县直统筹',
      '三级和四级主任科员',
      '5',
      '甲镇、乙镇、丙镇',
      '本地统筹（依据：某县委组织部〔2024〕3号）组织部 王芳设置于2026-01-20 09:00:00',
    ]);
    wrapper.unmount();
  });

  it('sets a group from the rules’ pools and the 所辖单位, with its basis and the operator', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    const [pool, organs] = wrapper.findAllComponents(ElSelect);
    await type('shared-name', ' 乡镇统筹 ');
    pool!.vm.$emit('update:modelValue', '一级和二级调研员');
    organs!.vm.$emit('update:modelValue', ['丁镇']);
    wrapper.findComponent(ElInputNumber).vm.$emit('update:modelValue', 2);
    await flushPromises();
    expect((document.querySelector('[data-test="shared-save"]') as HTMLButtonElement).disabled).toBe(true);
    await type('shared-source', '某县委组织部〔2025〕7号');
    click('shared-save');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'shared_pool_set')?.args).toEqual({
      request: {
        name: '乡镇统筹',
        pool: '一级和二级调研员',
        approved: 2,
        organs: ['丁镇'],
        source: '某县委组织部〔2025〕7号',
      },
      by: '组织部 王芳',
    });
    expect(rows().map((r) => r[0])).toEqual(['县直统筹', '乡镇统筹']);
    expect(wrapper.emitted('changed')).toHaveLength(1);
    wrapper.unmount();
  });

  it('edits a group in the form, and shows the shell’s refusal of an organ not listed', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, {
      shared_pool_set: { code: 'unknown_organ', message: '所辖单位名单中没有「戊镇」' },
    });
    click('shared-edit');
    await flushPromises();
    expect((document.querySelector('[data-test="shared-name"]') as HTMLInputElement).value).toBe('县直统筹');
    click('shared-save');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'shared_pool_set')?.args.request).toEqual({
      name: '县直统筹',
      pool: '三级和四级主任科员',
      approved: 5,
      organs: ['甲镇', '乙镇', '丙镇'],
      source: '某县委组织部〔2024〕3号',
    });
    expect(document.querySelector('[data-test="shared-error"]')?.textContent).toContain('所辖单位名单中没有「戊镇」');
    expect(wrapper.emitted('changed')).toBeUndefined();
    wrapper.unmount();
  });

  it('removes a group once confirmed, never without an operator', async () => {
    const calls: ShellCall[] = [];
    const nobody = await open(calls, {}, '');
    click('shared-remove');
    await flushPromises();
    expect(document.querySelector('.el-message-box')).toBeNull();
    nobody.unmount();
    document.body.innerHTML = '';

    const wrapper = await open(calls);
    click('shared-remove');
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')?.click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'shared_pool_remove')).toBe(true), { timeout: 10_000 });
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'shared_pool_remove')?.args).toEqual({ name: '县直统筹', by: '组织部 王芳' });
    expect(document.querySelector('[data-test="shared-empty"]')?.textContent).toBe('还没有统筹职数');
    wrapper.unmount();
  });
});
