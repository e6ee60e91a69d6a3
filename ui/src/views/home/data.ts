// What the home page (工作台) shows of the `dashboard` answer: the alert lines already worded,
// the chart's ECharts option, and the alert horizon — a UI setting kept in this browser profile.

import type { Dashboard, GradeChart } from '../../api/dashboard';
import { GRADES, type BlockCode, type IsoDate } from '../../api/types';
import { reasonText } from '../../format/reason';
import { i18n } from '../../i18n';
import { organAxis } from '../../charts/organs';

/** The alert horizon choices, in days (a UI setting). */
export const HORIZON_CHOICES = [30, 60, 90, 180, 365] as const;
export const DEFAULT_HORIZON_DAYS = 90;
const HORIZON_KEY = 'kaohe.settings.alertHorizonDays';

/** The alert horizon setting: what was chosen last time, else 90 days. */
export function loadHorizonDays(storage: Pick<Storage, 'getItem'> | null = globalStorage()): number {
  const saved = Number(storage?.getItem(HORIZON_KEY));
  return (HORIZON_CHOICES as readonly number[]).includes(saved) ? saved : DEFAULT_HORIZON_DAYS;
}

export function saveHorizonDays(days: number, storage: Pick<Storage, 'setItem'> | null = globalStorage()): void {
  try {
    storage?.setItem(HORIZON_KEY, String(days));
  } catch {
    // A full or disabled storage only loses the setting.
  }
}

function globalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Lines shown per alert group; the rest are counted ("另有 N 人"). */
export const ALERT_LINES_SHOWN = 100;

export interface AlertLine {
  /** The person's ID (to open them in 人员). */
  id: string;
  text: string;
  /** The date it falls due. */
  date: IsoDate;
}

export interface AlertGroup {
  key: 'eligible' | 'restrictions' | 'probations' | 'steps';
  title: string;
  lines: AlertLine[];
  /** Why the group is empty by rule rather than by data, if so. */
  note: string | null;
}

function blockLabel(code: BlockCode, until: IsoDate | null): string {
  const { t } = i18n.global;
  const label = t(`promotion.block.${code}`);
  return until ? `${label}${t('promotion.until', { date: until })}` : label;
}

/** The four alert groups, each line worded as the national system's reminders. */
export function alertGroups(d: Dashboard): AlertGroup[] {
  const { t } = i18n.global;
  const a = d.alerts;
  return [
    {
      key: 'eligible',
      title: t('dashboard.alerts.eligible'),
      note: null,
      lines: a.eligible.map((e) => ({
        id: e.id,
        date: e.eligible_on,
        text:
          t('dashboard.alerts.eligibleLine', {
            organ: e.organ,
            name: e.name,
            rank: e.rank,
            target: e.target_rank,
            date: e.eligible_on,
          }) +
          (e.blocks.length
            ? t('dashboard.alerts.blockedLine', { blocks: e.blocks.map((b) => blockLabel(b.code, b.until)).join('、') })
            : ''),
      })),
    },
    {
      key: 'restrictions',
      title: t('dashboard.alerts.restrictions'),
      note: null,
      lines: a.restrictions.map((r) => ({
        id: r.id,
        date: r.until,
        text: t('dashboard.alerts.restrictionLine', {
          organ: r.organ,
          name: r.name,
          kind: r.kind,
          date: r.date,
          period: r.period ?? t('dashboard.alerts.period'),
          until: r.until,
        }),
      })),
    },
    {
      key: 'probations',
      title: t('dashboard.alerts.probations'),
      note: a.probation_rule ? null : t('dashboard.alerts.noProbationRule'),
      lines: a.probations.map((p) => ({
        id: p.id,
        date: p.until,
        text: t('dashboard.alerts.probationLine', {
          organ: p.organ,
          name: p.name,
          start: p.service_start,
          until: p.until,
        }),
      })),
    },
    {
      key: 'steps',
      title: t('dashboard.alerts.steps'),
      note: null,
      lines: a.steps.map((s) => ({ id: s.id, date: s.due, text: `${s.organ} ${s.name}：${reasonText(s.reason)}` })),
    },
  ];
}

/** The series of the chart, in order: the four grades, 不定等次, 无结果. */
export function seriesNames(): string[] {
  const { t } = i18n.global;
  return [...GRADES, t('dashboard.chart.ungraded'), t('dashboard.chart.none')];
}

/** Whether the chart has anything to show. */
export function chartHasData(chart: GradeChart): boolean {
  return chart.organs.some((o) => o.grades.some((n) => n > 0) || o.ungraded > 0);
}

/** Organs shown at once; with more, the chart scrolls (a slider under it, the mouse wheel). */
export const ORGANS_IN_VIEW = 12;

/** The ECharts option: one stacked bar per organ, people by result. */
export function gradeChartOption(chart: GradeChart) {
  const axis = organAxis(
    chart.organs.map((o) => o.organ),
    ORGANS_IN_VIEW,
  );
  const names = seriesNames();
  const values = (o: GradeChart['organs'][number]) => [...o.grades, o.ungraded, o.none];
  const colors = ['#c0392b', '#2e86c1', '#f39c12', '#7f8c8d', '#a569bd', '#d5d8dc'];
  return {
    animation: false,
    color: colors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: names },
    grid: { left: 8, right: 16, top: 36, bottom: axis.many ? 40 : 8, containLabel: true },
    dataZoom: axis.dataZoom,
    xAxis: axis.xAxis,
    yAxis: { type: 'value', minInterval: 1, name: i18n.global.t('dashboard.chart.axis') },
    series: names.map((name, k) => ({
      name,
      type: 'bar',
      stack: 'people',
      barMaxWidth: 48,
      data: chart.organs.map((o) => values(o)[k]),
    })),
  };
}
