//! Token helpers for post text shared by the analyses: URL tokens, hosts and registrable
//! domains, @mentions, link-only posts and the normal form used to find
//! repeated texts.

/// Second-level labels under which registrations happen in many country
/// domains (`example.co.uk`, `shop.com.au`, `foo.ne.jp`). A small stand-in for
/// the Public Suffix List, which would cost too many bytes in the wasm.
const SECOND_LEVEL: &[&str] = &[
    "ac", "co", "com", "edu", "gob", "go", "gov", "ltd", "me", "ne", "net", "nic", "or", "org",
    "plc", "sch",
];

/// Hosts that belong to X itself (permalinks, media): not an external link.
const X_HOSTS: &[&str] = &["x.com", "twitter.com", "pic.twitter.com", "pic.x.com"];

/// True when `c` is part of a word for handles and boundaries: a letter, a
/// digit or `_`.
fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// True when a whitespace-separated token is a URL: it starts with a scheme or
/// `www.`, or it is a bare `host.tld/...` (as the page displays links), or a
/// display URL cut with `…`.
pub fn is_url_token(token: &str) -> bool {
    let t = token.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | '"'));
    let lower_prefix: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
    if lower_prefix.starts_with("http://")
        || lower_prefix.starts_with("https://")
        || lower_prefix.starts_with("www.")
    {
        return true;
    }
    let (host, rest) = match t.find('/') {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let host = host.trim_end_matches('…');
    let has_path = !rest.is_empty() || t.ends_with('…');
    has_path && looks_like_host(host)
}

/// `a.b` with non-empty labels of letters, digits and hyphens, the last one
/// alphabetic and at least two letters long.
fn looks_like_host(host: &str) -> bool {
    let mut labels = host.split('.');
    let Some(last) = host.rsplit('.').next() else {
        return false;
    };
    if !host.contains('.') || last.chars().count() < 2 || !last.chars().all(char::is_alphabetic) {
        return false;
    }
    labels.all(|l| {
        !l.is_empty()
            && l.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// The lower-case host of a URL without `www.`, port or user info; `None` when
/// there is no plausible host (`"not a url"`).
pub fn host_of(url: &str) -> Option<String> {
    let s = url.trim();
    let s = match s.find("://") {
        Some(i) => s.get(i + 3..)?,
        None => s,
    };
    let end = s
        .find(|c: char| matches!(c, '/' | '?' | '#' | '\\') || c.is_whitespace())
        .unwrap_or(s.len());
    let authority = s.get(..end)?;
    let host_port = authority.rsplit('@').next()?;
    let host = match host_port.rfind(':') {
        Some(i) => host_port.get(..i)?,
        None => host_port,
    };
    let host = crate::case::lower(host.trim_end_matches('.'));
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    if host.is_empty() || !host.contains('.') || host.starts_with('.') {
        return None;
    }
    Some(host)
}

/// The registrable domain of a URL ("blog.example.co.uk/x" -> "example.co.uk"),
/// approximated without the Public Suffix List: the last two labels, or three
/// when the second-to-last is a common second level under a two-letter
/// country domain. IP addresses are returned whole.
pub fn registrable_domain(url: &str) -> Option<String> {
    let host = host_of(url)?;
    if host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Some(host);
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    if n < 2 {
        return None;
    }
    let take = match (labels.get(n - 1), labels.get(n - 2)) {
        (Some(tld), Some(sld)) if n >= 3 && tld.len() == 2 && SECOND_LEVEL.contains(sld) => 3,
        _ => 2,
    };
    labels.get(n - take..).map(|l| l.join("."))
}

/// True when the URL points at X itself (a permalink or media), not outside.
pub fn is_x_link(url: &str) -> bool {
    match host_of(url) {
        Some(h) => X_HOSTS.iter().any(|x| {
            h.strip_suffix(x)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        }),
        None => false,
    }
}

/// True for X's own link shortener, whose target is unknown until expanded.
pub fn is_shortener_link(url: &str) -> bool {
    host_of(url).as_deref() == Some("t.co")
}

/// Handles mentioned in `text` (`@name`, also the full-width `＠`), without
/// the `@`, in order of appearance. An `@` inside a word (an e-mail address)
/// is not a mention.
pub fn mentions(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if (c == '@' || c == '＠') && !prev.is_some_and(|p| p.is_alphanumeric() || p == '_') {
            let start = i + c.len_utf8();
            let rest = text.get(start..).unwrap_or("");
            let len = rest
                .char_indices()
                .find(|&(_, ch)| !is_handle_char(ch))
                .map_or(rest.len(), |(j, _)| j);
            if len > 0 {
                if let Some(h) = rest.get(..len) {
                    out.push(h);
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// True when a post says nothing but its link(s): after removing URL tokens
/// and hashtags, no letter or digit is left (punctuation and emoji may be),
/// and the post links somewhere (`has_url`, or a URL token in the text).
pub fn is_link_only(text: &str, has_url: bool) -> bool {
    let mut saw_url = has_url;
    for token in text.split_whitespace() {
        if is_url_token(token) {
            saw_url = true;
            continue;
        }
        if token.starts_with('#') || token.starts_with('＃') {
            continue;
        }
        if token.chars().any(char::is_alphanumeric) {
            return false;
        }
    }
    saw_url
}

/// The normal form used to find repeated texts: lower-case, URLs, @mentions
/// and digits removed, every other non-letter turned into a space, spaces
/// collapsed. "Buy NOW!! https://a.b/1 @ann 50%" -> "buy now".
pub fn normalize_for_duplicates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for token in text.split_whitespace() {
        if is_url_token(token) || token.starts_with('@') || token.starts_with('＠') {
            continue;
        }
        for c in token.chars().flat_map(crate::case::lower_char) {
            if c.is_alphabetic() {
                out.push(c);
            } else if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        }
        if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_domains() {
        assert_eq!(
            host_of("https://WWW.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            registrable_domain("http://blog.example.co.uk/x").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            registrable_domain("shop.example.com").as_deref(),
            Some("example.com")
        );
        assert_eq!(registrable_domain("nonsense"), None);
        assert!(is_x_link("https://twitter.com/a/status/1"));
        assert!(is_x_link("https://pic.x.com/abc"));
        assert!(!is_x_link("https://example.com/"));
        assert!(is_x_link("https://mobile.twitter.com/a"));
        assert!(!is_x_link("https://notx.com/a"));
        assert!(!is_x_link("https://x.com.example/a"));
    }

    #[test]
    fn mentions_skip_emails() {
        assert_eq!(
            mentions("hi @Ann and @bob_2! mail me@example.com ＠carl"),
            vec!["Ann", "bob_2", "carl"]
        );
    }

    #[test]
    fn link_only_and_normal_form() {
        assert!(is_link_only("https://t.co/abc #news", true));
        assert!(is_link_only("👉 example.com/article…", false));
        assert!(!is_link_only("Read this https://t.co/abc", true));
        assert!(!is_link_only("#news", false));
        assert_eq!(
            normalize_for_duplicates("Buy NOW!! https://a.b/1 @ann 50% off"),
            "buy now off"
        );
    }
}
