// The application's shared state (Pinia): which section is open, what the shell said about the
// app and its database, and a counter that says "the database changed" (after an import, a
// restore …) so that every section reloads what it shows.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '../api/types';

export const useAppStore = defineStore('app', () => {
  /** The open section, a name of SECTIONS (sections.ts). */
  const section = ref<string>('home');
  /** The last `app_info` answer; null until the home page has loaded it. */
  const info = ref<AppInfo | null>(null);
  /** Bumped whenever the database changed; sections watch it and reload. */
  const dataVersion = ref(0);
  /** The database's password is being asked for (components/UnlockDialog.vue). */
  const unlockOpen = ref(false);

  function open(name: string): void {
    section.value = name;
  }

  function setInfo(next: AppInfo): void {
    info.value = next;
  }

  function databaseChanged(): void {
    dataVersion.value += 1;
  }

  /** Asks for the database's password again (after 「稍后再说」). */
  function askPassword(): void {
    unlockOpen.value = true;
  }

  return { section, info, dataVersion, unlockOpen, open, setInfo, databaseChanged, askPassword };
});
