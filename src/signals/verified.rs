//! Verification (BotometerLite: verified): legacy verification and X's
//! organisation checks (gold "Business", grey "Government", from
//! `verification.verified_type`) are a modest plus: X checked who runs the
//! account. The paid check is shown but gives no points: it only shows that
//! someone pays.

use super::Subject;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::Message;
use crate::settings::Settings;
use crate::verdict::Evidence;

/// X's words for an organisation check, as the breakdown says them.
fn organisation(kind: &str) -> Option<&'static str> {
    let kind = kind.trim();
    if kind.eq_ignore_ascii_case("business") {
        Some("ev_verified_seen_gold")
    } else if kind.eq_ignore_ascii_case("government") {
        Some("ev_verified_seen_grey")
    } else {
        None
    }
}

pub fn verified(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "verified",
        "ev_verified_label",
        || Message::bare("ev_verified_threshold"),
        setting_weight(s.verified_points),
    );
    if let Some(org) = a.verified_type.as_deref().and_then(organisation) {
        return line.seen(
            a,
            || Message::bare(org),
            setting_points(s.verified_points),
            || Message::bare("ev_verified_why_org"),
        );
    }
    match (a.verified, a.blue_verified) {
        (Some(true), _) => line.seen(
            a,
            || Message::bare("ev_verified_seen_legacy"),
            setting_points(s.verified_points),
            || Message::bare("ev_verified_why_legacy"),
        ),
        (_, Some(true)) => line.seen(
            a,
            || Message::bare("ev_verified_seen_paid"),
            0,
            || Message::bare("ev_verified_why_paid"),
        ),
        (Some(false), _) | (None, Some(false)) => line.seen(
            a,
            || Message::bare("ev_verified_seen_not"),
            0,
            || Message::bare("ev_verified_why_not"),
        ),
        (None, None) => line.not_seen("ev_fact_verification"),
    }
}
