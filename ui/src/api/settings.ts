// Commands of the 设置 section: `settings`, `set_operator`, `backup_database`, `restore_pick`,
// `restore_database`. The types are generated from src-tauri/src/settings.rs and
// kaohe_store::settings (./generated, re-exported by ./types).

import { call } from './call';
import type { BackupInfo, BackupOutcome, RestoreOutcome, SettingsInfo } from './types';

export type { BackupInfo, BackupOutcome, ImportRecord, RestoreOutcome, SettingsInfo } from './types';

/** What the 设置 section shows: the database location, the 操作人 and the active rule profile. */
export function settings(): Promise<SettingsInfo> {
  return call('settings');
}

/** Saves the 操作人 (trimmed; empty clears it); resolves with the name as saved. */
export function setOperator(name: string): Promise<string> {
  return call('set_operator', { name });
}

/** Asks where to save, then writes a consistent copy of the database; null when cancelled. */
export function backupDatabase(): Promise<BackupOutcome | null> {
  return call('backup_database');
}

/** Asks for a backup and says what it holds (refusing foreign and newer files); null when cancelled. */
export function restorePick(): Promise<BackupInfo | null> {
  return call('restore_pick');
}

/** Replaces the database with the backup just picked, keeping a safety copy of the current one. */
export function restoreDatabase(): Promise<RestoreOutcome> {
  return call('restore_database');
}
