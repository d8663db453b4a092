//! Follow-for-follow counts (Ghosh et al. 2012, Dugué & Perez 2013): at high
//! counts, followers within a few percent of following suggests an account that
//! follows back anyone (a "social capitalist").

use super::Subject;
use crate::evidence::{count, number, setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn follow_for_follow(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "follow_for_follow",
        "Follow-for-follow counts",
        format!(
            "both counts {}+ and within {}% of each other",
            count(s.follow_for_follow_min_count.max(0) as u64),
            number(s.follow_for_follow_tolerance * 100.0)
        ),
        setting_weight(s.follow_for_follow_points),
    );
    let (Some(followers), Some(following)) = (a.followers, a.following) else {
        return line.not_seen("Follower and following counts");
    };
    let high = followers.max(following);
    let gap = (high - followers.min(following)) as f64 / high.max(1) as f64;
    let seen = format!(
        "followers {}, following {} ({}% apart)",
        count(followers),
        count(following),
        number(gap * 100.0)
    );
    let big = i128::from(followers.min(following)) >= i128::from(s.follow_for_follow_min_count);
    if big && gap <= s.follow_for_follow_tolerance {
        line.seen(
            a,
            &seen,
            -setting_points(s.follow_for_follow_points),
            "Followers and following almost equal at high counts: typical of accounts that follow back anyone to grow numbers.".to_string(),
        )
    } else if big {
        line.seen(
            a,
            &seen,
            0,
            "High counts, but not mirror images of each other.".to_string(),
        )
    } else {
        line.seen(
            a,
            &seen,
            0,
            "Counts too small for follow-for-follow to show.".to_string(),
        )
    }
}
