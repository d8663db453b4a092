//! Tweet results: GraphQL `tweet_results.result` (plain or wrapped in
//! `TweetWithVisibilityResults`) and v1.1 status objects, into [`Tweet`]s.

use serde_json::{Map, Value};

use super::json::{at, first, flag, handle, ident, str_of, text, timestamp, typename, Path};
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
    /// The client the post was sent from: an HTML link as a string.
    pub client: &'static [Path],
    /// Lists of full user results a link card names (`[{result}]`).
    pub card_users: &'static [Path],
    /// Media lists; each item may name the video's source user.
    pub media: &'static [Path],
    /// Within one media item: the source user's result.
    pub media_user: Path,
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
    client: &[&["source"], &["legacy", "source"]],
    card_users: &[
        &["card", "legacy", "user_refs_results"],
        &["legacy", "card", "legacy", "user_refs_results"],
    ],
    media: &[
        &["legacy", "extended_entities", "media"],
        &["legacy", "entities", "media"],
    ],
    media_user: &[
        "additional_media_info",
        "source_user",
        "user_results",
        "result",
    ],
};

/// Full user objects nested in a tweet's link card and media (not its author).
pub(crate) fn nested_users(v: &Value) -> Vec<&Value> {
    let p = &TWEET_PATHS;
    let mut out: Vec<&Value> = Vec::new();
    for path in p.card_users {
        if let Some(Value::Array(refs)) = at(v, path) {
            for r in refs {
                if let Some(user) = r.get("result") {
                    out.push(user);
                }
            }
        }
    }
    for path in p.media {
        if let Some(Value::Array(items)) = at(v, path) {
            for m in items {
                if let Some(user) = at(m, p.media_user) {
                    out.push(user);
                }
            }
        }
    }
    out
}

/// Our own [`Source`] names: a plain `source` with one of these is ours, not a client.
const OWN_SOURCE_NAMES: [&str; 4] = ["graphql", "page", "file", "memory"];
/// Longest client name kept (X's app names are short).
const MAX_CLIENT_CHARS: usize = 80;

/// The client named by a tweet's `source`: the text of its HTML link
/// (`<a href="https://buffer.com" rel="nofollow">Buffer</a>` is "Buffer"),
/// tags dropped and entities decoded, so it is text and never markup.
pub(crate) fn client_name(v: &Value) -> Option<String> {
    let raw = str_of(v)?;
    if !raw.contains('<') && OWN_SOURCE_NAMES.contains(&raw.trim()) {
        return None;
    }
    let mut plain = String::with_capacity(raw.len());
    let mut in_tag = false;
    for ch in raw.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => plain.push(ch),
            _ => {}
        }
    }
    let decoded = decode_entities(&plain);
    let name: String = decoded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_CLIENT_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Decodes the HTML character references X uses in `source`.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i..).unwrap_or_default();
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = after.get(1..e)?;
            let ch = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let n = name.strip_prefix('#')?;
                    let code = match n.strip_prefix('x').or_else(|| n.strip_prefix('X')) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => n.parse::<u32>().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((ch, e))
        });
        match decoded {
            Some((ch, e)) => {
                out.push(ch);
                rest = after.get(e + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

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
        client: first(v, p.client, client_name),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_name_is_its_link_text_with_entities_decoded() {
        let name = |source: &str| client_name(&Value::String(source.to_string()));
        assert_eq!(
            name("<a href=\"https://buffer.com\" rel=\"nofollow\">Buffer &amp;  co</a>").as_deref(),
            Some("Buffer & co")
        );
        assert_eq!(
            name("A&#x42;&#X43;&#68;&#xZZ;").as_deref(),
            Some("ABCD&#xZZ;")
        );
        assert_eq!(
            name("&lt;b&gt; &quot;x&quot; &apos;y&apos;").as_deref(),
            Some("<b> \"x\" 'y'")
        );
        assert_eq!(name("page"), None);
    }
}
