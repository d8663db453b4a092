//! Avatar (seed heuristic 6, Socialbakers): the default avatar costs points, more
//! so on an account older than two months.

use super::Subject;
use crate::evidence::{days_words, setting_points, setting_weight, Line};
use crate::observed::age_days;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn avatar(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "avatar",
        "Photo",
        format!(
            "not the default photo; worse after {} days",
            s.avatar_old_days
        ),
        setting_weight(s.avatar_custom_points)
            .max(setting_weight(s.avatar_default_points) + setting_weight(s.avatar_old_points)),
    );
    match a.default_avatar {
        None => line.not_seen("Photo"),
        Some(false) => line.seen(
            a,
            "their own",
            setting_points(s.avatar_custom_points),
            "They put up a photo, so you can see who they are.".to_string(),
        ),
        Some(true) => match age_days(a, now) {
            Some(age) if age > s.avatar_old_days as f64 => line.seen(
                a,
                &format!("default, account {} old", days_words(age)),
                -setting_points(s.avatar_default_points) - setting_points(s.avatar_old_points),
                format!(
                    "Still the default photo after more than {} days, a common mark of fake accounts.",
                    s.avatar_old_days
                ),
            ),
            _ => line.seen(
                a,
                "default",
                -setting_points(s.avatar_default_points),
                "No photo: you cannot see who they are.".to_string(),
            ),
        },
    }
}
