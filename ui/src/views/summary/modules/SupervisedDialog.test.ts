import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from '../../../i18n';
import { failing, fakeShell, type ShellCall, type ShellFailures } from '../../../test-utils';
import type { OrganChange, SupervisedOrgan } from '../../../api/types';
import SupervisedDialog from './SupervisedDialog.vue';

const LISTED: SupervisedOrgan[] = [
  { name: '某市财政局', level: '市(地)', people: 0, received: true },
  { name: '某县财政局', level: null, people: 0, received: false },
];

const NOTHING: OrganChange = {
  file: null,
  sheet: null,
  read: 0,
  added: [],
  updated: [],
  already: [],
  removed: [],
  warnings: [],
};

async function open(calls: ShellCall[], failures: ShellFailures = {}, operator = '王芳', asked: string[] = []) {
  let listed = [...LISTED];
  fakeShell(
    failing(failures, {
      supervised_organs: () => listed,
      supervised_add: ({ name, level }) => {
        listed = [...listed, { name, level: level ?? null, people: 0, received: false }];
        return { ...NOTHING, added: [name] };
      },
      supervised_remove: ({ name }) => {
        listed = listed.filter((o) => o.name !== name);
        return { ...NOTHING, removed: [name] };
      },
      supervised_import: () => ({
        ...NOTHING,
        file: 'D:\\名单\\各单位编制与人员配备表.xls',
        sheet: '第1页',
        read: 3,
        added: ['某县审计局', '某县统计局'],
        already: ['某县财政局'],
        warnings: ['工作表「第1页」第6行 B列「机构级别」：「正科级」不是规则中的机关层级（中央、省…），已按原文记录'],
      }),
    }),
    calls,
  );
  const wrapper = mount(SupervisedDialog, {
    props: {
      year: 2025,
      operator,
      requireOperator: () => {
        asked.push('operator');
        return operator.trim() !== '';
      },
      modelValue: false,
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return wrapper;
}

function rows(): string[][] {
  return [...document.querySelectorAll('[data-test="supervised-organs"] .el-table__body tr')].map((tr) =>
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

describe('所辖单位', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('lists the organs with their level and whether the year’s package came', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    expect(calls).toEqual([{ cmd: 'supervised_organs', args: { year: 2025 } }]);
    expect(document.querySelector('[data-test="supervised-dialog"]')?.textContent).toContain(
      '所辖单位（2025年度上报情况）',
    );
    expect(rows().map((r) => r.slice(0, 4))).toEqual([
      ['某市财政局', '市(地)', '0', '已上报'],
      ['某县财政局', '—', '0', '未上报'],
    ]);
    expect(document.querySelector('[data-test="supervised-count"]')?.textContent?.trim()).toBe('共 2 个单位');
    wrapper.unmount();
  });

  it('adds an organ with its level and the operator, then reads the list again', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    await type('supervised-name', ' 某县审计局 ');
    await type('supervised-level', '县');
    click('supervised-add');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'supervised_add')?.args).toEqual({
      name: '某县审计局',
      level: '县',
      by: '王芳',
    });
    expect(rows().map((r) => r[0])).toEqual(['某市财政局', '某县财政局', '某县审计局']);
    expect(document.querySelector('[data-test="supervised-done"]')?.textContent).toContain('已添加：某县审计局');
    expect(wrapper.emitted('changed')).toHaveLength(1);
    wrapper.unmount();
  });

  it('asks for the operator before any change', async () => {
    const calls: ShellCall[] = [];
    const asked: string[] = [];
    const wrapper = await open(calls, {}, ' ', asked);
    await type('supervised-name', '某县审计局');
    click('supervised-add');
    click('supervised-import');
    await flushPromises();
    expect(asked).toEqual(['operator', 'operator']);
    expect(calls.map((c) => c.cmd)).toEqual(['supervised_organs']);
    wrapper.unmount();
  });

  it('imports a workbook chosen in the shell’s dialog: added, already listed, warnings', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls);
    click('supervised-import');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'supervised_import')?.args).toEqual({ by: '王芳' });
    const done = document.querySelector('[data-test="supervised-done"]')?.textContent ?? '';
    expect(done).toContain(
      '从「D:\\名单\\各单位编制与人员配备表.xls」读到 3 个单位：新增 2 个，已在名单中 1 个；已添加：某县审计局、某县统计局；已在名单中：某县财政局',
    );
    expect(
      [...document.querySelectorAll('[data-test="supervised-warning"]')].map((w) => w.textContent?.trim()),
    ).toEqual(['工作表「第1页」第6行 B列「机构级别」：「正科级」不是规则中的机关层级（中央、省…），已按原文记录']);
    wrapper.unmount();
  });

  it('says why a workbook without organs is not taken', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, {
      supervised_import: {
        code: 'nothing_readable',
        message:
          '工作表「第1页」第2行有单位名称的列，但表中没有找到任何单位（空行和总计、合计行不算）；请在表头下逐行填写各单位的名称后再导入',
      },
    });
    click('supervised-import');
    await flushPromises();
    expect(document.querySelector('[data-test="supervised-error"]')?.textContent).toContain('表中没有找到任何单位');
    expect(wrapper.emitted('changed')).toBeUndefined();
    wrapper.unmount();
  });

  it('removes an organ once confirmed, and shows the refusal when people belong to it', async () => {
    const calls: ShellCall[] = [];
    const wrapper = await open(calls, {
      supervised_remove: {
        code: 'organ_in_use',
        message: '「某市财政局」有 16 名人员，不能从所辖单位名单中删除；请先在名册中把这些人员调往其他单位',
      },
    });
    click('supervised-remove', 0);
    await flushPromises();
    const confirm = document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary');
    expect(confirm?.textContent?.trim()).toBe('删除');
    expect(document.querySelector('.el-message-box__message')?.textContent).toContain('「某市财政局」');
    confirm?.click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'supervised_remove')).toBe(true), { timeout: 10_000 });
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'supervised_remove')?.args).toEqual({ name: '某市财政局', by: '王芳' });
    const error = document.querySelector('[data-test="supervised-error"]')?.textContent ?? '';
    expect(error).toContain('该单位有人员，不能删除');
    expect(error).toContain('「某市财政局」有 16 名人员');
    expect(rows()).toHaveLength(2);
    wrapper.unmount();
  });
});
