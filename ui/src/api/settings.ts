// Commands of the 设置 section: `settings`, `set_operator`, `backup_database`, `restore_pick`,
// `restore_database`. Types mirror src-tauri/src/settings.rs and kaohe_store::settings.

import { call } from './call';
import type { ProfileInfo } from './profile';

/** `SettingsInfo`: the database location, the 操作人 and the active rule profile. */
export interface SettingsInfo {
  db_path: string;
  /** Empty when not set. */
  operator: string;
  profile: ProfileInfo;
  /** The database schema this build writes (an older backup is upgraded when restored). */
  schema_version: number;
}

/** `BackupOutcome`: the copy written. */
export interface BackupOutcome {
  path: string;
  people: number;
}

/** `ImportRecord`: the last import a database holds. */
export interface ImportRecord {
  file: string;
  /** `YYYY-MM-DD HH:MM:SS`, local time. */
  at: string;
  people: number;
}

/** `BackupInfo`: what a backup holds, read without changing it. */
export interface BackupInfo {
  path: string;
  schema_version: number;
  people: number;
  organs: number;
  /** Years whose assessment is finalised. */
  finalized_years: number[];
  last_import: ImportRecord | null;
}

/** `RestoreOutcome`: what is open after a restore. */
export interface RestoreOutcome {
  people: number;
  organs: number;
  /** Where the database as it was before was copied. */
  safety_copy: string;
}

export function settings(): Promise<SettingsInfo> {
  return call<SettingsInfo>('settings');
}

/** Saves the 操作人 (trimmed; empty clears it); resolves with the name as saved. */
export function setOperator(name: string): Promise<string> {
  return call<string>('set_operator', { name });
}

/** Asks where to save, then writes a consistent copy of the database; null when cancelled. */
export function backupDatabase(): Promise<BackupOutcome | null> {
  return call<BackupOutcome | null>('backup_database');
}

/** Asks for a backup and says what it holds (refusing foreign and newer files); null when cancelled. */
export function restorePick(): Promise<BackupInfo | null> {
  return call<BackupInfo | null>('restore_pick');
}

/** Replaces the database with the backup just picked, keeping a safety copy of the current one. */
export function restoreDatabase(): Promise<RestoreOutcome> {
  return call<RestoreOutcome>('restore_database');
}
