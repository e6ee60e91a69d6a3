// 年度考核 (section "assessment"): the year, the operator, a card per 考核池 with its quota and a
// row per person (data-test person-name, suggested-grade, final-grade, adjusted, override),
// 修改等次 (override-dialog), 定稿 (finalize + a confirmation box), the 操作记录 tab (log-table).

import { choose, click, confirmMessageBox, markMessagesSeen, messageAfter, nextMessage, t, tableRows, textOf, type, until, waitForText } from '../ui.mjs';

const S = 'section-assessment';

/** Selector of one pool's card, e.g. pool('某县人力资源和社会保障局', '领导成员'). */
export function pool(organ, name) {
  return `${t(S)} ${t(`pool-${organ}-${name}`)}`;
}

/** Chooses the year in the toolbar (「2025年度」) and waits for its summary. */
export async function chooseYear(browser, year) {
  await choose(browser, t(S, 'year'), `${year}年度`);
  await waitForText(browser, t(S, 'assessment-summary'), `${year}年度`);
}

/** Types the operator's name (every change is logged with it). */
export async function setOperator(browser, name) {
  await type(browser, t(S, 'operator'), name);
}

export async function summary(browser) {
  return textOf(browser, t(S, 'assessment-summary'));
}

/** 「未定稿」 or 「已于YYYY-MM-DD定稿」. */
export async function yearState(browser) {
  return textOf(browser, t(S, 'year-state'));
}

/** The table row of `name` (within `scope`, by default the whole section). */
export async function row(browser, name, scope = t(S)) {
  const xpath = `.//tr[.//*[@data-test="person-name" and normalize-space()="${name}"]]`;
  const container = await browser.$(scope);
  const el = await until(
    browser,
    async () => {
      const found = await container.$(xpath);
      return (await found.isExisting()) ? found : null;
    },
    `人员行 / row of 「${name}」`,
  );
  return el;
}

/** What a person's row shows: suggested and final grade, and whether the grade was adjusted. */
export async function person(browser, name, scope) {
  const r = await row(browser, name, scope);
  return {
    suggested: (await r.$(t('suggested-grade')).getText()).trim(),
    final: (await r.$(t('final-grade')).getText()).trim(),
    adjusted: await r.$(t('adjusted')).isExisting(),
  };
}

/** A pool card's counts: quota, suggested and final 优秀 (numbers), and whether it is over quota. */
export async function poolCounts(browser, selector) {
  const number = async (name) => Number((await textOf(browser, `${selector} ${t(name)}`)).replace(/\D/g, ''));
  return {
    quota: await number('pool-quota'),
    suggested: await number('pool-suggested'),
    final: await number('pool-final'),
    overQuota: await browser.$(`${selector} ${t('pool-over-quota')}`).isExisting(),
  };
}

/**
 * 「修改等次」 for `name`: opens the dialog, checks who it is for, picks the grade, types the
 * reason (required: the button stays disabled without one), saves. Returns the success message.
 */
export async function override(browser, name, grade, reason, scope, { beforeSubmit } = {}) {
  const r = await row(browser, name, scope);
  const button = await r.$(t('override'));
  await button.waitForClickable({ timeout: 15000 });
  await button.click();
  const dialog = t('override-dialog');
  await waitForText(browser, `${dialog} ${t('override-person')}`, name);
  await choose(browser, `${dialog} ${t('override-grade')}`, grade);
  const submit = await browser.$(`${dialog} ${t('override-submit')}`);
  if (await submit.isEnabled()) throw new Error('没有填写理由时「确定」不应可用 / submit enabled without a reason');
  await type(browser, `${dialog} ${t('override-reason')}`, reason);
  if (beforeSubmit) await beforeSubmit();
  const text = await messageAfter(browser, 'success', () => click(browser, `${dialog} ${t('override-submit')}`));
  await browser.$(dialog).waitForDisplayed({ reverse: true, timeout: 15000 });
  return text;
}

/** 「定稿」 and its confirmation. Returns `{ ok, message }` from the message shown. */
export async function finalize(browser) {
  await markMessagesSeen(browser); // so that the message read below is this one's
  await click(browser, t(S, 'finalize'));
  await confirmMessageBox(browser);
  const shown = await nextMessage(browser, ['success', 'error']);
  return { ok: shown.kind === 'success', message: shown.text };
}

/** The problems listed after a refused finalisation. */
export async function finalizeProblems(browser) {
  const items = await browser.$$(`${t(S, 'finalize-problems')} li`);
  const lines = [];
  for (const li of items) lines.push((await li.getText()).trim());
  return lines;
}

/** Opens a tab: 'pools' (考核池), 'consequences' (结果运用) or 'log' (操作记录). */
export async function openTab(browser, name) {
  await click(browser, `${t(S)} #tab-${name}`);
  await browser.$(`${t(S)} #pane-${name}`).waitForDisplayed({ timeout: 15000 });
}

/** 操作记录 rows as objects with the table's columns. */
export async function logEntries(browser) {
  await openTab(browser, 'log');
  const rows = await tableRows(browser, `${t(S)} ${t('log-table')}`);
  return rows.map(([at, action, person, from, to, reason, by]) => ({ at, action, person, from, to, reason, by }));
}

/** Whether 「修改等次」 is enabled on the person's row. */
export async function canOverride(browser, name, scope) {
  const r = await row(browser, name, scope);
  return r.$(t('override')).isEnabled();
}

/** Whether 「定稿」 is enabled. */
export async function canFinalize(browser) {
  return browser.$(t(S, 'finalize')).isEnabled();
}


/**
 * Every person of every 考核池 card as shown: `[{ organ, pool, name, suggested, final }]`, in
 * card and row order (organ and pool read from the card's title 「<organ> · <pool>」).
 */
export async function everyone(browser) {
  return browser.execute((s) => {
    const out = [];
    for (const title of document.querySelectorAll(`${s} [data-test="pool-title"]`)) {
      const card = title.closest('.pool');
      const [organ, pool] = title.innerText.split(' · ').map((x) => x.trim());
      for (const tr of card.querySelectorAll('[data-test="pool-table"] tr.el-table__row')) {
        const cell = (n) => tr.querySelector(`[data-test="${n}"]`)?.innerText.trim() ?? '';
        out.push({ organ, pool, name: cell('person-name'), suggested: cell('suggested-grade'), final: cell('final-grade') });
      }
    }
    return out;
  }, t(S));
}
