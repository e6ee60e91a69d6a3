// How lengths of service are shown to a clerk: whole months as years and months ("2年3个月").

import { i18n } from '../i18n';

/** `27` → "2年3个月", `24` → "2年", `5` → "5个月", `0` → "0个月". */
export function formatMonths(total: number): string {
  const { t } = i18n.global;
  const whole = Math.max(0, Math.trunc(total));
  const years = Math.floor(whole / 12);
  const months = whole % 12;
  if (years === 0 && months === 0) return t('duration.none');
  if (years === 0) return t('duration.months', { months });
  if (months === 0) return t('duration.years', { years });
  return t('duration.yearsMonths', { years, months });
}

/** "已计/需要" as shown in the promotion table: "6年6个月 / 2年"; only the first part at the top of the ladder. */
export function formatServiceProgress(counted: number, required: number | null): string {
  if (required === null) return formatMonths(counted);
  return `${formatMonths(counted)} / ${formatMonths(required)}`;
}
