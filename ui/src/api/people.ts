// Commands of the 人员 section: `people` (everyone, for the grid) and `person` (one person's
// drawer). The types are generated from src-tauri/src/people.rs (./generated, re-exported by
// ./types); `PersonRecord` is `kaohe_engine::Person`.

import { call } from './call';
import type { PeopleGrid, PersonDetail, ResultCode, RestrictionEntry, TimelineEntry } from './types';

export type { PeopleGrid, PersonDetail, PersonRecord, RestrictionEntry, ResultEntry, TimelineEntry } from './types';

/** A national result code: "1".."4", "5A", "5B", "5C", "6A", "7". */
export type NationalCode = ResultCode;
export type TimelineKind = TimelineEntry['kind'];
export type RestrictionState = RestrictionEntry['state'];

/** Everyone in the database. */
export function people(): Promise<PeopleGrid> {
  return call<PeopleGrid>('people');
}

/** One person's detail, promotion status for today. */
export function person(id: string): Promise<PersonDetail> {
  return call<PersonDetail>('person', { id });
}
