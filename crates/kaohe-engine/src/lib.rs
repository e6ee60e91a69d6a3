//! Kaohe's domain engine: the rule profile, the roster values, and the decisions taken from them.
//!
//! Pure code: no file, database or network access, and no clock. Every decision takes the
//! as-of date (or year) as an argument, so a result can be reproduced from its inputs. Every
//! number and name a rule uses comes from a [`Profile`], never from this crate's code.

pub mod assessment;
pub mod assessment_rules;
pub mod audit;
pub mod dates;
pub mod fast_hash;
pub mod id_number;
pub mod profile;
pub mod promotion;
pub mod reason;
pub mod report;
pub mod roster;
pub mod text;

pub use profile::{Citation, Profile, ProfileError, RankRef, Status};
pub use promotion::{promote, BlockCode, PromotionResult};
pub use reason::Reason;
pub use roster::{
    AnnualInput, Grade, GradeName, NationalCode, Organ, Period, Person, RankRecord, RegularGrade, RegularRecord,
    Restriction, ResultCode, Roster, YearResult,
};
