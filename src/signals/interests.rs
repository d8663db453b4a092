//! Shared interests (seed heuristic 7, seeds 001 and 004): the person's own
//! interest keywords (`interests.keywords`, empty until they fill it in)
//! matched in the bio and recent posts; each distinct interest earns points,
//! bounded. With no interests listed the line says so, with no points and no
//! weight, so an empty list does not lower confidence.

use super::posts;
use super::Subject;
use crate::analysis::NormalizedText;
use crate::evidence::msg;
use crate::evidence::quoted_m;
use crate::evidence::{plural_m, setting_points, setting_weight, source_id, unit, Line};
use crate::message::{Arg, Message};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn interests(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let set = prepared::keyword_set(subject, s, KeywordList::Interests);
    let max = setting_weight(s.interests_max_points);
    if set.is_empty() {
        return Line::new(
            subject,
            "interests",
            "ev_interests_label",
            || Message::bare("ev_interests_threshold_none"),
            0,
        )
        .unseen_because(|| Message::bare("ev_interests_why_none_listed"));
    }
    let line = Line::new(
        subject,
        "interests",
        "ev_interests_label",
        || {
            msg(
                "ev_interests_threshold",
                [Arg::Msg(plural_m(set.len() as u64, unit::INTEREST))],
            )
        },
        max,
    );
    let a = subject.account;
    if a.bio.is_none() && subject.tweets.is_empty() {
        return line.not_seen("ev_fact_bio_and_posts");
    }
    let mut found: Vec<String> = Vec::new();
    let mut add = |hits: &mut dyn Iterator<Item = &str>| {
        for h in hits {
            if !found.iter().any(|f| f == h) {
                found.push(h.to_string());
            }
        }
    };
    let posts_matching = match subject.prepared {
        // The bio and posts matched once per account (its kept features).
        Some(p) => {
            add(&mut p.features.bio_hits(KeywordList::Interests));
            add(&mut p.features.interests_in_posts.iter().map(String::as_str));
            p.features.posts_with_interests
        }
        None => {
            if let Some(bio) = a.bio.as_deref() {
                add(&mut set.matches(bio).into_iter());
            }
            let mut posts_matching = 0usize;
            for t in subject.tweets {
                let hits = set.matches_in(&NormalizedText::new(&t.text));
                if !hits.is_empty() {
                    posts_matching += 1;
                }
                add(&mut hits.into_iter());
            }
            posts_matching
        }
    };
    let looked = || {
        Arg::Msg(match (a.bio.is_some(), subject.tweets.len()) {
            (true, 0) => Message::bare("ev_interests_looked_bio"),
            (false, n) => plural_m(n as u64, unit::RECENT_POST),
            (true, n) => msg(
                "ev_interests_looked_both",
                [Arg::Msg(plural_m(n as u64, unit::RECENT_POST))],
            ),
        })
    };
    let from = if subject.tweets.is_empty() {
        source_id(a.source)
    } else {
        posts::source_phrase(subject)
    };
    if found.is_empty() {
        return line.seen_from(
            || msg("ev_begging_seen_none", [looked()]),
            from,
            0,
            || Message::bare("ev_interests_why_none"),
        );
    }
    let per = i64::from(setting_points(s.interests_points_per_match));
    let points = (per.saturating_mul(found.len() as i64)).min(i64::from(max));
    line.seen_from(
        || {
            let found_in = msg("ev_found_in", [quoted_m(&found), looked()]);
            if posts_matching > 0 {
                msg(
                    "ev_interests_seen_matching",
                    [
                        Arg::Msg(found_in),
                        Arg::Msg(plural_m(posts_matching as u64, unit::POST)),
                    ],
                )
            } else {
                found_in
            }
        },
        from,
        setting_points(points),
        || Message::bare("ev_interests_why_found"),
    )
}
