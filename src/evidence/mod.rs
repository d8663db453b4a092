//! Building the breakdown: every signal's evidence line ([`line`](mod@line)), graded
//! points on a log scale ([`ramp`]) and the wording the reasons share
//! ([`words`]).

pub mod line;
pub mod ramp;
pub mod words;

pub use line::{setting_points, setting_weight, Line};
pub use ramp::{ramp_place, ramp_threshold, Ramp};
pub use words::{
    count, days_words, excerpt, isolate, number, plural, quoted, rate_words, round_num, signed,
    unisolate,
};
