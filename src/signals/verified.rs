//! Verification: legacy or organisation verification is a modest plus; the paid
//! check is shown but gives no points.

use super::common::{pts, wt, Line};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn verified(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "verified",
        "Verified",
        "legacy or organisation verification; the paid check gives nothing".to_string(),
        wt(s.verified_points),
    );
    match (a.verified, a.blue_verified) {
        (Some(true), _) => line.seen(
            a,
            "verified",
            pts(s.verified_points),
            "Legacy or organisation verification: someone checked who they are.".to_string(),
        ),
        (_, Some(true)) => line.seen(
            a,
            "paid check",
            0,
            "The paid check only shows that someone pays for it, so it adds nothing.".to_string(),
        ),
        (Some(false), _) | (None, Some(false)) => line.seen(
            a,
            "not verified",
            0,
            "Most real people are not verified; this takes nothing away.".to_string(),
        ),
        (None, None) => line.not_seen("Verification"),
    }
}
