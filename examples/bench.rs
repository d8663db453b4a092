//! Native speed figures for the Rust core: GraphQL reading throughput, scoring
//! throughput on 100,000 generated accounts, and the time to read one 10 MB
//! payload. Prints one `<name> <value> <unit>` line per figure on stdout
//! (details go to stderr).
//!
//! ```sh
//! cargo run --release --example bench                       # figures only
//! cargo run --release --example bench -- --write-pages DIR  # also writes the payloads for tests/bench/wasm.mjs
//! cargo run --release --example bench -- --only score       # one figure (parse, big or score), for profiling
//! ```
//!
//! The accounts come from a small deterministic PRNG (same seed, same bytes),
//! so native and wasm figures are taken on identical payloads.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::read::read_any;
use followback::score::{score_compact, score_with};
use followback::time::civil_from_days;
use followback::Settings;
use serde_json::{json, Value};

/// Accounts generated for the scoring and parsing figures.
const ACCOUNTS: usize = 100_000;
/// Users per Followers page (X sends 20-50; 1,000 keeps the per-call cost visible).
const PAGE_USERS: usize = 1_000;
/// Size of the single large payload.
const BIG_PAYLOAD_BYTES: usize = 10_000_000;
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
    match v {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
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

fn user_entry(rng: &mut Rng, i: usize, sort: u64) -> Value {
    let p = person(rng, i);
    let user = if rng.chance(50) {
        user_gen2(&p)
    } else {
        user_gen3(&p)
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
            "clientEventInfo": { "component": "FollowersSgs", "element": "user" }
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
    let top = 1_859_000_000_000_000_000u64 - first as u64;
    let mut entries: Vec<Value> = (0..count)
        .map(|k| user_entry(rng, first + k, top - k as u64))
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

/// One payload of at least `BIG_PAYLOAD_BYTES` (accounts numbered after the pages').
fn big_payload(seed: u64) -> String {
    let mut rng = Rng(seed);
    let probe = followers_page(&mut rng, ACCOUNTS, 100);
    let per_user = (probe.len() / 100).max(1);
    let users = BIG_PAYLOAD_BYTES / per_user + 1;
    let mut rng = Rng(seed);
    let mut text = followers_page(&mut rng, ACCOUNTS, users);
    let mut extra = users;
    while text.len() < BIG_PAYLOAD_BYTES {
        extra += extra / 20 + 1;
        let mut rng = Rng(seed);
        text = followers_page(&mut rng, ACCOUNTS, extra);
    }
    text
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

fn write_pages(dir: &PathBuf, pages: &[String], big: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, page) in pages.iter().enumerate() {
        std::fs::write(dir.join(format!("followers_{i:03}.json")), page)?;
    }
    std::fs::write(dir.join("big_10mb.json"), big)?;
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
                eprintln!("bench: unknown argument {other:?} (use --write-pages DIR, --only parse|big|score)");
                std::process::exit(64);
            }
        }
    }

    let start = Instant::now();
    let pages = pages(0x00F0_11B4_C4B3_4C11);
    let big = big_payload(0x0000_B16B_16B1_6B16);
    let bytes: usize = pages.iter().map(String::len).sum();
    eprintln!(
        "generated {} pages ({} MB) and a {} MB payload in {:.1?}",
        pages.len(),
        bytes as f64 / 1e6,
        big.len() as f64 / 1e6,
        start.elapsed()
    );
    if let Some(dir) = &out_dir {
        if let Err(e) = write_pages(dir, &pages, &big) {
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
    if wanted("parse") {
        bench_parse(&pages, bytes);
    }
    if wanted("big") {
        bench_big(&big);
    }
}

/// Reading: `read_any` over every page.
fn bench_parse(pages: &[String], bytes: usize) {
    let (elapsed, accounts) = best_of(|| {
        pages
            .iter()
            .map(|p| read_any(p).map_or(0, |o| o.accounts.len()))
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
}

/// The 10 MB payload, read once per run.
fn bench_big(big: &str) {
    let (elapsed, big_accounts) = best_of(|| read_any(big).map_or(0, |o| o.accounts.len()));
    eprintln!(
        "10 MB payload: {} bytes, {big_accounts} accounts",
        big.len()
    );
    figure("parse_10mb_ms", elapsed.as_secs_f64() * 1e3, "ms");
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
