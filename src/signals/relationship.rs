//! Relationship with the viewer from the profile (seeds 002, 004): "Follows you"
//! is a small plus. Interactions (replies, mentions, likes) come in their own family.

use super::Subject;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::Message;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn follows_you(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "follows_you",
        "ev_follows_you_label",
        || Message::bare("ev_follows_you_threshold"),
        setting_weight(s.follows_you_points),
    );
    match a.follows_you {
        None => line.not_seen("ev_fact_follows_you"),
        Some(true) => line.seen(
            a,
            || Message::bare("ev_follows_you_seen_yes"),
            setting_points(s.follows_you_points),
            || Message::bare("ev_follows_you_why_yes"),
        ),
        Some(false) => line.seen(
            a,
            || Message::bare("ev_follows_you_seen_no"),
            0,
            || Message::bare("ev_follows_you_why_no"),
        ),
    }
}
