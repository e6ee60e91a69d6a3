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
