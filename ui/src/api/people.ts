// Commands of the 人员 section: `people_filters` (what the grid's filters offer), `people_page`
// (a page of the people they select, filtered, sorted and counted by the database) and `person`
// (one person's drawer). The types are generated from src-tauri/src/people.rs and
// kaohe_store::people (./generated, re-exported by ./types); `PersonRecord` is `kaohe_engine::Person`.

import { call } from './call';
import type {
  PeopleFilters,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  ResultCode,
  RestrictionEntry,
  TimelineEntry,
} from './types';

export type {
  GradeFilter,
  PeopleFilters,
  PeoplePage,
  PeopleQuery,
  PeopleRow,
  PeopleSort,
  PeopleSortKey,
  PersonDetail,
  PersonRecord,
  RestrictionEntry,
  ResultEntry,
  TimelineEntry,
} from './types';

/** A national result code: "1".."4", "5A", "5B", "5C", "6A", "7". */
export type NationalCode = ResultCode;
export type TimelineKind = TimelineEntry['kind'];
export type RestrictionState = RestrictionEntry['state'];

/** The choices of the grid's filters, and how many people the database holds. */
export function peopleFilters(): Promise<PeopleFilters> {
  return call('people_filters');
}

/** One page of the people `query` selects. */
export function peoplePage(query: PeopleQuery): Promise<PeoplePage> {
  return call('people_page', { query });
}

/** One person's detail, promotion status for today. */
export function person(id: string): Promise<PersonDetail> {
  return call('person', { id });
}
