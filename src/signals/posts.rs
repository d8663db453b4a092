//! What the behaviour signals share: the recent-post statistics (measured once
//! per signal from the analysis layer), the "enough posts" gate and the words
//! for shares and sources in the breakdown.

use std::borrow::Cow;

use super::Subject;
use crate::analysis::{Share, TimelineStats};
use crate::model::{Source, Tweet};
use crate::prepared;
use crate::settings::Settings;

/// The recent-post statistics (computed once per account when scoring), or
/// what was not seen yet (for `Line::not_seen`).
pub fn recent<'s>(
    subject: &Subject<'s>,
    s: &Settings,
    now: i64,
) -> Result<Cow<'s, TimelineStats>, String> {
    prepared::timeline(subject, s, now).ok_or_else(|| "Recent posts".to_string())
}

/// Like [`recent`], but only with at least `posts.min_count` posts: shares of
/// a handful of posts say little.
pub fn judged<'s>(
    subject: &Subject<'s>,
    s: &Settings,
    now: i64,
) -> Result<Cow<'s, TimelineStats>, String> {
    let t = recent(subject, s, now)?;
    let min = min_posts(s);
    if t.n < min {
        return Err(format!("Enough recent posts ({} of the {min} needed)", t.n));
    }
    Ok(t)
}

/// The `posts.min_count` setting as a count.
pub fn min_posts(s: &Settings) -> usize {
    usize::try_from(s.posts_min_count.max(1)).unwrap_or(1)
}

/// Where the posts came from, as the breakdown says it: the most common source
/// among them (X's data when tied or empty).
pub fn source_phrase(tweets: &[Tweet]) -> &'static str {
    let all = [Source::Graphql, Source::Page, Source::File, Source::Memory];
    let best = all
        .iter()
        .copied()
        .max_by_key(|src| {
            (
                tweets.iter().filter(|t| t.source == *src).count(),
                // Prefer earlier entries on ties.
                std::cmp::Reverse(all.iter().position(|x| x == src)),
            )
        })
        .unwrap_or_default();
    best.phrase()
}

/// "7 of 20 recent posts".
pub fn share_words(share: Share, what: &str) -> String {
    format!("{} of {} {what}", share.count, share.of)
}

/// A share as a percentage: "90%", "33%".
pub fn percent(v: f64) -> String {
    if v.is_finite() {
        format!("{}%", (v * 100.0).clamp(0.0, 100.0).round() as u32)
    } else {
        "?%".to_string()
    }
}

/// True when `share` is strictly above `limit` (nothing counted is never above).
pub fn above(share: Share, limit: f64) -> bool {
    share.value().is_some_and(|v| v > limit)
}
