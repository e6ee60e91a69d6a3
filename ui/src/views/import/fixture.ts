// What the shell answers for real rosters, written by crates/kaohe-desk/tests/ui_fixtures.rs
// (`KAOHE_BLESS=1` rewrites them, never by hand): the layout of 03-wps-sheet1.xlsx; the check and
// import of 13-bad-cells.xlsx into a database holding an earlier roster (邵建平 a rank lower,
// 刘强 not in the new file); a roster with 邵建平's ID under 邵剑平, checked, checked with the
// change of name confirmed, and imported with it. The paths are those of a clerk's machine.

import type { FieldChoice, ImportLayout, ImportReport } from '../../api/import';
import layout from './layout.generated.json';
import badCells from './bad-cells.generated.json';
import rename from './rename.generated.json';

// How 03-wps-sheet1.xlsx would be read, with the people fields it offers.
export const wpsLayout = layout as unknown as ImportLayout;
export const FIELDS: FieldChoice[] = wpsLayout.fields;

export const badCellsCheck = badCells.check as unknown as ImportReport;
export const applied = badCells.applied as unknown as ImportReport;

export const conflictCheck = rename.check as unknown as ImportReport;
export const conflictConfirmedCheck = rename.confirmed as unknown as ImportReport;
export const conflictApplied = rename.applied as unknown as ImportReport;
