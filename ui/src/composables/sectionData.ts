// When a section loads its data: each time it is shown, and when the database changed (an
// import, a restore, a 定稿) — at once if it is on screen, else the next time it is shown.

import { watch } from 'vue';
import { useAppStore } from '../stores/app';

/**
 * Calls `load` whenever `active()` becomes true (and at once if it already is), and when the
 * database changed while the section is shown. `whenHidden` runs instead when it changed while
 * hidden (e.g. to drop data that is now stale).
 */
export function loadWhenShown(active: () => boolean, load: () => unknown, whenHidden?: () => void): void {
  const app = useAppStore();
  watch(
    active,
    (shown) => {
      if (shown) void load();
    },
    { immediate: true },
  );
  watch(
    () => app.dataVersion,
    () => {
      if (active()) void load();
      else whenHidden?.();
    },
  );
}
