//! Shared interests (seed heuristic 7, seeds 001 and 004): the person's own
//! interest keywords (`interests.keywords`, empty until they fill it in)
//! matched in the bio and recent posts; each distinct interest earns points,
//! bounded. With no interests listed the line says so, with no points and no
//! weight, so an empty list does not lower confidence.

use super::posts;
use super::Subject;
use crate::analysis::NormalizedText;
use crate::evidence::quoted;
use crate::evidence::{plural, setting_points, setting_weight, Line};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn interests(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let set = prepared::keyword_set(subject, s, KeywordList::Interests);
    let max = setting_weight(s.interests_max_points);
    if set.is_empty() {
        return Evidence {
            signal: "interests".to_string(),
            label: "Shared interests".to_string(),
            seen: None,
            threshold: "your interests, listed in options".to_string(),
            points: 0,
            weight: 0,
            reason: "Your interests not seen yet: add your interests in options to match bios and posts against them.".to_string(),
        };
    }
    let line = Line::new(
        "interests",
        "Shared interests",
        format!(
            "any of your {} in the bio or recent posts",
            plural(set.len() as u64, "interest", "interests")
        ),
        max,
    );
    let a = subject.account;
    if a.bio.is_none() && subject.tweets.is_empty() {
        return line.not_seen("Bio and recent posts");
    }
    let mut found: Vec<String> = Vec::new();
    let mut add = |hits: Vec<&str>| {
        for h in hits {
            if !found.iter().any(|f| f == h) {
                found.push(h.to_string());
            }
        }
    };
    if let Some(bio) = a.bio.as_deref() {
        add(set.matches(bio));
    }
    let mut posts_matching = 0usize;
    for t in subject.tweets {
        let hits = set.matches_in(&NormalizedText::new(&t.text));
        if !hits.is_empty() {
            posts_matching += 1;
        }
        add(hits);
    }
    let looked = match (a.bio.is_some(), subject.tweets.len()) {
        (true, 0) => "the bio".to_string(),
        (false, n) => plural(n as u64, "recent post", "recent posts"),
        (true, n) => format!(
            "the bio and {}",
            plural(n as u64, "recent post", "recent posts")
        ),
    };
    let from = if subject.tweets.is_empty() {
        a.source.phrase()
    } else {
        posts::source_phrase(subject.tweets)
    };
    if found.is_empty() {
        return line.seen_from(
            &format!("none in {looked}"),
            from,
            0,
            "Nothing they write about matches your interests (yet).".to_string(),
        );
    }
    let per = i64::from(setting_points(s.interests_points_per_match));
    let points = (per.saturating_mul(found.len() as i64)).min(i64::from(max));
    let where_posts = if posts_matching > 0 {
        format!(
            " ({} matching)",
            plural(posts_matching as u64, "post", "posts")
        )
    } else {
        String::new()
    };
    line.seen_from(
        &format!("{} in {looked}{where_posts}", quoted(&found)),
        from,
        setting_points(points),
        "Writes about things you care about: likely to add value to your timeline.".to_string(),
    )
}
