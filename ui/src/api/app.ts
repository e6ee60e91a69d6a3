// Commands about the application and its database: `app_info`, `import_sample`, `selftest_report`.

import { call } from './call';
import type { AppInfo, ImportOutcome } from './types';

/** Name, version, database path and record counts. */
export function appInfo(): Promise<AppInfo> {
  return call('app_info');
}

/** Imports the sample roster built into the application. */
export function importSample(): Promise<ImportOutcome> {
  return call('import_sample');
}

/** Hands the visible page text to the shell during the CI self-test; the shell then exits. */
export async function selftestReport(text: string): Promise<void> {
  await call('selftest_report', { text });
}
