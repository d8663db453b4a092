//! Follow churn at the cap (seed heuristic 10): following near X's 5,000 limit
//! while followers stay well below following.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{num, uint, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn following_cap(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "following_cap",
        "ev_cap_label",
        || {
            msg(
                "ev_cap_threshold",
                [
                    uint(s.following_cap_following_min.max(0) as u64),
                    num(s.following_cap_followers_share * 100.0),
                ],
            )
        },
        setting_weight(s.following_cap_points),
    );
    let (Some(followers), Some(following)) = (a.followers, a.following) else {
        return line.not_seen("ev_fact_follow_counts");
    };
    let seen = || msg("ev_ratio_seen", [uint(following), uint(followers)]);
    let at_cap = i128::from(following) >= i128::from(s.following_cap_following_min);
    let behind = (followers as f64) < s.following_cap_followers_share * following as f64;
    match (at_cap, behind) {
        (true, true) => line.seen(a, seen, -setting_points(s.following_cap_points), || {
            Message::bare("ev_cap_why_churn")
        }),
        (true, false) => line.seen(a, seen, 0, || Message::bare("ev_cap_why_balanced")),
        _ => line.seen(a, seen, 0, || Message::bare("ev_cap_why_far")),
    }
}
