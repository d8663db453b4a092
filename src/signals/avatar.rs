//! Avatar (seed heuristic 6, Socialbakers): the default avatar costs points, more
//! so on an account older than two months.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{days_m, setting_points, setting_weight, Line};
use crate::message::{int, Arg, Message};
use crate::observed::age_days;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn avatar(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "avatar",
        "ev_avatar_label",
        || msg("ev_avatar_threshold", [int(s.avatar_old_days)]),
        setting_weight(s.avatar_custom_points)
            .max(setting_weight(s.avatar_default_points) + setting_weight(s.avatar_old_points)),
    );
    match a.default_avatar {
        None => line.not_seen("ev_fact_photo"),
        Some(false) => line.seen(
            a,
            || Message::bare("ev_avatar_seen_own"),
            setting_points(s.avatar_custom_points),
            || Message::bare("ev_avatar_why_own"),
        ),
        Some(true) => match age_days(a, now) {
            Some(age) if age > s.avatar_old_days as f64 => line.seen(
                a,
                || msg("ev_avatar_seen_default_old", [Arg::Msg(days_m(age))]),
                -setting_points(s.avatar_default_points) - setting_points(s.avatar_old_points),
                || msg("ev_avatar_why_default_old", [int(s.avatar_old_days)]),
            ),
            _ => line.seen(
                a,
                || Message::bare("ev_avatar_seen_default"),
                -setting_points(s.avatar_default_points),
                || Message::bare("ev_avatar_why_default"),
            ),
        },
    }
}
