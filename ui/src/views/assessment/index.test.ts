import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElSelect } from 'element-plus';
import type { AssessmentFlag, AssessmentLogEntry, AssessmentReport } from '../../api/types';
import { defaultYear, flagLabel, periodLabel, regularCheckText } from './data';
import { sampleLog, sampleReport } from './fixture';
import { useSettingsStore } from '../../stores/settings';
import AssessmentPage from './index.vue';
import ReasonDialog from '../../components/ReasonDialog.vue';
import { useAppStore } from '../../stores/app';
import { failing, fakeShell, mountSection, type ShellCall, type ShellFailures } from '../../test-utils';

type Calls = ShellCall[];

interface Shell {
  report: AssessmentReport;
  log: AssessmentLogEntry[];
  /** Makes a command reject with this error. */
  failures: ShellFailures;
}

function mockShell(calls: Calls, shell: Shell): void {
  const none = () => null;
  fakeShell(
    failing(shell.failures, {
      assessment: () => shell.report,
      assessment_log: () => shell.log,
      assessment_override: none,
      assessment_supplement: none,
      assessment_ratio: none,
      assessment_reopen: none,
      assessment_finalize: () => 38,
      set_operator: ({ name }: { name: string }) => String(name).trim(),
    }),
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(AssessmentPage);

/** The pool card of organ · pool. */
function poolCard(page: VueWrapper, organ: string, pool: string): DOMWrapper<Element> {
  const card = page.find(`[data-test="pool-${organ}-${pool}"]`);
  if (!card.exists()) throw new Error(`no pool card ${organ}·${pool}`);
  return card;
}

/** The table rows of a pool card, as cell texts (the expand column first). */
function rowsOf(card: DOMWrapper<Element>): string[][] {
  return card.findAll('.el-table__body tr.el-table__row').map((tr) => tr.findAll('td').map((td) => td.text()));
}

function rowOf(card: DOMWrapper<Element>, name: string): DOMWrapper<Element> {
  const row = card.findAll('.el-table__body tr.el-table__row').find((tr) => tr.findAll('td')[1]?.text() === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/** The native input or textarea behind an Element Plus input carrying `data-test`. */
function field(root: VueWrapper, test: string): DOMWrapper<HTMLInputElement | HTMLTextAreaElement> {
  const el = root.get(`[data-test="${test}"]`);
  const tag = el.element.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return el as DOMWrapper<HTMLInputElement>;
  return el.get('input, textarea') as DOMWrapper<HTMLInputElement>;
}

function button(root: VueWrapper | DOMWrapper<Element>, test: string): HTMLButtonElement {
  return root.get(`[data-test="${test}"]`).element as HTMLButtonElement;
}

function clone(report: AssessmentReport): AssessmentReport {
  return JSON.parse(JSON.stringify(report)) as AssessmentReport;
}

describe('年度考核 page', () => {
  let calls: Calls;
  let shell: Shell;

  beforeEach(() => {
    calls = [];
    shell = { report: clone(sampleReport), log: [...sampleLog], failures: {} };
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('loads the last calendar year and shows its state and summary', async () => {
    mockShell(calls, shell);
    const page = await mountPage();

    expect(calls.map((c) => c.cmd).sort()).toEqual(['assessment', 'assessment_log']);
    expect(calls.every((c) => c.args.year === defaultYear())).toBe(true);
    expect(defaultYear(new Date(2026, 0, 15))).toBe(2025);
    expect(page.get('[data-test="year-state"]').text()).toBe('未定稿');
    expect(page.get('[data-test="assessment-summary"]').text()).toBe(
      '2025年度：参加考核 10 人，3 个考核池，优秀名额共 4 名（规则：全国默认规则）',
    );
    expect(button(page, 'finalize').disabled).toBe(false);
    expect(button(page, 'reopen').disabled).toBe(true);
    page.unmount();
  });

  it('renders each pool card with its arithmetic, counts, ties and 平时 checks', async () => {
    mockShell(calls, shell);
    const page = await mountPage();

    const finance = poolCard(page, '某市财政局', '非领导成员');
    expect(finance.get('[data-test="pool-title"]').text()).toBe('某市财政局 · 非领导成员');
    expect(finance.get('[data-test="pool-mode"]').text()).toBe('按评分');
    expect(finance.get('[data-test="pool-members"]').text()).toBe('成员 16 人，参加定等次 15 人');
    expect(finance.get('[data-test="pool-arithmetic"]').text()).toBe(
      '15人 × 20% = 3.00 → 3名（向下取整；比例来源：规则默认比例）；参加人数不含不确定等次的1人，待核实',
    );
    expect(finance.get('[data-test="pool-quota"]').text()).toBe('3名');
    expect(finance.get('[data-test="pool-suggested"]').text()).toBe('2人');
    expect(finance.get('[data-test="pool-final"]').text()).toBe('2人');
    expect(finance.get('[data-test="pool-final"]').classes()).not.toContain('is-over');
    expect(finance.find('[data-test="pool-over-quota"]').exists()).toBe(false);
    expect(finance.get('[data-test="pool-tied"]').text()).toContain(
      '名额线同分，须由考核委员会确定等次：董静怡、吴秀英',
    );
    expect(finance.findAll('[data-test="pool-regular-check"]').map((li) => li.text())).toEqual([
      '第1季度：16人中“好”16人，上限6人 待核实',
      '第2季度：16人中“好”11人，上限6人 待核实',
      '第3季度：16人中“好”9人，上限6人 待核实',
    ]);
    // The 40% is local practice: the line carries 待核实 and the full reason with its rule.
    expect(finance.get('[data-test="pool-regular-check"]').attributes('title')).toContain(
      '“好”等次不超过40%为本地做法；待核实',
    );
    expect(finance.find('[data-test="pool-ratio-unapproved"]').exists()).toBe(false);

    const leaders = poolCard(page, '某县人力资源和社会保障局', '领导成员');
    expect(leaders.get('[data-test="pool-mode"]').text()).toBe('按建议等次');
    expect(leaders.get('[data-test="pool-arithmetic"]').text()).toBe(
      '2人 × 20% = 0.40 → 0名（向下取整；比例来源：规则默认比例）',
    );
    expect(leaders.get('[data-test="pool-quota"]').text()).toBe('0名');
    expect(leaders.get('[data-test="pool-final"]').text()).toBe('1人');
    expect(leaders.get('[data-test="pool-final"]').classes()).toContain('is-over');
    expect(leaders.get('[data-test="pool-over-quota"]').text()).toContain('最终优秀超出名额 1 人');
    expect(leaders.find('[data-test="pool-regular"]').exists()).toBe(false);
    page.unmount();
  });

  it('lists a pool by rank with grades, codes and flags in Chinese', async () => {
    mockShell(calls, shell);
    const page = await mountPage();

    const finance = poolCard(page, '某市财政局', '非领导成员');
    const headers = finance.findAll('.el-table__header th').map((th) => th.text());
    expect(headers).toEqual([
      '',
      '姓名',
      '职级',
      '层次',
      '综合得分',
      '池内排名',
      '建议等次',
      '最终等次',
      '代码',
      '提示',
      '操作',
    ]);
    expect(rowsOf(finance)).toEqual([
      ['', '高晓燕', '三级调研员', '处级', '92.42', '1', '优秀', '优秀', '1', '', '修改等次'],
      ['', '梁宏伟', '三级调研员', '处级', '91.65', '2', '优秀', '优秀', '1', '', '修改等次'],
      ['', '田建国', '二级主任科员', '科级及以下', '90.88', '3', '称职', '称职', '2', '受警告处分不得评优', '修改等次'],
      ['', '董静怡', '四级主任科员', '科级及以下', '90.45', '4', '—', '待定', '—', '名额线同分', '修改等次'],
      ['', '吴秀英', '一级主任科员', '科级及以下', '90.45', '4', '—', '待定', '—', '名额线同分', '修改等次'],
      ['', '王梦瑶', '三级调研员', '处级', '77.53', '13', '称职', '称职', '2', '平时考核不满足评优条件', '修改等次'],
    ]);

    const others = poolCard(page, '某县人力资源和社会保障局', '非领导成员');
    expect(rowsOf(others)).toEqual([
      ['', '孙鹏飞', '一级科员', '科级及以下', '—', '—', '—', '—', '6A', '建议等次未采用', '修改等次'],
      ['', '马明辉', '一级科员', '科级及以下', '—', '—', '基本称职', '基本称职', '3', '', '修改等次'],
    ]);
    expect(button(rowOf(others, '孙鹏飞'), 'override').disabled).toBe(true);
    expect(button(rowOf(others, '马明辉'), 'override').disabled).toBe(false);
    page.unmount();
  });

  it('maps every flag and period to Chinese', () => {
    const labels: Record<AssessmentFlag, string> = {
      tie_at_line: '名额线同分',
      missing_score: '缺少评分',
      no_proposal: '无建议等次',
      proposal_not_eligible: '建议优秀但不符合条件',
      over_quota: '建议优秀超出名额',
      proposal_ignored: '建议等次未采用',
      warning_no_excellent: '受警告处分不得评优',
      regular_rule_failed: '平时考核不满足评优条件',
      discipline_no_excellent: '受处分或处理当年不得评优',
      discipline_incompetent: '受党纪处分当年确定为不称职',
    };
    for (const [flag, label] of Object.entries(labels)) expect(flagLabel(flag as AssessmentFlag)).toBe(label);
    expect(periodLabel('Q4')).toBe('第4季度');
    expect(periodLabel('M12')).toBe('12月');
    expect(regularCheckText({ period: 'Q2', recorded: 16, good: 11, limit: 6, reason: [] })).toBe(
      '第2季度：16人中“好”11人，上限6人',
    );
  });

  it('asks for the operator before a change', async () => {
    mockShell(calls, shell);
    const page = await mountPage();

    await rowOf(poolCard(page, '某县人力资源和社会保障局', '领导成员'), '周志强')
      .get('[data-test="override"]')
      .trigger('click');
    await flushPromises();

    expect(page.find('[data-test="override-submit"]').exists()).toBe(false);
    expect(document.body.textContent).toContain('请先填写操作人');
    expect(calls.some((c) => c.cmd === 'assessment_override')).toBe(false);
    page.unmount();
  });

  it('the override dialog refuses an empty reason and sends the grade, reason and operator', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    await field(page, 'operator').setValue('人事科 李明 ');
    await field(page, 'operator').trigger('change');
    await flushPromises();
    // The 操作人 is a setting kept in the database.
    expect(calls.find((c) => c.cmd === 'set_operator')?.args).toEqual({ name: '人事科 李明 ' });
    expect(useSettingsStore().operator).toBe('人事科 李明');

    await rowOf(poolCard(page, '某县人力资源和社会保障局', '领导成员'), '周志强')
      .get('[data-test="override"]')
      .trigger('click');
    await flushPromises();
    expect(page.get('[data-test="override-person"]').text()).toBe('周志强（某县人力资源和社会保障局 · 领导成员）');
    expect(page.get('[data-test="override-operator"]').text()).toBe('操作人：人事科 李明');
    expect(button(page, 'override-submit').disabled).toBe(true);

    const dialog = page.getComponent('[data-test="override-dialog"]');
    dialog.findComponent(ElSelect).vm.$emit('update:modelValue', '称职');
    await flushPromises();
    expect(button(page, 'override-submit').disabled).toBe(true);

    await field(page, 'override-reason').setValue('   ');
    expect(button(page, 'override-submit').disabled).toBe(true);
    expect(page.get('[data-test="override-reason-hint"]').text()).toBe('必须填写理由');

    await field(page, 'override-reason').setValue('  领导成员优秀名额为0，经考核委员会研究确定为称职 ');
    expect(button(page, 'override-submit').disabled).toBe(false);
    calls.length = 0;
    await page.get('[data-test="override-submit"]').trigger('click');
    await flushPromises();

    expect(calls[0]).toEqual({
      cmd: 'assessment_override',
      args: {
        year: 2025,
        id: '330521197211100691',
        grade: '称职',
        reason: '领导成员优秀名额为0，经考核委员会研究确定为称职',
        by: '人事科 李明',
      },
    });
    expect(
      calls
        .slice(1)
        .map((c) => c.cmd)
        .sort(),
    ).toEqual(['assessment', 'assessment_log']);
    expect(document.body.textContent).toContain('已将周志强的等次改为称职');
    expect(
      page
        .findAllComponents(ReasonDialog)
        .find((d) => d.props('test') === 'override')!
        .props('modelValue'),
    ).toBe(false);
    page.unmount();
  });

  it('the ratio dialog needs a basis, sends the organ, percent and operator, then shows the new arithmetic', async () => {
    useSettingsStore().operator = '人事科 李明';
    mockShell(calls, shell);
    const page = await mountPage();

    const others = () => poolCard(page, '某县人力资源和社会保障局', '非领导成员');
    await others().get('[data-test="pool-ratio"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="ratio-organ"]').text()).toBe('某县人力资源和社会保障局');
    expect(page.get('[data-test="ratio-current"]').text()).toBe('20%（规则默认比例）');
    expect(page.get('[data-test="ratio-operator"]').text()).toBe('操作人：人事科 李明');
    expect(field(page, 'ratio-percent').element.getAttribute('aria-valuemax')).toBe('25');
    expect(button(page, 'ratio-submit').disabled).toBe(true);

    await field(page, 'ratio-percent').setValue('25');
    await field(page, 'ratio-percent').trigger('change');
    await field(page, 'ratio-basis').setValue('  ');
    expect(button(page, 'ratio-submit').disabled).toBe(true);
    expect(page.get('[data-test="ratio-basis-hint"]').text()).toBe('必须填写批准依据');

    await field(page, 'ratio-basis').setValue(' 县考核委员会批复（县考委〔2026〕1号） ');
    expect(page.find('[data-test="ratio-basis-hint"]').exists()).toBe(false);
    expect(button(page, 'ratio-submit').disabled).toBe(false);

    // The shell answers the reload with the approved ratio's arithmetic.
    shell.report = clone(shell.report);
    const pool = shell.report.pools.find((p) => p.organ === '某县人力资源和社会保障局' && p.pool === '非领导成员')!;
    Object.assign(pool, {
      participants: 8,
      ratio: 25,
      ratio_source: 'approved',
      exact: 2,
      quota: 2,
      arithmetic: '8人 × 25% = 2.00 → 2名（向下取整；比例来源：经批准的比例（县考核委员会批复（县考委〔2026〕1号）））',
    });
    calls.length = 0;
    await page.get('[data-test="ratio-submit"]').trigger('click');
    await flushPromises();

    expect(calls[0]).toEqual({
      cmd: 'assessment_ratio',
      args: {
        year: 2025,
        organ: '某县人力资源和社会保障局',
        percent: 25,
        basis: '县考核委员会批复（县考委〔2026〕1号）',
        by: '人事科 李明',
      },
    });
    expect(
      calls
        .slice(1)
        .map((c) => c.cmd)
        .sort(),
    ).toEqual(['assessment', 'assessment_log']);
    expect(document.body.textContent).toContain('已记录某县人力资源和社会保障局2025年度优秀比例 25%');
    expect(others().get('[data-test="pool-arithmetic"]').text()).toContain('8人 × 25% = 2.00 → 2名');
    expect(others().get('[data-test="pool-arithmetic"]').text()).toContain('比例来源：经批准的比例');
    expect(others().get('[data-test="pool-quota"]').text()).toBe('2名');
    page.unmount();
  });

  it('offers 批准比例 only while the year is open, and only with an operator', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    expect(page.findAll('[data-test="pool-ratio"]')).toHaveLength(3);
    await poolCard(page, '某市财政局', '非领导成员').get('[data-test="pool-ratio"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-test="ratio-submit"]').exists()).toBe(false);
    expect(document.body.textContent).toContain('请先填写操作人');
    page.unmount();

    shell.report.finalized_on = '2026-01-15';
    const locked = await mountPage();
    expect(locked.findAll('[data-test="pool-ratio"]')).toHaveLength(0);
    locked.unmount();
  });

  it('shows why the year cannot be finalised', async () => {
    useSettingsStore().operator = '人事科 李明';
    shell.failures.assessment_finalize = {
      code: 'cannot_finalize',
      message:
        '2025年度考核暂不能定稿：董静怡（110101198001010044）与他人同分并列于优秀名额线，尚未确定等次；某县人力资源和社会保障局·领导成员最终确定优秀1人，超过优秀名额0名',
    };
    mockShell(calls, shell);
    const page = await mountPage();

    await page.get('[data-test="finalize"]').trigger('click');
    await flushPromises();
    const confirm = document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary');
    expect(confirm?.textContent?.trim()).toBe('定稿');
    confirm?.click();
    // The message box closes, then the page asks the shell and shows what it refused.
    await vi.waitFor(() => expect(page.find('[data-test="finalize-problems"]').exists()).toBe(true), {
      timeout: 10_000,
    });

    expect(calls.find((c) => c.cmd === 'assessment_finalize')?.args).toEqual({ year: 2025, by: '人事科 李明' });
    const problems = page.get('[data-test="finalize-problems"]');
    expect(problems.text()).toContain('暂不能定稿，请先处理以下问题');
    expect(problems.findAll('li').map((li) => li.text())).toEqual([
      '董静怡（110101198001010044）与他人同分并列于优秀名额线，尚未确定等次',
      '某县人力资源和社会保障局·领导成员最终确定优秀1人，超过优秀名额0名',
    ]);
    expect(document.body.querySelector('.el-message--error')?.textContent).toContain(
      '2025年度考核暂不能定稿：董静怡（110101198001010044）',
    );
    page.unmount();
  });

  it('after 定稿 tells the other sections that the database changed (the year results were written)', async () => {
    useSettingsStore().operator = '人事科 李明';
    mockShell(calls, shell);
    const page = await mountPage();
    const store = useAppStore();
    expect(store.dataVersion).toBe(0);

    await page.get('[data-test="finalize"]').trigger('click');
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')?.click();
    await vi.waitFor(() => expect(store.dataVersion).toBe(1), { timeout: 10_000 });

    expect(calls.find((c) => c.cmd === 'assessment_finalize')?.args).toEqual({ year: 2025, by: '人事科 李明' });
    expect(document.body.querySelector('.el-message--success')?.textContent).toContain(
      '2025年度考核已定稿，写入考核结果 38 条',
    );
    expect(store.dataVersion).toBe(1);
    page.unmount();
  });

  it('offers 补定等次 for a 5B person whose investigation closed, also in a finalised year, and sends grade, reason and operator', async () => {
    useSettingsStore().operator = '人事科 李明';
    shell.report.finalized_on = '2026-01-15';
    const sun = shell.report.people.find((p) => p.name === '孙鹏飞')!;
    Object.assign(sun, {
      code: '5B',
      supplementable: true,
      reasons: [[{ text: '立案审查调查已于2026年3月1日结案，其后未受到影响确定等次的处分或处理，可按规定补定等次' }]],
    });
    mockShell(calls, shell);
    const page = await mountPage();

    const others = poolCard(page, '某县人力资源和社会保障局', '非领导成员');
    // Only the supplementable person gets the button; the others keep 修改等次 (locked here).
    expect(others.findAll('[data-test="supplement"]')).toHaveLength(1);
    expect(rowOf(others, '孙鹏飞').find('[data-test="override"]').exists()).toBe(false);
    await rowOf(others, '孙鹏飞').get('[data-test="supplement"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="supplement-person"]').text()).toBe('孙鹏飞（某县人力资源和社会保障局 · 非领导成员）');
    expect(button(page, 'supplement-submit').disabled).toBe(true);
    page.getComponent('[data-test="supplement-dialog"]').findComponent(ElSelect).vm.$emit('update:modelValue', '称职');
    await field(page, 'supplement-reason').setValue('2026年3月1日结案，不予处分，经考核委员会研究补定为称职');
    expect(button(page, 'supplement-submit').disabled).toBe(false);
    calls.length = 0;
    await page.get('[data-test="supplement-submit"]').trigger('click');
    await flushPromises();
    expect(calls[0]).toEqual({
      cmd: 'assessment_supplement',
      args: {
        year: 2025,
        id: sun.id,
        grade: '称职',
        reason: '2026年3月1日结案，不予处分，经考核委员会研究补定为称职',
        by: '人事科 李明',
      },
    });
    expect(document.body.textContent).toContain('已为孙鹏飞补定等次：称职');
    page.unmount();
  });

  it('on a finalised year locks the grades and reopens only with a reason', async () => {
    useSettingsStore().operator = '人事科 李明';
    shell.report.finalized_on = '2026-01-15';
    mockShell(calls, shell);
    const page = await mountPage();

    expect(page.get('[data-test="year-state"]').text()).toBe('已于2026-01-15定稿');
    expect(button(page, 'finalize').disabled).toBe(true);
    expect(button(page, 'reopen').disabled).toBe(false);
    expect(page.findAll('[data-test="override"]').every((b) => (b.element as HTMLButtonElement).disabled)).toBe(true);

    await page.get('[data-test="reopen"]').trigger('click');
    await flushPromises();
    expect(button(page, 'reopen-submit').disabled).toBe(true);
    expect(page.get('[data-test="reopen-operator"]').text()).toBe('操作人：人事科 李明');
    await field(page, 'reopen-reason').setValue('  ');
    expect(button(page, 'reopen-submit').disabled).toBe(true);
    expect(page.get('[data-test="reopen-reason-hint"]').text()).toBe('必须填写理由');
    await field(page, 'reopen-reason').setValue('收到复核申请，重新研究');
    calls.length = 0;
    await page.get('[data-test="reopen-submit"]').trigger('click');
    await flushPromises();

    expect(calls[0]).toEqual({
      cmd: 'assessment_reopen',
      args: { year: 2025, reason: '收到复核申请，重新研究', by: '人事科 李明' },
    });
    expect(document.body.textContent).toContain('2025年度考核已重新打开');
    expect(useAppStore().dataVersion).toBe(1);
    page.unmount();
  });

  it('shows an error of the shell in Chinese', async () => {
    useSettingsStore().operator = '人事科 李明';
    shell.failures.assessment_override = { code: 'year_locked', message: '2025年度考核已定稿，不能再修改' };
    mockShell(calls, shell);
    const page = await mountPage();

    await rowOf(poolCard(page, '某市财政局', '非领导成员'), '董静怡')
      .get('[data-test="override"]')
      .trigger('click');
    await flushPromises();
    page.getComponent('[data-test="override-dialog"]').findComponent(ElSelect).vm.$emit('update:modelValue', '优秀');
    await field(page, 'override-reason').setValue('得分并列，民主测评靠前');
    await page.get('[data-test="override-submit"]').trigger('click');
    await flushPromises();

    expect(document.body.textContent).toContain('该年度已定稿：2025年度考核已定稿，不能再修改');
    // Refused: the dialog stays open with the reason typed, to try again or cancel.
    const dialog = page.findAllComponents(ReasonDialog).find((d) => d.props('test') === 'override')!;
    expect(dialog.props('modelValue')).toBe(true);
    expect(field(page, 'override-reason').element.value).toBe('得分并列，民主测评靠前');
    expect(button(page, 'override-submit').disabled).toBe(false);
    page.unmount();
  });

  it('lists the results usage and the log in Chinese', async () => {
    mockShell(calls, shell);
    const page = await mountPage();

    const consequences = page
      .get('[data-test="consequence-table"]')
      .findAll('.el-table__body tr.el-table__row')
      .map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(consequences.map((r) => r.slice(0, 3))).toEqual([
      ['田建国', '年终一次性奖金', '—'],
      ['梁宏伟', '嘉奖', '—'],
      ['梁宏伟', '年终一次性奖金', '—'],
      ['王梦瑶', '年终一次性奖金', '—'],
      ['高晓燕', '嘉奖', '—'],
      ['高晓燕', '年终一次性奖金', '—'],
      ['黄浩然', '年终一次性奖金', '—'],
      ['马明辉', '诫勉', '—'],
      ['周志强', '嘉奖', '—'],
      ['周志强', '年终一次性奖金', '—'],
    ]);
    const headers = page
      .get('[data-test="consequence-table"]')
      .findAll('.el-table__header th')
      .map((th) => th.text());
    expect(headers).toEqual(['姓名', '事项', '期限', '说明']);

    const log = page
      .get('[data-test="log-table"]')
      .findAll('.el-table__body tr.el-table__row')
      .map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(log).toEqual([
      ['2026-01-15 09:30:00', '修改等次', '周志强', '优秀', '称职', '领导成员优秀名额为0', '人事科 李明'],
      ['2026-01-15 09:31:00', '定稿', '—', '—', '38人', '—', '人事科 李明'],
    ]);
    page.unmount();
  });
});
