// Journey: a clerk drags rosters from a file manager onto the window instead of choosing them in
// the dialog. A real X11 drag and drop between two programs (lib/drop.mjs: a GTK drag source
// offering the file as text/uri-list, the mouse driven by xdotool); no dialog answer is queued, so
// only the drop can open a file. The sample roster (fixtures/sample/名册示例.xlsx) dropped on the
// 导入 page: while it is held over the page the drop zone says 松开鼠标即可导入此文件, and once
// dropped the wizard shows what it shows after 选择文件 — the file name, the proposed sheet 人员
// with its header at row 1 and the 16 columns, each mapped to the field of its own name. Then
// fixtures/rosters/13-bad-cells.xlsx dropped on 工作台: the window switches to 导入 and shows it.
// Last, a report package (.kaohe) dropped on 工作台 goes to 汇总, which receives it as one chosen
// in its dialog — this one is not a package at all, and is refused saying so (a file the shell
// had not been given would be refused as not chosen instead).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, ROOT, SCREEN } from '../lib/app.mjs';
import { dropFile } from '../lib/drop.mjs';
import { t, textOf, type, until, waitForText } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as importer from '../lib/pages/import.mjs';

const SAMPLE = join(ROOT, 'fixtures/sample/名册示例.xlsx');
/** The header row of the sample's sheet 人员 (row 1, columns A–P). */
const HEADERS = ['身份证号', '姓名', '性别', '出生日期', '单位', '部门', '职位类别', '职级', '任现职级时间', '领导职务', '职务层次', '任现职务时间', '是否领导成员', '学历', '参加工作时间', '进入公务员队伍时间'];
const BAD_ROSTER = join(ROOT, 'fixtures/rosters/13-bad-cells.xlsx');
const DROPZONE = t('section-import', 'import-dropzone');

let app;
let browser;

before(async () => {
  app = await launch('drop');
  browser = app.browser;
  await shell.ready(browser, SCREEN);
});

after(async () => {
  await app?.quit();
});

test('拖放导入：把名册文件拖到窗口上，向导显示该文件的工作表与列', async (ctx) => {
  await ctx.test('导入页：提示可把名册文件拖到窗口中', async () => {
    await shell.open(browser, 'import');
    assert.match(await textOf(browser, DROPZONE), /选择要导入的名册/);
  });

  await ctx.test('拖到窗口上方：提示松开鼠标即可导入；松开后显示工作表与列', async () => {
    let over = '';
    const reported = await dropFile(browser, SAMPLE, DROPZONE, {
      screen: SCREEN,
      log: app.log,
      whileOver: async () => {
        over = await textOf(browser, DROPZONE);
      },
    });
    // The app asked the drag source for the data, and got the file's URI (the path percent-encoded).
    assert.ok(reported.includes(`get file://${encodeURI(SAMPLE)}`), JSON.stringify(reported));
    assert.match(over, /松开鼠标即可导入此文件/);
    await browser.$(t('section-import', 'import-setup')).waitForDisplayed({ timeout: 30000 });
    const proposed = await importer.setup(browser);
    assert.equal(proposed.file, '名册示例.xlsx');
    assert.equal(proposed.sheet, '人员');
    assert.equal(proposed.headerRow, 1);
    assert.equal(proposed.missing, null);
    assert.equal(proposed.rows, '表头下约 38 行');
    assert.deepEqual(
      proposed.mapping.map((m) => `${m.column} ${m.header}`),
      HEADERS.map((h, i) => `${String.fromCharCode(65 + i)} ${h}`),
    );
    for (const m of proposed.mapping) assert.equal(m.field.replace('（必需）', ''), m.header, `列 ${m.column}`);
  });

  await ctx.test('在工作台上拖入另一份名册：切换到导入页，改为显示该文件', async () => {
    await shell.open(browser, 'home');
    await dropFile(browser, BAD_ROSTER, t('section-home'), { screen: SCREEN, log: app.log });
    await browser.$(t('section-import')).waitForDisplayed({ timeout: 15000 });
    assert.equal(await browser.$(t('section-home')).isDisplayed(), false);
    await waitForText(browser, t('section-import', 'import-file-name'), '13-bad-cells.xlsx', 30000);
    await browser.$(t('section-import', 'import-setup')).waitForDisplayed({ timeout: 30000 });
    const proposed = await until(browser, async () => {
      const shown = await importer.setup(browser);
      return shown.mapping[0]?.header === '序号' && shown;
    }, '13-bad-cells.xlsx 的列');
    assert.equal(proposed.file, '13-bad-cells.xlsx');
    assert.equal(proposed.sheet, '人员');
    assert.equal(proposed.headerRow, 1);
    assert.deepEqual(
      proposed.mapping.map((m) => m.header),
      ['序号', '身份证号', '姓名', '单位', '职位类别', '职级', '任现职级时间'],
    );
  });

  await ctx.test('在工作台上拖入上报文件：切换到汇总页并接收（此文件不是上报文件，拒收并说明）', async () => {
    const junk = join(app.dir, '某单位_2025年度上报.kaohe');
    writeFileSync(junk, '不是压缩包');
    await shell.open(browser, 'summary');
    await type(browser, t('section-summary', 'summary-operator'), '组织部 王芳');
    await shell.open(browser, 'home');
    await dropFile(browser, junk, t('section-home'), { screen: SCREEN, log: app.log });
    await browser.$(t('section-summary')).waitForDisplayed({ timeout: 15000 });
    const refused = await until(
      browser,
      async () => (await textOf(browser, t('section-summary', 'summary-refused')).catch(() => '')) || false,
      '汇总的拒收说明',
    );
    assert.match(refused, /某单位_2025年度上报\.kaohe/);
    assert.match(refused, /不是上报文件（不是 zip 格式的压缩包）/);
  });
});
