import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { ElInputNumber, ElSelect } from 'element-plus';
import type { ImportLayout, ImportProgress, ImportReport, ImportRequest } from '../../api/import';
import { useAppStore } from '../../stores/app';
import { applied, badCellsCheck, conflictApplied, conflictCheck, conflictConfirmedCheck, wpsLayout } from './fixture';
import ImportPage from './index.vue';
import { fakeShell, mountSection, type ShellCall } from '../../test-utils';

type Calls = ShellCall[];

interface ChannelLike<T> {
  onmessage: (message: T) => void;
}

/** A reply the test settles later, to look at the page while the shell works. */
interface Pending {
  resolve: (value: ImportReport) => void;
  reject: (reason: unknown) => void;
  progress: ChannelLike<ImportProgress>;
}

interface Shell {
  layout: ImportLayout;
  picked: string | null;
  /** import_check / import_apply wait here when set. */
  hold: boolean;
  pending: Pending[];
  /** What import_check and import_apply answer (default: the bad-cells roster). */
  check?: (request: ImportRequest) => ImportReport;
  apply?: ImportReport;
}

function mockShell(calls: Calls, shell: Shell): void {
  /** The answer, or — while the shell holds — a reply the test settles later. */
  const held = (answer: ImportReport, progress: ChannelLike<ImportProgress>): ImportReport | Promise<ImportReport> => {
    if (!shell.hold) return answer;
    return new Promise<ImportReport>((resolve, reject) => shell.pending.push({ resolve, reject, progress }));
  };
  fakeShell(
    {
      import_pick_file: () => shell.picked,
      import_layout: ({ request: asked }: { request: ImportRequest }) => {
        if (asked.header_row === 40)
          throw {
            code: 'bad_argument',
            message: '工作表「Sheet1」第40行是空行或在表格之外，不能作为表头；请填写表头所在的行号',
          };
        return { ...shell.layout, path: asked.path, header_row: asked.header_row ?? shell.layout.header_row };
      },
      import_check: ({ request, onProgress }: { request: ImportRequest; onProgress: ChannelLike<ImportProgress> }) =>
        held(shell.check?.(request) ?? badCellsCheck, onProgress),
      import_apply: ({ onProgress }: { onProgress: ChannelLike<ImportProgress> }) =>
        held(shell.apply ?? applied, onProgress),
      import_cancel: () => null,
      import_error_report: () => '/home/clerk/名册/13-bad-cells（问题清单）.xlsx',
    },
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(ImportPage);

function selectIn(page: VueWrapper, test: string) {
  return page.getComponent(`[data-test="${test}"]`) as VueWrapper<InstanceType<typeof ElSelect>>;
}

function requests(calls: Calls, cmd: string): ImportRequest[] {
  return calls.filter((c) => c.cmd === cmd).map((c) => c.args.request as ImportRequest);
}

function button(page: VueWrapper, test: string): HTMLButtonElement {
  return page.get(`[data-test="${test}"]`).element as HTMLButtonElement;
}

async function chooseFile(page: VueWrapper): Promise<void> {
  await page.get('[data-test="import-choose-file"]').trigger('click');
  await flushPromises();
}

/** The page with the picked file checked as the shell reads it. */
async function checkedPage(calls: Calls, shell: Shell): Promise<VueWrapper> {
  mockShell(calls, shell);
  const page = await mountPage();
  await chooseFile(page);
  await page.get('[data-test="import-check"]').trigger('click');
  await flushPromises();
  return page;
}

/** Ticks or unticks 「确认是改名」 of the (only) name conflict. */
async function confirmRename(page: VueWrapper, on: boolean): Promise<void> {
  await page.get('[data-test="conflict-confirm"] input').setValue(on);
  await flushPromises();
}

describe('导入 wizard', () => {
  let calls: Calls;
  let shell: Shell;

  beforeEach(() => {
    calls = [];
    shell = { layout: wpsLayout, picked: '/home/clerk/名册/03-wps-sheet1.xlsx', hold: false, pending: [] };
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('proposes the sheet, header row and columns of the chosen file', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    expect(calls).toEqual([]);
    expect(page.get('[data-test="import-dropzone"]').text()).toContain('选择要导入的名册');

    await chooseFile(page);
    expect(requests(calls, 'import_layout')).toEqual([
      {
        path: '/home/clerk/名册/03-wps-sheet1.xlsx',
        sheet: null,
        header_row: null,
        mapping: null,
        year: null,
        confirm_renames: [],
      },
    ]);
    expect(page.get('[data-test="import-file-name"]').text()).toBe('03-wps-sheet1.xlsx');
    expect(selectIn(page, 'import-sheet').props('modelValue')).toBe('Sheet1');
    const sheets = selectIn(page, 'import-sheet')
      .findAllComponents({ name: 'ElOption' })
      .map((o) => o.props('label'));
    expect(sheets).toEqual(['Sheet1', '说明']);
    const headerRow = page.getComponent('[data-test="import-header-row"]') as VueWrapper<
      InstanceType<typeof ElInputNumber>
    >;
    expect(headerRow.props('modelValue')).toBe(2);
    expect(page.findAll('[data-test="mapping-row"]')).toHaveLength(8);
    expect(page.get('[data-test="mapping-confidence-D"]').text()).toBe('90% · 按常见写法识别');
    expect(button(page, 'import-check').disabled).toBe(false);

    // Another header row: read again at that row, the mapping proposed afresh.
    headerRow.vm.$emit('change', 3);
    await flushPromises();
    expect(requests(calls, 'import_layout').slice(-1)[0]).toEqual({
      path: '/home/clerk/名册/03-wps-sheet1.xlsx',
      sheet: 'Sheet1',
      header_row: 3,
      mapping: null,
      year: null,
      confirm_renames: [],
    });
    expect(headerRow.props('modelValue')).toBe(3);
    // No header at row 40: said, and the row read before stays.
    headerRow.vm.$emit('change', 40);
    await flushPromises();
    expect(page.get('[data-test="import-failure"]').text()).toContain('第40行是空行或在表格之外');
    expect(headerRow.props('modelValue')).toBe(3);
    expect(page.findAll('[data-test="mapping-row"]')).toHaveLength(8);
    // Another sheet: its header row is found again.
    selectIn(page, 'import-sheet').vm.$emit('update:modelValue', '说明');
    await flushPromises();
    expect(requests(calls, 'import_layout').slice(-1)[0]).toMatchObject({ sheet: '说明', header_row: null });
    page.unmount();
  });

  it('holds the check until every required field has a column', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    await chooseFile(page);
    selectIn(page, 'mapping-field-F').vm.$emit('update:modelValue', '');
    await flushPromises();
    expect(page.get('[data-test="import-missing"]').text()).toContain('还没有列对应到必需的字段：职级');
    expect(button(page, 'import-check').disabled).toBe(true);
    selectIn(page, 'mapping-field-H').vm.$emit('update:modelValue', '职级');
    await flushPromises();
    expect(page.find('[data-test="import-missing"]').exists()).toBe(false);
    expect(button(page, 'import-check').disabled).toBe(false);
    page.unmount();
  });

  it('checks with the edited mapping, shows progress, and a cancel leaves it at the setup', async () => {
    shell.hold = true;
    mockShell(calls, shell);
    const page = await mountPage();
    await chooseFile(page);
    selectIn(page, 'mapping-field-H').vm.$emit('update:modelValue', '从事或分管工作');
    await flushPromises();
    await page.get('[data-test="import-check"]').trigger('click');
    await flushPromises();

    const sent = requests(calls, 'import_check');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.mapping).toEqual({
      A: '',
      B: '姓名',
      C: '身份证号',
      D: '单位',
      E: '职位类别',
      F: '职级',
      G: '任现职级时间',
      H: '从事或分管工作',
    });
    expect(sent[0]!.header_row).toBe(2);

    shell.pending[0]!.progress.onmessage({ phase: 'read', done: 3, total: 6 });
    await flushPromises();
    expect(page.get('[data-test="import-progress-text"]').text()).toBe('正在读取：3 / 6 行');
    expect(page.get('[data-test="import-progress"]').text()).toContain('50%');

    await page.get('[data-test="import-cancel"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'import_cancel')).toHaveLength(1);
    shell.pending[0]!.reject({ code: 'cancelled', message: '已取消导入，数据库未作任何修改' });
    await flushPromises();
    expect(page.get('[data-test="import-notice"]').text()).toBe('已取消，数据库未作任何修改。');
    expect(page.find('[data-test="import-progress"]').exists()).toBe(false);
    expect(page.find('[data-test="import-setup"]').exists()).toBe(true);
    page.unmount();
  });

  it('shows the issues by severity with the cells of their row, the planned changes, then applies', async () => {
    const page = await checkedPage(calls, shell);
    expect(requests(calls, 'import_check')[0]!.mapping).toBeNull();

    expect(page.get('[data-test="import-check-summary"]').text()).toBe(
      '工作表「人员」（表头在第 1 行）：读取 9 行，可导入 3 人，6 行有错误未能读取。',
    );
    const count = (test: string) => page.get(`[data-test="${test}"] strong`).text();
    expect([
      count('import-count-importable'),
      count('import-count-skipped'),
      count('import-count-errors'),
      count('import-count-warnings'),
    ]).toEqual(['3', '6', '7', '4']);
    const change = (kind: string) => page.get(`[data-test="change-count-${kind}"]`).text();
    expect(['new', 'updated', 'missing', 'moved', 'rank', 'category', 'results', 'unchanged'].map(change)).toEqual([
      '2',
      '1',
      '1',
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(page.get('[data-test="change-list-new"]').text()).toContain('白雪（21010219980926718X）');
    expect(page.get('[data-test="change-list-rank"]').text()).toContain('邵建平：一级主任科员 → 四级调研员');

    const rowNumbers = () =>
      page.findAll('[data-test="issue-row"]').map((r) => r.get('[data-test="issue-row-number"]').text());
    expect(rowNumbers()).toEqual(['', '', '', '3', '4', '5', '6', '8', '9', '10', '10']);
    await page.get('[data-test="issue-severity-error"] input').setValue(true);
    await flushPromises();
    expect(rowNumbers()).toEqual(['3', '4', '6', '8', '9', '10', '10']);
    expect(page.get('[data-test="issue-severity-error"]').text()).toBe('错误（7）');
    await page.get('[data-test="issue-severity-warning"] input').setValue(true);
    await flushPromises();
    expect(page.findAll('[data-test="issue-row"]').map((r) => r.get('[data-test="issue-sheet"]').text())).toEqual([
      '单位',
      '年度考核',
      '处分',
      '人员',
    ]);
    await page.get('[data-test="issue-severity-all"] input').setValue(true);
    await flushPromises();

    // The 2019.13 of row 4: its row's cells, the cell in question marked.
    await page.findAll('[data-test="issue-row"]')[4]!.trigger('click');
    const cells = page.get('[data-test="issue-row-cells"]');
    expect(cells.get('[data-test="issue-row-cells-title"]').text()).toBe('第 4 行的内容');
    expect(cells.findAll('[data-test="row-cell"]').map((c) => c.text())).toEqual([
      'A 序号3',
      'B 身份证号420102197808056313',
      'C 姓名齐永福',
      'D 单位青溪县水利局',
      'E 职位类别综合管理类',
      'F 职级三级调研员',
      'G 任现职级时间2019.13',
    ]);
    expect(cells.get('.is-marked').attributes('data-column')).toBe('G');

    // The database changed elsewhere: the plan is out of date, the check must be made again.
    useAppStore().databaseChanged();
    await flushPromises();
    expect(page.get('[data-test="import-notice"]').text()).toBe('数据库已有变化，请重新检查后再导入。');
    expect(page.find('[data-test="import-check-result"]').exists()).toBe(false);
    await page.get('[data-test="import-check"]').trigger('click');
    await flushPromises();

    await page.get('[data-test="import-error-report"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_error_report')).toHaveLength(1);

    const store = useAppStore();
    expect(store.dataVersion).toBe(1);
    await page.get('[data-test="import-apply"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_apply')[0]).toEqual(requests(calls, 'import_check')[0]);
    const result = page.get('[data-test="import-result"]');
    expect(result.get('[data-test="result-people"]').text()).toBe('人员 3 人（新增 2，更新 1，未变 0）');
    expect(result.get('[data-test="result-results"]').text()).toBe('年度考核结果 0 条');
    expect(result.get('[data-test="result-skipped"]').text()).toBe('6 行有错误未导入，可下载问题清单修改后重新导入。');
    // The mapping was the reader's own (none given): nothing to save for these headers.
    expect(result.find('[data-test="result-mapping-saved"]').exists()).toBe(false);
    expect(store.dataVersion).toBe(2);
    expect(page.find('[data-test="import-notice"]').exists()).toBe(false);

    await page.get('[data-test="import-again"]').trigger('click');
    expect(page.find('[data-test="import-dropzone"]').exists()).toBe(true);
    page.unmount();
  });

  it('says the 职级变动 records to write, whose stored ones are replaced, and how many were written', async () => {
    const changes = {
      ...badCellsCheck.changes,
      rank_records: 2,
      rank_records_replaced: [
        {
          id: '330102198808060235',
          name: '田建国',
          from: '2016-03-01 三级主任科员 → 2019-01-28 二级主任科员',
          to: '2016-05-01 三级主任科员 → 2019-01-28 二级主任科员',
        },
      ],
    };
    shell.check = () => ({ ...badCellsCheck, rank_records: 5, changes });
    shell.apply = {
      ...applied,
      rank_records: 5,
      changes,
      applied: applied.applied && { ...applied.applied, rank_records_written: 2 },
    };
    const page = await checkedPage(calls, shell);
    const ranks = page.get('[data-test="change-rank-records"]');
    expect(ranks.text()).toContain('职级变动：将写入 2 条（与数据库中相同的不再写入）');
    expect(ranks.get('[data-test="rank-records-replaced"]').text()).toBe(
      '田建国（330102198808060235）的职级变动与数据库中的不同，将以本名册为准：2016-03-01 三级主任科员 → 2019-01-28 二级主任科员 改为 2016-05-01 三级主任科员 → 2019-01-28 二级主任科员',
    );
    await page.get('[data-test="import-apply"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="result-rank-records"]').text()).toBe(
      '职级变动 5 条（写入 2 条，其余与数据库中的相同）',
    );
    page.unmount();
  });

  it('shows nothing of 职级变动 for a roster without the sheet', async () => {
    const page = await checkedPage(calls, shell);
    expect(page.find('[data-test="change-rank-records"]').exists()).toBe(false);
    await page.get('[data-test="import-apply"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-test="result-rank-records"]').exists()).toBe(false);
    page.unmount();
  });

  it('lists an ID under another name, and a confirmed change of name is checked again and imported', async () => {
    const SHAO = '34112219730323925X';
    shell.check = (request) => (request.confirm_renames.includes(SHAO) ? conflictConfirmedCheck : conflictCheck);
    shell.apply = conflictApplied;
    const page = await checkedPage(calls, shell);
    expect(requests(calls, 'import_check')[0]!.confirm_renames).toEqual([]);

    const panel = page.get('[data-test="import-conflicts"]');
    expect(panel.get('[data-test="import-conflicts-title"]').text()).toBe('身份证号相同、姓名不同（1 人）');
    const explain = panel.get('[data-test="import-conflicts-explain"]').text();
    expect(explain).toContain('可能是本人改了名，也可能是身份证号填错了（填成了别人的号码）');
    expect(explain).toContain('原姓名记入变更记录');
    const cells = () => {
      const row = page.get('[data-test="conflict-row"]');
      return ['conflict-id', 'conflict-database', 'conflict-name', 'conflict-row-number', 'conflict-state'].map((c) =>
        row.get(`[data-test="${c}"]`).text(),
      );
    };
    expect(cells()).toEqual([SHAO, '邵建平（青溪县水利局）', '邵剑平', '3', '不导入']);
    const count = (test: string) => page.get(`[data-test="${test}"] strong`).text();
    expect([count('import-count-importable'), count('import-count-skipped'), count('import-count-errors')]).toEqual([
      '1',
      '1',
      '1',
    ]);
    expect(page.get('[data-test="conflict-confirm"]').text()).toBe('确认是改名');

    // Confirmed: checked again with the ID, the plan now shows the change of name and the new rank.
    await confirmRename(page, true);
    expect(requests(calls, 'import_check').map((r) => r.confirm_renames)).toEqual([[], [SHAO]]);
    expect(cells()).toEqual([SHAO, '邵建平（青溪县水利局）', '邵剑平', '3', '按改名导入']);
    expect((page.get('[data-test="conflict-confirm"] input').element as HTMLInputElement).checked).toBe(true);
    expect([count('import-count-importable'), count('import-count-skipped'), count('import-count-errors')]).toEqual([
      '2',
      '0',
      '0',
    ]);
    expect(page.get('[data-test="change-count-rank"]').text()).toBe('1');
    expect(page.get('[data-test="change-list-updated"]').text()).toContain(
      '邵剑平：姓名 邵建平 → 邵剑平；职级 四级调研员 → 三级调研员',
    );

    await page.get('[data-test="import-apply"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_apply')[0]!.confirm_renames).toEqual([SHAO]);
    const result = page.get('[data-test="import-result"]');
    expect(result.get('[data-test="result-people"]').text()).toBe('人员 2 人（新增 0，更新 1，未变 1）');
    expect(result.get('[data-test="result-renamed"]').text()).toBe(
      '确认改名 1 人，已改为本表中的姓名，原姓名记入变更记录。',
    );
    expect(result.find('[data-test="result-held-back"]').exists()).toBe(false);

    // Another file: nothing confirmed any more.
    await page.get('[data-test="import-again"]').trigger('click');
    await chooseFile(page);
    await page.get('[data-test="import-check"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_check').slice(-1)[0]!.confirm_renames).toEqual([]);
    page.unmount();
  });

  it('applies without the change of name confirmed: the row held back is said in the summary', async () => {
    shell.check = () => conflictCheck;
    shell.apply = {
      ...conflictApplied,
      skipped: 1,
      errors: 1,
      warnings: 0,
      applied: { ...conflictApplied.applied!, people: 1, updated_people: 0, held_back: 1, renamed: 0 },
    };
    shell.hold = false;
    const page = await checkedPage(calls, shell);
    // Confirmed, then taken back before the import: checked again without it.
    await confirmRename(page, true);
    await confirmRename(page, false);
    expect(requests(calls, 'import_check').map((r) => r.confirm_renames)).toEqual([[], ['34112219730323925X'], []]);
    await page.get('[data-test="import-apply"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_apply')[0]!.confirm_renames).toEqual([]);
    const result = page.get('[data-test="import-result"]');
    expect(result.get('[data-test="result-held-back"]').text()).toBe(
      '1 人的身份证号在数据库中登记为另一个姓名，未确认改名，未导入（数据库中原来的记录保持不变）。',
    );
    expect(result.find('[data-test="result-renamed"]').exists()).toBe(false);
    expect(result.get('[data-test="result-people"]').text()).toBe('人员 1 人（新增 0，更新 0，未变 1）');
    page.unmount();
  });

  it('keeps the confirmation as it was when the check made again is cancelled', async () => {
    shell.check = (request) => (request.confirm_renames.length > 0 ? conflictConfirmedCheck : conflictCheck);
    const page = await checkedPage(calls, shell);
    shell.hold = true;
    await confirmRename(page, true);
    expect(page.find('[data-test="import-progress"]').exists()).toBe(true);
    shell.pending[0]!.reject({ code: 'cancelled', message: '已取消导入，数据库未作任何修改' });
    await flushPromises();
    expect((page.get('[data-test="conflict-confirm"] input').element as HTMLInputElement).checked).toBe(false);
    expect(page.get('[data-test="conflict-state"]').text()).toBe('不导入');
    shell.hold = false;
    await page.get('[data-test="import-apply"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_apply')[0]!.confirm_renames).toEqual([]);
    page.unmount();
  });

  it('asks the year for the national results template and sends it without a mapping', async () => {
    shell.layout = {
      ...wpsLayout,
      national: true,
      sheets: ['Sheet1', 'Sheet2', 'Sheet3'],
      columns: [],
      missing: ['身份证号'],
    };
    mockShell(calls, shell);
    const page = await mountPage();
    await chooseFile(page);
    expect(page.get('[data-test="import-national"]').text()).toContain('国家公务员管理信息系统的年度考核导入表');
    expect(page.find('[data-test="mapping"]').exists()).toBe(false);
    const year = page.getComponent('[data-test="import-year"]') as VueWrapper<InstanceType<typeof ElInputNumber>>;
    year.vm.$emit('update:modelValue', 2025);
    await flushPromises();
    await page.get('[data-test="import-check"]').trigger('click');
    await flushPromises();
    expect(requests(calls, 'import_check')[0]).toMatchObject({ year: 2025, mapping: null });
    page.unmount();
  });

  it('opens a roster dropped on the window (the window sends it here through the store)', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    const store = useAppStore();
    expect(store.section).toBe('home');
    store.dragOver = true;
    await flushPromises();
    expect(page.get('[data-test="import-dropzone"]').text()).toContain('松开鼠标即可导入此文件');
    store.drop(['/home/clerk/桌面/花名册.xlsx', '/home/clerk/桌面/说明.docx']);
    await flushPromises();
    expect(store.section).toBe('import');
    expect(store.dragOver).toBe(false);
    expect(store.droppedRoster).toBeNull();
    expect(requests(calls, 'import_layout')[0]!.path).toBe('/home/clerk/桌面/花名册.xlsx');
    expect(page.get('[data-test="import-notice"]').text()).toBe('一次只能导入一个文件，已选用「花名册.xlsx」');
    page.unmount();
  });
});
