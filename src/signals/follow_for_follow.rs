//! Follow-for-follow counts (Ghosh et al. 2012, Dugué & Perez 2013): at high
//! counts, followers within a few percent of following suggests an account that
//! follows back anyone (a "social capitalist").

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{num, uint, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn follow_for_follow(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "follow_for_follow",
        "ev_f4f_label",
        || {
            msg(
                "ev_f4f_threshold",
                [
                    uint(s.follow_for_follow_min_count.max(0) as u64),
                    num(s.follow_for_follow_tolerance * 100.0),
                ],
            )
        },
        setting_weight(s.follow_for_follow_points),
    );
    let (Some(followers), Some(following)) = (a.followers, a.following) else {
        return line.not_seen("ev_fact_follow_counts");
    };
    let high = followers.max(following);
    let gap = (high - followers.min(following)) as f64 / high.max(1) as f64;
    let seen = || {
        msg(
            "ev_f4f_seen",
            [uint(followers), uint(following), num(gap * 100.0)],
        )
    };
    let big = i128::from(followers.min(following)) >= i128::from(s.follow_for_follow_min_count);
    if big && gap <= s.follow_for_follow_tolerance {
        line.seen(a, seen, -setting_points(s.follow_for_follow_points), || {
            Message::bare("ev_f4f_why_mirror")
        })
    } else if big {
        line.seen(a, seen, 0, || Message::bare("ev_f4f_why_high"))
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_f4f_why_small"))
    }
}
