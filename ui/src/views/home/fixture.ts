// A `dashboard` answer for the tests: the sample roster's on 2026-01-01 with a 90-day horizon, an
// 诫勉 added for 梁雅琴 (in effect to 2026-05-01), as the shell sends it. Written by
// crates/kaohe-desk/tests/ui_fixtures.rs (`KAOHE_BLESS=1` rewrites it), never by hand.

import type { Dashboard } from '../../api/dashboard';
import dashboard from './dashboard.generated.json';

export const sampleDashboard = dashboard as unknown as Dashboard;
