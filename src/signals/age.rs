//! Account age when its counts were observed (BotometerLite: counts divided
//! by age; SparkToro Fake Followers Audit: account age): throwaway and bought
//! accounts are young, an account that kept going for years has a history.
//! Graded on a log scale between two ages, bounded both ways.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{days_m, place_why, ramp_place, unit, Line, Ramp};
use crate::message::{signed, Arg};
use crate::observed::age_days;
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The age ramp (in days) from the settings.
pub fn ramp(s: &Settings) -> Ramp {
    Ramp::new(
        s.age_new_days as f64,
        s.age_old_days as f64,
        -s.age_new_points,
        s.age_old_points,
    )
}

pub fn age(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let r = ramp(s);
    let line = Line::new(
        subject,
        "age",
        "ev_age_label",
        || {
            msg(
                "ev_age_threshold",
                [
                    signed(r.low),
                    Arg::Msg(days_m(r.from)),
                    signed(r.high),
                    Arg::Msg(days_m(r.to)),
                ],
            )
        },
        r.weight(),
    );
    let Some(days) = age_days(a, now) else {
        return line.not_seen("ev_fact_join_date");
    };
    let points = r.points(days);
    let why = if points < 0 {
        "ev_age_why_young"
    } else if points > 0 {
        "ev_age_why_old"
    } else {
        "ev_age_why_neither"
    };
    line.seen(
        a,
        || msg("ev_age_seen", [Arg::Msg(days_m(days))]),
        points,
        || place_why(ramp_place(&r, points, unit::DAY), why),
    )
}
