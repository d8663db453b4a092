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
use crate::evidence::msg;
use crate::evidence::{days_m, place_why, plural_m, ramp_place, unit, Line, Ramp};
use crate::message::{num, signed, Arg, Message};
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
        subject,
        "posts",
        "ev_posts_label",
        || {
            msg(
                "ev_posts_threshold",
                [
                    signed(r.low),
                    Arg::Msg(plural_m(r.from.max(0.0) as u64, unit::POST)),
                    signed(r.high),
                    Arg::Msg(plural_m(r.to.max(0.0) as u64, unit::POST)),
                ],
            )
        },
        r.weight(),
    );
    let Some(posts) = a.tweets else {
        return line.not_seen("ev_fact_post_count");
    };
    let points = r.points(posts as f64);
    let why = if posts == 0 {
        "ev_posts_why_never"
    } else if points < 0 {
        "ev_posts_why_few"
    } else {
        "ev_posts_why_enough"
    };
    line.seen(
        a,
        || {
            if posts == 0 {
                Message::bare(unit::POST.none)
            } else {
                plural_m(posts, unit::POST)
            }
        },
        points,
        || place_why(ramp_place(&r, points, unit::POST), why),
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
        subject,
        "activity",
        "ev_activity_label",
        || {
            msg(
                "ev_activity_threshold",
                [num(busy.from), signed(busy.high), num(busy.to)],
            )
        },
        busy.weight(),
    );
    let Some(posts) = a.tweets else {
        return line.not_seen("ev_fact_post_count");
    };
    let Some(age) = age_days(a, now) else {
        return line.not_seen_with(|| {
            msg(
                "ev_fact_age_for_rate",
                [Arg::Msg(plural_m(posts, unit::POST))],
            )
        });
    };
    let per_day = posts as f64 / rate_days(age);
    let seen = || {
        msg(
            "ev_activity_seen",
            [
                Arg::Msg(plural_m(posts, unit::POST)),
                Arg::Msg(days_m(age)),
                num(per_day),
            ],
        )
    };
    let points = busy.points(per_day);
    if points < 0 {
        line.seen(a, seen, points, || {
            msg(
                "ev_activity_why_busy",
                [
                    Arg::Msg(ramp_place(&busy, points, unit::POST_A_DAY)),
                    num(s.activity_daily_max),
                ],
            )
        })
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_activity_why_rate"))
    }
}
