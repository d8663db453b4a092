//! Bio (seed heuristic 6): an empty bio (seen) is told apart from a bio not seen.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{excerpt, plural_m, setting_points, setting_weight, unit, Line};
use crate::message::{text, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn bio(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "bio",
        "ev_bio_label",
        || Message::bare("ev_bio_threshold"),
        setting_weight(s.bio_missing_points).max(setting_weight(s.bio_present_points)),
    );
    if let Some(p) = subject.prepared.filter(|p| !p.explain) {
        // The fast path: whether the bio is blank, kept with the features.
        return match p.features.bio_blank {
            None => line.not_seen("ev_fact_bio"),
            Some(true) => line.seen(
                a,
                || Message::EMPTY,
                -setting_points(s.bio_missing_points),
                || Message::EMPTY,
            ),
            Some(false) => line.seen(
                a,
                || Message::EMPTY,
                setting_points(s.bio_present_points),
                || Message::EMPTY,
            ),
        };
    }
    match a.bio.as_deref().map(str::trim) {
        None => line.not_seen("ev_fact_bio"),
        Some("") => line.seen(
            a,
            || Message::bare("ev_bio_seen_empty"),
            -setting_points(s.bio_missing_points),
            || Message::bare("ev_bio_why_empty"),
        ),
        Some(bio) => line.seen(
            a,
            || {
                msg(
                    "ev_bio_seen",
                    [
                        text(excerpt(bio, 40)),
                        Arg::Msg(plural_m(bio.chars().count() as u64, unit::CHARACTER)),
                    ],
                )
            },
            setting_points(s.bio_present_points),
            || Message::bare("ev_bio_why_present"),
        ),
    }
}
