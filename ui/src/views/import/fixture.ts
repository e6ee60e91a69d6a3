// What the shell answers for real rosters of fixtures/rosters (as src-tauri/tests/shell/import.rs
// checks them): the layout of 03-wps-sheet1.xlsx (written from the Rust values), and — narrowed by
// hand to the issues the tests look at — the check of 13-bad-cells.xlsx and an apply.

import type { FieldChoice, ImportLayout, ImportReport } from '../../api/import';
import layout from './layout.generated.json';

// How 03-wps-sheet1.xlsx would be read (written by crates/kaohe-desk/tests/ui_fixtures.rs;
// `KAOHE_BLESS=1` rewrites it, never by hand), with the people fields it offers.
export const wpsLayout = layout as unknown as ImportLayout;
export const FIELDS: FieldChoice[] = wpsLayout.fields;

export const badCellsCheck: ImportReport = {
  file: '/home/clerk/桌面/13-bad-cells.xlsx',
  file_name: '13-bad-cells.xlsx',
  database: '/home/clerk/.local/share/kaohe/kaohe.db',
  sheet: '人员',
  header_row: 1,
  year: null,
  mapping_reused: false,
  rows_read: 9,
  importable: 2,
  skipped: 7,
  errors: 3,
  warnings: 1,
  organs: 0,
  results: 0,
  restrictions: 0,
  mapping: [],
  issues_beyond: { errors: 0, warnings: 0 },
  checked_only: true,
  applied: null,
  issues: [
    {
      sheet: '单位',
      row: null,
      column: null,
      header: null,
      value: null,
      code: 'sheet_missing',
      severity: 'warning',
      message: '文件中没有「单位」工作表，按无单位记录处理。',
    },
    {
      sheet: '人员',
      row: 3,
      column: 'B',
      header: '身份证号',
      value: '330106198112174388',
      code: 'bad_id',
      severity: 'error',
      message: '工作表「人员」第3行 B列「身份证号」：「330106198112174388」无效：校验位不对，末位应为 7；该行未导入。',
    },
    {
      sheet: '人员',
      row: 4,
      column: 'G',
      header: '任现职级时间',
      value: '2019.13',
      code: 'bad_date',
      severity: 'error',
      message: '工作表「人员」第4行 G列「任现职级时间」：「2019.13」不是有效日期；该行未导入。',
    },
    {
      sheet: '人员',
      row: 5,
      column: 'F',
      header: '职级',
      value: '副主任科员',
      code: 'unknown_rank',
      severity: 'error',
      message: '工作表「人员」第5行 F列「职级」：「副主任科员」不是规则中的职级名称；该行未导入。',
    },
  ],
  rows: [
    {
      row: 3,
      cells: [
        { column: 'B', header: '身份证号', value: '330106198112174388' },
        { column: 'C', header: '姓名', value: '孙丽' },
      ],
    },
    {
      row: 4,
      cells: [
        { column: 'B', header: '身份证号', value: '110105198003150011' },
        { column: 'C', header: '姓名', value: '周涛' },
        { column: 'G', header: '任现职级时间', value: '2019.13' },
      ],
    },
  ],
  changes: {
    new: [
      { id: '21010219980926718X', name: '白雪' },
      { id: '34112219730323925X', name: '邵建平' },
    ],
    updated: [
      { id: '330106199106022605', name: '王芳', fields: [{ field: '职级', from: '三级主任科员', to: '二级主任科员' }] },
    ],
    missing: [{ id: '510104197601039561', name: '刘强', organ: '青溪县审计局' }],
    moved: [],
    rank_changed: [{ id: '330106199106022605', name: '王芳', from: '三级主任科员', to: '二级主任科员' }],
    category_changed: [],
    results: 4,
    unchanged: 5,
    name_conflicts: [],
  },
};

export const applied: ImportReport = {
  ...badCellsCheck,
  checked_only: false,
  applied: {
    import_id: 1,
    people: 3,
    new_people: 2,
    updated_people: 1,
    unchanged_people: 0,
    organs: 0,
    results: 4,
    restrictions: 0,
    mapping_saved: true,
    held_back: 0,
    renamed: 0,
  },
};

// A second roster whose row 3 has 邵建平's ID under 邵剑平 (as the shell's name-conflict test):
// checked without, then with the change of name confirmed, and applied without it.
const SHAO = '34112219730323925X';
const conflict = {
  id: SHAO,
  name: '邵剑平',
  row: 3,
  name_in_database: '邵建平',
  organ_in_database: '青溪县水利局',
  confirmed: false,
};
const conflictIssue = {
  sheet: '人员',
  row: 3,
  column: 'B',
  header: '姓名',
  value: '邵剑平',
  code: 'name_conflict' as const,
};

export const conflictCheck: ImportReport = {
  ...badCellsCheck,
  file: '/home/clerk/桌面/2025.csv',
  file_name: '2025.csv',
  rows_read: 2,
  importable: 1,
  skipped: 1,
  errors: 1,
  warnings: 0,
  issues: [
    {
      ...conflictIssue,
      severity: 'error',
      message: `工作表「人员」第3行 B列「姓名」：身份证号 ${SHAO} 在数据库中登记为「邵建平」（青溪县水利局），本表为「邵剑平」。可能是改名，也可能是身份证号填错（填成了别人的号码）；该行未导入，数据库中「邵建平」的记录保持不变。如确属改名，请确认改名后重新导入；如身份证号填错，请改正后重新导入。`,
    },
  ],
  rows: [],
  changes: {
    new: [],
    updated: [],
    missing: [],
    moved: [],
    rank_changed: [],
    category_changed: [],
    results: 0,
    unchanged: 1,
    name_conflicts: [conflict],
  },
};

export const conflictConfirmedCheck: ImportReport = {
  ...conflictCheck,
  importable: 2,
  skipped: 0,
  errors: 0,
  warnings: 1,
  issues: [
    {
      ...conflictIssue,
      severity: 'warning',
      message: `工作表「人员」第3行 B列「姓名」：身份证号 ${SHAO} 在数据库中登记为「邵建平」（青溪县水利局），本表为「邵剑平」，已确认为改名；该行已导入，姓名改为「邵剑平」，原姓名记入变更记录。`,
    },
  ],
  changes: {
    ...conflictCheck.changes,
    updated: [
      {
        id: SHAO,
        name: '邵剑平',
        fields: [
          { field: '姓名', from: '邵建平', to: '邵剑平' },
          { field: '职级', from: '四级调研员', to: '三级调研员' },
        ],
      },
    ],
    rank_changed: [{ id: SHAO, name: '邵剑平', from: '四级调研员', to: '三级调研员' }],
    name_conflicts: [{ ...conflict, confirmed: true }],
  },
};

export const conflictApplied: ImportReport = {
  ...conflictConfirmedCheck,
  checked_only: false,
  applied: {
    import_id: 2,
    people: 2,
    new_people: 0,
    updated_people: 1,
    unchanged_people: 1,
    organs: 0,
    results: 0,
    restrictions: 0,
    mapping_saved: false,
    held_back: 0,
    renamed: 1,
  },
};
