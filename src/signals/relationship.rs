//! Relationship with the viewer from the profile (seeds 002, 004): "Follows you"
//! is a small plus. Interactions (replies, mentions, likes) come in their own family.

use super::Subject;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn follows_you(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "follows_you",
        "Follows you",
        "\u{201c}Follows you\u{201d} shown".to_string(),
        setting_weight(s.follows_you_points),
    );
    match a.follows_you {
        None => line.not_seen("Whether they follow you"),
        Some(true) => line.seen(
            a,
            "follows you",
            setting_points(s.follows_you_points),
            "They already follow you: following back starts a relationship.".to_string(),
        ),
        Some(false) => line.seen(
            a,
            "does not follow you",
            0,
            "They do not follow you (yet); that takes nothing away.".to_string(),
        ),
    }
}
