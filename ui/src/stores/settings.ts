// The settings kept in the database (Pinia): the database location, the 操作人 recorded with every
// change, and the active rule profile. Loaded once at start (main.ts); the 设置 section reloads it.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppError } from '../api/error';
import type { ProfileInfo } from '../api/profile';
import { setOperator, settings } from '../api/settings';

/** Where earlier versions kept the 操作人 (the web view's localStorage); moved into the database once. */
const LEGACY_OPERATOR_KEY = 'kaohe.operator';

function takeLegacyOperator(): string {
  try {
    const name = globalThis.localStorage?.getItem(LEGACY_OPERATOR_KEY)?.trim() ?? '';
    globalThis.localStorage?.removeItem(LEGACY_OPERATOR_KEY);
    return name;
  } catch {
    return '';
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const dbPath = ref('');
  /** The 操作人; the assessment page edits it in place and saves it on change. */
  const operator = ref('');
  const profile = ref<ProfileInfo | null>(null);
  const schemaVersion = ref<number | null>(null);
  /** The database has a password. */
  const hasPassword = ref(false);
  const loaded = ref(false);
  const error = ref<AppError | null>(null);

  async function load(): Promise<void> {
    try {
      const s = await settings();
      dbPath.value = s.db_path;
      profile.value = s.profile;
      schemaVersion.value = s.schema_version;
      operator.value = s.operator;
      hasPassword.value = s.has_password;
      error.value = null;
      loaded.value = true;
      if (!s.operator) {
        const legacy = takeLegacyOperator();
        if (legacy) await saveOperator(legacy);
      }
    } catch (e) {
      error.value = e as AppError;
    }
  }

  /** Saves the 操作人 in the database; resolves with the name as saved. */
  async function saveOperator(name: string): Promise<string> {
    const saved = await setOperator(name);
    operator.value = saved;
    return saved;
  }

  function setProfile(next: ProfileInfo): void {
    profile.value = next;
  }

  return { dbPath, operator, profile, schemaVersion, hasPassword, loaded, error, load, saveOperator, setProfile };
});
