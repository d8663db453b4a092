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

/// Graded points for a count: linear in `log10(1 + value)` between two
/// anchors, `low` points at or below `from`, `high` points at or above `to`,
/// never beyond either (so a count can never step the score, and no count
/// decides alone). With `from >= to` it is a step at `to` (a broken setting
/// still gives bounded points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ramp {
    pub from: f64,
    pub to: f64,
    pub low: i32,
    pub high: i32,
    /// `log10(value)` instead of `log10(1 + value)`: for ratios and shares.
    pub plain_log: bool,
}

impl Ramp {
    /// A ramp from settings values.
    pub fn new(from: f64, to: f64, low: i64, high: i64) -> Self {
        Ramp {
            from,
            to,
            low: pts(low),
            high: pts(high),
            plain_log: false,
        }
    }

    /// A ramp on `log10(value)` (for ratios, which may be below 1).
    pub fn ratio(from: f64, to: f64, low: i64, high: i64) -> Self {
        Ramp {
            plain_log: true,
            ..Ramp::new(from, to, low, high)
        }
    }

    fn x(&self, v: f64) -> f64 {
        if self.plain_log {
            v.max(1e-12).log10()
        } else {
            (1.0 + v.max(0.0)).log10()
        }
    }

    fn back(&self, x: f64) -> f64 {
        if self.plain_log {
            10f64.powf(x)
        } else {
            10f64.powf(x) - 1.0
        }
    }

    /// Where `value` sits between the anchors: 0.0 at `from` or below, 1.0 at `to` or above.
    pub fn position(&self, value: f64) -> f64 {
        if !value.is_finite() {
            return if value > 0.0 { 1.0 } else { 0.0 };
        }
        let (a, b) = (self.x(self.from), self.x(self.to));
        if b <= a {
            return if value >= self.to { 1.0 } else { 0.0 };
        }
        ((self.x(value) - a) / (b - a)).clamp(0.0, 1.0)
    }

    /// Points for `value`, rounded to whole points.
    pub fn points(&self, value: f64) -> i32 {
        let p = self.position(value);
        let v = f64::from(self.low) + p * f64::from(self.high - self.low);
        (v.round() as i32).clamp(self.low.min(self.high), self.low.max(self.high))
    }

    /// The weight: the largest move either way.
    pub fn weight(&self) -> u32 {
        self.low.unsigned_abs().max(self.high.unsigned_abs())
    }

    /// The value at which the points cross zero (between the anchors), when they do.
    pub fn zero_at(&self) -> Option<f64> {
        if (self.low < 0) == (self.high < 0) || self.low == self.high {
            return None;
        }
        let share = f64::from(-self.low) / f64::from(self.high - self.low);
        let (a, b) = (self.x(self.from), self.x(self.to));
        Some(self.back(a + share * (b - a)))
    }
}

/// A number rounded to two significant digits for a sentence: 1,234 -> "1,200".
pub fn round_num(v: f64) -> String {
    if !v.is_finite() || v <= 0.0 {
        return num(v.max(0.0));
    }
    let mag = 10f64.powf(v.log10().floor() - 1.0);
    let r = (v / mag).round() * mag;
    if r >= 1.0 {
        count(r.round() as u64)
    } else {
        num(r)
    }
}

/// The threshold words of a count ramp: "−10 at 1 like or fewer, +12 at
/// 1,000 or more, graded in between (log scale)".
pub fn ramp_threshold(r: &Ramp, unit_one: &str, unit_many: &str) -> String {
    let at = |v: f64| {
        if (v - 1.0).abs() < f64::EPSILON {
            format!("1 {unit_one}")
        } else {
            format!("{} {unit_many}", num(v))
        }
    };
    let low = if r.from <= 0.0 {
        format!("{} for no {unit_many}", signed(r.low))
    } else {
        format!("{} at {} or fewer", signed(r.low), at(r.from))
    };
    format!(
        "{low}, {} at {} or more, graded in between",
        signed(r.high),
        at(r.to)
    )
}

/// "1 follow a day" / "2.5 follows a day": a rate with its unit in number.
pub fn per(v: f64, one: &str, many: &str, tail: &str) -> String {
    if (v - 1.0).abs() < 0.005 {
        format!("1 {one} {tail}")
    } else {
        format!("{} {many} {tail}", num(v))
    }
}

/// "+7", "−3", "0" (with a real minus sign).
pub fn signed(p: i32) -> String {
    match p.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{p}"),
        std::cmp::Ordering::Less => format!("\u{2212}{}", p.unsigned_abs()),
        std::cmp::Ordering::Equal => "0".to_string(),
    }
}

/// Where on the ramp `points` sit, for the start of a reason:
/// "+7 of 12: full points from 1,000 likes" or "−6 of −10: nothing taken
/// from about 30 likes". `what` names the fact in the plural ("likes").
pub fn ramp_place(r: &Ramp, points: i32, what: &str) -> String {
    let rising = r.low < r.high;
    let best = r.low.max(r.high);
    let worst = r.low.min(r.high);
    let (best_at, worst_at) = if rising {
        (r.to, r.from)
    } else {
        (r.from, r.to)
    };
    let zero = r.zero_at().unwrap_or(worst_at);
    if points > 0 {
        if points >= best {
            format!("{} of {}: full points", signed(points), best)
        } else if rising {
            format!(
                "{} of {}: full points from {} {what}",
                signed(points),
                best,
                num(best_at)
            )
        } else {
            format!(
                "{} of {}: full points at {} {what} or fewer",
                signed(points),
                best,
                num(best_at)
            )
        }
    } else if points < 0 {
        if points <= worst {
            format!("{} of {}: the full penalty", signed(points), signed(worst))
        } else if rising {
            format!(
                "{} of {}: nothing taken from about {} {what}",
                signed(points),
                signed(worst),
                round_num(zero)
            )
        } else {
            format!(
                "{} of {}: nothing taken below about {} {what}",
                signed(points),
                signed(worst),
                round_num(zero)
            )
        }
    } else {
        "0 points".to_string()
    }
}
