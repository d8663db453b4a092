//! Following to followers ratio (seed heuristic 9, Socialbakers 50:1): bounded,
//! growing on a log scale between a mild and a severe ratio (rounded down, so
//! only the severe ratio takes the whole penalty); followers well
//! above following earn a modest plus.

use super::common::{count, num, pts, wt, Line};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Penalty points (as a positive number) for following/followers ratio `r`.
pub fn ratio_penalty(r: f64, mild: f64, severe: f64, max_points: i64) -> i32 {
    let max = pts(max_points);
    if r <= mild || max == 0 {
        return 0;
    }
    if r >= severe || severe <= mild {
        return max;
    }
    let share = (r / mild).ln() / (severe / mild).ln();
    ((f64::from(max) * share).floor() as i32).clamp(0, max)
}

pub fn ratio(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "ratio",
        "Following to followers",
        format!(
            "penalty from {}:1 up to {}:1; followers at least {}\u{d7} following (and {}+) earn points",
            num(s.ratio_mild),
            num(s.ratio_severe),
            num(s.ratio_reward_ratio),
            count(s.ratio_reward_min_followers.max(0) as u64)
        ),
        wt(s.ratio_severe_points).max(wt(s.ratio_reward_points)),
    );
    let (Some(followers), Some(following)) = (a.followers, a.following) else {
        return line.not_seen("Follower and following counts");
    };
    let r = following as f64 / followers.max(1) as f64;
    let seen = format!(
        "following {}, followers {} ({}:1)",
        count(following),
        count(followers),
        num(r)
    );
    let penalty = ratio_penalty(r, s.ratio_mild, s.ratio_severe, s.ratio_severe_points);
    if penalty > 0 {
        let reason = if r >= s.ratio_severe {
            format!(
                "Follows at least {}\u{d7} more accounts than follow them back, the fake-follower mark; capped so no ratio decides alone.",
                num(s.ratio_severe)
            )
        } else {
            "Follows many more accounts than follow them; a weak signal on its own, so it costs a bounded amount.".to_string()
        };
        return line.seen(a, &seen, -penalty, reason);
    }
    let rewarded = followers as f64 >= s.ratio_reward_ratio * following as f64
        && followers as i128 >= i128::from(s.ratio_reward_min_followers);
    if rewarded {
        line.seen(
            a,
            &seen,
            pts(s.ratio_reward_points),
            "Many more people follow them than they follow: people follow them for what they post."
                .to_string(),
        )
    } else {
        line.seen(
            a,
            &seen,
            0,
            "A balanced ratio; numbers are not the point.".to_string(),
        )
    }
}
