//! Bio (seed heuristic 6): an empty bio (seen) is told apart from a bio not seen.

use super::Subject;
use crate::evidence::{excerpt, isolate, plural, setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn bio(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "bio",
        "Bio",
        "not empty".to_string(),
        setting_weight(s.bio_missing_points).max(setting_weight(s.bio_present_points)),
    );
    match a.bio.as_deref().map(str::trim) {
        None => line.not_seen("Bio"),
        Some("") => line.seen(
            a,
            "empty",
            -setting_points(s.bio_missing_points),
            "An empty bio says nothing about who they are.".to_string(),
        ),
        Some(text) => line.seen(
            a,
            &format!(
                "\u{201c}{}\u{201d} ({})",
                isolate(&excerpt(text, 40)),
                plural(text.chars().count() as u64, "character", "characters")
            ),
            setting_points(s.bio_present_points),
            "They say who they are in their own words.".to_string(),
        ),
    }
}
