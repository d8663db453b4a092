//! The binary form of the memory's stored records (the worker's IndexedDB
//! values, `Uint8Array`s): an account record is the in-heap compact byte
//! string itself ([`super::compact`]) behind its last-seen time and any count
//! history, so restoring one is a strict check and a copy, no parsing. Posts
//! and interactions records are varint lists. Every record starts with
//! [`VERSION`], a byte below 0x20 that JSON never starts with, so one batch
//! can hold records of either form (the JSON strings written before are
//! still read: `memory_records.rs`). Every read is strict: a damaged record
//! is `None`, never half read.

use super::compact::{
    put_str, put_varint, source_bits, source_of, unzigzag, zigzag, IdRef, Strict,
};
use super::SavedTweet;
use crate::model::{Interaction, InteractionKind, Snapshot, Tweet, TweetKind};

/// The version byte every binary record starts with.
pub(super) const VERSION: u8 = 1;

/// Most posts or interactions a record may say it holds (far above what is
/// saved), so a damaged count cannot ask for a huge allocation.
const MAX_ITEMS: u64 = 1000;

/// True when `record` is in a binary form (its first byte a control
/// character other than JSON's whitespace); else it is JSON text.
pub(super) fn is_binary(record: &[u8]) -> bool {
    record
        .first()
        .is_some_and(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
}

fn put_int(out: &mut Vec<u8>, v: i64) {
    put_varint(out, zigzag(v));
}

/// An `accounts` record: [`VERSION`], last seen, the count history when it
/// says more than the counts (0: none; else 1 + its length, then each
/// snapshot), then the compact blob to the end.
pub(super) fn account_record(last_seen: i64, history: Option<&[Snapshot]>, blob: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(blob.len() + 8);
    out.push(VERSION);
    put_int(&mut out, last_seen);
    match history {
        None => put_varint(&mut out, 0),
        Some(h) => {
            put_varint(&mut out, h.len() as u64 + 1);
            for s in h {
                let present = [s.followers, s.following, s.tweets];
                let bits = present
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.is_some())
                    .fold(0u8, |b, (i, _)| b | 1 << i);
                out.push(bits);
                put_int(&mut out, s.at);
                for c in present.into_iter().flatten() {
                    put_varint(&mut out, c);
                }
            }
        }
    }
    out.extend_from_slice(blob);
    out
}

/// An `accounts` record read back: the blob is borrowed, not yet checked
/// ([`super::compact::check`]).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct AccountIn<'a> {
    pub(super) last_seen: i64,
    pub(super) history: Option<Vec<Snapshot>>,
    pub(super) blob: &'a [u8],
}

fn version(r: &mut Strict<'_>) -> Option<()> {
    (r.byte()? == VERSION).then_some(())
}

/// Reads an `accounts` record written by [`account_record`].
pub(super) fn read_account(record: &[u8]) -> Option<AccountIn<'_>> {
    let mut r = Strict::new(record);
    version(&mut r)?;
    let last_seen = r.int()?;
    let history = match r.varint()? {
        0 => None,
        n => {
            let n = n - 1;
            if n > MAX_ITEMS {
                return None;
            }
            let mut h = Vec::with_capacity(n as usize);
            for _ in 0..n {
                let bits = r.byte()?;
                if bits >= 8 {
                    return None;
                }
                let at = r.int()?;
                let mut count = |i: u8| -> Option<Option<u64>> {
                    if bits >> i & 1 == 1 {
                        Some(Some(r.varint()?))
                    } else {
                        Some(None)
                    }
                };
                let followers = count(0)?;
                let following = count(1)?;
                let tweets = count(2)?;
                h.push(Snapshot {
                    at,
                    followers,
                    following,
                    tweets,
                });
            }
            Some(h)
        }
    };
    let blob = r.rest();
    (!blob.is_empty()).then_some(AccountIn {
        last_seen,
        history,
        blob,
    })
}

fn kind_bits(k: TweetKind) -> u64 {
    match k {
        TweetKind::Original => 0,
        TweetKind::Reply => 1,
        TweetKind::Repost => 2,
        TweetKind::Quote => 3,
    }
}

fn kind_of(bits: u64) -> TweetKind {
    match bits & 3 {
        1 => TweetKind::Reply,
        2 => TweetKind::Repost,
        3 => TweetKind::Quote,
        _ => TweetKind::Original,
    }
}

// A post's header (one varint): bits 0-5 which of id, author id, author
// handle, created at, reply to and client are present, 6-7 its kind, 8-9
// its source.
const POST_KIND_AT: u32 = 6;
const POST_SOURCE_AT: u32 = 8;
const POST_BITS: u32 = 10;

/// A `tweets` record: [`VERSION`], the number of posts, then each post as
/// saved ([`SavedTweet`]: the author left out when it is the account).
pub(super) fn tweets_record(saved: &[SavedTweet<'_>]) -> Vec<u8> {
    let mut out = vec![VERSION];
    put_varint(&mut out, saved.len() as u64);
    for t in saved {
        let present = [
            t.id.is_some(),
            t.author_id.is_some(),
            t.author_handle.is_some(),
            t.created_at.is_some(),
            t.reply_to.is_some(),
            t.client.is_some(),
        ];
        let mut header =
            kind_bits(t.kind) << POST_KIND_AT | source_bits(t.source) << POST_SOURCE_AT;
        for (i, p) in present.iter().enumerate() {
            if *p {
                header |= 1 << i;
            }
        }
        put_varint(&mut out, header);
        for s in [t.id, t.author_id, t.author_handle].into_iter().flatten() {
            put_str(&mut out, s);
        }
        put_str(&mut out, t.text);
        if let Some(at) = t.created_at {
            put_int(&mut out, at);
        }
        for s in [t.reply_to, t.client].into_iter().flatten() {
            put_str(&mut out, s);
        }
        put_varint(&mut out, t.urls.len() as u64);
        for u in t.urls {
            put_str(&mut out, u);
        }
    }
    out
}

/// Reads a `tweets` record written by [`tweets_record`] (authors as saved:
/// restoring fills the account in, as for the JSON form).
pub(super) fn read_tweets(record: &[u8]) -> Option<Vec<Tweet>> {
    let mut r = Strict::new(record);
    let n = item_count(&mut r)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let header = r.varint()?;
        if header >> POST_BITS != 0 {
            return None;
        }
        let has = |i: u32| header >> i & 1 == 1;
        let text = |r: &mut Strict<'_>, i: u32| -> Option<Option<String>> {
            if has(i) {
                Some(Some(r.str()?.to_string()))
            } else {
                Some(None)
            }
        };
        let id = text(&mut r, 0)?;
        let author_id = text(&mut r, 1)?;
        let author_handle = text(&mut r, 2)?;
        let body = r.str()?.to_string();
        let created_at = if has(3) { Some(r.int()?) } else { None };
        let reply_to = text(&mut r, 4)?;
        let client = text(&mut r, 5)?;
        let links = r.varint()?;
        if links > MAX_ITEMS {
            return None;
        }
        let mut urls = Vec::with_capacity(links as usize);
        for _ in 0..links {
            urls.push(r.str()?.to_string());
        }
        out.push(Tweet {
            id,
            author_id,
            author_handle,
            text: body,
            created_at,
            kind: kind_of(header >> POST_KIND_AT),
            reply_to,
            urls,
            client,
            source: source_of(header >> POST_SOURCE_AT),
        });
    }
    r.done().then_some(out)
}

/// Checks a `tweets` record as strictly as [`read_tweets`] reads it (`None`
/// exactly when that would be `None`), without building a post; `Some(true)`
/// when it is canonical: what [`tweets_record`] writes for the posts a
/// restore settles from it for the account `id` / `handle` (1 to
/// [`SAVED_TWEETS_PER_ACCOUNT`] posts, oldest first, an author written only
/// when it is not that account, every text within its cap in bytes, every
/// varint in its fewest bytes), so it can be kept as it is and decoded when
/// first needed.
///
/// [`SAVED_TWEETS_PER_ACCOUNT`]: super::SAVED_TWEETS_PER_ACCOUNT
pub(super) fn check_tweets(record: &[u8], id: IdRef<'_>, handle: &str) -> Option<bool> {
    use crate::read::bounds::{
        IDENT_MAX_CHARS, LABEL_MAX_CHARS, TEXT_MAX_CHARS, URLS_PER_TWEET, URL_MAX_CHARS,
    };
    let mut r = Strict::new(record);
    version(&mut r)?;
    let (n, short) = r.varint_fewest()?;
    if n > MAX_ITEMS {
        return None;
    }
    let mut canonical = short && (1..=super::SAVED_TWEETS_PER_ACCOUNT as u64).contains(&n);
    let mut last = i64::MIN;
    // The texts before the post's own (its id, author id, author handle): header bit, cap.
    let caps = [
        (0, IDENT_MAX_CHARS),
        (1, IDENT_MAX_CHARS),
        (2, IDENT_MAX_CHARS),
    ];
    for _ in 0..n {
        let (header, short) = r.varint_fewest()?;
        if header >> POST_BITS != 0 {
            return None;
        }
        let has = |i: u32| header >> i & 1 == 1;
        canonical &= short;
        // A text read: whether it is within `cap` and its length in the fewest bytes.
        let text = |r: &mut Strict<'_>, cap: usize| -> Option<bool> {
            let (t, short) = r.str_fewest()?;
            Some(short && t.len() <= cap)
        };
        let mut author: [Option<&str>; 2] = [None, None];
        for (bit, cap) in caps {
            if has(bit) {
                let (t, short) = r.str_fewest()?;
                canonical &= short && t.len() <= cap;
                if bit > 0 {
                    author[bit as usize - 1] = Some(t);
                }
            }
        }
        // An author is written when it is not the account (the writer leaves
        // the account out, and a restore fills it in where both are left out).
        if author != [None, None] {
            let same_id = match (author[0], id) {
                (None, IdRef::None) => true,
                (Some(t), id) => id.is(t),
                (None, _) => false,
            };
            canonical &= !(same_id && author[1] == Some(handle));
        }
        canonical &= text(&mut r, TEXT_MAX_CHARS)?;
        let at = if has(3) {
            let (v, short) = r.varint_fewest()?;
            canonical &= short;
            unzigzag(v)
        } else {
            i64::MIN
        };
        if has(4) {
            canonical &= text(&mut r, IDENT_MAX_CHARS)?;
        }
        if has(5) {
            canonical &= text(&mut r, LABEL_MAX_CHARS)?;
        }
        let (links, short) = r.varint_fewest()?;
        if links > MAX_ITEMS {
            return None;
        }
        canonical &= short && links <= URLS_PER_TWEET as u64;
        for _ in 0..links {
            canonical &= text(&mut r, URL_MAX_CHARS)?;
        }
        // Oldest first (a post without a time sorts first).
        canonical &= at >= last;
        last = at;
    }
    r.done().then_some(canonical)
}

fn interaction_bits(k: InteractionKind) -> u8 {
    match k {
        InteractionKind::Followed => 0,
        InteractionKind::Liked => 1,
        InteractionKind::Reposted => 2,
        InteractionKind::Replied => 3,
        InteractionKind::Mentioned => 4,
        InteractionKind::Messaged => 5,
    }
}

fn interaction_of(bits: u8) -> Option<InteractionKind> {
    Some(match bits & 7 {
        0 => InteractionKind::Followed,
        1 => InteractionKind::Liked,
        2 => InteractionKind::Reposted,
        3 => InteractionKind::Replied,
        4 => InteractionKind::Mentioned,
        5 => InteractionKind::Messaged,
        _ => return None,
    })
}

// An interaction's header (one byte): bits 0-2 its kind, 3-4 its source,
// 5 a time, 6 a notification id.
const ACT_SOURCE_AT: u8 = 3;
const ACT_AT: u8 = 5;
const ACT_NOTIFICATION: u8 = 6;

/// An `interactions` record: [`VERSION`], their number, then each.
pub(super) fn interactions_record(list: &[Interaction]) -> Vec<u8> {
    let mut out = vec![VERSION];
    put_varint(&mut out, list.len() as u64);
    for i in list {
        let header = interaction_bits(i.kind)
            | (source_bits(i.source) as u8) << ACT_SOURCE_AT
            | u8::from(i.at.is_some()) << ACT_AT
            | u8::from(i.notification.is_some()) << ACT_NOTIFICATION;
        out.push(header);
        put_str(&mut out, &i.handle);
        if let Some(at) = i.at {
            put_int(&mut out, at);
        }
        if let Some(n) = &i.notification {
            put_str(&mut out, n);
        }
    }
    out
}

/// A list record's version and item count (at most [`MAX_ITEMS`]).
fn item_count(r: &mut Strict<'_>) -> Option<usize> {
    version(r)?;
    let n = r.varint()?;
    (n <= MAX_ITEMS).then_some(n as usize)
}

/// Reads an `interactions` record written by [`interactions_record`].
pub(super) fn read_interactions(record: &[u8]) -> Option<Vec<Interaction>> {
    let mut r = Strict::new(record);
    let n = item_count(&mut r)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let header = r.byte()?;
        if header >> (ACT_NOTIFICATION + 1) != 0 {
            return None;
        }
        let kind = interaction_of(header)?;
        let handle = r.str()?.to_string();
        let at = if header >> ACT_AT & 1 == 1 {
            Some(r.int()?)
        } else {
            None
        };
        let notification = if header >> ACT_NOTIFICATION & 1 == 1 {
            Some(r.str()?.to_string())
        } else {
            None
        };
        out.push(Interaction {
            handle,
            kind,
            at,
            source: source_of(u64::from(header >> ACT_SOURCE_AT)),
            notification,
        });
    }
    r.done().then_some(out)
}

/// The version byte every page starts with: distinct from [`VERSION`], so a
/// page is never taken for a record, nor a record for a page.
pub(super) const PAGE_VERSION: u8 = 2;

/// Most entries a page may say it holds (far above what is written), so a
/// damaged count cannot ask for a huge allocation.
const MAX_PAGE_ENTRIES: u64 = 1 << 20;

/// One entry of a page as read back: its key and its records in the forms
/// above (borrowed, not yet read: the record readers check them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct PageEntryIn<'a> {
    pub(super) key: &'a str,
    pub(super) account: &'a [u8],
    pub(super) tweets: Option<&'a [u8]>,
    pub(super) interactions: Option<&'a [u8]>,
}

/// A page (the `pages` store's value, many entries packed in one value):
/// [`PAGE_VERSION`], the number of entries, then each entry in ascending key
/// order: its key, its account record, its tweets record and its
/// interactions record, each length-prefixed (length 0: none; a record is
/// never empty). Start one with [`page_start`], add entries with [`page_entry`].
pub(super) fn page_start(entries: usize, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    out.push(PAGE_VERSION);
    put_varint(&mut out, entries as u64);
    out
}

/// Adds one entry to a page begun by [`page_start`].
pub(super) fn page_entry(
    out: &mut Vec<u8>,
    key: &str,
    account: &[u8],
    tweets: Option<&[u8]>,
    interactions: Option<&[u8]>,
) {
    put_str(out, key);
    for record in [Some(account), tweets, interactions] {
        let record = record.unwrap_or_default();
        put_varint(out, record.len() as u64);
        out.extend_from_slice(record);
    }
}

/// Reads a page written by [`page_start`] / [`page_entry`]: `None` when it is
/// damaged anywhere (another version, cut short, trailing bytes, an empty
/// account record, keys out of order), never half read.
pub(super) fn read_page(page: &[u8]) -> Option<Vec<PageEntryIn<'_>>> {
    let mut r = Strict::new(page);
    if r.byte()? != PAGE_VERSION {
        return None;
    }
    let n = r.varint()?;
    if n > MAX_PAGE_ENTRIES {
        return None;
    }
    // Each entry takes at least 5 bytes: do not trust a count the bytes cannot hold.
    let mut out = Vec::with_capacity((n as usize).min(page.len() / 5));
    let mut previous: Option<&str> = None;
    for _ in 0..n {
        let key = r.str()?;
        if previous.is_some_and(|p| p >= key) {
            return None;
        }
        previous = Some(key);
        let account = r.bytes()?;
        if account.is_empty() {
            return None;
        }
        let tweets = optional(r.bytes()?);
        let interactions = optional(r.bytes()?);
        out.push(PageEntryIn {
            key,
            account,
            tweets,
            interactions,
        });
    }
    r.done().then_some(out)
}

/// A page's optional record: `None` for length 0.
fn optional(record: &[u8]) -> Option<&[u8]> {
    (!record.is_empty()).then_some(record)
}
