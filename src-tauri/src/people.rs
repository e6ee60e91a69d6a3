//! The 人员 section's commands: `people_filters` (what the grid's filters offer), `people_page` (a
//! page of the people they select, filtered, sorted and counted in SQL), so the grid holds the
//! rows on screen, never everyone; and `person` (one person's drawer on the clerk's today). The
//! work is kaohe-desk's (`people`, `person`).

use chrono::NaiveDate;
use kaohe_desk::person::PersonDetail;
use kaohe_store::{PeopleFilters, PeoplePage, PeopleQuery};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command(async)]
pub fn people_filters(state: State<'_, AppState>) -> Result<PeopleFilters, CommandError> {
    state.people_filters()
}

#[tauri::command(async)]
pub fn people_page(state: State<'_, AppState>, query: PeopleQuery) -> Result<PeoplePage, CommandError> {
    state.people_page(&query)
}

/// One person's detail; the promotion status is for today (the clerk's local date).
#[tauri::command(async)]
pub fn person(state: State<'_, AppState>, id: String) -> Result<PersonDetail, CommandError> {
    state.person(&id, chrono::Local::now().date_naive())
}

impl AppState {
    /// What the 人员 grid's filters offer.
    pub fn people_filters(&self) -> Result<PeopleFilters, CommandError> {
        self.reading(|store| Ok(kaohe_desk::people_filters(store, self.profile())?))
    }

    /// A page of the 人员 grid.
    pub fn people_page(&self, query: &PeopleQuery) -> Result<PeoplePage, CommandError> {
        self.reading(|store| Ok(kaohe_desk::people_page(store, self.profile(), query)?))
    }

    /// One person's detail on `as_of` (reads only the person's organ).
    pub fn person(&self, id: &str, as_of: NaiveDate) -> Result<PersonDetail, CommandError> {
        self.reading(|store| Ok(kaohe_desk::person::person(store, self.profile(), id, as_of)?))
    }
}
