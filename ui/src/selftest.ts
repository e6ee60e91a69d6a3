// The CI self-test (env KAOHE_SELFTEST in the shell): once the page has painted real data, hand
// its visible text to the shell, which writes it to a file and closes the app.

import { nextTick } from 'vue';
import { selftestReport } from './api/app';

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits for Vue to flush and the web view to paint twice, then reports the page text. */
export async function reportPageText(): Promise<void> {
  await nextTick();
  await nextFrame();
  await nextFrame();
  await selftestReport(document.body.innerText);
}

/** Waits for Vue to flush and the web view to paint twice. */
export async function painted(): Promise<void> {
  await nextTick();
  await nextFrame();
  await nextFrame();
}

/**
 * Waits until an element matching `selector` is on the page (a grid's first painted row) — each
 * of them, given several (a table's rows and a chart's drawing) — a frame at a time for at most
 * about 10 s, then reports the page text as above. `measure`, if given, runs after that (told
 * when the elements were painted, `performance.now()`, before the page text was read) and adds
 * its lines (`KAOHE_TIMING <name> <ms>`) to the report, with `KAOHE_TIMING after_first_rows <ms>`:
 * how long after the first rows the report was sent, which the start-up benchmark takes off its
 * spawn-to-report time.
 */
export async function reportWhenShown(
  selector: string | string[],
  measure?: (shown: number) => Promise<string[]>,
): Promise<void> {
  const selectors = typeof selector === 'string' ? [selector] : selector;
  const missing = () => selectors.some((s) => document.querySelector(s) === null);
  await nextTick();
  for (let i = 0; i < 600 && missing(); i++) await nextFrame();
  await painted();
  const shown = performance.now();
  const text = document.body.innerText;
  const lines = measure ? await measure(shown) : [];
  lines.push(`KAOHE_TIMING after_first_rows ${(performance.now() - shown).toFixed(1)}`);
  await selftestReport([text, ...lines].join('\n'));
}
