// 上报 and 汇总 (src-tauri/src/summary.rs): an organ's finalised year saved as a package, packages
// received (each verified first; a second one of an organ and year only when confirmed), and the
// year's 汇总. `Summary` and `Receipts` are generated from kaohe_desk::summary.

import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import type {
  ExportProgress,
  IsoDate,
  OrganChange,
  Receipts,
  SharedPoolList,
  SharedPoolRequest,
  Summary,
  SupervisedOrgan,
} from './types';

export type {
  OrganChange,
  OrganSummary,
  Receipts,
  SharedPool,
  SharedPoolList,
  SharedPoolRequest,
  SharedSlots,
  Summary,
  SupervisedOrgan,
} from './types';

/** Saves the organ's package of the finalised year where the clerk chooses; null when cancelled. */
export function reportPackage(year: number, organ: string, asOf: IsoDate | null, by: string): Promise<string | null> {
  return call('report_package', { year, organ, asOf, by });
}

/** The package files the clerk chooses in a dialog; null when cancelled. */
export function receivePick(): Promise<string[] | null> {
  return call('receive_pick');
}

/** Receives the packages at `paths`; `replace` confirms replacing a package received before. */
export function receivePackages(paths: string[], replace: boolean, by: string): Promise<Receipts> {
  return call('receive_packages', { paths, replace, by });
}

/** The 所辖单位 list, with whether each organ's package of `year` was received. */
export function supervisedOrgans(year: number): Promise<SupervisedOrgan[]> {
  return call('supervised_organs', { year });
}

/** Adds an organ to the 所辖单位 list (or gives a listed one the level named). */
export function supervisedAdd(name: string, level: string | null, by: string): Promise<OrganChange> {
  return call('supervised_add', { name, level, by });
}

/** Removes an organ from the 所辖单位 list; refused (`organ_in_use`) when people belong to it. */
export function supervisedRemove(name: string, by: string): Promise<OrganChange> {
  return call('supervised_remove', { name, by });
}

/** 「从表格导入…」: a workbook chosen in the shell's dialog, its organs added; null when cancelled. */
export function supervisedImport(by: string): Promise<OrganChange | null> {
  return call('supervised_import', { by });
}

/** 统筹职数: the groups, and the profile's pools and the 所辖单位 a group may name. */
export function sharedPools(): Promise<SharedPoolList> {
  return call('shared_pools');
}

/** Sets a 统筹职数 group (one of the same name replaced); the list after it. */
export function sharedPoolSet(request: SharedPoolRequest, by: string): Promise<SharedPoolList> {
  return call('shared_pool_set', { request, by });
}

/** Removes a 统筹职数 group; the list after it. */
export function sharedPoolRemove(name: string, by: string): Promise<SharedPoolList> {
  return call('shared_pool_remove', { name, by });
}

/** The year's 汇总 of the packages received. */
export function summary(year: number): Promise<Summary> {
  return call('summary', { year });
}

/** The year's 汇总 saved as a workbook where the clerk chooses; null when cancelled. */
export function exportSummary(year: number, onProgress: (p: ExportProgress) => void): Promise<string | null> {
  const channel = new Channel<ExportProgress>();
  channel.onmessage = onProgress;
  return call('export_summary', { year, onProgress: channel });
}
