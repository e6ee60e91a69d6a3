//! TypeScript names for the strings the reports write (feature `ts`). A report field that holds
//! a `&'static str` from a closed set — a grade's name, a national result code, a slot code — is
//! typed in TypeScript as the union of that set, computed here from the same Rust functions that
//! write the strings, so the two cannot drift. Used as `#[ts(as = "Option<GradeName>")]` on the
//! field; the bindings test (crates/kaohe-desk/tests/bindings.rs) writes the files.

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::promotion::Slot;
use crate::report::slot_code;
use crate::roster::{Grade, ResultCode};

/// `type Name = "a" | "b";` for a set of strings.
fn union(values: impl IntoIterator<Item = &'static str>) -> String {
    values
        .into_iter()
        .map(|v| format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect::<Vec<_>>()
        .join(" | ")
}

macro_rules! string_union {
    ($(#[doc = $doc:literal])* $rust:ident as $ts:literal = $values:expr) => {
        $(#[doc = $doc])*
        pub struct $rust;

        impl TS for $rust {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn docs() -> Option<String> {
                Some(ts_rs::format_docs(&[$($doc),*]))
            }
            fn name(_: &Config) -> String {
                $ts.to_owned()
            }
            fn inline(_: &Config) -> String {
                union($values)
            }
            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", $ts, Self::inline(cfg))
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(concat!($ts, ".ts")))
            }
        }
    };
}

string_union! {
    /// A grade by its Chinese name (`Grade::name`): 优秀, 称职, 基本称职, 不称职.
    GradeName as "Grade" = Grade::ALL.map(Grade::name)
}

string_union! {
    /// The national system's result code (`ResultCode::code`): "1"–"4" for a grade; "5A", "5B",
    /// "5C", "6A", "7" when not graded.
    NationalCode as "ResultCode" = ResultCode::ALL.map(ResultCode::code)
}

string_union! {
    /// How a person eligible for promotion stands with the organ's slots (`slot` in docs/cli.md).
    SlotCode as "SlotCode" = [
        Slot::Unlimited,
        Slot::WithinPool { pool: 0 },
        Slot::Proposed { pool: 0, position: 0, of: 0, entering: true, sub: None },
        Slot::Waiting { pool: 0, position: 0, of: 0, entering: true, sub: None, short_of_rank: false },
        Slot::NotApproved { pool: 0 },
    ]
    .into_iter()
    .filter_map(slot_code)
}

/// A new `Slot` variant stops compiling here until it is added to `SlotCode`'s list above.
const _: fn(Slot) = |slot| match slot {
    Slot::NotConsidered
    | Slot::Unlimited
    | Slot::WithinPool { .. }
    | Slot::Proposed { .. }
    | Slot::Waiting { .. }
    | Slot::NotApproved { .. } => {}
};
