//! What an account's recent posts show: the mix of posts, links, repeated
//! texts, posting rate and regularity, clock-bound timing, self-promotion,
//! follow-back begging and conversation. Plain measurements; `signals` holds
//! them against thresholds.
//!
//! Denominators, so the breakdown can say "n of m":
//! - `n`: distinct posts (the same post id seen twice counts once), any kind.
//! - `authored`: posts that are not reposts (originals, replies, quotes): the
//!   account's own words and links. Link, own-site and duplicate measures use
//!   these, so reposting news is not read as a link-only feed.
//! - `originals`: `TweetKind::Original` posts (self-promotion).
//! - `timed`: posts with a time, for rates and timing.
//!
//! Cost: O(n log n), except near-duplicate detection, which compares the
//! newest [`DUPLICATE_WINDOW`] authored posts pairwise (at most ~20,000 pairs).

use std::collections::HashMap;

/// The one map type of this module (seen sets, counts, indexes by text):
/// each distinct key/value type brings its own copy of the hash table's code.
type Counts<'a> = HashMap<&'a str, usize>;

use serde::Serialize;

use super::keywords::{KeywordSet, NormalizedText};
use super::stats::{
    chi_square_uniform, chi_square_upper_tail, coefficient_of_variation, mean, normalized_entropy,
    Share,
};
use super::tokens::{
    is_link_only, is_shortener_link, is_url_token, is_x_link, mentions, normalize_for_duplicates,
    registrable_domain, words,
};
use crate::model::{Account, Tweet, TweetKind};

/// Seconds in a day.
const DAY: f64 = 86_400.0;

/// How many of the newest authored posts near-duplicate detection compares.
pub const DUPLICATE_WINDOW: usize = 200;

/// Word-shingle Jaccard similarity at or above which two texts count as the
/// same text.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.8;

/// Number of interval buckets: half-octaves of seconds (1 s .. ~130 years).
const INTERVAL_BUCKETS: usize = 64;

/// First-person promotion phrases used when settings supply none
/// (TwitCleaner: "talks about themselves"; seed 000 §5).
pub const DEFAULT_PROMO_PHRASES: &[&str] = &[
    "check out my",
    "my new",
    "my latest",
    "buy",
    "subscribe",
    "link in bio",
    "order now",
    "pre-order",
    "preorder",
    "sign up",
    "use my code",
    "% off",
    "my book",
    "my course",
    "my podcast",
    "my channel",
    "my shop",
    "my store",
    "my website",
    "my blog",
    "visit my",
    "visit our",
    "shop now",
];

/// The phrase lists a timeline is matched against, built once from settings.
#[derive(Clone, Debug)]
pub struct TimelineOptions {
    /// Follow-back begging phrases and hashtags.
    pub begging: KeywordSet,
    /// First-person promotion phrases.
    pub promo: KeywordSet,
}

impl TimelineOptions {
    /// Begging phrases from settings; promotion phrases from [`DEFAULT_PROMO_PHRASES`].
    pub fn new(begging: &[String]) -> Self {
        TimelineOptions {
            begging: KeywordSet::new(begging),
            promo: KeywordSet::from_strs(DEFAULT_PROMO_PHRASES),
        }
    }

    /// Replaces the promotion phrases.
    pub fn with_promo(mut self, promo: &[String]) -> Self {
        self.promo = KeywordSet::new(promo);
        self
    }
}

/// How the account's own site was decided.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OwnSiteBasis {
    /// The registrable domain of the profile's website.
    ProfileUrl,
    /// No usable profile website: the domain the account links to most.
    MostLinked,
    /// Neither: no profile website and no external links.
    Unknown,
}

/// Posts linking to the account's own site.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct OwnSite {
    /// Registrable domain, e.g. "example.co.uk".
    pub domain: Option<String>,
    /// How the own site was decided.
    pub basis: OwnSiteBasis,
    /// Authored posts linking to `domain`.
    pub share: Share,
}

/// Repeated texts among the newest authored posts.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct Duplicates {
    /// Authored posts compared: the newest up to [`DUPLICATE_WINDOW`], except
    /// link-only posts (a link and hashtags: no text to repeat; `link_only`
    /// covers them) and posts whose normal form is empty.
    pub considered: usize,
    /// Posts beyond the first of each group of same or near-same texts, of
    /// `considered`.
    pub repeats: Share,
    /// Copies of the most repeated text (1 = no text repeated, 0 = nothing
    /// considered). Socialbakers flags "the same tweet more than 3 times".
    pub max_copies: usize,
    /// Groups holding two or more posts.
    pub repeated_texts: usize,
}

/// Gaps between consecutive posts (Chu et al.: bots post at regular times).
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct Intervals {
    /// Gaps measured (timed posts - 1).
    pub count: usize,
    /// Mean gap in seconds.
    pub mean_seconds: Option<f64>,
    /// Coefficient of variation of the gaps (std / mean). A scheduler posting
    /// every hour gives ~0; people give ~1 or more. `None` below two gaps.
    pub cv: Option<f64>,
    /// Normalised Shannon entropy of the gaps in half-octave buckets
    /// (1-1.4 s, 1.4-2 s, ... 1-1.4 h, ...): 0 = every gap the same size,
    /// 1 = as spread as the number of gaps allows. `None` below two gaps.
    pub entropy: Option<f64>,
}

/// How posting times fall on the clock face (Zhang & Paxson 2011), over 60
/// buckets: the minute of the hour or the second of the minute.
///
/// How to read it: people post at moments unrelated to the clock's minute or
/// second, so their counts look like a random draw from a uniform
/// distribution: `dispersion` near 1 and a p-value that is not extreme.
/// Automation shows one of two departures:
/// - concentrated (cron, schedulers at :00, :30): `dispersion` far above 1,
///   `p_value` near 0, a large `top_count` share;
/// - too even (a scheduler cycling through minutes): `dispersion` well below
///   1, `p_value` near 1. This side needs many posts (well over 60) before it
///   means anything; with fewer posts than buckets, even all-different
///   minutes give only a mildly low dispersion.
///
/// Signals should test both tails, and only with enough posts (`n`): the
/// concentrated side is visible from ~10 posts, the even side from ~120.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ClockUniformity {
    /// Timed posts counted.
    pub n: usize,
    /// Pearson's chi-square against uniform over 60 buckets (59 degrees of freedom).
    pub chi_square: f64,
    /// `chi_square / 59`: ~1 for random times, >> 1 concentrated, << 1 too even.
    pub dispersion: f64,
    /// P(chi-square >= observed) for uniform times: near 0 = concentrated, near 1 = too even.
    /// The chi-square approximation is rough below ~300 posts; prefer `dispersion` then.
    pub p_value: f64,
    /// The most common bucket (minute 0-59 or second 0-59), lowest on ties.
    pub top_bucket: u32,
    /// Posts in `top_bucket`.
    pub top_count: usize,
}

/// Everything the timeline shows. See the module comment for denominators.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct TimelineStats {
    /// Distinct posts.
    pub n: usize,
    /// Posts that are not reposts.
    pub authored: usize,
    /// Original posts.
    pub originals: usize,
    /// Posts with a time.
    pub timed: usize,
    /// Oldest and newest post times (unix seconds).
    pub oldest_at: Option<i64>,
    /// Newest post time (unix seconds).
    pub newest_at: Option<i64>,
    /// Days between the oldest and newest post (0 with fewer than two timed).
    pub span_days: f64,

    /// Mix of post kinds, each of `n`.
    pub original: Share,
    /// Replies.
    pub reply: Share,
    /// Reposts.
    pub repost: Share,
    /// Quotes.
    pub quote: Share,

    /// Authored posts that are nothing but a link (and hashtags / emoji).
    pub link_only: Share,
    /// Authored posts linking outside X.
    pub external_link: Share,
    /// Authored posts linking to the account's own site.
    pub own_site: OwnSite,
    /// Authored posts linking to the single most linked URL (TwitCleaner:
    /// "the same URL repeated"); 0 when no links.
    pub max_same_url: usize,

    /// Repeated texts.
    pub duplicates: Duplicates,

    /// Posts per day between the oldest and newest post: gaps / span, with
    /// the span floored at one day (a burst is not extrapolated). `None`
    /// below two timed posts.
    pub posts_per_day: Option<f64>,
    /// Timed posts per day from the oldest post until `now` (floored at one
    /// day): low for accounts that went quiet.
    pub posts_per_day_to_now: Option<f64>,
    /// Days from the newest post to `now` (0 when the newest is in the future).
    pub days_since_last_post: Option<f64>,
    /// Regularity of gaps between posts.
    pub intervals: Intervals,
    /// Minute-of-hour timing; `None` below two timed posts.
    pub minute_of_hour: Option<ClockUniformity>,
    /// Second-of-minute timing; `None` below two timed posts.
    pub second_of_minute: Option<ClockUniformity>,

    /// Original posts that link to the own site (only when the profile names
    /// it: [`OwnSiteBasis::ProfileUrl`]) or use a promotion phrase, of
    /// `originals`.
    pub self_promotion: Share,
    /// Posts of any kind (reposts too: follow trains spread by reposts)
    /// containing a begging phrase, of `n`.
    pub begging: Share,
    /// The begging phrases seen, as listed in settings, in list order.
    pub begging_phrases_seen: Vec<String>,
    /// Replies to others plus non-repost posts mentioning someone else, of `n`.
    /// Replies to oneself (threads) and mentions of oneself do not count.
    pub conversation: Share,
}

impl TimelineStats {
    /// Measures `tweets` (any order, duplicates by id ignored). `begging` are
    /// the follow-back phrases from settings. `None` when there are no tweets.
    pub fn from_tweets(
        tweets: &[Tweet],
        account: &Account,
        now: i64,
        begging: &[String],
    ) -> Option<TimelineStats> {
        Self::with_options(tweets, account, now, &TimelineOptions::new(begging))
    }

    /// [`TimelineStats::from_tweets`] with phrase sets built once.
    pub fn with_options(
        tweets: &[Tweet],
        account: &Account,
        now: i64,
        options: &TimelineOptions,
    ) -> Option<TimelineStats> {
        let posts = distinct_newest_first(tweets);
        if posts.is_empty() {
            return None;
        }
        let n = posts.len();
        let own_handle = crate::case::lower(account.handle.trim_start_matches('@'));

        let count_kind = |k: TweetKind| posts.iter().filter(|t| t.kind == k).count();
        let originals = count_kind(TweetKind::Original);
        let authored_posts: Vec<&Tweet> = posts
            .iter()
            .copied()
            .filter(|t| t.kind != TweetKind::Repost)
            .collect();
        let authored = authored_posts.len();

        // Links.
        let links: Vec<Vec<&str>> = authored_posts.iter().map(|t| links_of(t)).collect();
        let external: Vec<Vec<&str>> = links
            .iter()
            .map(|ls| ls.iter().copied().filter(|u| !is_x_link(u)).collect())
            .collect();
        let link_only_posts: Vec<bool> = authored_posts
            .iter()
            .zip(&links)
            .map(|(t, ls)| is_link_only(&t.text, !ls.is_empty()))
            .collect();
        let link_only = link_only_posts.iter().filter(|&&l| l).count();
        let external_link = external.iter().filter(|ls| !ls.is_empty()).count();
        let max_same_url = max_same_url(&external);
        let own_site = own_site(account, &external);

        // Timing.
        let mut times: Vec<i64> = posts.iter().filter_map(|t| t.created_at).collect();
        crate::sort::values(&mut times);
        let timed = times.len();
        let oldest_at = times.first().copied();
        let newest_at = times.last().copied();
        let span_days = match (oldest_at, newest_at) {
            (Some(a), Some(b)) => (b.saturating_sub(a)) as f64 / DAY,
            _ => 0.0,
        };
        let posts_per_day = (timed >= 2).then(|| (timed - 1) as f64 / span_days.max(1.0));
        let posts_per_day_to_now = to_now_rate(timed, oldest_at, now);
        let days_since_last_post = days_since(newest_at, now);

        // Self-promotion, begging, conversation.
        // Only a site the profile names is "own" for self-promotion; the
        // most-linked fallback may be a newspaper the account likes.
        let own_domain = own_site
            .domain
            .as_deref()
            .filter(|_| own_site.basis == OwnSiteBasis::ProfileUrl);
        let mut self_promotion = 0;
        let mut begging = 0;
        let mut begging_seen: Counts = HashMap::new();
        let mut conversation = 0;
        for t in &posts {
            let norm = NormalizedText::new(&t.text);
            if t.kind == TweetKind::Original {
                let links_own = own_domain.is_some_and(|d| {
                    links_of(t)
                        .iter()
                        .any(|u| registrable_domain(u).as_deref() == Some(d))
                });
                if links_own || options.promo.is_match_in(&norm) {
                    self_promotion += 1;
                }
            }
            if !options.begging.is_empty() {
                let seen = options.begging.matches_in(&norm);
                if !seen.is_empty() {
                    begging += 1;
                    begging_seen.extend(seen.into_iter().map(|k| (k, 0)));
                }
            }
            if is_conversation(t, &own_handle) {
                conversation += 1;
            }
        }
        // Keep the order in which settings list the phrases.
        let begging_phrases_seen = options
            .begging
            .keywords()
            .filter(|k| begging_seen.contains_key(k))
            .map(str::to_string)
            .collect();

        Some(TimelineStats {
            n,
            authored,
            originals,
            timed,
            oldest_at,
            newest_at,
            span_days,
            original: Share::new(originals, n),
            reply: Share::new(count_kind(TweetKind::Reply), n),
            repost: Share::new(count_kind(TweetKind::Repost), n),
            quote: Share::new(count_kind(TweetKind::Quote), n),
            link_only: Share::new(link_only, authored),
            external_link: Share::new(external_link, authored),
            own_site,
            max_same_url,
            duplicates: duplicates(&authored_posts, &link_only_posts),
            posts_per_day,
            posts_per_day_to_now,
            days_since_last_post,
            intervals: intervals(&times),
            minute_of_hour: clock_uniformity(&times, |t| (t.rem_euclid(3600) / 60) as usize),
            second_of_minute: clock_uniformity(&times, |t| t.rem_euclid(60) as usize),
            self_promotion: Share::new(self_promotion, originals),
            begging: Share::new(begging, n),
            begging_phrases_seen,
            conversation: Share::new(conversation, n),
        })
    }
}

impl TimelineStats {
    /// [`TimelineStats::days_since_last_post`] at `now`, from the stored times
    /// (what scoring uses: kept statistics do not hold it).
    pub fn days_since_last_post_at(&self, now: i64) -> Option<f64> {
        days_since(self.newest_at, now)
    }

    /// [`TimelineStats::posts_per_day_to_now`] at `now`, from the stored
    /// times (what scoring uses: kept statistics do not hold it).
    pub fn posts_per_day_to_now_at(&self, now: i64) -> Option<f64> {
        to_now_rate(self.timed, self.oldest_at, now)
    }
}

/// Timed posts per day from the oldest until `now` (floored at one day).
fn to_now_rate(timed: usize, oldest_at: Option<i64>, now: i64) -> Option<f64> {
    oldest_at.map(|o| timed as f64 / (now.saturating_sub(o) as f64 / DAY).max(1.0))
}

/// Days from the newest post to `now` (0 when the newest is in the future).
fn days_since(newest_at: Option<i64>, now: i64) -> Option<f64> {
    newest_at.map(|t| (now.saturating_sub(t)).max(0) as f64 / DAY)
}

/// Posts with duplicate ids removed (first kept), newest first; posts without
/// a time after the timed ones, in input order.
fn distinct_newest_first(tweets: &[Tweet]) -> Vec<&Tweet> {
    let mut seen: Counts = HashMap::new();
    let mut posts: Vec<&Tweet> = tweets
        .iter()
        .filter(|t| match t.id.as_deref() {
            Some(id) if !id.is_empty() => seen.insert(id, 0).is_none(),
            _ => true,
        })
        .collect();
    // Stable: untimed posts keep input order.
    crate::sort::by_key(&mut posts, |t| {
        std::cmp::Reverse(t.created_at.unwrap_or(i64::MIN))
    });
    posts
}

/// The post's links: its expanded URLs, or URL tokens in the text when the
/// reader found none.
fn links_of(t: &Tweet) -> Vec<&str> {
    let urls: Vec<&str> = t
        .urls
        .iter()
        .map(String::as_str)
        .filter(|u| !u.trim().is_empty())
        .collect();
    if !urls.is_empty() {
        return urls;
    }
    words(&t.text).filter(|tok| is_url_token(tok)).collect()
}

fn max_same_url(external: &[Vec<&str>]) -> usize {
    let per_post = distinct_per_post(external, |u| Some(canonical_url(u)));
    posts_with(&per_post).values().copied().max().unwrap_or(0)
}

/// Each post's distinct keys of its links (`key` of each link not through a
/// shortener; a post has few, so a list is enough), in their first order.
fn distinct_per_post(
    external: &[Vec<&str>],
    key: impl Fn(&str) -> Option<String>,
) -> Vec<Vec<String>> {
    external
        .iter()
        .map(|links| {
            let mut out: Vec<String> = Vec::new();
            for k in links
                .iter()
                .filter(|u| !is_shortener_link(u))
                .filter_map(|u| key(u))
            {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
            out
        })
        .collect()
}

/// In how many posts each key appears.
fn posts_with(per_post: &[Vec<String>]) -> Counts<'_> {
    let mut counts: Counts = HashMap::new();
    for k in per_post.iter().flatten() {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    counts
}

/// URL without scheme, `www.`, trailing `/` or letter case of the host, for
/// counting the same link.
fn canonical_url(u: &str) -> String {
    let s = u.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let (host, path) = s.split_once('/').unwrap_or((s, ""));
    format!(
        "{}/{}",
        crate::case::lower(host),
        path.trim_end_matches('/')
    )
}

fn own_site(account: &Account, external: &[Vec<&str>]) -> OwnSite {
    let profile = account
        .url
        .as_deref()
        .filter(|u| !is_shortener_link(u) && !is_x_link(u))
        .and_then(registrable_domain);
    let per_post = distinct_per_post(external, registrable_domain);
    let (domain, basis) = match profile {
        Some(d) => (Some(d), OwnSiteBasis::ProfileUrl),
        None => {
            // Most posts first, then alphabetical, so ties are stable.
            let best = posts_with(&per_post)
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)));
            match best {
                Some((d, _)) => (Some(d.to_string()), OwnSiteBasis::MostLinked),
                None => (None, OwnSiteBasis::Unknown),
            }
        }
    };
    let count = domain.as_deref().map_or(0, |d| {
        per_post.iter().filter(|s| s.iter().any(|x| x == d)).count()
    });
    OwnSite {
        domain,
        basis,
        share: Share::new(count, external.len()),
    }
}

fn is_conversation(t: &Tweet, own_handle: &str) -> bool {
    let is_other = |h: &str| !h.is_empty() && crate::case::lower(h) != own_handle;
    match t.kind {
        TweetKind::Repost => false,
        TweetKind::Reply
            if t.reply_to
                .as_deref()
                .map_or(true, |h| is_other(h.trim_start_matches('@'))) =>
        {
            true
        }
        _ => mentions(&t.text).into_iter().any(is_other),
    }
}

/// FNV-1a, for shingle hashes (deterministic across runs and targets).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b' ');
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Sorted, distinct hashes of word pairs (single words for one-word texts).
fn shingles(norm: &str) -> Vec<u64> {
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<u64> = if words.len() < 2 {
        words.iter().map(|w| fnv1a(&[w])).collect()
    } else {
        words.windows(2).map(fnv1a).collect()
    };
    crate::sort::values(&mut out);
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, distinct lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    inter as f64 / union as f64
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while let Some(&p) = parent.get(x) {
        if p == x {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(x) {
            *slot = gp;
        }
        x = gp;
    }
    x
}

/// Groups the newest authored posts by same text (exact after normalising,
/// or word-pair Jaccard >= 0.8, joined transitively). `link_only` says for
/// each post whether it is link-only (`is_link_only` with its `links_of`),
/// as the caller measured it.
fn duplicates(authored_newest_first: &[&Tweet], link_only: &[bool]) -> Duplicates {
    let norms: Vec<String> = authored_newest_first
        .iter()
        .zip(link_only)
        .take(DUPLICATE_WINDOW)
        .filter_map(|(t, &link_only)| {
            let norm = normalize_for_duplicates(&t.text);
            let skip = norm.is_empty() || link_only;
            (!skip).then_some(norm)
        })
        .collect();
    let considered = norms.len();
    let mut by_text: Counts = HashMap::new();
    let mut texts: Vec<(&str, usize)> = Vec::new();
    for norm in &norms {
        match by_text.get(norm.as_str()) {
            Some(&i) => {
                if let Some(entry) = texts.get_mut(i) {
                    entry.1 += 1;
                }
            }
            None => {
                by_text.insert(norm, texts.len());
                texts.push((norm, 1));
            }
        }
    }
    let sh: Vec<Vec<u64>> = texts.iter().map(|(s, _)| shingles(s)).collect();
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    for (i, a) in sh.iter().enumerate() {
        for (j, b) in sh.iter().enumerate().skip(i + 1) {
            let (small, large) = (a.len().min(b.len()), a.len().max(b.len()));
            // Jaccard can't reach the bar when the sizes differ too much.
            if large == 0 || (small as f64) < NEAR_DUPLICATE_JACCARD * large as f64 {
                continue;
            }
            if jaccard(a, b) >= NEAR_DUPLICATE_JACCARD {
                let (ra, rb) = (find(&mut parent, i), find(&mut parent, j));
                if let Some(slot) = parent.get_mut(ra) {
                    *slot = rb;
                }
            }
        }
    }
    // Copies per group, by its root (every text counts at least once, so a
    // group's size is never 0: zeros are indices that are no root).
    let mut sizes: Vec<usize> = vec![0; texts.len()];
    for (i, (_, count)) in texts.iter().enumerate() {
        if let Some(size) = sizes.get_mut(find(&mut parent, i)) {
            *size += count;
        }
    }
    let groups = || sizes.iter().copied().filter(|&s| s > 0);
    let repeats: usize = groups().map(|s| s - 1).sum();
    Duplicates {
        considered,
        repeats: Share::new(repeats, considered),
        max_copies: groups().max().unwrap_or(0),
        repeated_texts: groups().filter(|&s| s >= 2).count(),
    }
}

/// Half-octave bucket of a gap in seconds: `floor(2·log2(gap)) + 1`, which is
/// the bit length of `gap²`, computed so without a logarithm (libm's `log2`
/// stays out of the wasm; the same bucket for every gap, see the tests).
fn interval_bucket(gap: i64) -> usize {
    if gap <= 0 {
        return 0;
    }
    // From 2^32 on, 2·log2(gap) >= 64: the last bucket.
    let Ok(g) = u32::try_from(gap) else {
        return INTERVAL_BUCKETS - 1;
    };
    let square = u64::from(g) * u64::from(g);
    let bits = (u64::BITS - square.leading_zeros()) as usize;
    bits.min(INTERVAL_BUCKETS - 1)
}

fn intervals(times_ascending: &[i64]) -> Intervals {
    let gaps: Vec<i64> = times_ascending
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(b.saturating_sub(*a).max(0)),
            _ => None,
        })
        .collect();
    let as_f: Vec<f64> = gaps.iter().map(|&g| g as f64).collect();
    let mut buckets = vec![0usize; INTERVAL_BUCKETS];
    for &g in &gaps {
        if let Some(b) = buckets.get_mut(interval_bucket(g)) {
            *b += 1;
        }
    }
    Intervals {
        count: gaps.len(),
        mean_seconds: mean(&as_f),
        cv: coefficient_of_variation(&as_f),
        entropy: normalized_entropy(&buckets, INTERVAL_BUCKETS),
    }
}

fn clock_uniformity(times: &[i64], bucket: impl Fn(i64) -> usize) -> Option<ClockUniformity> {
    if times.len() < 2 {
        return None;
    }
    let mut counts = [0usize; 60];
    for &t in times {
        if let Some(c) = counts.get_mut(bucket(t)) {
            *c += 1;
        }
    }
    let chi_square = chi_square_uniform(&counts)?;
    let (top_bucket, top_count) = counts.iter().enumerate().fold(
        (0usize, 0usize),
        |best, (i, &c)| {
            if c > best.1 {
                (i, c)
            } else {
                best
            }
        },
    );
    Some(ClockUniformity {
        n: times.len(),
        chi_square,
        dispersion: chi_square / 59.0,
        p_value: chi_square_upper_tail(chi_square, 59),
        top_bucket: top_bucket as u32,
        top_count,
    })
}

#[cfg(test)]
mod tests {
    use super::{interval_bucket, INTERVAL_BUCKETS};

    /// The bucket as it was computed, with a logarithm.
    fn by_log2(gap: i64) -> usize {
        if gap <= 0 {
            return 0;
        }
        let b = (2.0 * (gap as f64).log2()).floor() as usize + 1;
        b.min(INTERVAL_BUCKETS - 1)
    }

    #[test]
    fn interval_buckets_are_the_logarithms_buckets() {
        // Every gap up to 48 days, then every gap near each bucket's start
        // (where gap² passes a power of two) and the extremes.
        for gap in -3..=(1 << 22) {
            assert_eq!(interval_bucket(gap), by_log2(gap), "gap {gap}");
        }
        for k in 1..=70u32 {
            let start = 2f64.powf(f64::from(k) / 2.0).ceil() as i64;
            for gap in start.saturating_sub(5_000)..=start.saturating_add(5_000) {
                assert_eq!(interval_bucket(gap), by_log2(gap), "gap {gap}");
            }
        }
        for gap in [u32::MAX as i64, 1 << 32, i64::MAX, i64::MIN] {
            assert_eq!(interval_bucket(gap), by_log2(gap), "gap {gap}");
        }
    }
}
