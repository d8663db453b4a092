//! The evidence-line builder: the fixed parts of one signal's line (name,
//! label, threshold, weight) and how an observation or its absence becomes an
//! [`Evidence`] entry, plus turning points settings into points and weights.

use crate::model::Account;
use crate::verdict::Evidence;

/// The fixed parts of one signal's evidence line.
pub struct Line {
    /// The signal's id (`"ratio"`).
    pub signal: &'static str,
    /// Its label in the breakdown.
    pub label: &'static str,
    /// The threshold, in words.
    pub threshold: String,
    /// The signal's weight: the most points it can move.
    pub weight: u32,
}

impl Line {
    /// The fixed parts of one line.
    pub fn new(signal: &'static str, label: &'static str, threshold: String, weight: u32) -> Self {
        Line {
            signal,
            label,
            threshold,
            weight,
        }
    }

    /// No data: no points, and the reason says what is missing.
    pub fn not_seen(self, what: &str) -> Evidence {
        self.evidence(None, 0, format!("{what} not seen yet."))
    }

    /// An observation: `value` is shown with where it came from.
    pub fn seen(self, account: &Account, value: &str, points: i32, reason: String) -> Evidence {
        let seen = format!("{value}, {}", account.source.phrase());
        self.evidence(Some(seen), points, reason)
    }

    /// An observation from data that is not the profile (posts, interactions,
    /// earlier visits): `from` is where it came from ("from X's data").
    pub fn seen_from(self, value: &str, from: &str, points: i32, reason: String) -> Evidence {
        self.evidence(Some(format!("{value}, {from}")), points, reason)
    }

    fn evidence(self, seen: Option<String>, points: i32, reason: String) -> Evidence {
        Evidence {
            signal: self.signal.to_string(),
            label: self.label.to_string(),
            seen,
            threshold: self.threshold,
            points,
            weight: self.weight,
            reason,
        }
    }
}

/// A points setting as evidence points (settings keep them within ±50).
pub fn setting_points(v: i64) -> i32 {
    v.clamp(-1000, 1000) as i32
}

/// A points setting as a weight (its magnitude).
pub fn setting_weight(v: i64) -> u32 {
    setting_points(v).unsigned_abs()
}
