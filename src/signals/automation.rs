//! Too much automation (seed heuristic 3, seed 000 §3): one line per sign of a
//! fed-through feed: link-only posts (Socialbakers, TwitCleaner), the same text
//! repeated (Socialbakers), machine-regular posting times (Chu et al.; Zhang &
//! Paxson) and more recent posts a day than a person types (TwitCleaner).

use super::posts::{self, above, percent, share_words};
use super::Subject;
use crate::evidence::{number, setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Own posts that are nothing but a link.
pub fn links(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "automation_links",
        "Link-only posts",
        format!(
            "at most {} of their own recent posts nothing but a link",
            percent(s.automation_link_only_share)
        ),
        setting_weight(s.automation_link_only_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let from = posts::source_phrase(subject.tweets);
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
        share_words(t.link_only, "own recent posts (reposts aside)")
    );
    if above(t.link_only, s.automation_link_only_share) {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.automation_link_only_points),
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
        "Repeated texts",
        format!("no text posted more than {limit} times"),
        setting_weight(s.automation_repeat_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let from = posts::source_phrase(subject.tweets);
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
            -setting_points(s.automation_repeat_points),
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
        "Posting times",
        format!(
            "gaps vary by at least {} of their mean; minutes and seconds bunched less than {}\u{d7} chance",
            number(s.automation_interval_cv_max),
            number(s.automation_clock_dispersion_min)
        ),
        setting_weight(s.automation_timing_points),
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
        seen.push(format!("gaps vary by {} of their mean", number(cv)));
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
        seen.push(format!(
            "{name} bunched {}\u{d7} chance",
            number(c.dispersion)
        ));
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
    let from = posts::source_phrase(subject.tweets);
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
            -setting_points(s.automation_timing_points),
            format!("Scheduled by a machine: {}.", signs.join(", and ")),
        )
    }
}

/// More recent posts a day than a person types: graded on a log scale from
/// `automation.daily_max` (nothing) to ten times it (the full penalty).
pub fn rate(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let r = crate::evidence::Ramp::new(
        s.automation_daily_max,
        s.automation_daily_max * 10.0,
        0,
        -s.automation_rate_points,
    );
    let line = Line::new(
        "automation_rate",
        "Recent posts a day",
        format!(
            "nothing up to {} a day, {} at {} a day or more, graded in between",
            number(r.from),
            crate::evidence::signed(r.high),
            number(r.to)
        ),
        r.weight(),
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
        number(per_day),
        t.timed,
        number(t.span_days)
    );
    let from = posts::source_phrase(subject.tweets);
    let points = r.points(per_day);
    if points < 0 {
        line.seen_from(
            &seen,
            from,
            points,
            format!(
                "{}. More posts a day lately than a person types; likely automated.",
                crate::evidence::ramp_place(&r, points, "posts a day")
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

/// Share of own recent posts (reposts aside) sent from a scheduling or feed
/// tool (Chu et al. 2010/2012: posting devices tell bots and cyborgs apart).
pub fn client(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let line = Line::new(
        "posting_client",
        "Posting app",
        format!(
            "nothing up to {} of own recent posts from scheduling or feed tools, {} at {} or more, graded in between",
            percent(s.client_share_from),
            crate::evidence::signed(-setting_points(s.client_points)),
            percent(s.client_share_full)
        ),
        setting_weight(s.client_points),
    );
    let own: Vec<&str> = subject
        .tweets
        .iter()
        .filter(|t| t.kind != crate::model::TweetKind::Repost)
        .filter_map(|t| t.client.as_deref())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let min = posts::min_posts(s).min(5);
    if own.len() < min {
        let mut e = line.not_seen(&format!(
            "The app of enough of their own recent posts ({} of the {min} needed)",
            own.len()
        ));
        e.weight = 0;
        return e;
    }
    let tools: Vec<String> = s.client_keywords.iter().map(|k| k.to_lowercase()).collect();
    let is_tool = |c: &str| {
        let c = c.to_lowercase();
        tools
            .iter()
            .any(|k| !k.is_empty() && c.contains(k.as_str()))
    };
    let mut by_tool: Vec<(&str, usize)> = Vec::new();
    for c in own.iter().copied().filter(|c| is_tool(c)) {
        match by_tool
            .iter_mut()
            .find(|(name, _)| name.eq_ignore_ascii_case(c))
        {
            Some((_, n)) => *n += 1,
            None => by_tool.push((c, 1)),
        }
    }
    by_tool.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let tooled: usize = by_tool.iter().map(|(_, n)| n).sum();
    let share = tooled as f64 / own.len() as f64;
    let names: Vec<&str> = by_tool.iter().take(3).map(|(c, _)| *c).collect();
    let seen = if tooled == 0 {
        format!("no tool among the apps of {} own recent posts", own.len())
    } else {
        format!(
            "{tooled} of {} own recent posts from {}",
            own.len(),
            names.join(", ")
        )
    };
    let (from, full) = (s.client_share_from, s.client_share_full);
    let max = setting_points(s.client_points);
    let points = if share <= from || max == 0 {
        0
    } else if share >= full || full <= from {
        -max
    } else {
        -((f64::from(max) * (share - from) / (full - from)).round() as i32).clamp(0, max)
    };
    let from_where = posts::source_phrase(subject.tweets);
    if points < 0 {
        line.seen_from(
            &seen,
            from_where,
            points,
            format!(
                "{} of {}: the full penalty at {}. Most of their posts go out through a scheduling or feed tool: fed in, not typed.",
                crate::evidence::signed(points),
                crate::evidence::signed(-max),
                percent(full)
            ),
        )
    } else {
        line.seen_from(
            &seen,
            from_where,
            0,
            "Their posts are mostly typed in X's own apps or ordinary clients.".to_string(),
        )
    }
}
