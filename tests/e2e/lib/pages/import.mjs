// 导入 (section "import"): the wizard — choose a file (native dialog, answered by app.answer),
// 工作表与列 (import-sheet, import-header-row, the mapping rows), 检查 (import-check: counts,
// planned changes, the issues table with its severity filter and a row's cells), 导入
// (import-apply: the result lines).

import { click, t, textOf, until, waitForText } from '../ui.mjs';

const S = 'section-import';

/**
 * 「选择文件…」 answered with `path` (queued before the click), and waits for 工作表与列.
 * Returns what the wizard proposes: `{ file, sheet, headerRow, rows, mapping: [{ column, header, field }] }`.
 */
export async function chooseFile(app, path) {
  const browser = app.browser;
  app.answer(path);
  await click(browser, t(S, 'import-choose-file'));
  await browser.$(t(S, 'import-setup')).waitForDisplayed({ timeout: 30000 });
  return setup(browser);
}

/** What 工作表与列 shows now. */
export async function setup(browser) {
  const read = await browser.execute((s) => {
    const root = document.querySelector(s);
    const text = (sel) => root.querySelector(sel)?.innerText.trim() ?? '';
    const header = root.querySelector('[data-test="import-header-row"] input');
    // The label an Element Plus select shows (its placeholder element when something is chosen).
    const label = (select) => {
      const shown = select?.querySelector('.el-select__placeholder');
      return shown && !shown.classList.contains('is-transparent') ? shown.innerText.trim() : '';
    };
    return {
      file: text('[data-test="import-file-name"]'),
      sheet: label(root.querySelector('[data-test="import-sheet"]')),
      headerRow: header ? Number(header.value) : null,
      rows: text('[data-test="import-rows"]'),
      mapping: Array.from(root.querySelectorAll('[data-test="mapping-row"]'), (tr) => {
        const column = tr.querySelector('[data-test="mapping-letter"]').innerText.trim();
        const select = tr.querySelector(`[data-test="mapping-field-${column}"]`);
        return {
          column,
          header: tr.querySelector('[data-test="mapping-header"]').innerText.trim(),
          field: label(select),
        };
      }),
      missing: root.querySelector('[data-test="import-missing"]')?.innerText.trim() ?? null,
    };
  }, t(S));
  return read;
}

/** 「检查」 and waits for its result; returns `{ summary, importable, skipped, errors, warnings, changes }`. */
export async function check(browser) {
  await click(browser, t(S, 'import-check'));
  await browser.$(t(S, 'import-check-result')).waitForDisplayed({ timeout: 60000 });
  return checkResult(browser);
}

export async function checkResult(browser) {
  const count = async (name) => Number((await textOf(browser, t(S, name))).replace(/\D/g, ''));
  const changes = await browser.execute((s) => {
    const out = {};
    for (const el of document.querySelectorAll(`${s} [data-test^="change-count-"]`)) {
      out[el.getAttribute('data-test').slice('change-count-'.length)] = Number(el.innerText.replace(/\D/g, ''));
    }
    return out;
  }, t(S));
  return {
    summary: await textOf(browser, t(S, 'import-check-summary')),
    importable: await count('import-count-importable'),
    skipped: await count('import-count-skipped'),
    errors: await count('import-count-errors'),
    warnings: await count('import-count-warnings'),
    changes,
  };
}

/** The issues table as shown (after the severity filter): `[{ severity, sheet, row, column, value, message }]`. */
export async function issues(browser) {
  return browser.execute((s) => {
    return Array.from(document.querySelectorAll(`${s} [data-test="issue-row"]`), (tr) => {
      const cell = (n) => tr.querySelector(`[data-test="${n}"]`).innerText.trim();
      const row = cell('issue-row-number');
      return {
        severity: tr.getAttribute('data-severity'),
        tag: tr.querySelector('.el-tag').innerText.trim(),
        sheet: cell('issue-sheet'),
        row: row === '' ? null : Number(row),
        column: cell('issue-column'),
        value: cell('issue-value'),
        message: cell('issue-message'),
      };
    });
  }, t(S));
}

/** The severity filter: 'all', 'error' or 'warning'; returns the button's label (「错误（8）」). */
export async function filterIssues(browser, severity) {
  const button = t(S, `issue-severity-${severity}`);
  await click(browser, button);
  await until(browser, async () => (await browser.$(button).getAttribute('class')).includes('is-active'), `筛选 / filter ${severity}`);
  return textOf(browser, button);
}

/**
 * Shows the cells of the sheet row of the `index`-th issue listed (0-based) by clicking its 行
 * cell (WebDriver refuses clicks on the <tr> itself). Returns `{ title, cells: { 'B 身份证号': value } }`.
 */
export async function showIssueRow(browser, index) {
  const cells = await browser.$$(t(S, 'issue-row-number'));
  await cells[index].click();
  await browser.$(t(S, 'issue-row-cells-title')).waitForDisplayed({ timeout: 15000 });
  return browser.execute((s) => {
    const out = {};
    for (const tr of document.querySelectorAll(`${s} [data-test="row-cell"]`)) {
      out[tr.querySelector('th').innerText.trim()] = tr.querySelector('[data-test="row-cell-value"]').innerText.trim();
    }
    return { title: document.querySelector(`${s} [data-test="issue-row-cells-title"]`).innerText.trim(), cells: out };
  }, t(S));
}

/** 「导入」 (apply) and waits for 导入完成; returns the result lines by data-test name (result-people…). */
export async function apply(browser) {
  await click(browser, t(S, 'import-apply'));
  await browser.$(t(S, 'import-result')).waitForDisplayed({ timeout: 120000 });
  return browser.execute((s) => {
    const out = {};
    for (const li of document.querySelectorAll(`${s} [data-test^="result-"]`)) out[li.getAttribute('data-test')] = li.innerText.trim();
    return out;
  }, t(S));
}

/** 「导入其他文件」: back to the first step. */
export async function again(browser) {
  await click(browser, t(S, 'import-again'));
  await waitForText(browser, t(S, 'import-choose-file'), '选择文件');
}
