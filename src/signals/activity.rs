//! Posting over the account's life (seed heuristic 12). Two lines:
//! - posts ever: never posted (Socialbakers) or fewer than 10 posts
//!   (TwitCleaner) is too little to follow; graded on a log scale up to a
//!   modest reward, because many spam accounts post a lot too;
//! - the lifetime posting rate: only the extremes cost points, because its
//!   direction is not stable across populations (busy people outnumber bots
//!   above 24 posts a day on most sets; regular spambots post at a "healthy"
//!   rate): only far more than a person types costs; any other rate earns
//!   nothing (how recently and how often they post lately is judged from
//!   recent posts, seed 004).

use super::Subject;
use crate::evidence::{days_words, number, plural, ramp_place, signed, Line, Ramp};
use crate::observed::{age_days, rate_days};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The posts-ever ramp from the settings.
pub fn posts_ramp(s: &Settings) -> Ramp {
    Ramp::new(
        s.activity_few_posts as f64,
        s.activity_many_posts as f64,
        -s.activity_never_points,
        s.activity_many_points,
    )
}

/// Posts ever, graded.
pub fn posts_ever(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let r = posts_ramp(s);
    let line = Line::new(
        "posts",
        "Posts",
        format!(
            "{} at {} or fewer, {} at {} or more, graded in between",
            signed(r.low),
            plural(r.from.max(0.0) as u64, "post", "posts"),
            signed(r.high),
            plural(r.to.max(0.0) as u64, "post", "posts")
        ),
        r.weight(),
    );
    let Some(posts) = a.tweets else {
        return line.not_seen("Post count");
    };
    let points = r.points(posts as f64);
    let why = if posts == 0 {
        "Has never posted: nothing to follow, and a common mark of fake followers."
    } else if points < 0 {
        "Very few posts: too little to follow."
    } else {
        "Enough posts to see what they share."
    };
    let seen = if posts == 0 {
        "no posts".to_string()
    } else {
        plural(posts, "post", "posts")
    };
    line.seen(
        a,
        &seen,
        points,
        format!("{}. {why}", ramp_place(&r, points, "posts")),
    )
}

/// The lifetime posting rate: only the extreme high end costs points.
pub fn activity(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    // From 0 at `daily_max` a day to the full penalty at ten times it.
    let busy = Ramp::new(
        s.activity_daily_max,
        s.activity_daily_max * 10.0,
        0,
        -s.activity_busy_points,
    );
    let line = Line::new(
        "activity",
        "Posting rate",
        format!(
            "nothing up to {} posts a day over the account's life; {} at {} a day or more, graded in between",
            number(busy.from),
            signed(busy.high),
            number(busy.to)
        ),
        busy.weight(),
    );
    let Some(posts) = a.tweets else {
        return line.not_seen("Post count");
    };
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
        number(per_day)
    );
    let points = busy.points(per_day);
    if points < 0 {
        line.seen(
            a,
            &seen,
            points,
            format!(
                "{}. Far more than {} posts a day for its whole life: more than a person types.",
                ramp_place(&busy, points, "posts a day"),
                number(s.activity_daily_max)
            ),
        )
    } else {
        line.seen(
            a,
            &seen,
            0,
            "A rate alone does not show who is posting (busy people post a lot, spam tools post steadily), so it earns nothing.".to_string(),
        )
    }
}
