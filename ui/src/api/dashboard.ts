// The `dashboard` command (工作台). The types are generated from src-tauri/src/dashboard.rs
// (./generated, re-exported by ./types).

import { call } from './call';
import type { Dashboard, YearState } from './types';

export type {
  AlertBlock,
  Alerts,
  Count,
  Dashboard,
  EligibleAlert,
  GradeChart,
  OrganGrades,
  ProbationAlert,
  RestrictionAlert,
  StepAlert,
  YearState,
} from './types';

export type YearStateCode = YearState['state'];

/** The home page's summary on today's date, alerts within `horizonDays` days. */
export function dashboard(horizonDays: number): Promise<Dashboard> {
  return call('dashboard', { horizonDays });
}
