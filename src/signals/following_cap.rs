//! Follow churn at the cap (seed heuristic 10): following near X's 5,000 limit
//! while followers stay well below following.

use super::Subject;
use crate::evidence::{count, number, setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn following_cap(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "following_cap",
        "Following at the cap",
        format!(
            "following {}+ with followers under {}% of it",
            count(s.following_cap_following_min.max(0) as u64),
            number(s.following_cap_followers_share * 100.0)
        ),
        setting_weight(s.following_cap_points),
    );
    let (Some(followers), Some(following)) = (a.followers, a.following) else {
        return line.not_seen("Follower and following counts");
    };
    let seen = format!(
        "following {}, followers {}",
        count(following),
        count(followers)
    );
    let at_cap = i128::from(following) >= i128::from(s.following_cap_following_min);
    let behind = (followers as f64) < s.following_cap_followers_share * following as f64;
    match (at_cap, behind) {
        (true, true) => line.seen(
            a,
            &seen,
            -setting_points(s.following_cap_points),
            "Follows about as many accounts as X allows while far fewer follow back: the mark of follow-then-unfollow churn.".to_string(),
        ),
        (true, false) => line.seen(
            a,
            &seen,
            0,
            "Follows many, but about as many follow them: not stuck at the cap.".to_string(),
        ),
        _ => line.seen(
            a,
            &seen,
            0,
            "Not near the following cap.".to_string(),
        ),
    }
}
