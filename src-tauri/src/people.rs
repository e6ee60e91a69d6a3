//! The 人员 section's commands: `people_filters` (what the grid's filters offer), `people_page` (a
//! page of the people they select, filtered, sorted and counted in SQL), so the grid holds the
//! rows on screen, never everyone; and `person` (one person's drawer on the clerk's today). The
//! work is kaohe-desk's (`people`, `person`).

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
