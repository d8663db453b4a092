//! Posts the content script lifted from tweet articles on a profile page, as
//! raw strings, and their parsing into [`Tweet`]s (source: the page).
//!
//! The content script decides what the page's words mean (the "reposted" and
//! "Replying to" lines are matched against its phrase table) and sends the
//! hrefs, the `time[datetime]` value, the text and the links as shown. This
//! module turns them into a tweet: the id and author from the status link,
//! the time from RFC 3339, the kind from the flags, and expanded URLs from
//! the links (X's `t.co` links carry the expanded URL in `title` and, cut
//! short, in their visible text).

use serde::{Deserialize, Serialize};

use crate::analysis::tokens::{host_of, is_x_link};
use crate::model::{Source, Tweet, TweetKind};
use crate::time::parse_rfc3339;

/// One link inside a post's text, as shown.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default, remote = "Self")] // serde impls: read::objects
pub struct DomLink {
    /// The `href` attribute (absolute or relative).
    pub href: String,
    /// The visible text ("example.com/a-long-pa…").
    pub text: Option<String>,
    /// The `title` attribute (X puts the expanded URL there).
    pub title: Option<String>,
}

/// What one tweet article shows (all strings as on the page).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default, remote = "Self")] // serde impls: read::objects
pub struct DomTweet {
    /// `href` of the status link around the post's time: `/<handle>/status/<id>`.
    pub status_href: String,
    /// `href` of the author's `/<handle>` link in the post's name block.
    pub author_href: Option<String>,
    /// The `datetime` attribute of the post's `time`.
    pub datetime: Option<String>,
    /// The post's own text; absent for media-only posts (empty text then).
    pub text: Option<String>,
    /// Links inside the post's own text.
    pub links: Vec<DomLink>,
    /// Handle of the account that reposted it (the "… reposted" line): the
    /// post is then recorded as that account's repost.
    pub reposted_by: Option<String>,
    /// The "Replying to @x" line's handle (with or without `@`).
    pub replying_to: Option<String>,
    /// The article holds a quoted post.
    pub quote: bool,
}

/// Why an article could not become a tweet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomTweetError {
    /// No `/<handle>/status/<digits>` link.
    NoStatusLink(String),
    /// No valid handle for the author (or the reposter).
    NoAuthor(String),
}

impl std::fmt::Display for DomTweetError {
    /// The page's text is quoted as a JSON string (escapes and all), so a
    /// control character or a quote in it stays visible and inert.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (what, h) = match self {
            DomTweetError::NoStatusLink(h) => ("a post without a status link (href ", h),
            DomTweetError::NoAuthor(h) => ("a post without a valid author handle (", h),
        };
        let mut quoted = String::with_capacity(h.len() + 2);
        crate::json_out::string(&mut quoted, h);
        write!(f, "{what}{quoted}) was skipped")
    }
}

impl std::error::Error for DomTweetError {}

/// A handle as X allows it: 1-15 letters, digits or `_` (an `@` is dropped).
pub fn valid_handle(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s.strip_prefix('@').unwrap_or(s);
    let ok =
        !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    ok.then(|| s.to_string())
}

/// The path segments of an href, absolute (x.com / twitter.com) or relative.
fn path_segments(href: &str) -> Option<Vec<&str>> {
    let href = href.trim();
    let path = if href.starts_with('/') && !href.starts_with("//") {
        href
    } else {
        if !is_x_link(href) {
            return None;
        }
        let rest = super::find_text(href, "://")
            .and_then(|at| href.get(at + 3..))
            .unwrap_or(href);
        rest.find('/').and_then(|i| rest.get(i..)).unwrap_or("/")
    };
    // Up to a query or fragment (both ASCII: the cut is a char boundary).
    let end = path
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(path.len());
    let path = path.get(..end).unwrap_or("");
    Some(path.split('/').filter(|s| !s.is_empty()).collect())
}

/// `(handle, id)` of a status link: `/<handle>/status/<digits>[/...]`.
pub fn status_of(href: &str) -> Option<(String, String)> {
    let parts = path_segments(href)?;
    match parts.as_slice() {
        [handle, "status", id, ..] if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            Some((valid_handle(handle)?, (*id).to_string()))
        }
        _ => None,
    }
}

/// The handle of a profile link `/<handle>`.
pub fn handle_of_href(href: &str) -> Option<String> {
    match path_segments(href)?.as_slice() {
        [handle] => valid_handle(handle),
        _ => None,
    }
}

/// True for an `http(s)` link that leaves X (X's own `t.co` shortener included).
fn is_external(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    (h.starts_with("https://") || h.starts_with("http://"))
        && host_of(href).is_some()
        && !is_x_link(href)
}

/// A URL with a scheme from a shown link text: "example.com/a…" -> "https://example.com/a".
fn url_from_shown(shown: &str) -> Option<String> {
    let mut s = shown.trim().trim_end_matches('…');
    // `trim_end_matches("...")`, without a string searcher's code.
    while let Some(rest) = s.strip_suffix("...") {
        s = rest;
    }
    let s = s.trim();
    if s.is_empty() || s.chars().any(char::is_whitespace) {
        return None;
    }
    let url = if s.starts_with("http://") || s.starts_with("https://") {
        s.to_string()
    } else {
        ["https://", s].concat()
    };
    host_of(&url).is_some().then_some(url)
}

/// The expanded URL a link stands for, or `None` for links within X
/// (mentions, hashtags, cashtags) and unreadable ones.
pub fn expanded_url(link: &DomLink) -> Option<String> {
    if !is_external(&link.href) {
        return None;
    }
    let shortened = host_of(&link.href).as_deref() == Some("t.co");
    if !shortened {
        return Some(link.href.trim().to_string());
    }
    link.title
        .as_deref()
        .and_then(url_from_shown)
        .or_else(|| link.text.as_deref().and_then(url_from_shown))
        // Nothing shown says where it goes: keep the short link itself.
        .or_else(|| Some(link.href.trim().to_string()))
}

/// Turns one article's raw facts into a tweet (source: the page).
///
/// The id and handle come from the status link; the author link (when it
/// names a valid handle) wins for the author. A repost is the reposter's post
/// with the original's text, id and time (the page shows no other).
pub fn tweet_from_dom(facts: &DomTweet) -> Result<Tweet, DomTweetError> {
    let (status_handle, id) = status_of(&facts.status_href)
        .ok_or_else(|| DomTweetError::NoStatusLink(facts.status_href.clone()))?;
    let author = facts
        .author_href
        .as_deref()
        .and_then(handle_of_href)
        .unwrap_or(status_handle);
    let reposter = match facts.reposted_by.as_deref() {
        Some(r) => Some(valid_handle(r).ok_or_else(|| DomTweetError::NoAuthor(r.to_string()))?),
        None => None,
    };
    let reply_to = facts.replying_to.as_deref().and_then(valid_handle);
    let kind = if reposter.is_some() {
        TweetKind::Repost
    } else if reply_to.is_some() {
        TweetKind::Reply
    } else if facts.quote {
        TweetKind::Quote
    } else {
        TweetKind::Original
    };
    let mut urls: Vec<String> = Vec::new();
    for url in facts.links.iter().filter_map(expanded_url) {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    Ok(Tweet {
        id: Some(id),
        author_id: None,
        author_handle: Some(reposter.unwrap_or(author)),
        text: facts.text.as_deref().unwrap_or("").trim().to_string(),
        created_at: facts.datetime.as_deref().and_then(parse_rfc3339),
        kind,
        reply_to: if kind == TweetKind::Reply {
            reply_to
        } else {
            None
        },
        urls,
        client: None,
        source: Source::Page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(status: &str) -> DomTweet {
        DomTweet {
            status_href: status.to_string(),
            author_href: Some("/dana_tl".into()),
            datetime: Some("2026-03-01T10:15:00.000Z".into()),
            text: Some("Morning walk by the river".into()),
            ..DomTweet::default()
        }
    }

    #[test]
    fn an_original_post_keeps_id_author_time_and_text() {
        let t = tweet_from_dom(&post("/dana_tl/status/1765000000000000001")).unwrap();
        assert_eq!(t.id.as_deref(), Some("1765000000000000001"));
        assert_eq!(t.author_handle.as_deref(), Some("dana_tl"));
        assert_eq!(t.created_at, parse_rfc3339("2026-03-01T10:15:00Z"));
        assert!(t.created_at.is_some());
        assert_eq!(t.kind, TweetKind::Original);
        assert_eq!(t.text, "Morning walk by the river");
        assert_eq!(t.source, Source::Page);
        assert_eq!(t.reply_to, None);
    }

    #[test]
    fn absolute_status_links_and_analytics_suffixes_are_read() {
        let t = tweet_from_dom(&post("https://x.com/Dana_TL/status/42/analytics")).unwrap();
        assert_eq!(t.id.as_deref(), Some("42"));
        let mut f = post("https://twitter.com/dana_tl/status/43?s=20");
        f.author_href = None;
        let t = tweet_from_dom(&f).unwrap();
        assert_eq!(t.id.as_deref(), Some("43"));
        assert_eq!(t.author_handle.as_deref(), Some("dana_tl"));
    }

    #[test]
    fn bad_status_links_are_errors_not_panics() {
        for href in [
            "",
            "/dana_tl",
            "/dana_tl/status/",
            "/dana_tl/status/12ab",
            "https://evil.example/dana_tl/status/1",
            "/not a handle/status/1",
            "/waytoolonghandle_x/status/1",
        ] {
            let err = tweet_from_dom(&post(href)).unwrap_err();
            assert!(
                matches!(err, DomTweetError::NoStatusLink(_)),
                "{href}: {err}"
            );
            assert!(err.to_string().contains("status link"));
        }
    }

    #[test]
    fn the_page_text_in_an_error_is_quoted_and_escaped() {
        let err = DomTweetError::NoStatusLink("/a\"b\u{1}<i>".into());
        assert_eq!(
            err.to_string(),
            r#"a post without a status link (href "/a\"b\u0001<i>") was skipped"#
        );
        let err = DomTweetError::NoAuthor("x\ny".into());
        assert_eq!(
            err.to_string(),
            r#"a post without a valid author handle ("x\ny") was skipped"#
        );
    }

    #[test]
    fn a_repost_belongs_to_the_reposter_with_the_original_text() {
        let mut f = post("/someone_else/status/99");
        f.author_href = Some("/someone_else".into());
        f.text = Some("The original words".into());
        f.reposted_by = Some("dana_tl".into());
        f.replying_to = Some("@ignored".into());
        let t = tweet_from_dom(&f).unwrap();
        assert_eq!(t.kind, TweetKind::Repost);
        assert_eq!(t.author_handle.as_deref(), Some("dana_tl"));
        assert_eq!(t.text, "The original words");
        assert_eq!(t.id.as_deref(), Some("99"));
        assert_eq!(t.reply_to, None);

        f.reposted_by = Some("not valid!".into());
        assert!(matches!(
            tweet_from_dom(&f),
            Err(DomTweetError::NoAuthor(_))
        ));
    }

    #[test]
    fn replies_quotes_and_media_only_posts() {
        let mut f = post("/dana_tl/status/7");
        f.replying_to = Some("@Bob_2".into());
        f.quote = true;
        let t = tweet_from_dom(&f).unwrap();
        assert_eq!(t.kind, TweetKind::Reply);
        assert_eq!(t.reply_to.as_deref(), Some("Bob_2"));

        f.replying_to = Some("@@@".into());
        let t = tweet_from_dom(&f).unwrap();
        assert_eq!(
            t.kind,
            TweetKind::Quote,
            "an unreadable reply line is ignored"
        );

        f.quote = false;
        f.text = None;
        f.datetime = Some("yesterday".into());
        let t = tweet_from_dom(&f).unwrap();
        assert_eq!(t.kind, TweetKind::Original);
        assert_eq!(t.text, "");
        assert_eq!(t.created_at, None);
    }

    #[test]
    fn shown_urls_lose_their_ellipses() {
        for (shown, url) in [
            ("example.com/a…", Some("https://example.com/a")),
            ("example.com/a...", Some("https://example.com/a")),
            ("example.com/a....", Some("https://example.com/a.")),
            ("example.com/a......", Some("https://example.com/a")),
            (" http://example.com/b… ", Some("http://example.com/b")),
            ("example.com/a…...", Some("https://example.com/a…")),
            ("...", None),
            ("two words", None),
        ] {
            assert_eq!(url_from_shown(shown).as_deref(), url, "{shown:?}");
        }
    }

    #[test]
    fn links_become_expanded_urls_and_x_links_are_dropped() {
        let mut f = post("/dana_tl/status/8");
        f.links = vec![
            DomLink {
                href: "https://t.co/abc".into(),
                text: Some("https://example.com/a-long-pa…".into()),
                title: Some("https://example.com/a-long-path".into()),
            },
            DomLink {
                href: "https://t.co/def".into(),
                text: Some("blog.example.org/post…".into()),
                title: None,
            },
            DomLink {
                href: "https://t.co/ghi".into(),
                text: Some("".into()),
                title: None,
            },
            DomLink {
                href: "https://news.example.net/x".into(),
                ..DomLink::default()
            },
            DomLink {
                href: "/hashtag/rust?src=hashtag_click".into(),
                text: Some("#rust".into()),
                title: None,
            },
            DomLink {
                href: "https://x.com/bob".into(),
                text: Some("@bob".into()),
                title: None,
            },
            DomLink {
                href: "javascript:alert(1)".into(),
                ..DomLink::default()
            },
            DomLink {
                href: "https://t.co/abc".into(),
                text: None,
                title: Some("https://example.com/a-long-path".into()),
            },
        ];
        let t = tweet_from_dom(&f).unwrap();
        assert_eq!(
            t.urls,
            vec![
                "https://example.com/a-long-path".to_string(),
                "https://blog.example.org/post".to_string(),
                "https://t.co/ghi".to_string(),
                "https://news.example.net/x".to_string(),
            ]
        );
    }

    #[test]
    fn the_author_link_wins_over_the_status_link_and_bad_ones_fall_back() {
        let mut f = post("/dana_tl/status/9");
        f.author_href = Some("/Dana_TL".into());
        assert_eq!(
            tweet_from_dom(&f).unwrap().author_handle.as_deref(),
            Some("Dana_TL")
        );
        f.author_href = Some("/dana_tl/photo".into());
        assert_eq!(
            tweet_from_dom(&f).unwrap().author_handle.as_deref(),
            Some("dana_tl")
        );
    }

    #[test]
    fn facts_deserialize_leniently_from_camel_case() {
        let f: DomTweet = serde_json::from_str(
            r#"{"statusHref":"/a/status/1","repostedBy":"b","links":[{"href":"https://t.co/x"}],"extra":1}"#,
        )
        .unwrap();
        assert_eq!(f.reposted_by.as_deref(), Some("b"));
        assert_eq!(f.links.len(), 1);
        assert!(!f.quote);
    }
}
