//! The 人员 grid: what its filters offer ([`people_filters`]) and a page of the people they
//! select ([`people_page`]), read from the database a page at a time (filtered, sorted and counted
//! in SQL: [`kaohe_store::Store::people_page`]) with the profile's order of categories and ranks.

use kaohe_engine::Profile;
use kaohe_store::{PeopleFilters, PeoplePage, PeopleQuery, Store};

use crate::DeskError;

/// The most rows one page may ask for (a screen shows about 30; the grid asks for 200 at a time).
pub const PAGE_LIMIT: u32 = 1000;

/// The filters' choices: organs in roster order; categories and ranks in the profile's order,
/// then any the profile lacks in order of appearance; years oldest first.
pub fn people_filters(store: &Store, profile: &Profile) -> Result<PeopleFilters, DeskError> {
    let mut filters = store.people_filters()?;
    filters.categories = in_order(profile.categories.iter().map(|c| c.name.as_str()), filters.categories);
    filters.ranks = in_order(ladder(profile).iter().map(String::as_str), filters.ranks);
    Ok(filters)
}

/// One page of the people `query` selects, in its order (ranks by the profile's ladder).
pub fn people_page(store: &Store, profile: &Profile, query: &PeopleQuery) -> Result<PeoplePage, DeskError> {
    if query.limit == 0 || query.limit > PAGE_LIMIT {
        return Err(DeskError::BadArgument(format!("每页人数「{}」无效（1–{PAGE_LIMIT}）", query.limit)));
    }
    if let Some(year) = query.year {
        crate::check_year(year)?;
    }
    Ok(store.people_page(query, &ladder(profile))?)
}

/// Every rank of the profile's ladders, in their order.
fn ladder(profile: &Profile) -> Vec<String> {
    profile.ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.name.clone())).collect()
}

/// `present` with the `known` names first in their order, then the others as they came.
fn in_order<'a>(known: impl Iterator<Item = &'a str>, present: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(present.len());
    for name in known {
        if present.iter().any(|p| p == name) && !out.iter().any(|o| o == name) {
            out.push(name.to_owned());
        }
    }
    for name in present {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}
