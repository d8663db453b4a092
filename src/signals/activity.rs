//! Posting activity (seed heuristic 12): never posted (Socialbakers), fewer than
//! 10 posts (TwitCleaner), less than once a week over the account's life (seed
//! 004), more than 24 a day (TwitCleaner automation); a healthy rate earns points.

use super::common::{age_days, count, days_words, num, plural, pts, rate_days, wt, Line};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn activity(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let weight = [
        s.activity_never_points,
        s.activity_few_points,
        s.activity_slow_points,
        s.activity_busy_points,
        s.activity_healthy_points,
    ]
    .into_iter()
    .map(wt)
    .max()
    .unwrap_or(0);
    let line = Line::new(
        "activity",
        "Posting rate",
        format!(
            "at least {}; {} a week to {} a day over the account's life",
            plural(s.activity_few_posts.max(0) as u64, "post", "posts"),
            num(s.activity_weekly_min),
            num(s.activity_daily_max)
        ),
        weight,
    );
    let Some(posts) = a.tweets else {
        return line.not_seen("Post count");
    };
    if posts == 0 {
        return line.seen(
            a,
            "no posts",
            -pts(s.activity_never_points),
            "Has never posted: nothing to follow, and a common mark of fake followers.".to_string(),
        );
    }
    if i128::from(posts) < i128::from(s.activity_few_posts) {
        return line.seen(
            a,
            &plural(posts, "post", "posts"),
            -pts(s.activity_few_points),
            format!(
                "Fewer than {} posts: too little to follow.",
                count(s.activity_few_posts.max(0) as u64)
            ),
        );
    }
    let Some(age) = age_days(a, now) else {
        return line.not_seen(&format!(
            "Account age (needed for the rate of its {})",
            plural(posts, "post", "posts")
        ));
    };
    let per_day = posts as f64 / rate_days(age);
    let seen = format!(
        "{} in {} ({} a day)",
        plural(posts, "post", "posts"),
        days_words(age),
        num(per_day)
    );
    if per_day > s.activity_daily_max {
        line.seen(
            a,
            &seen,
            -pts(s.activity_busy_points),
            format!(
                "More than {} posts a day for its whole life: more than a person types; likely automated.",
                num(s.activity_daily_max)
            ),
        )
    } else if per_day * 7.0 < s.activity_weekly_min {
        line.seen(
            a,
            &seen,
            -pts(s.activity_slow_points),
            format!(
                "Fewer than {} posts a week on average: too quiet to add much to your timeline.",
                num(s.activity_weekly_min)
            ),
        )
    } else {
        line.seen(
            a,
            &seen,
            pts(s.activity_healthy_points),
            "Posts regularly, at a rate a person keeps up.".to_string(),
        )
    }
}
