//! Pure analysis behind the behaviour signals: measured numbers, no thresholds, no points.
//!
//! Every result says what it was computed from (how many posts, which time
//! span), so `signals` can hold it against thresholds from `settings` and
//! write a breakdown line a person can check. Nothing here reads settings,
//! allocates points or knows about JSON shapes.
//!
//! - [`keywords`]: Unicode-aware keyword / hashtag / phrase matching (bios, names, tweets).
//! - [`timeline`]: what recent posts show (mix, links, duplicates, timing, self-promotion).
//! - [`churn`]: following count swings between visits, closeness to the 5,000 cap.
//! - [`relationship`]: what the account already did to the viewer, and how recently.
//! - [`features`]: an account's features computed once and kept between scorings.
//! - [`dm`]: the parts of a first direct message that betray an automatic pitch.
//! - [`stats`]: small numeric helpers the others share.
//! - [`tokens`]: URL, host, mention and normal-form helpers for reading post text.

pub mod churn;
pub mod dm;
pub mod features;
pub mod keywords;
pub mod relationship;
pub mod stats;
pub mod timeline;
pub mod tokens;

pub use churn::{ChurnStats, Swing};
pub use dm::{assess_first_dm, DmAssessment, DmPhrases};
pub use keywords::{match_keywords, KeywordSet, NormalizedText};
pub use relationship::{KindStats, RecentSummary, RelationshipStats};
pub use stats::Share;
pub use timeline::{
    ClockUniformity, Duplicates, Intervals, OwnSite, OwnSiteBasis, TimelineOptions, TimelineStats,
};
