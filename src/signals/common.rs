//! Helpers every signal family shares: building evidence lines, the account's
//! age at the time its counts were observed, and number formatting.

use crate::model::Account;
use crate::time::DAY;
use crate::verdict::Evidence;

/// The fixed parts of one signal's evidence line.
pub struct Line {
    pub signal: &'static str,
    pub label: &'static str,
    pub threshold: String,
    pub weight: u32,
}

impl Line {
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
pub fn pts(v: i64) -> i32 {
    v.clamp(-1000, 1000) as i32
}

/// A points setting as a weight (its magnitude).
pub fn wt(v: i64) -> u32 {
    pts(v).unsigned_abs()
}

/// The time the account's counts describe: when they were observed, if that is
/// known and not in the future; otherwise `now`.
pub fn as_of(account: &Account, now: i64) -> i64 {
    match account.observed_at {
        Some(t) if t > 0 && t <= now.saturating_add(DAY) => t,
        _ => now,
    }
}

/// Account age in days when its counts were observed; `None` when the creation
/// date is unknown or lies after the observation (a broken clock or date).
pub fn age_days(account: &Account, now: i64) -> Option<f64> {
    let created = account.created_at?;
    let at = as_of(account, now);
    let secs = at.checked_sub(created)?;
    if secs < -DAY {
        return None;
    }
    Some(secs.max(0) as f64 / DAY as f64)
}

/// Days used to divide counts into rates: at least one, so a new account's
/// first day does not divide by zero.
pub fn rate_days(age: f64) -> f64 {
    age.max(1.0)
}

/// `12345` -> `"12,345"`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole or decimal number for a sentence: "3", "2.5", "0.14".
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "?".to_string();
    }
    if (v - v.round()).abs() < 0.005 && v.abs() >= 1.0 {
        return count_i(v.round());
    }
    if v.abs() >= 10.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn count_i(v: f64) -> String {
    if v < 0.0 {
        format!("-{}", count((-v) as u64))
    } else {
        count(v as u64)
    }
}

/// "1 post" / "3 posts".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{} {one}", count(n))
    } else {
        format!("{} {many}", count(n))
    }
}

/// Days as people say them: "45 days", "about 3 years".
pub fn days_words(days: f64) -> String {
    if days >= 730.0 {
        format!("about {} years", (days / 365.25).round() as u64)
    } else {
        plural(days.floor() as u64, "day", "days")
    }
}

/// The first `max` characters of a text, with an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = flat.chars().take(max).collect();
    if cut.len() < flat.len() {
        format!("{cut}\u{2026}")
    } else {
        cut
    }
}
