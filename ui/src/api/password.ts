// Commands of the database's password: `database_lock`, `unlock_database`,
// `set_database_password`, `restore_unlock` (src-tauri/src/password.rs).

import { call } from './call';
import type { BackupInfo, DatabaseLock, PasswordChange } from './types';

export type { DatabaseLock, PasswordChange } from './types';

/** Whether the database waits for its password (asked before anything else). */
export function databaseLock(): Promise<DatabaseLock> {
  return call('database_lock');
}

/** Opens the locked database; rejects with `wrong_password` and stays locked otherwise. */
export function unlockDatabase(password: string): Promise<DatabaseLock> {
  return call('unlock_database', { password });
}

/** Sets, changes (`current` is the one in force) or removes (`next` empty) the password. */
export function setDatabasePassword(current: string, next: string): Promise<PasswordChange> {
  return call('set_database_password', { current, new: next });
}

/** The backup just picked has a password of its own: checks it with `password`. */
export function restoreUnlock(password: string): Promise<BackupInfo> {
  return call('restore_unlock', { password });
}
