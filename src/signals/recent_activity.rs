//! Recent activity (seed heuristic 12): days since the newest post seen
//! (inactive after 90 days: Socialbakers, SparkToro; quiet after 30:
//! TwitCleaner, ManageFlitter) and recent posts per week ("if they tweet once
//! a week I skip them", seed 004).
//!
//! The newest post seen is a lower bound on how recent their last post is:
//! when only a few of their posts were seen, the account may be more active.

use super::posts;
use super::Subject;
use crate::evidence::msg;
use crate::evidence::{
    days_m, plural_m, ramp_place, setting_points, setting_weight, unit, Line, Ramp,
};
use crate::message::{num, signed, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Days since the newest post seen.
pub fn last_post(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let weight = [
        s.recent_inactive_points,
        s.recent_quiet_points,
        s.recent_active_points,
    ]
    .into_iter()
    .map(setting_weight)
    .max()
    .unwrap_or(0);
    let quiet = || Arg::Msg(days_m(s.recent_quiet_days.max(0) as f64));
    let inactive = || Arg::Msg(days_m(s.recent_inactive_days.max(0) as f64));
    let line = Line::new(
        subject,
        "last_post",
        "ev_last_post_label",
        || msg("ev_last_post_threshold", [quiet(), inactive()]),
        weight,
    );
    let t = match posts::recent(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let Some(days) = t.days_since_last_post_at(now) else {
        return line.not_seen("ev_fact_post_time");
    };
    let seen = || {
        if days < 1.0 {
            Message::bare("ev_last_post_seen_today")
        } else {
            msg("ev_last_post_seen", [Arg::Msg(days_m(days))])
        }
    };
    let from = posts::source_phrase(subject);
    if days > s.recent_inactive_days as f64 {
        line.seen_from(
            seen,
            from,
            -setting_points(s.recent_inactive_points),
            || msg("ev_last_post_why_abandoned", [inactive()]),
        )
    } else if days > s.recent_quiet_days as f64 {
        line.seen_from(seen, from, -setting_points(s.recent_quiet_points), || {
            msg("ev_last_post_why_quiet", [quiet()])
        })
    } else {
        line.seen_from(seen, from, setting_points(s.recent_active_points), || {
            Message::bare("ev_last_post_why_active")
        })
    }
}

/// Recent posts per week, from the oldest recent post until now: below
/// `recent.weekly_min` the penalty grows on a log scale, full at a tenth of it.
pub fn recent_rate(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let r = Ramp::ratio(
        s.recent_weekly_min / 10.0,
        s.recent_weekly_min,
        -s.recent_slow_points,
        0,
    );
    let line = Line::new(
        subject,
        "recent_rate",
        "ev_recent_rate_label",
        || {
            msg(
                "ev_recent_rate_threshold",
                [num(r.to), signed(r.low), num(r.from)],
            )
        },
        r.weight(),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let Some(per_day) = t.posts_per_day_to_now_at(now) else {
        return line.not_seen("ev_fact_post_times");
    };
    let per_week = per_day * 7.0;
    let days = t
        .oldest_at
        .map_or(0.0, |o| now.saturating_sub(o).max(0) as f64 / 86_400.0);
    let seen = || {
        msg(
            "ev_recent_rate_seen",
            [
                num(per_week),
                Arg::Msg(plural_m(t.timed as u64, unit::POST)),
                Arg::Msg(days_m(days)),
            ],
        )
    };
    let from = posts::source_phrase(subject);
    let points = r.points(per_week);
    if points < 0 {
        line.seen_from(seen, from, points, || {
            msg(
                "ev_recent_rate_why_slow",
                [
                    Arg::Msg(ramp_place(&r, points, unit::POST_A_WEEK)),
                    num(s.recent_weekly_min),
                ],
            )
        })
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_recent_rate_why_often"))
    }
}
