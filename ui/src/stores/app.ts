// The application's shared state (Pinia): which section is open, what the shell said about the
// app and its database, and a counter that says "the database changed" (after an import, a
// restore …) so that every section reloads what it shows.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '../api/types';

/** A report package (上报文件, docs/package-format.md) by its name. */
export function isPackage(path: string): boolean {
  return /\.kaohe$/i.test(path.trim());
}

export const useAppStore = defineStore('app', () => {
  /** The open section, a name of SECTIONS (sections.ts). */
  const section = ref<string>('home');
  /** The last `app_info` answer; null until the home page has loaded it. */
  const info = ref<AppInfo | null>(null);
  /** Bumped whenever the database changed; sections watch it and reload. */
  const dataVersion = ref(0);
  /** The database's password is being asked for (components/UnlockDialog.vue). */
  const unlockOpen = ref(false);
  /** Files are being dragged over the window. */
  const dragOver = ref(false);
  /** Files dropped on the window for 导入 (a roster) and for 汇总 (report packages), until the
   *  page takes them. */
  const droppedRoster = ref<string[] | null>(null);
  const droppedPackages = ref<string[] | null>(null);

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

  /** Files dropped on the window, wherever it is: report packages (every file a 上报文件) go to
   *  汇总, anything else to 导入 as a roster; the page is opened. */
  function drop(paths: string[]): void {
    dragOver.value = false;
    const files = paths.filter((p) => p.trim() !== '');
    if (files.length === 0) return;
    if (files.every(isPackage)) {
      // Packages still waiting (for the 操作人, or for a receipt under way) are kept: the new
      // ones join them.
      const waiting = droppedPackages.value ?? [];
      droppedPackages.value = [...waiting, ...files.filter((f) => !waiting.includes(f))];
      open('summary');
    } else {
      droppedRoster.value = files;
      open('import');
    }
  }

  return {
    section,
    info,
    dataVersion,
    unlockOpen,
    dragOver,
    droppedRoster,
    droppedPackages,
    open,
    setInfo,
    databaseChanged,
    askPassword,
    drop,
  };
});
