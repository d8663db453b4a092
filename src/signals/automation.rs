//! Too much automation (seed heuristic 3, seed 000 §3): one line per sign of a
//! fed-through feed: link-only posts (Socialbakers, TwitCleaner), the same text
//! repeated (Socialbakers), machine-regular posting times (Chu et al.; Zhang &
//! Paxson) and more recent posts a day than a person types (TwitCleaner).

use super::posts::{self, above, percent, share_words};
use super::Subject;
use crate::evidence::msg;
use crate::evidence::{ramp_place, setting_points, setting_weight, unit, Line};
use crate::message::{int, num, signed, text, uint, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The posting apps of the account's own posts (not reposts).
pub struct ClientCounts<'t> {
    /// Own posts naming an app.
    pub own: usize,
    /// The apps matching a tool keyword with their post counts, most first
    /// (names as the first post wrote them).
    pub by_tool: Vec<(&'t str, usize)>,
    /// Own posts from a tool.
    pub tooled: usize,
}

/// Counts the apps of `tweets` against `tools` (lower-case keywords).
pub fn client_counts<'t>(tweets: &'t [crate::model::Tweet], tools: &[String]) -> ClientCounts<'t> {
    let own: Vec<&str> = tweets
        .iter()
        .filter(|t| t.kind != crate::model::TweetKind::Repost)
        .filter_map(|t| t.client.as_deref())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let is_tool = |c: &str| {
        let c = crate::case::lower(c);
        tools
            .iter()
            .any(|k| !k.is_empty() && crate::analysis::tokens::contains(&c, k))
    };
    let mut by_tool: Vec<(&str, usize)> = Vec::new();
    // Most posts come from the app of the post before: its answer is kept.
    let mut last: Option<(&str, bool)> = None;
    for c in own.iter().copied() {
        let tool = match last {
            Some((seen, tool)) if seen == c => tool,
            _ => {
                let tool = is_tool(c);
                last = Some((c, tool));
                tool
            }
        };
        if !tool {
            continue;
        }
        match by_tool
            .iter_mut()
            .find(|(name, _)| name.eq_ignore_ascii_case(c))
        {
            Some((_, n)) => *n += 1,
            None => by_tool.push((c, 1)),
        }
    }
    crate::sort::by_key(&mut by_tool, |(_, n)| std::cmp::Reverse(*n));
    let tooled = by_tool.iter().map(|(_, n)| n).sum();
    ClientCounts {
        own: own.len(),
        by_tool,
        tooled,
    }
}

/// Own posts that are nothing but a link.
pub fn links(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "automation_links",
        "ev_links_label",
        || {
            msg(
                "ev_links_threshold",
                [percent(s.automation_link_only_share)],
            )
        },
        setting_weight(s.automation_link_only_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let from = posts::source_phrase(subject);
    if t.authored == 0 {
        return line.seen_from(
            || msg("ev_links_seen_reposts", [uint(t.n as u64)]),
            from,
            0,
            || Message::bare("ev_links_why_reposts"),
        );
    }
    let seen = || {
        msg(
            "ev_links_seen",
            [share_words(t.link_only, "ev_share_own_posts")],
        )
    };
    if above(t.link_only, s.automation_link_only_share) {
        line.seen_from(
            seen,
            from,
            -setting_points(s.automation_link_only_points),
            || Message::bare("ev_links_why_links"),
        )
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_links_why_words"))
    }
}

/// The same text posted again and again.
pub fn repeats(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let limit = s.automation_repeat_copies.max(1);
    let line = Line::new(
        subject,
        "automation_repeats",
        "ev_repeats_label",
        || msg("ev_repeats_threshold", [int(limit)]),
        setting_weight(s.automation_repeat_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let from = posts::source_phrase(subject);
    let d = &t.duplicates;
    if d.considered == 0 {
        return line.seen_from(
            || msg("ev_repeats_seen_none", [uint(t.n as u64)]),
            from,
            0,
            || Message::bare("ev_repeats_why_none"),
        );
    }
    let seen = || {
        if d.max_copies >= 2 {
            msg(
                "ev_repeats_seen",
                [uint(d.max_copies as u64), uint(d.considered as u64)],
            )
        } else {
            msg("ev_repeats_seen_no", [uint(d.considered as u64)])
        }
    };
    if i64::try_from(d.max_copies).unwrap_or(i64::MAX) > limit {
        line.seen_from(
            seen,
            from,
            -setting_points(s.automation_repeat_points),
            || Message::bare("ev_repeats_why_repeats"),
        )
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_repeats_why_no"))
    }
}

/// Posting times a machine keeps: regular gaps, bunched clock times, or
/// minutes spread more evenly than chance.
pub fn timing(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "automation_timing",
        "ev_timing_label",
        || {
            msg(
                "ev_timing_threshold",
                [
                    num(s.automation_interval_cv_max),
                    num(s.automation_clock_dispersion_min),
                ],
            )
        },
        setting_weight(s.automation_timing_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    if t.timed < posts::min_posts(s) {
        return line.not_seen_with(|| {
            msg(
                "ev_fact_enough_post_times",
                [uint(t.timed as u64), uint(posts::min_posts(s) as u64)],
            )
        });
    }
    // The words are only kept when explaining (no allocation on the fast
    // path); `machine` says whether any sign was found.
    let explain = subject.explain();
    let mut seen: Vec<(&'static str, f64)> = Vec::new();
    let mut signs: Vec<&'static str> = Vec::new();
    let mut machine = false;
    let mut sign = |id: &'static str, signs: &mut Vec<&'static str>| {
        machine = true;
        if explain {
            signs.push(id);
        }
    };
    if let Some(cv) = t.intervals.cv {
        if explain {
            seen.push(("ev_timing_seen_gaps", cv));
        }
        if cv < s.automation_interval_cv_max {
            sign("ev_timing_sign_gaps", &mut signs);
        }
    }
    let even_from = usize::try_from(s.automation_clock_even_min_posts).unwrap_or(usize::MAX);
    for (clock, minute) in [(&t.minute_of_hour, true), (&t.second_of_minute, false)] {
        let Some(c) = clock else { continue };
        if explain {
            seen.push((
                if minute {
                    "ev_timing_seen_minute"
                } else {
                    "ev_timing_seen_second"
                },
                c.dispersion,
            ));
        }
        if c.dispersion >= s.automation_clock_dispersion_min {
            sign(
                if minute {
                    "ev_timing_sign_minutes"
                } else {
                    "ev_timing_sign_seconds"
                },
                &mut signs,
            );
        } else if minute && c.n >= even_from && c.dispersion < s.automation_clock_even_dispersion {
            sign("ev_timing_sign_even", &mut signs);
        }
    }
    let seen = || {
        let parts = seen
            .iter()
            .map(|(id, v)| msg(id, [num(*v)]))
            .reduce(|acc, next| msg("ev_semicolon", [Arg::Msg(acc), Arg::Msg(next)]))
            .unwrap_or(Message::EMPTY);
        msg("ev_timing_seen", [Arg::Msg(parts), uint(t.timed as u64)])
    };
    let from = posts::source_phrase(subject);
    if !machine {
        line.seen_from(seen, from, 0, || Message::bare("ev_timing_why_person"))
    } else {
        line.seen_from(
            seen,
            from,
            -setting_points(s.automation_timing_points),
            || {
                let joined = signs
                    .iter()
                    .map(|id| Message::bare(id))
                    .reduce(|acc, next| msg("ev_comma_and", [Arg::Msg(acc), Arg::Msg(next)]))
                    .unwrap_or(Message::EMPTY);
                msg("ev_timing_why_machine", [Arg::Msg(joined)])
            },
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
        subject,
        "automation_rate",
        "ev_rate_label",
        || {
            msg(
                "ev_rate_threshold",
                [num(r.from), signed(r.high), num(r.to)],
            )
        },
        r.weight(),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let Some(per_day) = t.posts_per_day else {
        return line.not_seen("ev_fact_post_times");
    };
    let seen = || {
        msg(
            "ev_rate_seen",
            [num(per_day), uint(t.timed as u64), num(t.span_days)],
        )
    };
    let from = posts::source_phrase(subject);
    let points = r.points(per_day);
    if points < 0 {
        line.seen_from(seen, from, points, || {
            msg(
                "ev_rate_why_fast",
                [Arg::Msg(ramp_place(&r, points, unit::POST_A_DAY))],
            )
        })
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_rate_why_person"))
    }
}

/// Share of own recent posts (reposts aside) sent from a scheduling or feed
/// tool (Chu et al. 2010/2012: posting devices tell bots and cyborgs apart).
pub fn client(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "posting_client",
        "ev_client_label",
        || {
            msg(
                "ev_client_threshold",
                [
                    percent(s.client_share_from),
                    signed(-setting_points(s.client_points)),
                    percent(s.client_share_full),
                ],
            )
        },
        setting_weight(s.client_points),
    );
    // The counts kept with the account's features serve the fast path, and
    // the explained one too when no post came from a tool; only tools' names
    // to show need the posts counted again.
    let counts = match subject.prepared {
        Some(p) if !p.explain || p.features.clients.tooled == 0 => ClientCounts {
            own: p.features.clients.own,
            by_tool: Vec::new(),
            tooled: p.features.clients.tooled,
        },
        Some(p) => client_counts(subject.tweets, p.matchers.client_tools()),
        None => {
            let tools: Vec<String> = s
                .client_keywords
                .iter()
                .map(|k| crate::case::lower(k))
                .collect();
            client_counts(subject.tweets, &tools)
        }
    };
    let own_len = counts.own;
    let min = posts::min_posts(s).min(5);
    if own_len < min {
        let mut e = line.not_seen_with(|| {
            msg(
                "ev_fact_enough_apps",
                [uint(own_len as u64), uint(min as u64)],
            )
        });
        e.weight = 0;
        return e;
    }
    let tooled = counts.tooled;
    let share = tooled as f64 / own_len as f64;
    let names: Vec<&str> = counts.by_tool.iter().take(3).map(|(c, _)| *c).collect();
    let seen = || {
        if tooled == 0 {
            msg("ev_client_seen_none", [uint(own_len as u64)])
        } else {
            msg(
                "ev_client_seen",
                [
                    uint(tooled as u64),
                    uint(own_len as u64),
                    Arg::List(names.iter().map(|n| text(*n)).collect()),
                ],
            )
        }
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
    let from_where = posts::source_phrase(subject);
    if points < 0 {
        line.seen_from(seen, from_where, points, || {
            msg(
                "ev_client_why_tool",
                [signed(points), signed(-max), percent(full)],
            )
        })
    } else {
        line.seen_from(seen, from_where, 0, || Message::bare("ev_client_why_typed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Tweet, TweetKind};
    use proptest::prelude::*;

    /// [`client_counts`] before it kept the answer for a repeated app and
    /// searched bytes: the reference.
    fn reference<'t>(tweets: &'t [Tweet], tools: &[String]) -> ClientCounts<'t> {
        let own: Vec<&str> = tweets
            .iter()
            .filter(|t| t.kind != TweetKind::Repost)
            .filter_map(|t| t.client.as_deref())
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
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
        crate::sort::by_key(&mut by_tool, |(_, n)| std::cmp::Reverse(*n));
        let tooled = by_tool.iter().map(|(_, n)| n).sum();
        ClientCounts {
            own: own.len(),
            by_tool,
            tooled,
        }
    }

    const APPS: &[&str] = &[
        "Twitter for iPhone",
        "Buffer",
        "buffer",
        " dlvr.it ",
        "IFTTT",
        "Hootsuite Inc.",
        "",
        "  ",
        "ÜberPost",
        "İFTTT",
    ];
    const TOOLS: &[&str] = &["buffer", "dlvr", "ifttt", "", "über", "i̇fttt", "post"];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(800))]

        #[test]
        fn client_counts_agree(
            posts in proptest::collection::vec((0usize..APPS.len() + 1, any::<bool>()), 0..30),
            tools in proptest::collection::vec(0usize..TOOLS.len(), 0..4),
        ) {
            let tweets: Vec<Tweet> = posts
                .iter()
                .map(|&(app, repost)| Tweet {
                    client: APPS.get(app).map(|a| a.to_string()),
                    kind: if repost { TweetKind::Repost } else { TweetKind::Original },
                    ..Tweet::default()
                })
                .collect();
            let tools: Vec<String> = tools
                .iter()
                .filter_map(|&i| TOOLS.get(i).map(|t| t.to_string()))
                .collect();
            let (new, old) = (client_counts(&tweets, &tools), reference(&tweets, &tools));
            prop_assert_eq!(new.own, old.own);
            prop_assert_eq!(new.tooled, old.tooled);
            prop_assert_eq!(new.by_tool, old.by_tool);
        }
    }
}
