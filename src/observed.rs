//! The account's age at the time its counts were observed: counts read from a
//! cached profile describe that moment, not now, so rates divide by the age
//! the account had then.

use crate::model::Account;
use crate::time::DAY;

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
