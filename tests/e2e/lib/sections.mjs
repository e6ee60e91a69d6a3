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

/** The sample roster's year of assessment data. */
export const SAMPLE_YEAR = 2025;

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
      assert.match(await rules.intro(browser), /全国默认规则/);
      // Three ladders (综合管理类, 专业技术类, 行政执法类) with their ranks.
      assert.ok((await rules.rowCount(browser, 'ladder-row')) > 20);
    },
  },
};
