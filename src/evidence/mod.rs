//! Building the breakdown: every signal's evidence line ([`line`](mod@line)), graded
//! points on a log scale ([`ramp`]) and the wording the reasons share
//! ([`words`]).

pub mod line;
pub mod ramp;
pub mod words;

pub use line::{join_with, msg, place_why, setting_points, setting_weight, source_id, Line};
pub use ramp::{ramp_place, ramp_threshold, Ramp};
pub use words::{
    amount_m, count, days_m, days_words, excerpt, isolate, number, plural, plural_m, pow10, quoted,
    quoted_m, rate_words, round_arg, round_num, signed, unisolate, unit, Unit,
};
