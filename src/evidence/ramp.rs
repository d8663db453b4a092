//! Graded points: the [`Ramp`] that turns a count into bounded points on a log
//! scale, and the words that describe a ramp's thresholds and where a value
//! landed on it.

use super::line::msg;
use super::line::setting_points;
use super::words::{amount_m, pow10, round_arg, Unit};
use crate::message::{int, num, signed, Arg, Message};

/// Graded points for a count: linear in `log10(1 + value)` between two
/// anchors, `low` points at or below `from`, `high` points at or above `to`,
/// never beyond either (so a count can never step the score, and no count
/// decides alone). With `from >= to` it is a step at `to` (a broken setting
/// still gives bounded points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ramp {
    /// Lower anchor: at or below it the ramp gives `low` points.
    pub from: f64,
    /// Upper anchor: at or above it the ramp gives `high` points.
    pub to: f64,
    /// Points at the lower anchor.
    pub low: i32,
    /// Points at the upper anchor.
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
            low: setting_points(low),
            high: setting_points(high),
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
            pow10(x)
        } else {
            pow10(x) - 1.0
        }
    }

    /// Where `value` sits between the anchors: 0.0 at `from` or below, 1.0 at `to` or above.
    pub fn position(&self, value: f64) -> f64 {
        if !value.is_finite() {
            return if value > 0.0 { 1.0 } else { 0.0 };
        }
        // Outside finite anchors no logarithm is needed (the log is
        // monotone): the same 0.0 or 1.0 the clamp below gives, only faster
        // (`tests/ramp_props.rs`; an infinite `to` can give −0.0 below).
        if self.from < self.to && self.to.is_finite() && (value <= self.from || value >= self.to) {
            return if value >= self.to { 1.0 } else { 0.0 };
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

/// The threshold words of a count ramp: "−10 at 1 like or fewer, +12 at
/// 1,000 or more, graded in between (log scale)".
pub fn ramp_threshold(r: &Ramp, u: Unit) -> Message {
    let low = if r.from <= 0.0 {
        msg(
            "ev_ramp_low_none",
            [signed(r.low), Arg::Msg(Message::bare(u.none))],
        )
    } else {
        msg(
            "ev_ramp_low_at",
            [signed(r.low), Arg::Msg(amount_m(r.from, u))],
        )
    };
    msg(
        "ev_ramp_threshold",
        [Arg::Msg(low), signed(r.high), Arg::Msg(amount_m(r.to, u))],
    )
}

/// Where on the ramp `points` sit, for the start of a reason:
/// "+7 of 12: full points from 1,000 likes" or "−6 of −10: nothing taken
/// from about 30 likes". `what` names the fact counted.
pub fn ramp_place(r: &Ramp, points: i32, what: Unit) -> Message {
    let rising = r.low < r.high;
    let best = r.low.max(r.high);
    let worst = r.low.min(r.high);
    let (best_at, worst_at) = if rising {
        (r.to, r.from)
    } else {
        (r.from, r.to)
    };
    let zero = r.zero_at().unwrap_or(worst_at);
    let many = |v: Arg| Arg::Msg(msg(what.many, [v]));
    if points > 0 {
        if points >= best {
            msg("ev_place_full", [signed(points), int(best)])
        } else if rising {
            msg(
                "ev_place_full_from",
                [signed(points), int(best), many(num(best_at))],
            )
        } else {
            msg(
                "ev_place_full_at_most",
                [signed(points), int(best), many(num(best_at))],
            )
        }
    } else if points < 0 {
        if points <= worst {
            msg("ev_place_penalty", [signed(points), signed(worst)])
        } else if rising {
            msg(
                "ev_place_nothing_from",
                [signed(points), signed(worst), many(round_arg(zero))],
            )
        } else {
            msg(
                "ev_place_nothing_below",
                [signed(points), signed(worst), many(round_arg(zero))],
            )
        }
    } else {
        Message::bare("ev_place_zero")
    }
}
