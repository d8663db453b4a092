//! Recent activity (seed heuristic 12): days since the newest post seen
//! (inactive after 90 days: Socialbakers, SparkToro; quiet after 30:
//! TwitCleaner, ManageFlitter) and recent posts per week ("if they tweet once
//! a week I skip them", seed 004).
//!
//! The newest post seen is a lower bound on how recent their last post is:
//! when only a few of their posts were seen, the account may be more active.

use super::posts;
use super::Subject;
use crate::evidence::{
    days_words, number, plural, ramp_place, setting_points, setting_weight, signed, Line, Ramp,
};
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
    let line = Line::new(
        "last_post",
        "Last post",
        format!(
            "within {} (quiet after that, inactive after {})",
            days_words(s.recent_quiet_days.max(0) as f64),
            days_words(s.recent_inactive_days.max(0) as f64)
        ),
        weight,
    );
    let t = match posts::recent(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let Some(days) = t.days_since_last_post else {
        return line.not_seen("The time of any recent post");
    };
    let seen = if days < 1.0 {
        "newest post seen today".to_string()
    } else {
        format!("newest post seen {} ago", days_words(days))
    };
    let from = posts::source_phrase(subject.tweets);
    if days > s.recent_inactive_days as f64 {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.recent_inactive_points),
            format!(
                "Nothing posted for more than {}: the account looks abandoned.",
                days_words(s.recent_inactive_days.max(0) as f64)
            ),
        )
    } else if days > s.recent_quiet_days as f64 {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.recent_quiet_points),
            format!(
                "Nothing posted for more than {}: quiet lately.",
                days_words(s.recent_quiet_days.max(0) as f64)
            ),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            setting_points(s.recent_active_points),
            "Posted recently: an active account.".to_string(),
        )
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
        "recent_rate",
        "Recent posts a week",
        format!(
            "nothing from {} a week, {} at {} a week or fewer, graded in between",
            number(r.to),
            signed(r.low),
            number(r.from)
        ),
        r.weight(),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let Some(per_day) = t.posts_per_day_to_now else {
        return line.not_seen("Post times");
    };
    let per_week = per_day * 7.0;
    let days = t
        .oldest_at
        .map_or(0.0, |o| now.saturating_sub(o).max(0) as f64 / 86_400.0);
    let seen = format!(
        "{} a week ({} in the last {})",
        number(per_week),
        plural(t.timed as u64, "post", "posts"),
        days_words(days)
    );
    let from = posts::source_phrase(subject.tweets);
    let points = r.points(per_week);
    if points < 0 {
        line.seen_from(
            &seen,
            from,
            points,
            format!(
                "{}. Fewer than {} posts a week lately: too quiet to add much to your timeline.",
                ramp_place(&r, points, "posts a week"),
                number(s.recent_weekly_min)
            ),
        )
    } else {
        line.seen_from(&seen, from, 0, "Posts often enough lately.".to_string())
    }
}
