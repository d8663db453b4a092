//! Verification (BotometerLite: verified): legacy verification and X's
//! organisation checks (gold "Business", grey "Government", from
//! `verification.verified_type`) are a modest plus: X checked who runs the
//! account. The paid check is shown but gives no points: it only shows that
//! someone pays.

use super::Subject;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// X's words for an organisation check, as the breakdown says them.
fn organisation(kind: &str) -> Option<&'static str> {
    match kind.trim().to_ascii_lowercase().as_str() {
        "business" => Some("gold check (organisation)"),
        "government" => Some("grey check (government or multilateral organisation)"),
        _ => None,
    }
}

pub fn verified(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "verified",
        "Verification",
        "legacy verification or an organisation check (gold or grey); the paid check gives nothing"
            .to_string(),
        setting_weight(s.verified_points),
    );
    if let Some(org) = a.verified_type.as_deref().and_then(organisation) {
        return line.seen(
            a,
            org,
            setting_points(s.verified_points),
            "X checked the organisation behind the account.".to_string(),
        );
    }
    match (a.verified, a.blue_verified) {
        (Some(true), _) => line.seen(
            a,
            "verified",
            setting_points(s.verified_points),
            "Legacy verification: someone checked who they are.".to_string(),
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
