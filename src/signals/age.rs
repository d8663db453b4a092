//! Account age (SparkToro, BotometerLite): a very new account is a little less
//! sure, an established one a little better; bounded both ways.

use super::common::{age_days, days_words, pts, wt, Line};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn age(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "age",
        "Account age",
        format!(
            "under {} days costs; over {} days earns points",
            s.age_new_days, s.age_old_days
        ),
        wt(s.age_new_points).max(wt(s.age_old_points)),
    );
    let Some(days) = age_days(a, now) else {
        return line.not_seen("Join date");
    };
    let seen = format!("{} old", days_words(days));
    if days < s.age_new_days as f64 {
        line.seen(
            a,
            &seen,
            -pts(s.age_new_points),
            "A very new account: too early to know much, and many throwaway accounts are new."
                .to_string(),
        )
    } else if days > s.age_old_days as f64 {
        line.seen(
            a,
            &seen,
            pts(s.age_old_points),
            "An established account with a history.".to_string(),
        )
    } else {
        line.seen(a, &seen, 0, "Neither new nor long established.".to_string())
    }
}
