//! Native speed figures for the Rust core: GraphQL reading throughput, scoring
//! throughput on generated accounts, and the time to read one 8 MB payload
//! (the page reader refuses more). Prints one `<name> <value> <unit>` line per
//! figure on stdout (details go to stderr).
//!
//! ```sh
//! cargo run --release --example bench                       # figures only
//! cargo run --release --example bench -- --write-pages DIR  # also writes the payloads for tests/bench/wasm.mjs
//! cargo run --release --example bench -- --only score       # one figure (parse, big or score), for profiling
//! cargo run --release --example bench -- --only parse       # reading figures, each generation typed and generic
//! cargo run --release --example bench -- --only score_memory # scoring the memory with posts (the wasm figure's data)
//! ```
//!
//! The accounts come from a small deterministic PRNG (same seed, same bytes),
//! so native and wasm figures are taken on identical payloads. Users are the
//! size X sends (3-5 KB of JSON each: the fields X adds beside the facts read).
//! `--write-pages` also writes X-sized Followers pages (20 users) of each user
//! generation (`xpage_gen{1,2,3}_NNN.json`) for the wasm parse figures, and a
//! saved memory of accounts with recent posts and count history
//! (`memory_realistic.json`) for the wasm scoring figure.

// X's user objects are deep: `json!` needs more macro recursion than the default.
#![recursion_limit = "256"]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use followback::memory::Memory;
use followback::model::{Tweet, TweetKind};
use followback::prepared::Matchers;
use followback::read::{read_any, read_page, read_page_generic};
use followback::score::{score_compact, score_with};
use followback::time::civil_from_days;
use followback::Settings;
use serde_json::{json, Value};

/// Accounts generated for the scoring and parsing figures (at 3-5 KB each, 80 MB of pages).
const ACCOUNTS: usize = 20_000;
/// Users per Followers page for the native figures (X sends 20; see `X_PAGE_USERS`).
const PAGE_USERS: usize = 1_000;
/// Users per Followers page as X sends them (the wasm parse figures' pages).
const X_PAGE_USERS: usize = 20;
/// X-sized pages written per user generation.
const X_PAGES_PER_GENERATION: usize = 50;
/// Accounts in the saved memory with posts and history (the wasm scoring figure).
const MEMORY_ACCOUNTS: usize = 10_000;
/// Size of the single large payload: under the page reader's 8 MB limit.
const BIG_PAYLOAD_BYTES: usize = 7_900_000;
/// "Now" for scoring: 2026-11-21T10:00:00Z, as the tests fix it.
const NOW: i64 = 1_795_255_200;
/// Timed repetitions; the best is reported (least disturbed by the other engineers' builds).
const RUNS: usize = 3;

// ---------------------------------------------------------------------------
// Deterministic generation
// ---------------------------------------------------------------------------

/// SplitMix64: tiny, fast and good enough for varied test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or("")
    }

    /// Roughly log-uniform count up to 10^`max_exp`.
    fn count(&mut self, max_exp: u32) -> u64 {
        let exp = self.below(u64::from(max_exp) + 1) as u32;
        let top = 10u64.pow(exp);
        self.below(top.saturating_mul(9)) + top / 10
    }
}

const FIRST: &[&str] = &[
    "maria", "tomasz", "aiko", "omar", "lena", "kwame", "sofia", "ravi", "chen", "ines", "yusuf",
    "olga", "diego", "fatima", "noah", "mei", "ade", "lucas", "zoe", "hiro",
];
const LAST: &[&str] = &[
    "okafor", "nowak", "tanaka", "haddad", "schmidt", "mensah", "rossi", "patel", "wei", "garcia",
    "demir", "ivanova", "lopez", "ali", "smith", "lin", "bello", "silva", "brown", "sato",
];
const BIO_PLAIN: &[&str] = &[
    "Science writer covering climate & cities. Opinions mine.",
    "Backend developer. Rust, Postgres, bikes.",
    "Nurse, mum of two, amateur astronomer 🔭",
    "Local news for the east side. Tips: news@example.com",
    "PhD student in marine biology 🐙 she/her",
    "Photographer — streets, people, light.",
    "Teacher. Reading, hiking, bad puns.",
    "東京在住のエンジニア。コーヒーと写真。",
    "مطور برمجيات ومحب للقراءة",
    "Product designer at a small studio. Previously agency life.",
    "Retired, gardening, grandkids, and the occasional rant about buses.",
    "Open-source maintainer. Coffee-driven development ☕",
];
const BIO_BEGGING: &[&str] = &[
    "#TeamFollowBack #F4F 100% follow back",
    "Follow me and I follow back!! #FollowBack #IFollowBack",
    "Crypto | NFTs | #Follow4Follow #500aDay",
    "🔥 #TFB #AutoFollow #FollowTrain 🔥",
    "I always followback ✅ #MustFollow",
];
const BIO_GURU: &[&str] = &[
    "Social media guru | growth hacker | influencer",
    "Marketing ninja and social media rockstar 🚀",
    "Growth hacking tips daily. DM for collabs.",
];
const BIO_SPAM: &[&str] = &[
    "Free airdrop 🚀 DM for signals 📈 100x gems daily",
    "Earn $500/day from home, link below 👇",
];
const LOCATIONS: &[&str] = &[
    "Lagos, Nigeria",
    "Kraków",
    "Tokyo",
    "Berlin",
    "São Paulo",
    "",
    "Earth",
    "he/him • London",
];

/// X's date format: "Mon Jan 10 02:06:34 +0000 2011".
fn x_date(unix: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let weekday = DAYS
        .get(days.rem_euclid(7) as usize)
        .copied()
        .unwrap_or("Mon");
    let month = MONTHS
        .get((m as usize).saturating_sub(1))
        .copied()
        .unwrap_or("Jan");
    format!(
        "{weekday} {month} {d:02} {:02}:{:02}:{:02} +0000 {y}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// The facts of one generated account (everything a Followers entry carries).
struct Person {
    id: u64,
    handle: String,
    name: String,
    bio: String,
    location: String,
    url: Option<String>,
    created: i64,
    followers: u64,
    following: u64,
    tweets: u64,
    media: u64,
    likes: u64,
    listed: u64,
    default_avatar: bool,
    default_profile: bool,
    verified: bool,
    blue: bool,
    protected: bool,
    you_follow: bool,
}

fn person(rng: &mut Rng, i: usize) -> Person {
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let kind = rng.below(100);
    // Handles are unique by construction (the index is part of every form).
    let handle = match rng.below(4) {
        0 => format!("{first}_{last}{i}"),
        1 => format!("{first}{}{i}", rng.below(100_000_000)),
        2 => format!("{last}_{i}"),
        _ => format!("{}{i}", first.get(..1).unwrap_or("x")),
    };
    // X allows 15 characters: a longer one keeps its letters and ends in `_<index>`
    // (still unique: the part after the last `_` is the index).
    let handle = if handle.len() > 15 {
        let suffix = format!("_{i}");
        let letters = handle.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_');
        let keep = 15usize.saturating_sub(suffix.len()).min(letters.len());
        format!(
            "{}{suffix}",
            letters.get(..keep).unwrap_or("x").trim_end_matches('_')
        )
    } else {
        handle
    };
    let mut name = format!(
        "{}{} {last}",
        first.get(..1).unwrap_or("").to_ascii_uppercase(),
        first.get(1..).unwrap_or("")
    );
    let bio = match kind {
        0..=9 => String::new(),
        10..=21 => rng.pick(BIO_BEGGING).to_string(),
        22..=27 => rng.pick(BIO_GURU).to_string(),
        28..=31 => rng.pick(BIO_SPAM).to_string(),
        _ => rng.pick(BIO_PLAIN).to_string(),
    };
    if (10..=21).contains(&kind) && rng.chance(30) {
        name.push_str(" #F4F");
    }
    if rng.chance(10) {
        name.push_str(" 🏳️‍🌈");
    }
    let followers = rng.count(6);
    let following = match rng.below(10) {
        0 => 4_990 + rng.below(10),                          // near the 5,000 cap
        1 | 2 => followers + rng.below(followers / 20 + 10), // follow-for-follow
        _ => rng.count(4),
    };
    // Accounts created 2007-01-01 .. 2026-11-01.
    let created = 1_167_609_600 + rng.below(1_793_491_200 - 1_167_609_600) as i64;
    let tweets = if rng.chance(8) { 0 } else { rng.count(5) };
    Person {
        id: 3_000_000_000 + i as u64,
        handle,
        name,
        bio,
        location: rng.pick(LOCATIONS).to_string(),
        url: rng
            .chance(30)
            .then(|| format!("https://{first}{last}.example.com")),
        created,
        followers,
        following,
        tweets,
        media: tweets / (2 + rng.below(20)),
        likes: rng.count(5),
        listed: followers / (50 + rng.below(500)),
        default_avatar: kind < 12 || rng.chance(5),
        default_profile: rng.chance(15),
        verified: rng.chance(1),
        blue: rng.chance(8),
        protected: rng.chance(6),
        you_follow: rng.chance(20),
    }
}

fn avatar_url(p: &Person) -> String {
    if p.default_avatar {
        "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png".into()
    } else {
        format!(
            "https://pbs.twimg.com/profile_images/{}/{}_normal.jpg",
            p.id, p.handle
        )
    }
}

/// What X sends beside the facts Followback reads (professional info,
/// verification reasons, highlight and subscription flags, client event data):
/// real user objects are 3-5 KB, mostly these.
fn x_extras(p: &Person, m: &mut serde_json::Map<String, Value>) {
    let extras = json!({
        "professional": {
            "rest_id": format!("14{}", p.id),
            "professional_type": if p.blue { "Creator" } else { "Business" },
            "category": [{ "id": 1009 + p.id % 40, "name": "Science & Technology", "icon_name": "IconBriefcaseStroke" }]
        },
        "verification_info": {
            "is_identity_verified": false,
            "reason": {
                "description": {
                    "text": "This account is verified because it's subscribed to X Premium. Learn more",
                    "entities": [{ "from_index": 62, "to_index": 72,
                        "ref": { "url": "https://help.x.com/en/managing-your-account/about-x-verified-accounts", "url_type": "ExternalUrl" } }]
                },
                "verified_since_msec": format!("{}", 1_690_000_000_000u64 + p.id % 10_000_000)
            }
        },
        "highlights_info": { "can_highlight_tweets": p.blue, "highlighted_tweets": "0" },
        "tipjar_settings": { "is_enabled": false, "bandcamp_handle": "", "bitcoin_handle": "", "cash_app_handle": "",
            "ethereum_handle": "", "gofundme_handle": "", "patreon_handle": "", "pay_pal_handle": "", "venmo_handle": "" },
        "legacy_extended_profile": { "birthdate": { "day": 1 + p.id % 28, "month": 1 + p.id % 12, "visibility": "Self", "year_visibility": "Self" } },
        "business_account": {},
        "creator_subscriptions_count": 0,
        "has_hidden_subscriptions_on_profile": false,
        "premium_gifting_eligible": false,
        "super_follow_eligible": false,
        "super_followed_by": false,
        "super_following": false,
        "user_seed_tweet_count": 0,
        "smart_blocked_by": false,
        "smart_blocking": false,
        "is_profile_translatable": false,
        "has_custom_timelines": p.listed > 0,
        "profile_banner_extensions": { "mediaColor": { "r": { "ok": { "palette": [
            { "percentage": 61.2, "rgb": { "blue": 40, "green": 33, "red": 29 } },
            { "percentage": 18.7, "rgb": { "blue": 160, "green": 142, "red": 120 } },
            { "percentage": 9.9, "rgb": { "blue": 221, "green": 214, "red": 205 } },
            { "percentage": 5.1, "rgb": { "blue": 88, "green": 120, "red": 150 } }
        ] } } } },
        "profile_image_extensions_media_color": { "palette": [
            { "percentage": 72.4, "rgb": { "blue": 230, "green": 226, "red": 222 } },
            { "percentage": 14.3, "rgb": { "blue": 63, "green": 58, "red": 51 } }
        ] },
        "translator_type_enum": "None",
        "withheld_scope": null,
        "ext": { "highlightedLabel": { "r": { "ok": {} }, "ttl": -1 } },
        "urt_metadata": { "controller_data": "DAACDAABDAABCgABAAAAAAAAAAAKAAkXMD8ne0qQAQAAAAA=",
            "impression_id": format!("{:016x}", p.id.wrapping_mul(0x9E37_79B9_7F4A_7C15)) }
    });
    if let Value::Object(extra) = extras {
        m.extend(extra);
    }
}

/// Generation 1: everything in `legacy` (X's older user object).
fn user_gen1(p: &Person) -> Value {
    let urls = match &p.url {
        Some(u) => json!([{ "display_url": u.trim_start_matches("https://"), "expanded_url": u,
                            "url": "https://t.co/abcdEFGH", "indices": [0, 23] }]),
        None => json!([]),
    };
    let mut m = match json!({
        "__typename": "User",
        "id": format!("VXNlcjo{}", p.id),
        "rest_id": p.id.to_string(),
        "affiliates_highlighted_label": {},
        "has_graduated_access": true,
        "is_blue_verified": p.blue,
        "profile_image_shape": "Circle",
        "legacy": {
            "can_dm": false, "can_media_tag": true,
            "created_at": x_date(p.created),
            "default_profile": p.default_profile,
            "default_profile_image": p.default_avatar,
            "description": p.bio,
            "entities": { "description": { "urls": [] }, "url": { "urls": urls } },
            "fast_followers_count": 0,
            "favourites_count": p.likes,
            "followers_count": p.followers,
            "friends_count": p.following,
            "has_custom_timelines": false,
            "is_translator": false,
            "listed_count": p.listed,
            "location": p.location,
            "media_count": p.media,
            "name": p.name,
            "normal_followers_count": p.followers,
            "pinned_tweet_ids_str": [],
            "possibly_sensitive": false,
            "profile_image_url_https": avatar_url(p),
            "profile_interstitial_type": "",
            "screen_name": p.handle,
            "statuses_count": p.tweets,
            "translator_type": "none",
            "url": p.url.as_ref().map(|_| "https://t.co/abcdEFGH"),
            "verified": p.verified,
            "want_retweets": false,
            "withheld_in_countries": [],
            "followed_by": true,
            "following": p.you_follow,
            "protected": p.protected,
            "profile_banner_url": format!("https://pbs.twimg.com/profile_banners/{}/1600000000", p.id)
        }
    }) {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    x_extras(p, &mut m);
    Value::Object(m)
}

/// Fields generation 2 and 3 share.
fn common_fields(p: &Person) -> serde_json::Map<String, Value> {
    let v = json!({
        "__typename": "User",
        "id": format!("VXNlcjo{}", p.id),
        "rest_id": p.id.to_string(),
        "affiliates_highlighted_label": {},
        "has_graduated_access": true,
        "is_blue_verified": p.blue,
        "profile_image_shape": "Circle",
        "core": { "created_at": x_date(p.created), "name": p.name, "screen_name": p.handle },
        "avatar": { "image_url": avatar_url(p) },
        "dm_permissions": { "can_dm": false },
        "location": { "location": p.location },
        "media_permissions": { "can_media_tag": true },
        "parody_commentary_fan_label": "None",
        "privacy": { "protected": p.protected },
        "relationship_perspectives": {
            "following": p.you_follow, "followed_by": true,
            "blocking": false, "blocked_by": false, "muting": false
        },
        "verification": { "verified": p.verified },
        "is_profile_translatable": false,
        "verification_info": { "is_identity_verified": false }
    });
    let mut m = match v {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    x_extras(p, &mut m);
    m
}

/// Generation 2: `core`, `avatar`, ... beside a `legacy` holding the counts.
fn user_gen2(p: &Person) -> Value {
    let mut m = common_fields(p);
    m.insert("profile_bio".into(), json!({ "description": p.bio }));
    let urls = match &p.url {
        Some(u) => json!([{ "display_url": u.trim_start_matches("https://"), "expanded_url": u,
                            "url": "https://t.co/abcdEFGH", "indices": [0, 23] }]),
        None => json!([]),
    };
    m.insert(
        "legacy".into(),
        json!({
            "default_profile": p.default_profile,
            "default_profile_image": p.default_avatar,
            "description": "",
            "entities": { "description": { "urls": [] }, "url": { "urls": urls } },
            "fast_followers_count": 0,
            "favourites_count": p.likes,
            "followers_count": p.followers,
            "friends_count": p.following,
            "has_custom_timelines": false,
            "is_translator": false,
            "listed_count": p.listed,
            "media_count": p.media,
            "normal_followers_count": p.followers,
            "pinned_tweet_ids_str": [],
            "possibly_sensitive": false,
            "profile_interstitial_type": "",
            "statuses_count": p.tweets,
            "translator_type": "none",
            "want_retweets": false,
            "withheld_in_countries": [],
            "profile_banner_url": format!("https://pbs.twimg.com/profile_banners/{}/1600000000", p.id)
        }),
    );
    Value::Object(m)
}

/// Generation 3: no `legacy`; counts in `relationship_counts`, `tweet_counts`, `action_counts`.
fn user_gen3(p: &Person) -> Value {
    let mut m = common_fields(p);
    m.insert(
        "profile_bio".into(),
        json!({ "description": p.bio,
                "entities": { "description": { "urls": [], "hashtags": [], "user_mentions": [] } } }),
    );
    m.insert(
        "relationship_counts".into(),
        json!({ "followers": p.followers, "following": p.following }),
    );
    m.insert(
        "tweet_counts".into(),
        json!({ "tweets": p.tweets, "media_tweets": p.media }),
    );
    m.insert(
        "action_counts".into(),
        json!({ "favorites_count": p.likes }),
    );
    if let Some(u) = &p.url {
        m.insert("website".into(), json!({ "url": u }));
    }
    m.insert(
        "banner".into(),
        json!({ "image_url": format!("https://pbs.twimg.com/profile_banners/{}/1600000000", p.id) }),
    );
    m.insert("pinned_items".into(), json!({ "tweet_ids_str": [] }));
    Value::Object(m)
}

/// Which user object generation a page's users come in.
#[derive(Clone, Copy)]
enum Generation {
    /// Half gen2, half gen3 (today's mix).
    Mixed,
    /// One generation only (1, 2 or 3).
    Only(u8),
}

fn user_entry(rng: &mut Rng, i: usize, sort: u64, generation: Generation) -> Value {
    let p = person(rng, i);
    let user = match generation {
        Generation::Only(1) => user_gen1(&p),
        Generation::Only(2) => user_gen2(&p),
        Generation::Only(_) => user_gen3(&p),
        Generation::Mixed if rng.chance(50) => user_gen2(&p),
        Generation::Mixed => user_gen3(&p),
    };
    json!({
        "entryId": format!("user-{}", p.id),
        "sortIndex": sort.to_string(),
        "content": {
            "entryType": "TimelineTimelineItem",
            "__typename": "TimelineTimelineItem",
            "itemContent": {
                "itemType": "TimelineUser",
                "__typename": "TimelineUser",
                "user_results": { "result": user },
                "userDisplayType": "User"
            },
            "clientEventInfo": { "component": "FollowersSgs", "element": "user",
                "details": { "timelinesDetails": { "injectionType": "RankedOrganicUser",
                    "controllerData": "DAACDAABDAABCgABAAAAAAAAAAAKAAkXMD8ne0qQAQAAAAA=" } } }
        }
    })
}

fn cursor(kind: &str, sort: u64) -> Value {
    json!({
        "entryId": format!("cursor-{}-{sort}", kind.to_ascii_lowercase()),
        "sortIndex": sort.to_string(),
        "content": {
            "entryType": "TimelineTimelineCursor",
            "__typename": "TimelineTimelineCursor",
            "value": format!("{sort}|1859000000000000001"),
            "cursorType": kind
        }
    })
}

/// One Followers response holding accounts `first..first + count`.
fn followers_page(rng: &mut Rng, first: usize, count: usize) -> String {
    followers_page_of(rng, first, count, Generation::Mixed)
}

/// One Followers response holding accounts `first..first + count` of one generation.
fn followers_page_of(rng: &mut Rng, first: usize, count: usize, generation: Generation) -> String {
    let top = 1_859_000_000_000_000_000u64 - first as u64;
    let mut entries: Vec<Value> = (0..count)
        .map(|k| user_entry(rng, first + k, top - k as u64, generation))
        .collect();
    entries.push(cursor("Bottom", top - count as u64));
    entries.push(cursor("Top", top + 1));
    json!({
        "data": { "user": { "result": { "__typename": "User", "timeline": { "timeline": {
            "instructions": [
                { "type": "TimelineClearCache" },
                { "type": "TimelineTerminateTimeline", "direction": "Top" },
                { "type": "TimelineAddEntries", "entries": entries }
            ],
            "metadata": { "scribeConfig": { "page": "followers" } }
        } } } } }
    })
    .to_string()
}

/// `ACCOUNTS` accounts as Followers pages of `PAGE_USERS`.
fn pages(seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    (0..ACCOUNTS.div_ceil(PAGE_USERS))
        .map(|p| {
            let first = p * PAGE_USERS;
            followers_page(&mut rng, first, PAGE_USERS.min(ACCOUNTS - first))
        })
        .collect()
}

/// One payload of about `BIG_PAYLOAD_BYTES`, never more (accounts numbered after the pages').
fn big_payload(seed: u64) -> String {
    let mut rng = Rng(seed);
    let probe = followers_page(&mut rng, ACCOUNTS, 100);
    let per_user = (probe.len() / 100).max(1);
    let mut users = BIG_PAYLOAD_BYTES / per_user;
    loop {
        let mut rng = Rng(seed);
        let text = followers_page(&mut rng, ACCOUNTS, users);
        if text.len() <= BIG_PAYLOAD_BYTES || users <= 1 {
            return text;
        }
        users -= users / 50 + 1;
    }
}

/// X-sized Followers pages (`X_PAGE_USERS` users) of one generation, numbered after the big payload's accounts.
fn x_pages(seed: u64, generation: u8) -> Vec<String> {
    let mut rng = Rng(seed ^ u64::from(generation));
    let first = 10 * ACCOUNTS * usize::from(generation);
    (0..X_PAGES_PER_GENERATION)
        .map(|p| {
            followers_page_of(
                &mut rng,
                first + p * X_PAGE_USERS,
                X_PAGE_USERS,
                Generation::Only(generation),
            )
        })
        .collect()
}

const POSTS: &[&str] = &[
    "New piece on how cities cool themselves: trees beat paint, mostly. Link in the thread.",
    "Anyone else's sourdough starter sulking this week? Mine refuses to rise.",
    "Thread: five things I learned maintaining an open-source parser for ten years 🧵",
    "Follow me and I follow back!! #F4F #FollowBack",
    "Morning light over the river, shot on film. No edits.",
    "Our council meeting tonight votes on the bike lanes. Details below.",
    "🚀 100x gem alert, DM for signals 📈",
    "Reading list for the weekend: three essays on craft and rejection.",
    "Replying to everyone who asked: yes, the dataset is public now.",
    "東京の朝。コーヒーがおいしい。",
];

/// A memory of the first `MEMORY_ACCOUNTS` accounts of `pages`, as X would
/// have shown them over a few visits: their counts changing (history), and
/// 0-20 recent posts each (originals, replies, reposts; a few with links).
fn realistic_memory(pages: &[String], seed: u64) -> Memory {
    let mut rng = Rng(seed);
    let mut memory = Memory::new(ACCOUNTS * 2);
    let mut accounts = Vec::new();
    for page in pages {
        if accounts.len() >= MEMORY_ACCOUNTS {
            break;
        }
        if let Ok(obs) = read_any(page) {
            accounts.extend(obs.accounts);
        }
    }
    accounts.truncate(MEMORY_ACCOUNTS);
    for visit in 0..3i64 {
        let at = NOW - (3 - visit) * 7 * 86_400;
        for a in &accounts {
            let mut seen = a.clone();
            seen.followers = a.followers.map(|f| f.saturating_sub(rng.below(f / 20 + 3)));
            seen.tweets = a.tweets.map(|t| t.saturating_sub(rng.below(30)));
            seen.observed_at = Some(at);
            memory.remember_account(seen, at);
        }
    }
    for a in &accounts {
        for k in 0..rng.below(21) {
            let kind = match rng.below(10) {
                0..=5 => TweetKind::Original,
                6 | 7 => TweetKind::Reply,
                8 => TweetKind::Repost,
                _ => TweetKind::Quote,
            };
            let tweet = Tweet {
                id: Some(format!("18{}{k:03}", a.id.clone().unwrap_or_default())),
                author_id: a.id.clone(),
                author_handle: Some(a.handle.clone()),
                text: rng.pick(POSTS).to_string(),
                created_at: Some(NOW - rng.below(60 * 86_400) as i64),
                reply_to: (kind == TweetKind::Reply).then(|| "someone_else".to_string()),
                urls: if rng.chance(20) {
                    vec!["https://example.com/story".to_string()]
                } else {
                    Vec::new()
                },
                client: Some(
                    rng.pick(&["Twitter for iPhone", "Twitter Web App", "Buffer"])
                        .to_string(),
                ),
                kind,
                ..Tweet::default()
            };
            memory.remember_tweet(tweet, NOW);
        }
    }
    memory
}

// ---------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------

/// Best of `RUNS` timings of `f`.
fn best_of<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = black_box(f());
        best = best.min(start.elapsed());
        last = Some(out);
    }
    match last {
        Some(out) => (best, out),
        None => (Duration::ZERO, f()),
    }
}

fn figure(name: &str, value: f64, unit: &str) {
    if value.fract() == 0.0 || value >= 1000.0 {
        println!("{name} {value:.0} {unit}");
    } else {
        println!("{name} {value:.2} {unit}");
    }
}

fn write_pages(
    dir: &PathBuf,
    pages: &[String],
    big: &str,
    x: &[(u8, Vec<String>)],
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, page) in pages.iter().enumerate() {
        std::fs::write(dir.join(format!("followers_{i:03}.json")), page)?;
    }
    std::fs::write(dir.join("big_8mb.json"), big)?;
    for (generation, xp) in x {
        let users: usize =
            xp.iter().map(String::len).sum::<usize>() / (xp.len() * X_PAGE_USERS).max(1);
        eprintln!("gen{generation} X-sized pages: {} of {X_PAGE_USERS} users, about {users} bytes per user", xp.len());
        for (i, page) in xp.iter().enumerate() {
            std::fs::write(dir.join(format!("xpage_gen{generation}_{i:03}.json")), page)?;
        }
    }
    let memory = realistic_memory(pages, 0x00ED_0000_5EED);
    let json = memory.to_json();
    eprintln!(
        "memory with posts and history: {} accounts, {} bytes saved",
        memory.len(),
        json.len()
    );
    std::fs::write(dir.join("memory_realistic.json"), json)?;
    Ok(())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out_dir: Option<PathBuf> = None;
    let mut only: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--write-pages" => out_dir = args.next().map(PathBuf::from),
            "--only" => only = args.next(),
            other => {
                eprintln!("bench: unknown argument {other:?} (use --write-pages DIR, --only parse|big|score|score_memory)");
                std::process::exit(64);
            }
        }
    }

    let start = Instant::now();
    let pages = pages(0x00F0_11B4_C4B3_4C11);
    let big = big_payload(0x0000_B16B_16B1_6B16);
    let x: Vec<(u8, Vec<String>)> = (1..=3u8)
        .map(|g| (g, x_pages(0x0051_2E00_0000_0000, g)))
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    eprintln!(
        "generated {} pages ({} MB) and a {} MB payload in {:.1?}",
        pages.len(),
        bytes as f64 / 1e6,
        big.len() as f64 / 1e6,
        start.elapsed()
    );
    eprintln!("about {} bytes of JSON per user", bytes / ACCOUNTS.max(1));
    if let Some(dir) = &out_dir {
        if let Err(e) = write_pages(dir, &pages, &big, &x) {
            eprintln!("bench: could not write the pages to {}: {e}", dir.display());
            std::process::exit(1);
        }
        eprintln!("wrote the payloads to {}", dir.display());
    }

    let wanted = |part: &str| only.as_deref().map_or(true, |o| o == part);
    // Scoring first: it allocates the most, and a heap churned by the
    // parsing runs before it made the native figure vary by 2x.
    if wanted("score") {
        bench_score(&pages);
    }
    if wanted("score") || wanted("score_memory") {
        bench_score_memory(&pages);
    }
    if wanted("parse") {
        bench_parse(&pages, bytes);
        bench_parse_generations(&x);
    }
    if wanted("big") {
        bench_big(&big);
    }
}

/// Reading: `read_page` (what the extension's ingest runs) over every page.
fn bench_parse(pages: &[String], bytes: usize) {
    let (elapsed, accounts) = best_of(|| {
        pages
            .iter()
            .map(|p| read_page(p).map_or(0, |o| o.accounts.len()))
            .sum::<usize>()
    });
    if accounts != ACCOUNTS {
        eprintln!("bench: expected {ACCOUNTS} accounts from the pages, read {accounts}");
        std::process::exit(1);
    }
    figure(
        "parse_native_mb_per_s",
        bytes as f64 / 1e6 / elapsed.as_secs_f64(),
        "MB/s",
    );
    // `read_any` (files, the CLI) keeps the generic walker.
    let (elapsed, _) = best_of(|| {
        pages
            .iter()
            .map(|p| read_any(p).map_or(0, |o| o.accounts.len()))
            .sum::<usize>()
    });
    figure(
        "parse_any_native_mb_per_s",
        bytes as f64 / 1e6 / elapsed.as_secs_f64(),
        "MB/s",
    );
}

/// Reading X-sized pages of each generation: `read_page` (typed) and the
/// generic walker it replaces (`read_page_generic`), on the same bytes.
fn bench_parse_generations(x: &[(u8, Vec<String>)]) {
    for (gen, pages) in x {
        let bytes: usize = pages.iter().map(String::len).sum();
        let users = pages.len() * X_PAGE_USERS;
        for (name, read) in [
            ("parse_native_mb_per_s", read_page as fn(&str) -> _),
            ("parse_generic_native_mb_per_s", read_page_generic),
        ] {
            let (elapsed, accounts) = best_of(|| {
                pages
                    .iter()
                    .map(|p| read(p).map_or(0, |o| o.accounts.len()))
                    .sum::<usize>()
            });
            if accounts != users {
                eprintln!("bench: expected {users} accounts from the generation {gen} pages, read {accounts}");
                std::process::exit(1);
            }
            figure(
                &format!("{name}_gen{gen}"),
                bytes as f64 / 1e6 / elapsed.as_secs_f64(),
                "MB/s",
            );
        }
        eprintln!(
            "generation {gen}: {} pages of {X_PAGE_USERS} users, {:.1} KB a user",
            pages.len(),
            bytes as f64 / users as f64 / 1e3
        );
    }
}

/// The 8 MB payload, read once per run.
fn bench_big(big: &str) {
    let (elapsed, big_accounts) = best_of(|| read_any(big).map_or(0, |o| o.accounts.len()));
    eprintln!("8 MB payload: {} bytes, {big_accounts} accounts", big.len());
    figure("parse_8mb_ms", elapsed.as_secs_f64() * 1e3, "ms");
}

/// Scoring: everything remembered, scored with the default settings.
fn bench_score(pages: &[String]) {
    let mut memory = Memory::new(ACCOUNTS * 2);
    for page in pages {
        if let Ok(obs) = read_any(page) {
            memory.remember(obs, NOW);
        }
    }
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    // The numeric fast path (score, level, confidence: what a badge needs).
    let (elapsed, scored) = best_of(|| {
        memory
            .entries()
            .map(|e| u64::from(score_compact(&e.subject(), &settings, &matchers, NOW).score))
            .fold((0usize, 0u64), |(n, sum), s| (n + 1, sum + s))
    });
    eprintln!(
        "scored {} accounts (fast path), mean score {:.1}",
        scored.0,
        scored.1 as f64 / scored.0.max(1) as f64
    );
    figure(
        "score_native_accounts_per_s",
        scored.0 as f64 / elapsed.as_secs_f64(),
        "accounts/s",
    );
    // The explained verdict (every evidence line as messages, the breakdown's data).
    let (elapsed, explained) = best_of(|| {
        memory
            .entries()
            .map(|e| u64::from(score_with(&e.subject(), &settings, &matchers, NOW).score))
            .fold((0usize, 0u64), |(n, sum), s| (n + 1, sum + s))
    });
    if explained != scored {
        eprintln!("bench: the fast path and the explained path disagree on the mean score");
    }
    figure(
        "score_native_explained_accounts_per_s",
        explained.0 as f64 / elapsed.as_secs_f64(),
        "accounts/s",
    );
}

/// Scoring the memory with posts and history (`memory_realistic.json`, the
/// wasm figure's data): the time to compute every account's features once
/// (post statistics, keyword hits: as after an import or a settings change),
/// then every remembered account scored on the fast path with its features
/// kept, as the worker scores a payload's accounts.
fn bench_score_memory(pages: &[String]) {
    let memory = realistic_memory(pages, 0x00ED_0000_5EED);
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    // The features once per account (as after an import or a settings change).
    let start = Instant::now();
    for e in memory.entries() {
        black_box(e.features.get(&e.subject(), &matchers));
    }
    let features = start.elapsed();
    figure(
        "features_native_us_per_account",
        features.as_secs_f64() * 1e6 / memory.len().max(1) as f64,
        "us",
    );
    let (elapsed, scored) = best_of(|| {
        memory
            .entries()
            .map(|e| u64::from(score_compact(&e.subject(), &settings, &matchers, NOW).score))
            .fold((0usize, 0u64), |(n, sum), s| (n + 1, sum + s))
    });
    eprintln!(
        "scored {} remembered accounts with 0-20 posts (fast path), mean score {:.1}",
        scored.0,
        scored.1 as f64 / scored.0.max(1) as f64
    );
    figure(
        "score_native_memory_accounts_per_s",
        scored.0 as f64 / elapsed.as_secs_f64(),
        "accounts/s",
    );
}
