// 汇总's test data, written by crates/kaohe-desk/tests/ui_fixtures.rs (`KAOHE_BLESS=1` rewrites
// it, never by hand): the sample's 2025, finalised, its three organs packaged and received.

import type { Summary } from '../../api/types';
import summary from './summary.generated.json';

export const threeOrgans = summary as unknown as Summary;
