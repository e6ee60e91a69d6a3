// The tour of every section (journeys/sections.test.mjs): for each section in the side menu, what
// to do once it is open with the sample roster imported, before its screenshot. `prepare` puts the
// section in the state shown in README and checks what a clerk would read there. A section the
// menu lists but this table lacks is still opened and photographed (the tour notes the gap).
//
// Adding a section after a merge: one entry here (and its page helper in lib/pages/<name>.mjs).

import assert from 'node:assert/strict';
import * as home from './pages/home.mjs';
import * as assessment from './pages/assessment.mjs';
import * as print from './pages/print.mjs';
import * as rules from './pages/rules.mjs';
import * as importer from './pages/import.mjs';
import * as people from './pages/people.mjs';
import * as promotion from './pages/promotion.mjs';
import * as log from './pages/log.mjs';
import * as audit from './pages/audit.mjs';
import * as settings from './pages/settings.mjs';
import { t, textOf } from './ui.mjs';

/** The sample roster's year of assessment data. */
export const SAMPLE_YEAR = 2025;
/** The as-of date of 职级晋升 in the tour and the main journey (fixed, so that the pictures do not change with the clock). */
export const AS_OF = '2025-12-31';

export const TOUR = {
  home: {
    async prepare(browser) {
      await home.waitForCounts(browser, { people: 38, organs: 3, results: 114 });
    },
  },
  assessment: {
    async prepare(browser) {
      await assessment.chooseYear(browser, SAMPLE_YEAR);
      assert.equal(await assessment.yearState(browser), '未定稿');
      assert.match(await assessment.summary(browser), /参加考核 38 人，4 个考核池，优秀名额共 6 名/);
    },
  },
  print: {
    async prepare(browser) {
      await print.chooseDocument(browser, '登记表');
      await print.chooseYear(browser, SAMPLE_YEAR);
      const shown = await print.preview(browser);
      // One 登记表 page per person in roster order: 38 people.
      assert.equal(shown.pages, 38);
      assert.match(shown.title, /登记表/);
    },
  },
  rules: {
    async prepare(browser) {
      assert.match(await rules.intro(browser), /每一条规则及其出处/);
      assert.match(await textOf(browser, t('section-rules', 'profile-active-name')), /全国默认规则/);
      // Three ladders (综合管理类, 专业技术类, 行政执法类) with their ranks.
      assert.ok((await rules.rowCount(browser, 'ladder-row')) > 20);
    },
  },
  import: {
    async prepare(browser) {
      // The wizard's first step: nothing chosen yet.
      assert.equal(await textOf(browser, t('section-import', 'import-choose-file')), '选择文件…');
      assert.match(await textOf(browser, t('section-import', 'import-dropzone')), /选择要导入的名册/);
    },
  },
  people: {
    async prepare(browser) {
      assert.equal(await people.count(browser), '共 38 人');
      const shown = await people.visibleRows(browser);
      assert.ok(shown.length >= 10, `表格应显示至少10行 / at least 10 rows painted, got ${shown.length}`);
      // The first person of the first organ, as the roster lists them.
      assert.deepEqual(shown[0].slice(0, 3), ['田建国', '330102198808060235', '某市财政局']);
    },
  },
  promotion: {
    async prepare(browser) {
      await promotion.computeAsOf(browser, AS_OF);
      const c = await promotion.counts(browser);
      assert.equal(c.total, 38);
      assert.ok(c.eligible > 0 && c.eligible <= 38, `符合条件人数 / eligible ${c.eligible}`);
    },
  },
  audit: {
    async prepare(browser) {
      // The sample's history is consistent: on today's date, nothing or little to look at.
      await audit.waitForSummary(browser, /^共 38 人，导入记录和职级变动表中的晋升 1 次；发现问题 \d+ 处/);
    },
  },
  summary: {
    async prepare(browser) {
      // Nothing received yet: the year says so, and lists the sample's organs as not reported.
      const S = 'section-summary';
      await browser.$(t(S, 'summary-none')).waitForDisplayed({ timeout: 15000 });
      assert.match(await textOf(browser, t(S, 'summary-unreported')), /尚未上报：某县人力资源和社会保障局、某县市场监督管理局、某市财政局/);
    },
  },
  log: {
    async prepare(browser) {
      const entries = await log.entries(browser);
      assert.equal(await log.count(browser), entries.length);
      assert.ok(entries.some((e) => e.kind.includes('导入')), `日志中应有导入 / an import is logged: ${JSON.stringify(entries)}`);
    },
  },
  settings: {
    async prepare(browser) {
      assert.match(await settings.dbPath(browser), /\.db$/);
    },
  },
};
