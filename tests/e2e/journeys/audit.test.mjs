// Journey: 核查. A database holding the seeded rosters of fixtures/audit, imported one after the
// other with the command line (周子涵 promoted in between); the clerk opens 核查, reads the ten
// findings with their rules, sets the operator, marks the first one 已核实 with what was found,
// and finds the mark in the 操作日志. Screenshot: audit-findings.png.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { launch, ROOT, SCREEN } from '../lib/app.mjs';
import { screenshot } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as audit from '../lib/pages/audit.mjs';
import * as log from '../lib/pages/log.mjs';

const EXE = process.platform === 'win32' ? '.exe' : '';

/** The command line built beside the app (cargo xtask test builds every binary). */
function cli() {
  const app = process.env.KAOHE_APP ?? join(ROOT, 'target', 'debug', `kaohe-app${EXE}`);
  const beside = join(dirname(app), `kaohe${EXE}`);
  if (!existsSync(beside)) throw new Error(`找不到 / not found: ${beside} — cargo build --workspace --bins builds it`);
  return beside;
}

test('核查：历史记录中的问题逐条列出依据，标记已核实并记入操作日志', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'kaohe-audit-')), 'kaohe.db');
  for (const name of ['核查示例_2021', '核查示例']) {
    execFileSync(cli(), ['import', join(ROOT, 'fixtures', 'audit', `${name}.xlsx`), '--db', db, '--by', '人事科 李明']);
  }
  const app = await launch('audit', { db });
  try {
    const browser = app.browser;
    await shell.ready(browser, SCREEN);
    await shell.open(browser, 'audit');
    await audit.waitForSummary(browser, /共 12 人，导入记录和职级变动表中的晋升 1 次；发现问题 10 处，已核实 0 处/);
    const found = await audit.findings(browser);
    assert.equal(found.length, 10);
    assert.deepEqual(
      found.map((f) => f.kind),
      [
        '受处分等影响的年度评为优秀',
        '应不确定等次的年度定了等次',
        '不确定等次缺少依据',
        '连续不称职仍在职',
        '晋升时不符合条件',
        '职级低于学历对应的起始职级',
        '任职级时间早于进入公务员队伍时间',
        '已达退休年龄仍在册',
        '缺少年度考核结果',
        '疑似同一人两个身份证号',
      ],
    );
    assert.match(found[0].person, /^赵晓光/);
    assert.match(found[0].reason, /2023年度评为优秀，但2023年5月10日受警告/);
    assert.match(found[0].reason, /依据：《公务员考核规定》\(2020\) 第二十九条/);
    assert.match(found[4].reason, /至晋升时计17个月，应满24个月，任职年限不足/);
    assert.ok(found.every((f) => f.state.includes('未核实')), JSON.stringify(found.map((f) => f.state)));

    await audit.setOperator(browser, '人事科 李明');
    await audit.mark(browser, 0, '警告系2023年12月作出，优秀等次确定在前，已报主管部门备案');
    await audit.waitForSummary(browser, /发现问题 10 处，已核实 1 处/);
    const after = await audit.findings(browser);
    assert.match(after[0].state, /已核实/);
    assert.match(after[0].state, /优秀等次确定在前/);
    await screenshot(browser, 'audit-findings');

    await shell.open(browser, 'log');
    const entries = await log.entries(browser);
    const mark = entries.find((e) => e.kind === '核查标记');
    assert.ok(mark, `操作日志中应有核查标记 / the mark is logged: ${JSON.stringify(entries)}`);
    assert.equal(mark.by, '人事科 李明');
    assert.match(mark.what, /赵晓光（330523198803120810）：受处分等影响的年度评为优秀（2023）：已核实/);
    assert.equal(mark.why, '警告系2023年12月作出，优秀等次确定在前，已报主管部门备案');
  } finally {
    await app.quit();
  }
});
