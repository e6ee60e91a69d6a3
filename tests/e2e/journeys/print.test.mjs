// Journey: 打印与导出 and the print preview window. A clerk imports the sample roster through the
// 导入 wizard, reads in 人员 how many people 某市财政局 has and in 年度考核 everyone's 2025 grades,
// then in 打印与导出 previews the 2025 年度考核登记表 of 某市财政局: WebDriver switches to the
// preview window (a second window handle) and the test reads the document there as a clerk
// would — one form per person of the organ, each person's name, organ, department and rank and
// the grade the app suggests, the title — and photographs it (docs/screenshots/preview.png with
// KAOHE_BLESS=1). Then the organ's 优秀等次人选公示 and 职级晋升人选公示 (as of 2025-12-31) in the
// same window: the people 年度考核 and 职级晋升 show, with birth month and education and no ID
// number at all (a 公示 is posted publicly). 「打印」 is checked enabled after each preview and disabled while the form asks
// for something else, but never clicked (the system print dialog would wait for a person).
// Finally the preview window is closed through WebDriver and the test goes on in the main window.
//
// WebDriver's 「close window」 destroys only the preview's web view (wry answers WebKit's `close`
// signal so), not the Tauri window around it: the window stays, blank, until the app ends, and a
// later 预览 in the same session would not show up as a window handle. So it is the last step.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, ROOT, SCREEN } from '../lib/app.mjs';
import { screenshot, until } from '../lib/ui.mjs';
import { AS_OF, SAMPLE_YEAR } from '../lib/sections.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as importer from '../lib/pages/import.mjs';
import * as people from '../lib/pages/people.mjs';
import * as assessment from '../lib/pages/assessment.mjs';
import * as promotion from '../lib/pages/promotion.mjs';
import * as print from '../lib/pages/print.mjs';
import * as preview from '../lib/pages/preview.mjs';

const SAMPLE = join(ROOT, 'fixtures/sample/名册示例.xlsx');
const YEAR = SAMPLE_YEAR;
const ORGAN = '某市财政局';
/** The 公示 start, fixed so that the period (and the picture) does not change with the clock: a Monday. */
const FROM = '2026-01-19';

let app;
let browser;

before(async () => {
  app = await launch('print');
  browser = app.browser;
  await shell.ready(browser, SCREEN);
});

after(async () => {
  await app?.quit();
});

/** The ID the 人员 grid shows for `name` (searched by name within the organ filter). */
async function idShown(name) {
  await people.search(browser, name);
  const rows = await until(
    browser,
    async () => {
      const shown = await people.visibleRows(browser);
      return shown.length === 1 && shown[0][0] === name ? shown : null;
    },
    `人员表格只显示 / the grid shows only 「${name}」`,
  );
  return rows[0][1];
}

test('打印：登记表与两份公示在预览窗口中核对', async (t) => {
  /** The organ's people in 年度考核: `[{ organ, pool, name, suggested, final }]`. */
  let graded;
  let organCount;
  let first;
  /** The organ's 优秀 (final grade) as 年度考核 shows them, with the ID 人员 shows. */
  let excellent;
  let registration;
  let handles;
  /** The organ's people a 职级晋升人选公示 lists, as 职级晋升 shows them. */
  let promoted;

  await t.test('导入：示例名册（导入向导）', async () => {
    await shell.open(browser, 'import');
    await importer.chooseFile(app, SAMPLE);
    const checked = await importer.check(browser);
    assert.equal(checked.importable, 38);
    assert.equal(checked.errors, 0);
    const result = await importer.apply(browser);
    assert.equal(result['result-people'], '人员 38 人（新增 38，更新 0，未变 0）');
  });

  await t.test(`年度考核：${YEAR}年度 ${ORGAN} 各人的等次`, async () => {
    await shell.open(browser, 'assessment');
    await assessment.chooseYear(browser, YEAR);
    const everyone = await assessment.everyone(browser);
    assert.equal(everyone.length, 38);
    graded = everyone.filter((p) => p.organ === ORGAN);
    // The sample's 某市财政局: 16 people, 高晓燕 among its 优秀 (worked out by hand).
    assert.equal(graded.length, 16);
    assert.ok(graded.some((p) => p.name === '高晓燕' && p.final === '优秀'), JSON.stringify(graded));
  });

  await t.test(`人员：${ORGAN} 的人数、第一人与优秀人员的身份证号`, async () => {
    await shell.open(browser, 'people');
    const count = await people.filterOrgan(browser, ORGAN);
    const m = count.match(/^符合条件 (\d+) 人（共 38 人）$/);
    assert.ok(m, count);
    organCount = Number(m[1]);
    assert.equal(organCount, graded.length);
    const rows = await people.visibleRows(browser);
    assert.ok(rows.every((r) => r[2] === ORGAN), `只显示该单位 / only ${ORGAN}: ${JSON.stringify(rows.map((r) => r[2]))}`);
    const [name, id, organ, department, , rank] = rows[0];
    first = { name, id, organ, department, rank };
    assert.deepEqual([name, organ, department, rank], ['田建国', ORGAN, '办公室', '二级主任科员']);
    excellent = [];
    for (const p of graded.filter((g) => g.final === '优秀')) excellent.push({ name: p.name, id: await idShown(p.name) });
    // Worked out by hand from the sample: 3 优秀 in 某市财政局's pool.
    assert.deepEqual(excellent.map((p) => p.name).sort(), ['梁宏伟', '董静怡', '高晓燕'].sort());
    for (const p of excellent) assert.match(p.id, /^\d{17}[\dX]$/, p.name);
  });

  await t.test(`职级晋升：截至 ${AS_OF} ${ORGAN} 拟晋升的人员`, async () => {
    await shell.open(browser, 'promotion');
    await promotion.computeAsOf(browser, AS_OF);
    // Who a 职级晋升人选公示 lists: eligible, and proposed within the slots (or needing none).
    const listed = new Set(['拟列入', '池内晋升', '不受职数限制']);
    promoted = (await promotion.rows(browser)).filter((r) => r.organ === ORGAN && r.status === '符合' && listed.has(r.slot));
    // The sample's 某市财政局: 8 (梁晓东 池内晋升, 高子轩 拟列入 among them, as the main journey reads them).
    assert.equal(promoted.length, 8, JSON.stringify(promoted.map((r) => [r.name, r.slot])));
    assert.ok(['梁晓东', '高子轩'].every((n) => promoted.some((r) => r.name === n)));
    for (const r of promoted) assert.match(r.id, /^\d{17}[\dX]$/, r.name);
  });

  await t.test(`打印：${YEAR}年度考核登记表（${ORGAN}）预览`, async () => {
    await shell.open(browser, 'print');
    await print.chooseDocument(browser, '登记表');
    await print.chooseYear(browser, YEAR);
    await print.chooseOrgan(browser, ORGAN);
    // Nothing previewed yet: nothing to print.
    assert.deepEqual(await print.printButton(browser), { shown: true, enabled: false, label: '打印' });
    registration = await print.preview(browser);
    assert.equal(registration.title, `年度考核登记表（${YEAR}年度·${ORGAN}）`);
    assert.ok(registration.pages >= organCount, `页数 / pages ${registration.pages}`);
    assert.deepEqual(await print.printButton(browser), { shown: true, enabled: true, label: '打印' });
  });

  await t.test('预览窗口：每人一张登记表，姓名、单位、职级与等次同软件所示', async () => {
    handles = await preview.open(browser, /^年度考核登记表$/);
    try {
      assert.notEqual(handles.preview, handles.main);
      const doc = await preview.contents(browser);
      assert.equal(doc.title, `${YEAR}年度考核登记表`);
      const { pages, forms } = await preview.registrationForms(browser);
      // One form per person of the organ (continuation pages, if any, counted by the app too).
      assert.equal(forms.length, organCount);
      assert.equal(pages, registration.pages);
      assert.deepEqual(forms.map((f) => f.name).sort(), graded.map((p) => p.name).sort());
      for (const f of forms) {
        assert.equal(f.heading, '年度考核登记表', f.name);
        assert.equal(f.subtitle, `（${YEAR}年度）`, f.name);
        assert.ok(f.unit.startsWith(ORGAN), `${f.name}：${f.unit}`);
        // 考核等次建议 is the grade the app suggests (none, 「—」, for someone not graded this year,
        // whose form says why instead); 确定等次 waits for 定稿.
        const shown = graded.find((p) => p.name === f.name);
        if (shown.suggested === '—') {
          assert.equal(f.proposal, '', f.name);
          assert.notEqual(f.ungraded, '', `${f.name}：未确定等次的说明 / why no grade`);
        } else {
          assert.equal(f.proposal, shown.suggested, f.name);
          assert.equal(f.ungraded, '', f.name);
        }
        assert.equal(f.finalGrade, '', f.name);
      }
      const form = forms.find((f) => f.name === first.name);
      assert.equal(form.unit, `${ORGAN}${first.department}${first.rank}`);
      assert.deepEqual([form.gender, form.birth], ['男', '1988.08']);
      await screenshot(browser, 'preview');
    } finally {
      await preview.back(browser, handles);
    }
    assert.equal(await browser.getTitle(), '考核 Kaohe');
  });

  await t.test(`打印：${ORGAN}${YEAR}年度考核优秀等次人选公示，不列身份证号`, async () => {
    await print.chooseDocument(browser, '优秀公示');
    // The form now asks for another document: 「打印」 waits for a new preview.
    assert.equal(await print.staleNotice(browser), '参数已更改，请先点击「预览」，再打印');
    assert.equal((await print.printButton(browser)).enabled, false);
    await print.chooseFrom(browser, FROM);
    const shown = await print.preview(browser, '优秀等次人选公示');
    assert.equal(shown.title, `年度考核优秀等次人选公示（${YEAR}年度·${ORGAN}）`);
    assert.equal(shown.pages, null);
    assert.equal(await print.staleNotice(browser), null);
    assert.equal((await print.printButton(browser)).enabled, true);

    // The same window, now showing the 公示.
    const again = await preview.open(browser, /优秀等次人选公示$/);
    try {
      assert.equal(again.preview, handles.preview);
      const list = await preview.publicity(browser);
      assert.equal(list.heading, `${ORGAN}${YEAR}年度考核优秀等次人选公示`);
      assert.deepEqual(list.header, ['序号', '姓名', '性别', '出生年月', '学历', '单位及职务职级']);
      assert.ok(list.notes[0].includes(`拟确定以下${excellent.length}名同志${YEAR}年度考核为优秀等次`), list.notes[0]);
      // 5 working days from Monday 19 January 2026 (the profile's period for 优秀 公示).
      assert.ok(list.notes[1].startsWith('公示时间：2026年1月19日至2026年1月23日（5个工作日）。'), list.notes[1]);
      // The same people as 年度考核 shows 优秀 (the list in the report's order, numbered).
      assert.deepEqual(list.rows.map((r) => r[1]).sort(), excellent.map((p) => p.name).sort());
      assert.deepEqual(list.rows.map((r) => r[0]), list.rows.map((_, i) => String(i + 1)));
      const text = (await preview.contents(browser)).text;
      for (const p of excellent) {
        const row = list.rows.find((r) => r[1] === p.name);
        assert.ok(row[5].startsWith(ORGAN), row[5]);
        assert.match(row[3], /^\d{4}\.\d{2}$/, p.name);
        assert.ok(!text.includes(p.id.slice(0, 6)) || !text.includes(p.id.slice(14)), `公示中不应出现身份证号 / no part of ${p.name}'s ID`);
      }
      assert.doesNotMatch(text, /\d{17}[\dX]|\*{4}/, '公示中没有任何身份证号 / no ID at all, masked or not');
      assert.ok(list.notes.some((n) => n.includes('考核委员会尚未定稿')), '未定稿时注明为建议人选');
      await screenshot(browser, 'preview-publicity');
    } finally {
      await preview.back(browser, again);
    }
  });

  await t.test(`打印：${ORGAN}职级晋升人选公示（截至 ${AS_OF}），不列身份证号`, async () => {
    await print.chooseDocument(browser, '晋升公示');
    await print.chooseAsOf(browser, AS_OF);
    await print.chooseFrom(browser, FROM);
    const shown = await print.preview(browser, '职级晋升人选公示');
    assert.equal(shown.title, `职级晋升人选公示（截至2025年12月31日·${ORGAN}）`);
    assert.equal(shown.pages, null);
    assert.equal((await print.printButton(browser)).enabled, true);

    const again = await preview.open(browser, /职级晋升人选公示$/);
    try {
      assert.equal(again.preview, handles.preview);
      const list = await preview.publicity(browser);
      assert.equal(list.heading, `${ORGAN}职级晋升人选公示`);
      assert.deepEqual(list.header, ['序号', '姓名', '性别', '出生年月', '学历', '单位', '现职级', '拟晋升职级']);
      assert.ok(list.notes[0].includes(`拟晋升以下${promoted.length}名同志的职级（资格截至2025年12月31日）`), list.notes[0]);
      assert.ok(list.notes[1].startsWith('公示时间：2026年1月19日至2026年1月23日（5个工作日）。'), list.notes[1]);
      assert.deepEqual(list.rows.map((r) => r[1]).sort(), promoted.map((p) => p.name).sort());
      const text = (await preview.contents(browser)).text;
      for (const p of promoted) {
        const row = list.rows.find((r) => r[1] === p.name);
        assert.deepEqual([row[5], row[6], row[7]], [ORGAN, p.rank, p.target], p.name);
        assert.ok(!text.includes(p.id.slice(0, 6)) || !text.includes(p.id.slice(14)), `公示中不应出现身份证号 / no part of ${p.name}'s ID`);
      }
      assert.doesNotMatch(text, /\d{17}[\dX]|\*{4}/, '公示中没有任何身份证号 / no ID at all, masked or not');
    } finally {
      await preview.back(browser, again);
    }
  });

  await t.test('预览窗口：关闭后回到主窗口', async () => {
    await preview.close(browser, handles);
    assert.equal(await browser.getTitle(), '考核 Kaohe');
    // The main window goes on: the 打印 section still names what was previewed, the menu works.
    assert.equal(await print.shownTitle(browser), `职级晋升人选公示（截至2025年12月31日·${ORGAN}）`);
    await shell.open(browser, 'home');
  });
});
