// Journey: a clerk imports a roster with bad cells (fixtures/rosters/13-bad-cells.xlsx) through
// the 导入 wizard. Expected values are the fixture's (13-bad-cells.expected.json): 9 rows read,
// 2 importable (白雪, 邵建平), errors at sheet rows 3, 4, 5, 6, 8, 9 and 10 (two at row 10), and
// a warning for each of the 3 optional sheets the file lacks (单位, 年度考核, 处分).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, ROOT, SCREEN } from '../lib/app.mjs';
import { screenshot } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as importer from '../lib/pages/import.mjs';
import * as people from '../lib/pages/people.mjs';

const ROSTER = join(ROOT, 'fixtures/rosters/13-bad-cells.xlsx');
const ERROR_ROWS = [3, 4, 6, 8, 9, 10, 10];

let app;
let browser;

before(async () => {
  app = await launch('bad-roster');
  browser = app.browser;
  await shell.ready(browser, SCREEN);
});

after(async () => {
  await app?.quit();
});

test('导入有错误的名册：问题清单指出出错的行', async (t) => {
  await t.test('检查：读取9行，可导入3人，6行未能读取', async () => {
    await shell.open(browser, 'import');
    const proposed = await importer.chooseFile(app, ROSTER);
    assert.equal(proposed.sheet, '人员');
    assert.equal(proposed.headerRow, 1);
    const checked = await importer.check(browser);
    assert.equal(checked.summary, '工作表「人员」（表头在第 1 行）：读取 9 行，可导入 3 人，6 行有错误未能读取。');
    assert.deepEqual([checked.importable, checked.skipped, checked.errors, checked.warnings], [3, 6, 7, 4]);
    assert.equal(checked.changes.new, 3);
  });

  await t.test('问题清单：每个错误所在的行、列与内容', async () => {
    const all = await importer.issues(browser);
    assert.equal(all.length, 11);
    const errors = all.filter((i) => i.severity === 'error');
    assert.deepEqual(errors.map((i) => i.row).sort((a, b) => a - b), ERROR_ROWS);
    const at = (row, column) => errors.find((i) => i.row === row && i.column === column);
    assert.equal(at(3, 'B').value, '330106198112174388');
    assert.match(at(3, 'B').message, /末位应为 7/);
    assert.equal(at(4, 'G').value, '2019.13');
    assert.match(at(6, 'F').message, /属于综合管理类职级序列，与职位类别「专业技术类」不符/);
    assert.match(at(8, 'B').message, /与第7行重复/);
    assert.ok(at(9, 'D'), '第9行缺单位 / row 9 lacks 单位');
    assert.equal(at(10, 'E').value, '工勤');
    assert.equal(at(10, 'F').value, '技术工二级');
    for (const e of errors) {
      assert.equal(e.sheet, '人员');
      assert.equal(e.tag, '错误');
    }
    // 副主任科员 (a title used before 2019-06) is read as 四级主任科员, with a warning on its row.
    const warnings = all.filter((i) => i.severity === 'warning');
    assert.deepEqual(warnings.map((w) => w.sheet).sort(), ['人员', '单位', '处分', '年度考核'].sort());
    const old = warnings.find((w) => w.sheet === '人员');
    assert.deepEqual([old.row, old.column, old.value, old.tag], [5, 'F', '副主任科员', '提示']);
    assert.match(old.message, /已按职级套转视为「四级主任科员」/);
    assert.ok(warnings.filter((w) => w !== old).every((w) => w.row === null && w.tag === '提示'));
  });

  await t.test('按类别筛选：错误 7 项，提示 4 项', async () => {
    assert.equal(await importer.filterIssues(browser, 'error'), '错误（7）');
    const errors = await importer.issues(browser);
    assert.deepEqual(errors.map((i) => i.row).sort((a, b) => a - b), ERROR_ROWS);
    assert.ok(errors.every((i) => i.severity === 'error'));
    assert.equal(await importer.filterIssues(browser, 'warning'), '提示（4）');
    const warnings = await importer.issues(browser);
    assert.equal(warnings.length, 4);
    assert.ok(warnings.every((i) => i.severity === 'warning'));
    assert.equal(await importer.filterIssues(browser, 'all'), '全部（11）');
    assert.equal((await importer.issues(browser)).length, 11);
  });

  await t.test('点击一个问题：显示该行各单元格', async () => {
    const listed = await importer.issues(browser);
    const index = listed.findIndex((i) => i.row === 6);
    const shown = await importer.showIssueRow(browser, index);
    assert.equal(shown.title, '第 6 行的内容');
    const cells = Object.entries(shown.cells);
    const value = (header) => cells.find(([k]) => k.endsWith(` ${header}`))?.[1];
    assert.equal(value('职位类别'), '专业技术类');
    assert.equal(value('职级'), '一级主任科员');
    await screenshot(browser, 'import-check');
  });

  await t.test('导入：只导入白雪、顾俊、邵建平三人', async () => {
    const result = await importer.apply(browser);
    assert.equal(result['result-people'], '人员 3 人（新增 3，更新 0，未变 0）');
    assert.match(result['result-skipped'], /^6 行有错误未导入/);
    await shell.open(browser, 'people');
    assert.equal(await people.count(browser), '共 3 人');
    const rows = await people.visibleRows(browser);
    const names = rows.map((r) => r.find((c) => c === '白雪' || c === '顾俊' || c === '邵建平')).filter(Boolean).sort();
    assert.deepEqual(names, ['白雪', '顾俊', '邵建平'].sort());
  });
});
