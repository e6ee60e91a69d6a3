import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElSelect } from 'element-plus';
import type { Operation } from '../../api/log';
import { useAppStore } from '../../stores/app';
import LogPage from './index.vue';
import { failing, fakeShell, mountSection, type ShellCall } from '../../test-utils';

type Calls = ShellCall[];

function entry(e: Partial<Operation> & Pick<Operation, 'kind' | 'at'>): Operation {
  return {
    by: '人事科 李明',
    year: null,
    subject: null,
    person_id: null,
    from: null,
    to: null,
    reason: null,
    people: null,
    issues: null,
    ...e,
  };
}

/** The merged log as the shell returns it: newest first. */
const LOG: Operation[] = [
  entry({
    kind: 'receive',
    at: '2026-12-02 10:00:00',
    subject: '某市财政局_2025年度上报.kaohe',
    from: '某市财政局_2025年度上报（第一次）.kaohe',
    to: '某市财政局（2025年度）',
    people: 16,
    by: '组织部 王芳',
  }),
  entry({
    kind: 'verify',
    at: '2026-12-01 09:00:00',
    subject: '赵晓光（330523198803120810）：受处分等影响的年度评为优秀（2023）',
    to: '已核实',
    reason: '优秀等次确定在前，已报主管部门备案',
  }),
  entry({ kind: 'password', at: '2026-11-28 08:00:00', to: '设置', by: '人事科 王芳' }),
  entry({ kind: 'operator', at: '2026-11-27 11:00:00', from: '人事科 李明', to: '人事科 王芳', by: '人事科 王芳' }),
  entry({
    kind: 'profile',
    at: '2026-11-27 10:40:00',
    subject: 'D:\\规则\\某省规则.toml',
    from: '全国默认规则（2019.06-1）',
    to: '某省规则（2026.1）',
  }),
  entry({
    kind: 'restore',
    at: '2026-11-27 10:30:05',
    subject: 'D:\\备份\\考核数据备份_2026-11-20.db',
    to: 'C:\\Kaohe\\恢复前备份\\恢复前备份_2026-11-27_103005.db',
    people: 38,
  }),
  entry({ kind: 'backup', at: '2026-11-20 17:00:00', subject: 'D:\\备份\\考核数据备份_2026-11-20.db', people: 38 }),
  entry({ kind: 'reopen', at: '2026-01-20 09:00:00', year: 2025, from: '2026-01-15定稿', reason: '收到复核申请' }),
  entry({ kind: 'finalize', at: '2026-01-15 16:00:00', year: 2025, to: '38人' }),
  entry({
    kind: 'ratio',
    at: '2026-01-15 10:00:00',
    year: 2025,
    to: '某市财政局 25%',
    reason: '市考核委员会批复',
    by: '人事科 王芳',
  }),
  entry({
    kind: 'override',
    at: '2026-01-15 09:30:00',
    year: 2025,
    subject: '周志强',
    person_id: '110101197501010077',
    from: '优秀',
    to: '称职',
    reason: '领导成员优秀名额为0，经考核委员会研究确定为称职',
  }),
  entry({ kind: 'import', at: '2026-01-10 08:00:00', subject: '名册示例.xlsx', people: 38, issues: 2, by: '' }),
];

function mockShell(calls: Calls): void {
  fakeShell(
    {
      operation_log: ({ kind, year }: { kind?: string | null; year?: number | null }) =>
        LOG.filter(
          (e) => (kind == null || e.kind === kind) && (year == null || (e.year ?? Number(e.at.slice(0, 4))) === year),
        ),
    },
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(LogPage);

/** Each row as [when, kind, who, what, why]. */
function rows(page: VueWrapper): string[][] {
  return page
    .findAll('[data-test="log-row"]')
    .map((tr) =>
      ['log-when', 'log-kind-cell', 'log-who', 'log-what', 'log-why'].map((cell) =>
        tr.get(`[data-test="${cell}"]`).text(),
      ),
    );
}

describe('操作日志 page', () => {
  let calls: Calls;
  beforeEach(() => {
    calls = [];
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('lists every kind newest first with who, when, what and why', async () => {
    mockShell(calls);
    const page = await mountPage();
    expect(calls).toEqual([{ cmd: 'operation_log', args: { kind: null, year: null } }]);
    expect(page.get('[data-test="log-count"]').text()).toBe('共 12 条');
    expect(rows(page)).toEqual([
      [
        '2026-12-02 10:00:00',
        '接收上报',
        '组织部 王芳',
        '接收「某市财政局_2025年度上报.kaohe」：某市财政局（2025年度），16 人，替换此前接收的「某市财政局_2025年度上报（第一次）.kaohe」',
        '—',
      ],
      [
        '2026-12-01 09:00:00',
        '核查标记',
        '人事科 李明',
        '赵晓光（330523198803120810）：受处分等影响的年度评为优秀（2023）：已核实',
        '优秀等次确定在前，已报主管部门备案',
      ],
      ['2026-11-28 08:00:00', '数据库密码', '人事科 王芳', '设置数据库密码', '—'],
      ['2026-11-27 11:00:00', '更换操作人', '人事科 王芳', '操作人由「人事科 李明」改为「人事科 王芳」', '—'],
      [
        '2026-11-27 10:40:00',
        '更换规则',
        '人事科 李明',
        '规则由「全国默认规则（2019.06-1）」改为「某省规则（2026.1）」，规则文件「D:\\规则\\某省规则.toml」',
        '—',
      ],
      [
        '2026-11-27 10:30:05',
        '从备份恢复',
        '人事科 李明',
        '从「D:\\备份\\考核数据备份_2026-11-20.db」恢复（人员 38 人）；恢复前的数据库另存为「C:\\Kaohe\\恢复前备份\\恢复前备份_2026-11-27_103005.db」',
        '—',
      ],
      [
        '2026-11-20 17:00:00',
        '备份',
        '人事科 李明',
        '备份到「D:\\备份\\考核数据备份_2026-11-20.db」（人员 38 人）',
        '—',
      ],
      [
        '2026-01-20 09:00:00',
        '重新打开',
        '人事科 李明',
        '2025年度考核重新打开（原已于2026-01-15定稿）',
        '收到复核申请',
      ],
      ['2026-01-15 16:00:00', '定稿', '人事科 李明', '2025年度考核定稿，写入考核结果 38人', '—'],
      ['2026-01-15 10:00:00', '批准优秀比例', '人事科 王芳', '2025年度 某市财政局 25%', '市考核委员会批复'],
      [
        '2026-01-15 09:30:00',
        '修改等次',
        '人事科 李明',
        '2025年度 周志强（110101197501010077）：优秀 → 称职',
        '领导成员优秀名额为0，经考核委员会研究确定为称职',
      ],
      ['2026-01-10 08:00:00', '导入名册', '—', '导入「名册示例.xlsx」：人员 38 人，问题 2 处', '—'],
    ]);
    expect(page.findAll('[data-test="log-row"]').map((r) => r.attributes('data-kind'))).toEqual([
      'receive',
      'verify',
      'password',
      'operator',
      'profile',
      'restore',
      'backup',
      'reopen',
      'finalize',
      'ratio',
      'override',
      'import',
    ]);
    page.unmount();
  });

  it('filters by kind and by year, and says when nothing matches', async () => {
    mockShell(calls);
    const page = await mountPage();
    const [kindSelect, yearSelect] = page.findAllComponents(ElSelect);
    expect(kindSelect!.find('.el-select__selected-item:not(.is-hidden)').text()).toBe('全部操作');
    expect(yearSelect!.find('.el-select__selected-item:not(.is-hidden)').text()).toBe('全部年度');

    kindSelect!.vm.$emit('update:modelValue', 'override');
    await flushPromises();
    expect(calls[calls.length - 1]?.args).toEqual({ kind: 'override', year: null });
    expect(rows(page).map((r) => r[1])).toEqual(['修改等次']);
    expect(page.get('[data-test="log-count"]').text()).toBe('共 1 条');

    kindSelect!.vm.$emit('update:modelValue', 'all');
    yearSelect!.vm.$emit('update:modelValue', 2025);
    await flushPromises();
    expect(calls[calls.length - 1]?.args).toEqual({ kind: null, year: 2025 });
    expect(rows(page).map((r) => r[1])).toEqual(['重新打开', '定稿', '批准优秀比例', '修改等次']);

    kindSelect!.vm.$emit('update:modelValue', 'restore');
    yearSelect!.vm.$emit('update:modelValue', 2024);
    await flushPromises();
    expect(page.findAll('[data-test="log-row"]')).toHaveLength(0);
    expect(page.get('[data-test="log-empty"]').text()).toBe('没有符合条件的操作记录');
    expect(page.get('[data-test="log-count"]').text()).toBe('共 0 条');
    page.unmount();
  });

  it('reloads when the database changed, and shows a failure in Chinese', async () => {
    mockShell(calls);
    const page = await mountPage();
    useAppStore().databaseChanged();
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'operation_log')).toHaveLength(2);
    page.unmount();

    fakeShell(failing({ operation_log: { code: 'database', message: '数据库中的数据无法读取：日期格式不对' } }, {}));
    const failed = await mountPage();
    expect(failed.get('[data-test="log-error"]').text()).toBe('无法读取操作日志：数据库中的数据无法读取：日期格式不对');
    failed.unmount();
  });
});
