//! Likes given (BotometerLite favourites): people like other people's posts;
//! accounts that post but almost never like look automated. Near-zero likes for
//! the number of posts outweighs a large absolute count.

use super::common::{age_days, count, num, plural, pts, wt, Line};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn likes(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "likes",
        "Likes other posts",
        format!(
            "fewer than {} likes (or {} per post) after {} days costs; {}+ earns points",
            count(s.likes_few.max(0) as u64),
            num(s.likes_per_post_min),
            s.likes_age_days,
            count(s.likes_many.max(0) as u64)
        ),
        wt(s.likes_few_points).max(wt(s.likes_many_points)),
    );
    let Some(liked) = a.likes else {
        return line.not_seen("Like count");
    };
    let seen = plural(liked, "like", "likes");
    let age = age_days(a, now);
    let posts = a.tweets.unwrap_or(0);
    let judged = age.is_some_and(|d| d > s.likes_age_days as f64) && posts > 0;
    let near_zero = i128::from(liked) < i128::from(s.likes_few)
        || (liked as f64 / posts.max(1) as f64) < s.likes_per_post_min;
    if judged && near_zero {
        return line.seen(
            a,
            &format!("{seen} for {}", plural(posts, "post", "posts")),
            -pts(s.likes_few_points),
            "Posts but almost never likes anything: people like things, automated accounts rarely do.".to_string(),
        );
    }
    if i128::from(liked) >= i128::from(s.likes_many) {
        return line.seen(
            a,
            &seen,
            pts(s.likes_many_points),
            "Likes plenty of other people's posts, as people do.".to_string(),
        );
    }
    match age {
        None => line.not_seen(&format!("Account age (needed to judge its {seen})")),
        Some(d) if d <= s.likes_age_days as f64 => {
            line.seen(a, &seen, 0, "Too new to judge its likes.".to_string())
        }
        Some(_) if posts == 0 => line.seen(
            a,
            &seen,
            0,
            "Has not posted (or the post count is not seen), so its likes are not judged."
                .to_string(),
        ),
        Some(_) => line.seen(a, &seen, 0, "Likes some posts.".to_string()),
    }
}
