//! Signals: each family turns facts into evidence lines (value, threshold, points, reason).

use crate::model::{Account, Interaction, Snapshot, Tweet};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Everything known about one account when it is scored.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub account: &'a Account,
    /// Recent posts by this account, any order.
    pub tweets: &'a [Tweet],
    /// Earlier observations of its counts, oldest first.
    pub history: &'a [Snapshot],
    /// What it did to the viewer.
    pub interactions: &'a [Interaction],
}

impl<'a> Subject<'a> {
    /// A subject with only its profile facts.
    pub fn profile(account: &'a Account) -> Self {
        Subject {
            account,
            tweets: &[],
            history: &[],
            interactions: &[],
        }
    }
}

/// Every signal's evidence for `subject`, in display order. `now` is unix seconds.
pub fn evaluate(subject: &Subject, settings: &Settings, now: i64) -> Vec<Evidence> {
    let _ = (subject, settings, now);
    Vec::new()
}
