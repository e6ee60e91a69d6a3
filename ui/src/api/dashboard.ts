// The `dashboard` command (工作台). Types mirror src-tauri/src/dashboard.rs field by field.

import { call } from './call';
import type { BlockCode, IsoDate } from './types';

export interface Count {
  name: string;
  count: number;
}

export type YearStateCode = 'not_started' | 'in_progress' | 'finalized';

export interface YearState {
  year: number;
  state: YearStateCode;
  finalized_on: IsoDate | null;
  inputs: number;
  regular: number;
  results: number;
  overrides: number;
}

export interface OrganGrades {
  organ: string;
  /** 优秀, 称职, 基本称职, 不称职. */
  grades: [number, number, number, number];
  ungraded: number;
  none: number;
}

export interface GradeChart {
  year: number;
  /** `stored`: results in the database; `in_progress`: the open assessment's current grades; `none`: not started. */
  source: 'stored' | 'in_progress' | 'none';
  organs: OrganGrades[];
}

export interface EligibleAlert {
  id: string;
  name: string;
  organ: string;
  rank: string;
  target_rank: string;
  eligible_on: IsoDate;
  blocks: { code: BlockCode; until: IsoDate | null }[];
}

export interface RestrictionAlert {
  id: string;
  name: string;
  organ: string;
  kind: string;
  date: IsoDate;
  until: IsoDate;
}

export interface ProbationAlert {
  id: string;
  name: string;
  organ: string;
  service_start: IsoDate;
  until: IsoDate;
}

export interface StepAlert {
  id: string;
  name: string;
  organ: string;
  kind: 'grade_step' | 'level_up';
  due: IsoDate;
  reason: string;
}

export interface Alerts {
  eligible: EligibleAlert[];
  restrictions: RestrictionAlert[];
  probations: ProbationAlert[];
  steps: StepAlert[];
  probation_rule: boolean;
}

export interface Dashboard {
  today: IsoDate;
  horizon_days: number;
  horizon_end: IsoDate;
  people: number;
  leaders: number;
  by_organ: Count[];
  by_category: Count[];
  by_rank: Count[];
  assessment: YearState;
  grades: GradeChart;
  alerts: Alerts;
}

/** The home page's summary on today's date, alerts within `horizonDays` days. */
export function dashboard(horizonDays: number): Promise<Dashboard> {
  return call<Dashboard>('dashboard', { horizonDays });
}
