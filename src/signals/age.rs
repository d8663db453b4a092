//! Account age when its counts were observed (BotometerLite: counts divided
//! by age; SparkToro Fake Followers Audit: account age): throwaway and bought
//! accounts are young, an account that kept going for years has a history.
//! Graded on a log scale between two ages, bounded both ways.

use super::Subject;
use crate::evidence::{days_words, ramp_place, Line, Ramp};
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
        "age",
        "Account age",
        format!(
            "{} at {} or younger, {} at {} or older, graded in between",
            crate::evidence::signed(r.low),
            days_words(r.from),
            crate::evidence::signed(r.high),
            days_words(r.to)
        ),
        r.weight(),
    );
    let Some(days) = age_days(a, now) else {
        return line.not_seen("Join date");
    };
    let points = r.points(days);
    let why = if points < 0 {
        "A young account: too early to know much, and throwaway and bought accounts are young."
    } else if points > 0 {
        "An account kept up for a long time has a history."
    } else {
        "Neither new nor long established."
    };
    line.seen(
        a,
        &format!("{} old", days_words(days)),
        points,
        format!("{}. {why}", ramp_place(&r, points, "days")),
    )
}
