// Calendar dates as the UI shows and sends them: `YYYY-MM-DD`, in the clerk's local time zone.

import type { IsoDate } from '../api/types';

/** Today's local date as `YYYY-MM-DD` (the default as-of date of a calculation). */
export function localToday(now: Date = new Date()): IsoDate {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
