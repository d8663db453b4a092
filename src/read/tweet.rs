//! Tweet results: GraphQL `tweet_results.result` (plain or wrapped in
//! `TweetWithVisibilityResults`) and v1.1 status objects, into [`Tweet`]s.

use serde_json::{Map, Value};

use super::json::{at, first, flag, handle, ident, text, timestamp, typename, Path};
use crate::model::{Source, Tweet, TweetKind};

/// Where each tweet fact lives: the one JSON path table for tweets.
pub(crate) struct TweetPaths {
    pub id: &'static [Path],
    pub author: &'static [Path],
    pub author_id: &'static [Path],
    pub text: &'static [Path],
    pub created_at: &'static [Path],
    pub reply_to: &'static [Path],
    pub reply_to_status: &'static [Path],
    pub reposted: &'static [Path],
    pub quoted: &'static [Path],
    pub is_quote: &'static [Path],
    pub urls: &'static [Path],
    pub note_urls: &'static [Path],
}

pub(crate) const TWEET_PATHS: TweetPaths = TweetPaths {
    id: &[&["rest_id"], &["legacy", "id_str"], &["id_str"]],
    author: &[&["core", "user_results", "result"], &["user"]],
    author_id: &[&["legacy", "user_id_str"], &["user_id_str"]],
    text: &[
        &["note_tweet", "note_tweet_results", "result", "text"],
        &["legacy", "full_text"],
        &["full_text"],
        &["text"],
    ],
    created_at: &[&["legacy", "created_at"], &["created_at"]],
    reply_to: &[
        &["legacy", "in_reply_to_screen_name"],
        &["in_reply_to_screen_name"],
    ],
    reply_to_status: &[
        &["legacy", "in_reply_to_status_id_str"],
        &["in_reply_to_status_id_str"],
    ],
    reposted: &[
        &["legacy", "retweeted_status_result", "result"],
        &["retweeted_status_result", "result"],
        &["retweeted_status"],
    ],
    quoted: &[
        &["quoted_status_result", "result"],
        &["legacy", "quoted_status_result", "result"],
        &["quoted_status"],
    ],
    is_quote: &[&["legacy", "is_quote_status"], &["is_quote_status"]],
    urls: &[&["legacy", "entities", "urls"], &["entities", "urls"]],
    note_urls: &[&[
        "note_tweet",
        "note_tweet_results",
        "result",
        "entity_set",
        "urls",
    ]],
};

/// Looks like a tweet result or a v1.1 status: `__typename` `Tweet` /
/// `TweetWithVisibilityResults`, or `rest_id` with `legacy.full_text`, or
/// `id_str` + text + a `user` object.
pub(crate) fn is_tweet(m: &Map<String, Value>) -> bool {
    match typename(m) {
        Some("Tweet") | Some("TweetWithVisibilityResults") => true,
        Some(_) => false,
        None => {
            (m.contains_key("rest_id")
                && m.get("legacy")
                    .is_some_and(|l| l.get("full_text").is_some()))
                || (m.contains_key("id_str")
                    && (m.contains_key("full_text") || m.contains_key("text"))
                    && m.get("user").and_then(|u| u.get("screen_name")).is_some())
        }
    }
}

/// The tweet inside a `TweetWithVisibilityResults` wrapper, or the value itself.
pub(crate) fn unwrap(v: &Value) -> &Value {
    match v {
        Value::Object(m) if typename(m) == Some("TweetWithVisibilityResults") => {
            m.get("tweet").unwrap_or(v)
        }
        _ => v,
    }
}

/// The author's result object, if the tweet embeds one.
pub(crate) fn author(v: &Value) -> Option<&Value> {
    TWEET_PATHS
        .author
        .iter()
        .find_map(|p| at(v, p))
        .filter(|a| a.is_object())
}

/// The reposted and quoted tweets embedded in `v` (each unwrapped).
pub(crate) fn embedded(v: &Value) -> (Option<&Value>, Option<&Value>) {
    let p = &TWEET_PATHS;
    let pick = |paths: &[Path]| {
        paths
            .iter()
            .find_map(|path| at(v, path))
            .filter(|t| t.is_object())
            .map(unwrap)
    };
    (pick(p.reposted), pick(p.quoted))
}

/// Expanded URLs of a list of URL entities.
fn urls_of(v: &Value, paths: &[Path]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for path in paths {
        if let Some(Value::Array(items)) = at(v, path) {
            for url in items
                .iter()
                .filter_map(|u| u.get("expanded_url").and_then(text))
            {
                if !out.contains(&url) {
                    out.push(url);
                }
            }
        }
    }
    out
}

/// All URLs a tweet links to (entities, then a long "note" tweet's entities).
fn all_urls(v: &Value) -> Vec<String> {
    let mut urls = urls_of(v, TWEET_PATHS.urls);
    for u in urls_of(v, TWEET_PATHS.note_urls) {
        if !urls.contains(&u) {
            urls.push(u);
        }
    }
    urls
}

/// Reads one tweet (already unwrapped). `author_id` / `author_handle` come from
/// the caller, who read the embedded author as an account.
pub(crate) fn read(
    v: &Value,
    author_id: Option<String>,
    author_handle: Option<String>,
    source: Source,
) -> Tweet {
    let p = &TWEET_PATHS;
    let (reposted, quoted) = embedded(v);
    let reply_to = first(v, p.reply_to, handle);
    let replying = reply_to.is_some() || first(v, p.reply_to_status, ident).is_some();
    let kind = if reposted.is_some() {
        TweetKind::Repost
    } else if replying {
        TweetKind::Reply
    } else if quoted.is_some() || first(v, p.is_quote, flag) == Some(true) {
        TweetKind::Quote
    } else {
        TweetKind::Original
    };
    let own_text = first(v, p.text, text).unwrap_or_default();
    let (text, urls) = match reposted {
        Some(original) => {
            let original_text = first(original, p.text, text);
            let mut urls = all_urls(v);
            if urls.is_empty() {
                urls = all_urls(original);
            }
            (original_text.unwrap_or(own_text), urls)
        }
        None => (own_text, all_urls(v)),
    };
    Tweet {
        id: first(v, p.id, ident),
        author_id: author_id.or_else(|| first(v, p.author_id, ident)),
        author_handle,
        text,
        created_at: first(v, p.created_at, timestamp),
        kind,
        reply_to,
        urls,
        client: None,
        source,
    }
}

/// The typename of a tweet-ish result that carries no tweet (deleted, withheld).
pub(crate) fn is_tombstone(m: &Map<String, Value>) -> bool {
    matches!(
        typename(m),
        Some("TweetTombstone") | Some("TweetUnavailable")
    )
}
