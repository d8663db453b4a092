//! Too much automation (seed heuristic 3, seed 000 §3): one line per sign of a
//! fed-through feed: link-only posts (Socialbakers, TwitCleaner), the same text
//! repeated (Socialbakers), machine-regular posting times (Chu et al.; Zhang &
//! Paxson) and more recent posts a day than a person types (TwitCleaner).

use super::common::{num, pts, wt, Line};
use super::posts::{self, above, of, pct};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Own posts that are nothing but a link.
pub fn links(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "automation_links",
        "Link-only posts",
        format!(
            "at most {} of their own recent posts nothing but a link",
            pct(s.automation_link_only_share)
        ),
        wt(s.automation_link_only_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let from = posts::from(subject.tweets);
    if t.authored == 0 {
        return line.seen_from(
            &format!("no posts of their own among {} recent posts", t.n),
            from,
            0,
            "Only reposts: no links of their own to judge (variety covers reposts).".to_string(),
        );
    }
    let seen = format!(
        "{} link-only",
        of(t.link_only, "own recent posts (reposts aside)")
    );
    if above(t.link_only, s.automation_link_only_share) {
        line.seen_from(
            &seen,
            from,
            -pts(s.automation_link_only_points),
            "Almost nothing but links: the feed looks fed in by a tool, not written by a person."
                .to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "Their posts have words of their own, not just links.".to_string(),
        )
    }
}

/// The same text posted again and again.
pub fn repeats(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let limit = s.automation_repeat_copies.max(1);
    let line = Line::new(
        "automation_repeats",
        "Same text repeated",
        format!("no text posted more than {limit} times"),
        wt(s.automation_repeat_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let from = posts::from(subject.tweets);
    let d = &t.duplicates;
    if d.considered == 0 {
        return line.seen_from(
            &format!("no texts to compare among {} recent posts", t.n),
            from,
            0,
            "None of their own posts has text to compare.".to_string(),
        );
    }
    let seen = if d.max_copies >= 2 {
        format!(
            "the same text {} times among {} own recent posts",
            d.max_copies, d.considered
        )
    } else {
        format!("no text repeated among {} own recent posts", d.considered)
    };
    if i64::try_from(d.max_copies).unwrap_or(i64::MAX) > limit {
        line.seen_from(
            &seen,
            from,
            -pts(s.automation_repeat_points),
            "Posting the same text over and over is what scheduling tools and spam bots do."
                .to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "They do not keep posting the same text.".to_string(),
        )
    }
}

/// Posting times a machine keeps: regular gaps, bunched clock times, or
/// minutes spread more evenly than chance.
pub fn timing(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "automation_timing",
        "Machine-regular posting times",
        format!(
            "gaps vary by at least {} of their mean; minutes and seconds bunched less than {}\u{d7} chance",
            num(s.automation_interval_cv_max),
            num(s.automation_clock_dispersion_min)
        ),
        wt(s.automation_timing_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    if t.timed < posts::min_posts(s) {
        return line.not_seen(&format!(
            "Enough post times ({} of the {} needed)",
            t.timed,
            posts::min_posts(s)
        ));
    }
    let mut seen = Vec::new();
    let mut signs = Vec::new();
    if let Some(cv) = t.intervals.cv {
        seen.push(format!("gaps vary by {} of their mean", num(cv)));
        if cv < s.automation_interval_cv_max {
            signs.push("the gaps between posts are almost all the same");
        }
    }
    let even_from = usize::try_from(s.automation_clock_even_min_posts).unwrap_or(usize::MAX);
    for (clock, name) in [
        (&t.minute_of_hour, "minute of the hour"),
        (&t.second_of_minute, "second of the minute"),
    ] {
        let Some(c) = clock else { continue };
        seen.push(format!("{name} bunched {}\u{d7} chance", num(c.dispersion)));
        if c.dispersion >= s.automation_clock_dispersion_min {
            signs.push(if name.starts_with("minute") {
                "posts go out at the same minutes of the hour"
            } else {
                "posts go out at the same second of the minute"
            });
        } else if name.starts_with("minute")
            && c.n >= even_from
            && c.dispersion < s.automation_clock_even_dispersion
        {
            signs.push("posts cycle through the minutes of the hour more evenly than chance");
        }
    }
    let seen = format!("{} over {} timed posts", seen.join("; "), t.timed);
    let from = posts::from(subject.tweets);
    if signs.is_empty() {
        line.seen_from(
            &seen,
            from,
            0,
            "Posting times vary the way a person's do.".to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            -pts(s.automation_timing_points),
            format!("Scheduled by a machine: {}.", signs.join(", and ")),
        )
    }
}

/// More recent posts a day than a person types.
pub fn rate(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "automation_rate",
        "Recent posts a day",
        format!("at most {} a day", num(s.automation_daily_max)),
        wt(s.automation_rate_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let Some(per_day) = t.posts_per_day else {
        return line.not_seen("Post times");
    };
    let seen = format!(
        "{} a day over {} recent posts in {} days",
        num(per_day),
        t.timed,
        num(t.span_days)
    );
    let from = posts::from(subject.tweets);
    if per_day > s.automation_daily_max {
        line.seen_from(
            &seen,
            from,
            -pts(s.automation_rate_points),
            format!(
                "More than {} posts a day lately: more than a person types; likely automated.",
                num(s.automation_daily_max)
            ),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "Posts at a rate a person keeps up.".to_string(),
        )
    }
}
