//! What the behaviour signals share: the recent-post statistics (measured once
//! per signal from the analysis layer), the "enough posts" gate and the words
//! for shares and sources in the breakdown.

use super::Subject;
use crate::analysis::Share;
use crate::evidence::msg;
use crate::evidence::source_id;
use crate::message::{pct, uint, Arg, Message};
use crate::prepared::{self, Stats};
use crate::settings::Settings;

/// The recent-post statistics (computed once per account when scoring), or
/// what was not seen yet (for `Line::not_seen`).
pub fn recent<'s>(subject: &Subject<'s>, s: &Settings, now: i64) -> Result<Stats<'s>, Message> {
    prepared::timeline(subject, s, now).ok_or_else(|| Message::bare("ev_fact_recent_posts"))
}

/// Like [`recent`], but only with at least `posts.min_count` posts: shares of
/// a handful of posts say little.
pub fn judged<'s>(subject: &Subject<'s>, s: &Settings, now: i64) -> Result<Stats<'s>, Message> {
    let t = recent(subject, s, now)?;
    let min = min_posts(s);
    if t.n < min {
        if !subject.explain() {
            return Err(Message::EMPTY);
        }
        return Err(msg(
            "ev_fact_enough_posts",
            [uint(t.n as u64), uint(min as u64)],
        ));
    }
    Ok(t)
}

/// The `posts.min_count` setting as a count.
pub fn min_posts(s: &Settings) -> usize {
    usize::try_from(s.posts_min_count.max(1)).unwrap_or(1)
}

/// Where the subject's posts came from, as the breakdown says it: the most
/// common source among them (X's data when tied or empty).
pub fn source_phrase(subject: &Subject) -> &'static str {
    source_id(prepared::posts_source(subject))
}

/// "7 of 20 recent posts": `what` is a message id taking the count and the total.
pub fn share_words(share: Share, what: &'static str) -> Arg {
    Arg::Msg(msg(what, [uint(share.count as u64), uint(share.of as u64)]))
}

/// A share as a percentage: "90%", "33%".
pub fn percent(v: f64) -> Arg {
    pct(v)
}

/// True when `share` is strictly above `limit` (nothing counted is never above).
pub fn above(share: Share, limit: f64) -> bool {
    share.value().is_some_and(|v| v > limit)
}
