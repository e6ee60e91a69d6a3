//! Kaohe's one integration-test binary: rosters in, results out, through the real crates.

mod assessment;
mod audit;
mod cases;
mod cli;
mod hostile;
mod invariants;
mod kill;
mod password;
mod print;
mod rank_records;
mod restore;
mod rosters;
mod rosters_corpus;
mod sample;
mod store;
mod summary;
mod whatif;
mod windows;
mod workbook;
