//! Size limits on what is read and remembered: string lengths (cut on a char
//! boundary), list lengths per post, and how much one page payload may hold,
//! so no single message can grow memory without bound.

use crate::model::{Account, Interaction, Tweet};

/// Largest page payload read, in bytes (a GraphQL response; real ones stay
/// under 2 MB). Larger ones are refused whole: nothing is recorded.
pub const MAX_PAYLOAD_BYTES: usize = 8 * 1024 * 1024;
/// Most accounts one page payload adds (a follower page holds 20 to 100).
pub const MAX_ACCOUNTS_PER_PAYLOAD: usize = 2_000;
/// Most posts one page payload adds (a timeline page holds 20 to 100).
pub const MAX_TWEETS_PER_PAYLOAD: usize = 4_000;
/// Most interactions one page payload adds (a notifications page holds 20 to 40).
pub const MAX_INTERACTIONS_PER_PAYLOAD: usize = 2_000;

/// Longest display name kept, in characters (X allows 50).
pub const NAME_MAX_CHARS: usize = 200;
/// Longest bio kept, in characters (X allows 160; links expanded make it longer).
pub const BIO_MAX_CHARS: usize = 1_000;
/// Longest location kept, in characters (X allows 30).
pub const LOCATION_MAX_CHARS: usize = 200;
/// Longest profile address or link kept, in characters.
pub const URL_MAX_CHARS: usize = 2_000;
/// Longest post text kept, in characters (long posts allow 25,000; the
/// signals read the start).
pub const TEXT_MAX_CHARS: usize = 4_000;
/// Longest client name, check kind, label or place kept, in characters.
pub const LABEL_MAX_CHARS: usize = 200;
/// Longest id or handle kept, in characters (X's ids have 19 digits, handles 15
/// characters): longer ones are not X's and are dropped, not cut.
pub const IDENT_MAX_CHARS: usize = 64;
/// Most links kept per post.
pub const URLS_PER_TWEET: usize = 20;

/// `s` cut to at most `max` characters, on a char boundary.
pub fn truncate_chars(s: &mut String, max: usize) {
    if s.len() <= max {
        return;
    }
    if let Some((at, _)) = s.char_indices().nth(max) {
        s.truncate(at);
    }
}

fn cut_opt(s: &mut Option<String>, max: usize) {
    if let Some(s) = s {
        truncate_chars(s, max);
    }
}

/// Drops an id or handle longer than X ever sends.
fn ident_opt(s: &mut Option<String>) {
    if s.as_ref()
        .is_some_and(|v| v.chars().count() > IDENT_MAX_CHARS)
    {
        *s = None;
    }
}

/// Caps an account's strings. A handle longer than [`IDENT_MAX_CHARS`] is
/// emptied (such an account joins by id or is skipped).
pub fn account(a: &mut Account) {
    ident_opt(&mut a.id);
    if a.handle.chars().count() > IDENT_MAX_CHARS {
        a.handle.clear();
    }
    cut_opt(&mut a.name, NAME_MAX_CHARS);
    cut_opt(&mut a.bio, BIO_MAX_CHARS);
    cut_opt(&mut a.location, LOCATION_MAX_CHARS);
    cut_opt(&mut a.url, URL_MAX_CHARS);
    cut_opt(&mut a.verified_type, LABEL_MAX_CHARS);
    cut_opt(&mut a.automated_by, LABEL_MAX_CHARS);
    cut_opt(&mut a.parody_label, LABEL_MAX_CHARS);
    cut_opt(&mut a.based_in, LABEL_MAX_CHARS);
}

/// Caps a post's strings and links.
pub fn tweet(t: &mut Tweet) {
    ident_opt(&mut t.id);
    ident_opt(&mut t.author_id);
    ident_opt(&mut t.author_handle);
    ident_opt(&mut t.reply_to);
    truncate_chars(&mut t.text, TEXT_MAX_CHARS);
    cut_opt(&mut t.client, LABEL_MAX_CHARS);
    t.urls.truncate(URLS_PER_TWEET);
    for u in &mut t.urls {
        truncate_chars(u, URL_MAX_CHARS);
    }
}

/// Caps an interaction's strings: a handle longer than X's is emptied (and
/// then not recorded), a notification id cut to [`LABEL_MAX_CHARS`].
pub fn interaction(i: &mut Interaction) {
    if i.handle.chars().count() > IDENT_MAX_CHARS {
        i.handle.clear();
    }
    cut_opt(&mut i.notification, LABEL_MAX_CHARS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_characters() {
        let mut s = "é".repeat(10);
        truncate_chars(&mut s, 3);
        assert_eq!(s, "ééé");
        let mut emoji = "a👍b".to_string();
        truncate_chars(&mut emoji, 2);
        assert_eq!(emoji, "a👍");
        let mut short = "abc".to_string();
        truncate_chars(&mut short, 3);
        assert_eq!(short, "abc");
        let mut zero = "abc".to_string();
        truncate_chars(&mut zero, 0);
        assert_eq!(zero, "");
    }
}
