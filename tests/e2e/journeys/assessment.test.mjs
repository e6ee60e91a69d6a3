// Journey: a clerk imports the sample roster on 工作台, opens 年度考核 for the sample's year (2025),
// is refused 定稿 while the 领导成员 pool of 某县人力资源和社会保障局 is over its quota (quota 0,
// 周志强 suggested 优秀), changes 周志强 to 称职 with a reason, and finalises the year.
// Expected values are the sample roster's (fixtures/sample/名册示例.toml), worked out by hand:
// 38 people in 3 organs with 114 annual results; in 2025, 4 pools and 6 优秀 places in all.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, SCREEN } from '../lib/app.mjs';
import { screenshot } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as home from '../lib/pages/home.mjs';
import * as assessment from '../lib/pages/assessment.mjs';

const YEAR = 2025;
const OPERATOR = '人事科 李明';
const LEADERS = assessment.pool('某县人力资源和社会保障局', '领导成员');
const REASON = '领导成员优秀名额为0名，经考核委员会研究调整为称职';

let app;
let browser;

before(async () => {
  app = await launch('assessment');
  browser = app.browser;
  await shell.ready(browser, SCREEN);
});

after(async () => {
  await app?.quit();
});

test('年度考核：导入示例名册 → 修改等次（须填理由）→ 定稿', async (t) => {
  await t.test('工作台：新数据库为空，导入示例名册后显示人数', async () => {
    assert.equal(await home.dbPath(browser), app.db);
    assert.deepEqual(await home.counts(browser), { people: 0, organs: 0, results: 0 });
    const outcome = await home.importSample(browser);
    assert.match(outcome, /人员 38 人（新增 38，更新 0），单位 3 个，年度考核记录 114 条，处分记录 5 条/);
    assert.deepEqual(await home.counts(browser), { people: 38, organs: 3, results: 114 });
  });

  await t.test('年度考核：2025年度的考核池、名额与建议等次', async () => {
    await shell.open(browser, 'assessment');
    await assessment.chooseYear(browser, YEAR);
    assert.equal(await assessment.summary(browser), '2025年度：参加考核 38 人，4 个考核池，优秀名额共 6 名（规则：全国默认规则）');
    assert.equal(await assessment.yearState(browser), '未定稿');
    // 2 members × 20% = 0.40 → 0 places, yet the proposal names 周志强 优秀.
    assert.deepEqual(await assessment.poolCounts(browser, LEADERS), { quota: 0, suggested: 1, final: 1, overQuota: true });
    assert.deepEqual(await assessment.person(browser, '周志强', LEADERS), { suggested: '优秀', final: '优秀', adjusted: false });
    assert.deepEqual(await assessment.person(browser, '黄浩然', LEADERS), { suggested: '称职', final: '称职', adjusted: false });
    assert.deepEqual(await assessment.person(browser, '高晓燕'), { suggested: '优秀', final: '优秀', adjusted: false });
  });

  await t.test('定稿被拒：领导成员超出优秀名额', async () => {
    await assessment.setOperator(browser, OPERATOR);
    const refused = await assessment.finalize(browser);
    assert.equal(refused.ok, false);
    assert.match(refused.message, /2025年度考核暂不能定稿/);
    const problems = await assessment.finalizeProblems(browser);
    assert.ok(
      problems.some((p) => p.includes('某县人力资源和社会保障局') && p.includes('领导成员')),
      `问题列表应指出该考核池 / problems name the pool: ${problems.join(' | ')}`,
    );
    assert.equal(await assessment.yearState(browser), '未定稿');
  });

  await t.test('修改等次：周志强 优秀 → 称职，须填理由', async () => {
    const done = await assessment.override(browser, '周志强', '称职', REASON, LEADERS, {
      beforeSubmit: () => screenshot(browser, 'assessment-override'),
    });
    assert.match(done, /周志强/);
    assert.match(done, /称职/);
    assert.deepEqual(await assessment.person(browser, '周志强', LEADERS), { suggested: '优秀', final: '称职', adjusted: true });
    assert.deepEqual(await assessment.poolCounts(browser, LEADERS), { quota: 0, suggested: 1, final: 0, overQuota: false });
  });

  await t.test('定稿：年度锁定，等次不可再改', async () => {
    const done = await assessment.finalize(browser);
    assert.equal(done.ok, true, done.message);
    assert.equal(done.message, '2025年度考核已定稿，写入考核结果 38 条');
    assert.match(await assessment.yearState(browser), /^已于\d{4}-\d{2}-\d{2}定稿$/);
    assert.deepEqual(await assessment.person(browser, '周志强', LEADERS), { suggested: '优秀', final: '称职', adjusted: true });
    assert.deepEqual(await assessment.person(browser, '高晓燕'), { suggested: '优秀', final: '优秀', adjusted: false });
    assert.equal(await assessment.canOverride(browser, '高晓燕'), false);
    assert.equal(await assessment.canFinalize(browser), false);
    await screenshot(browser, 'assessment-finalized');
  });

  await t.test('操作记录：修改等次与定稿，各有操作人', async () => {
    const log = await assessment.logEntries(browser);
    const changed = log.find((e) => e.person === '周志强');
    assert.ok(changed, `操作记录中应有周志强 / log names 周志强: ${JSON.stringify(log)}`);
    assert.equal(changed.from, '优秀');
    assert.equal(changed.to, '称职');
    assert.equal(changed.reason, REASON);
    assert.equal(changed.by, OPERATOR);
    assert.ok(log.some((e) => e.action === '定稿' && e.by === OPERATOR), `操作记录中应有定稿 / log has 定稿: ${JSON.stringify(log)}`);
    assert.equal(log.length, 2);
    await screenshot(browser, 'assessment-log');
  });

  await t.test('工作台：定稿写入的38条结果计入年度考核记录', async () => {
    await shell.open(browser, 'home');
    await home.waitForCounts(browser, { people: 38, organs: 3, results: 114 + 38 });
  });
});
