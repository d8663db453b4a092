//! Behaviour signals (recent posts, interactions, earlier visits) at and
//! around their thresholds, on timelines built here: a human-like mixed
//! timeline, a link-only scheduler feed, duplicate spam, a silent account,
//! follow-churn history and recent repeated interactions; and at verdict
//! level, that behaviour moves the score and raises confidence.

use followback::score::score;
use followback::signals::{evaluate, BEHAVIOUR_SIGNALS, PROFILE_SIGNALS, SIGNALS};
use followback::verdict::ConfidenceLabel;
use followback::{
    Account, Evidence, Interaction, InteractionKind, Settings, Snapshot, Source, Subject, Tweet,
    TweetKind,
};

const NOW: i64 = 1_767_225_600; // 2026-01-01 00:00:00 UTC
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

// ---------- fixtures ----------

/// A tiny deterministic generator, so "random" timelines are the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const VOCAB: &[&str] = &[
    "garden",
    "rain",
    "coffee",
    "train",
    "novel",
    "kids",
    "tomatoes",
    "river",
    "bike",
    "lunch",
    "library",
    "music",
    "concert",
    "autumn",
    "walk",
    "bread",
    "soup",
    "puzzle",
    "meeting",
    "sunset",
    "paint",
    "chess",
    "museum",
    "winter",
    "snow",
    "market",
    "recipe",
    "laptop",
    "dog",
    "cat",
    "neighbour",
    "bridge",
    "harbour",
    "ferry",
    "poem",
    "camera",
    "film",
    "forest",
    "mountain",
    "lake",
    "birds",
    "owl",
    "tea",
    "pizza",
    "football",
    "match",
    "school",
    "teacher",
    "sister",
    "weekend",
];

/// A sentence of random words: no two share many word pairs.
fn words(rng: &mut Lcg, n: usize) -> String {
    (0..n)
        .map(|_| VOCAB[rng.below(VOCAB.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

fn post(i: usize, kind: TweetKind, text: &str, at: i64) -> Tweet {
    Tweet {
        id: Some(format!("t{i}")),
        author_handle: Some("ann".into()),
        text: text.to_string(),
        created_at: Some(at),
        kind,
        source: Source::Graphql,
        ..Tweet::default()
    }
}

fn reply(i: usize, to: &str, text: &str, at: i64) -> Tweet {
    Tweet {
        reply_to: Some(to.into()),
        ..post(i, TweetKind::Reply, &format!("@{to} {text}"), at)
    }
}

fn link(i: usize, at: i64) -> Tweet {
    let url = format!("https://news.example.com/a/{i}");
    Tweet {
        urls: vec![url.clone()],
        ..post(i, TweetKind::Original, &format!("{url} #news"), at)
    }
}

/// Random times going back from `newest`, gaps of 1-30 hours with random
/// minutes and seconds (what people do).
fn human_times(rng: &mut Lcg, n: usize, newest: i64) -> Vec<i64> {
    let mut t = newest;
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(t);
        t -= HOUR + rng.below(29 * HOUR as u64) as i64;
    }
    out
}

/// 30 posts: 18 original, 6 reposts, 6 replies, at human times, newest a day ago.
fn human_timeline() -> Vec<Tweet> {
    let mut rng = Lcg(7);
    let times = human_times(&mut rng, 30, NOW - DAY + 1_234);
    times
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let text = words(&mut rng, 9);
            match i % 5 {
                3 => post(i, TweetKind::Repost, &text, at),
                4 => reply(i, "friend", &text, at),
                _ => post(i, TweetKind::Original, &text, at),
            }
        })
        .collect()
}

/// 30 link-only posts every hour on the hour.
fn scheduler_feed() -> Vec<Tweet> {
    (0..30)
        .map(|i| link(i, NOW - DAY - i as i64 * HOUR))
        .collect()
}

/// Human times and words, except `copies` posts share one text.
fn with_copies(copies: usize, n: usize) -> Vec<Tweet> {
    let mut rng = Lcg(11);
    let times = human_times(&mut rng, n, NOW - DAY);
    times
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let text = if i < copies {
                "Huge sale today only, everything must go, grab yours now".to_string()
            } else {
                words(&mut rng, 9)
            };
            post(i, TweetKind::Original, &text, at)
        })
        .collect()
}

/// Default settings, to adjust one or two in a test.
fn settings() -> Settings {
    Settings::default()
}

fn person() -> Account {
    Account {
        id: Some("42".into()),
        name: Some("Ann".into()),
        bio: Some("Gardener and reader in Oslo".into()),
        location: Some("Oslo".into()),
        created_at: Some(NOW - 3_000 * DAY),
        followers: Some(400),
        following: Some(350),
        tweets: Some(4_000),
        likes: Some(6_000),
        listed: Some(4),
        default_avatar: Some(false),
        verified: Some(false),
        blue_verified: Some(false),
        follows_you: Some(true),
        ..Account::with_handle("ann", Source::Graphql)
    }
}

fn lines(a: &Account, tweets: &[Tweet], history: &[Snapshot], i: &[Interaction]) -> Vec<Evidence> {
    lines_with(a, tweets, history, i, &Settings::default())
}

fn lines_with(
    a: &Account,
    tweets: &[Tweet],
    history: &[Snapshot],
    interactions: &[Interaction],
    s: &Settings,
) -> Vec<Evidence> {
    let subject = Subject {
        account: a,
        tweets,
        history,
        interactions,
        prepared: None,
        features: None,
    };
    evaluate(&subject, s, NOW)
}

fn find(lines: &[Evidence], signal: &str) -> Evidence {
    lines
        .iter()
        .find(|e| e.signal == signal)
        .cloned()
        .unwrap_or_else(|| panic!("no {signal} line"))
}

/// The line for `signal` on `tweets` posted by the standard person.
fn on_posts(tweets: &[Tweet], signal: &str) -> Evidence {
    find(&lines(&person(), tweets, &[], &[]), signal)
}

fn assert_not_seen(e: &Evidence) {
    assert!(e.seen.is_none(), "{}: {:?}", e.signal, e.seen);
    assert_eq!(e.points, 0, "{}", e.signal);
    assert!(
        e.reason.contains("not seen yet"),
        "{}: {}",
        e.signal,
        e.reason
    );
}

fn seen(e: &Evidence) -> String {
    e.seen.as_ref().map(|m| m.english()).unwrap_or_default()
}

// ---------- shape ----------

#[test]
fn behaviour_signals_follow_the_profile_signals_with_unique_ids() {
    assert_eq!(
        SIGNALS.len(),
        PROFILE_SIGNALS.len() + BEHAVIOUR_SIGNALS.len()
    );
    let all = lines(&person(), &human_timeline(), &[], &[]);
    assert_eq!(all.len(), SIGNALS.len());
    let mut ids: Vec<&str> = all.iter().map(|e| e.signal.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
}

#[test]
fn without_posts_history_or_interactions_behaviour_is_not_seen_yet() {
    let a = Account {
        bio: None,
        ..person()
    };
    let all = lines(&a, &[], &[], &[]);
    for e in all.iter().skip(PROFILE_SIGNALS.len()) {
        assert_not_seen(e);
    }
}

#[test]
fn observed_behaviour_says_where_it_came_from() {
    let all = lines(&person(), &human_timeline(), &[], &[]);
    for e in all
        .iter()
        .skip(PROFILE_SIGNALS.len())
        .filter(|e| e.observed())
    {
        assert!(
            seen(e).ends_with("from X's data"),
            "{}: {}",
            e.signal,
            seen(e)
        );
        assert!(
            !e.threshold.is_empty() && !e.reason.is_empty(),
            "{}",
            e.signal
        );
    }
}

#[test]
fn shares_need_enough_posts() {
    let nine: Vec<Tweet> = scheduler_feed().into_iter().take(9).collect();
    let ten: Vec<Tweet> = scheduler_feed().into_iter().take(10).collect();
    for id in [
        "automation_links",
        "automation_timing",
        "variety",
        "conversation",
    ] {
        let e = on_posts(&nine, id);
        assert_not_seen(&e);
        assert!(
            e.reason.contains("9 of the 10 needed"),
            "{id}: {}",
            e.reason
        );
        assert!(on_posts(&ten, id).observed(), "{id}");
    }
    let mut s = settings();
    s.posts_min_count = 5;
    let e = find(
        &lines_with(&person(), &nine, &[], &[], &s),
        "automation_links",
    );
    assert!(e.points < 0);
}

// ---------- automation ----------

#[test]
fn a_human_timeline_shows_no_automation() {
    let t = human_timeline();
    for id in [
        "automation_links",
        "automation_repeats",
        "automation_timing",
        "automation_rate",
    ] {
        let e = on_posts(&t, id);
        assert!(e.observed(), "{id}");
        assert_eq!(e.points, 0, "{id}: {}", seen(&e));
    }
}

#[test]
fn link_only_posts_count_above_ninety_percent() {
    // 10 of 10 link-only: above 90%.
    let feed: Vec<Tweet> = scheduler_feed().into_iter().take(10).collect();
    let e = on_posts(&feed, "automation_links");
    assert_eq!(e.points, -12);
    assert!(seen(&e).starts_with("10 of 10"), "{}", seen(&e));

    // 9 of 10: exactly 90% is not above it.
    let mut nine = feed.clone();
    nine[0] = post(
        0,
        TweetKind::Original,
        "a whole sentence of my own words here",
        NOW - DAY,
    );
    assert_eq!(on_posts(&nine, "automation_links").points, 0);

    // Settings move the threshold and the points.
    let mut s = settings();
    s.automation_link_only_share = 0.8;
    s.automation_link_only_points = 20;
    let e = find(
        &lines_with(&person(), &nine, &[], &[], &s),
        "automation_links",
    );
    assert_eq!(e.points, -20);
    assert_eq!(e.weight, 20);
}

#[test]
fn the_same_text_more_than_three_times_is_spam() {
    let three = on_posts(&with_copies(3, 12), "automation_repeats");
    assert_eq!(three.points, 0);
    assert!(
        seen(&three).contains("the same text 3 times"),
        "{}",
        seen(&three)
    );

    let four = on_posts(&with_copies(4, 12), "automation_repeats");
    assert_eq!(four.points, -12);
    assert!(
        seen(&four).contains("the same text 4 times"),
        "{}",
        seen(&four)
    );

    let mut s = settings();
    s.automation_repeat_copies = 4;
    let e = find(
        &lines_with(&person(), &with_copies(4, 12), &[], &[], &s),
        "automation_repeats",
    );
    assert_eq!(e.points, 0);
}

#[test]
fn posting_on_the_hour_every_hour_is_machine_timing() {
    let e = on_posts(&scheduler_feed(), "automation_timing");
    assert_eq!(e.points, -10);
    assert!(e.reason.contains("gaps between posts"), "{}", e.reason);
    assert!(e.reason.contains("minutes of the hour"), "{}", e.reason);

    // Regular gaps but random minutes and seconds: only the gaps betray it.
    let mut rng = Lcg(3);
    let regular: Vec<Tweet> = (0..20)
        .map(|i| {
            let at = NOW - DAY - i as i64 * 3_671 - rng.below(40) as i64;
            post(i, TweetKind::Original, &words(&mut rng, 8), at)
        })
        .collect();
    let e = on_posts(&regular, "automation_timing");
    assert_eq!(e.points, -10, "{}", seen(&e));
    assert!(e.reason.contains("gaps"), "{}", e.reason);

    // Human gaps, but every post at second :00 of its minute (cron).
    let mut rng = Lcg(5);
    let cron: Vec<Tweet> = human_times(&mut rng, 20, NOW - DAY)
        .iter()
        .enumerate()
        .map(|(i, &at)| post(i, TweetKind::Original, &words(&mut rng, 8), at - at % 60))
        .collect();
    let e = on_posts(&cron, "automation_timing");
    assert_eq!(e.points, -10, "{}", seen(&e));
    assert!(e.reason.contains("second of the minute"), "{}", e.reason);

    // A lax gap threshold and dispersion cut-off let the same feed pass.
    let mut s = settings();
    s.automation_clock_dispersion_min = 60.0;
    s.automation_interval_cv_max = 0.0;
    let e = find(
        &lines_with(&person(), &cron, &[], &[], &s),
        "automation_timing",
    );
    assert_eq!(e.points, 0);
}

#[test]
fn more_than_24_recent_posts_a_day_costs_on_a_graded_scale() {
    // `n` posts `gap` seconds apart: 86,400 / gap posts a day once they
    // span a day (shorter spans count as one day).
    let feed = |n: usize, gap: i64| -> Vec<Tweet> {
        let mut rng = Lcg(9);
        (0..n)
            .map(|i| {
                post(
                    i,
                    TweetKind::Original,
                    &words(&mut rng, 8),
                    NOW - HOUR - i as i64 * gap,
                )
            })
            .collect()
    };
    // 24 a day: nothing; 240 a day or more: the full penalty.
    assert_eq!(on_posts(&feed(25, 3_600), "automation_rate").points, 0);
    let full = on_posts(&feed(241, 360), "automation_rate");
    assert_eq!(full.points, -10, "{}", seen(&full));
    assert!(full.reason.contains("the full penalty"), "{}", full.reason);
    assert_eq!(on_posts(&feed(600, 100), "automation_rate").points, -10);
    // 50 a day: part of the way.
    let mid = on_posts(&feed(51, 1_728), "automation_rate");
    assert_eq!(mid.points, -3, "{}", seen(&mid));
    assert!(
        mid.reason.english().starts_with("\u{2212}3 of \u{2212}10"),
        "{}",
        mid.reason
    );
    // Busier never costs less.
    let mut last = 0;
    for gap in [7_200, 3_600, 2_400, 1_728, 1_200, 900, 600, 360, 100] {
        let p = on_posts(&feed(200, gap), "automation_rate").points;
        assert!(p <= last, "gap {gap}: {p} after {last}");
        last = p;
    }
}

// ---------- variety, self-promotion, conversation ----------

fn reposts(of: usize, n: usize) -> Vec<Tweet> {
    let mut rng = Lcg(13);
    human_times(&mut rng, n, NOW - DAY)
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let kind = if i < of {
                TweetKind::Repost
            } else {
                TweetKind::Original
            };
            post(i, kind, &words(&mut rng, 8), at)
        })
        .collect()
}

#[test]
fn more_than_ninety_percent_reposts_costs_and_a_good_mix_earns() {
    assert_eq!(on_posts(&reposts(19, 20), "variety").points, -10);
    assert_eq!(on_posts(&reposts(18, 20), "variety").points, 0);
    let e = on_posts(&human_timeline(), "variety");
    assert_eq!(e.points, 6, "{}", seen(&e));
    assert!(
        seen(&e).starts_with("18 original, 6 reposts or quotes, 6 replies of 30"),
        "{}",
        seen(&e)
    );
    // No replies: not a good mix, and the reason says what is missing.
    let e = on_posts(&reposts(5, 20), "variety");
    assert_eq!(e.points, 0);
    assert!(e.reason.contains("replies"), "{}", e.reason);
}

fn promoting(promo: usize, originals: usize) -> Vec<Tweet> {
    let mut rng = Lcg(17);
    human_times(&mut rng, originals + 6, NOW - DAY)
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            if i < promo {
                let text = format!("Check out my new course {}", words(&mut rng, 5));
                post(i, TweetKind::Original, &text, at)
            } else if i < originals {
                post(i, TweetKind::Original, &words(&mut rng, 8), at)
            } else {
                reply(i, "friend", &words(&mut rng, 8), at)
            }
        })
        .collect()
}

#[test]
fn talking_about_themselves_more_than_half_the_time() {
    let e = on_posts(&promoting(5, 8), "self_promotion");
    assert_eq!(e.points, -8, "{}", seen(&e));
    assert!(seen(&e).starts_with("5 of 8 original"), "{}", seen(&e));
    // Exactly half is not more than half.
    assert_eq!(on_posts(&promoting(4, 8), "self_promotion").points, 0);
    // Too few originals to judge.
    let e = on_posts(&promoting(4, 4), "self_promotion");
    assert_eq!(e.points, 0);
    assert!(e.seen.is_none());
    assert!(e.reason.contains("4 of the 5 needed"), "{}", e.reason);
}

fn conversing(replies: usize, n: usize) -> Vec<Tweet> {
    let mut rng = Lcg(19);
    human_times(&mut rng, n, NOW - DAY)
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            if i < replies {
                reply(i, "friend", &words(&mut rng, 8), at)
            } else {
                post(i, TweetKind::Original, &words(&mut rng, 8), at)
            }
        })
        .collect()
}

#[test]
fn conversation_earns_and_silence_costs_a_little() {
    assert_eq!(on_posts(&conversing(1, 10), "conversation").points, 6);
    let e = on_posts(&conversing(0, 10), "conversation");
    assert_eq!(e.points, -3);
    assert!(seen(&e).starts_with("0 of 10 recent posts"), "{}", seen(&e));
    let mut s = settings();
    s.conversation_min_share = 0.2;
    let e = find(
        &lines_with(&person(), &conversing(1, 10), &[], &[], &s),
        "conversation",
    );
    assert_eq!(e.points, -3);
}

#[test]
fn a_guru_who_does_not_socialise_gets_the_stronger_penalty() {
    let guru = Account {
        bio: Some("Social media guru. Growth hacker.".into()),
        ..person()
    };
    let silent = find(&lines(&guru, &conversing(0, 10), &[], &[]), "guru_silent");
    assert_eq!(silent.points, -12);
    assert!(
        seen(&silent).contains("social media guru"),
        "{}",
        seen(&silent)
    );
    let talks = find(&lines(&guru, &conversing(2, 10), &[], &[]), "guru_silent");
    assert_eq!(talks.points, 0);
    // Expert words without posts: not seen yet; no expert words: nothing to hold.
    assert_not_seen(&find(&lines(&guru, &[], &[], &[]), "guru_silent"));
    let plain = find(
        &lines(&person(), &conversing(0, 10), &[], &[]),
        "guru_silent",
    );
    assert!(plain.observed());
    assert_eq!(plain.points, 0);
    // The bio-only guru line stays as it was.
    assert_eq!(find(&lines(&guru, &[], &[], &[]), "guru").points, -5);
}

// ---------- begging in posts ----------

fn begging(begs: usize, n: usize) -> Vec<Tweet> {
    let mut rng = Lcg(23);
    human_times(&mut rng, n, NOW - DAY)
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let text = if i < begs {
                format!("{} #F4F follow back", words(&mut rng, 4))
            } else {
                words(&mut rng, 8)
            };
            post(i, TweetKind::Original, &text, at)
        })
        .collect()
}

#[test]
fn follow_back_posts_count_above_thirty_percent() {
    let e = on_posts(&begging(4, 10), "begging_posts");
    assert_eq!(e.points, -15);
    assert!(seen(&e).contains("#F4F"), "{}", seen(&e));
    assert!(seen(&e).contains("4 of 10 recent posts"), "{}", seen(&e));
    let e = on_posts(&begging(3, 10), "begging_posts");
    assert_eq!(e.points, 0);
    assert!(e.observed() && seen(&e).contains("3 of 10"), "{}", seen(&e));
    let e = on_posts(&begging(0, 10), "begging_posts");
    assert_eq!(e.points, 0);
    assert!(seen(&e).starts_with("none in 10 recent posts"));
    // The phrase list is the bio's.
    let mut s = settings();
    s.begging_keywords = vec!["nothing like it".into()];
    let e = find(
        &lines_with(&person(), &begging(4, 10), &[], &[], &s),
        "begging_posts",
    );
    assert_eq!(e.points, 0);
}

// ---------- recent activity ----------

/// `n` posts a week apart, the newest `days_ago` days ago.
fn silent(days_ago: i64, n: usize, gap_days: i64) -> Vec<Tweet> {
    let mut rng = Lcg(29);
    (0..n)
        .map(|i| {
            let at = NOW - days_ago * DAY - i as i64 * gap_days * DAY - rng.below(3_000) as i64;
            post(i, TweetKind::Original, &words(&mut rng, 8), at)
        })
        .collect()
}

#[test]
fn days_since_the_last_post() {
    let at = |days: i64| on_posts(&silent(days, 3, 2), "last_post");
    assert_eq!(at(29).points, 4);
    assert_eq!(at(31).points, -5);
    assert_eq!(at(89).points, -5);
    assert_eq!(at(91).points, -15);
    assert!(
        seen(&at(91)).starts_with("newest post seen 91 days ago"),
        "{}",
        seen(&at(91))
    );
    let mut s = settings();
    s.recent_inactive_days = 60;
    let e = find(
        &lines_with(&person(), &silent(61, 3, 2), &[], &[], &s),
        "last_post",
    );
    assert_eq!(e.points, -15);
}

#[test]
fn fewer_than_one_recent_post_a_week_costs_on_a_graded_scale() {
    // 10 posts, newest today, one every `gap` days.
    let at = |gap: i64| on_posts(&silent(0, 10, gap), "recent_rate");
    // A post every 6 days: more than 1 a week, nothing taken.
    assert_eq!(at(6).points, 0, "{}", seen(&at(6)));
    // Just under 1 a week: graded, so next to nothing.
    assert!((-1..=0).contains(&at(8).points), "{}", seen(&at(8)));
    // A post a month: about a quarter of the weekly rate.
    let month = at(30);
    assert_eq!(month.points, -4, "{}", seen(&month));
    assert!(month.reason.contains("of \u{2212}6"), "{}", month.reason);
    // A tenth of the weekly rate or less: the full penalty.
    assert_eq!(at(80).points, -6, "{}", seen(&at(80)));
    assert_eq!(at(300).points, -6);
    let mut last = 0;
    for gap in [6, 8, 10, 15, 20, 30, 45, 60, 80] {
        let p = at(gap).points;
        assert!(p <= last, "every {gap} days: {p} after {last}");
        last = p;
    }
    assert!(
        seen(&at(30)).contains("10 posts in the last"),
        "{}",
        seen(&at(30))
    );
}

// ---------- interests ----------

#[test]
fn interests_need_a_list_and_earn_bounded_points() {
    let e = on_posts(&human_timeline(), "interests");
    assert!(e.seen.is_none());
    assert_eq!((e.points, e.weight), (0, 0));
    assert!(
        e.reason.contains("add your interests in options"),
        "{}",
        e.reason
    );

    let mut s = settings();
    s.interests_keywords = vec!["gardener".into(), "#RustLang".into(), "birds".into()];
    let tweets = vec![
        post(
            1,
            TweetKind::Original,
            "Learning #rustlang this winter",
            NOW - DAY,
        ),
        post(2, TweetKind::Original, "Saw three birds", NOW - 2 * DAY),
    ];
    let e = find(&lines_with(&person(), &tweets, &[], &[], &s), "interests");
    assert_eq!(e.points, 9);
    assert_eq!(e.weight, 9);
    for k in ["gardener", "#RustLang", "birds"] {
        assert!(seen(&e).contains(k), "{k}: {}", seen(&e));
    }
    // One match: one share of the points; the bound caps more matches.
    let e = find(&lines_with(&person(), &[], &[], &[], &s), "interests");
    assert_eq!(e.points, 3);
    s.interests_max_points = 5;
    let e = find(&lines_with(&person(), &tweets, &[], &[], &s), "interests");
    assert_eq!(e.points, 5);
    // Nothing matches: seen, no points.
    s.interests_keywords = vec!["chess".into()];
    let e = find(&lines_with(&person(), &tweets, &[], &[], &s), "interests");
    assert!(e.observed());
    assert_eq!(e.points, 0);
}

#[test]
fn an_empty_interest_list_does_not_change_confidence() {
    let a = person();
    let subject = Subject::profile(&a);
    let empty = score(&subject, &Settings::default(), NOW);
    let mut s = settings();
    s.interests_keywords = vec!["chess".into()];
    let listed = score(&subject, &s, NOW);
    // With a list the (seen) bio adds observed weight; without one nothing moves.
    assert!(listed.confidence.value > empty.confidence.value);
}

// ---------- interactions ----------

fn did(kind: InteractionKind, days_ago: f64) -> Interaction {
    Interaction {
        handle: "Ann".into(),
        kind,
        at: Some(NOW - (days_ago * DAY as f64) as i64),
        source: Source::Graphql,
        notification: None,
    }
}

#[test]
fn recent_repeated_interactions_earn_the_most() {
    let i = vec![
        did(InteractionKind::Replied, 2.0),
        did(InteractionKind::Replied, 9.0),
        did(InteractionKind::Liked, 3.0),
        did(InteractionKind::Liked, 4.0),
        did(InteractionKind::Liked, 12.0),
    ];
    let e = find(&lines(&person(), &[], &[], &i), "interactions");
    assert_eq!(e.points, 14);
    let s = seen(&e);
    assert!(s.contains("replied 2\u{d7}"), "{s}");
    assert!(s.contains("liked 3\u{d7}"), "{s}");
    assert!(s.contains("in the last 30 days"), "{s}");
    assert!(s.contains("last 2 days ago"), "{s}");
    // The existing "Follows you" line is still there.
    assert_eq!(
        find(&lines(&person(), &[], &[], &i), "follows_you").points,
        3
    );
}

#[test]
fn one_recent_interaction_old_ones_and_messages_earn_less() {
    let one = vec![did(InteractionKind::Liked, 5.0)];
    assert_eq!(
        find(&lines(&person(), &[], &[], &one), "interactions").points,
        8
    );
    // Two on the same UTC day: not repeated.
    let same_day = vec![
        did(InteractionKind::Liked, 5.0),
        did(InteractionKind::Replied, 5.0),
    ];
    assert_eq!(
        find(&lines(&person(), &[], &[], &same_day), "interactions").points,
        8
    );
    let old = vec![did(InteractionKind::Mentioned, 60.0)];
    let e = find(&lines(&person(), &[], &[], &old), "interactions");
    assert_eq!(e.points, 3);
    assert!(seen(&e).contains("last 60 days ago"), "{}", seen(&e));
    let msg = vec![did(InteractionKind::Messaged, 1.0)];
    let e = find(&lines(&person(), &[], &[], &msg), "interactions");
    assert!(e.observed());
    assert_eq!(e.points, 0);
    // Someone else's interactions are not theirs.
    let other = vec![Interaction {
        handle: "bob".into(),
        ..did(InteractionKind::Replied, 1.0)
    }];
    assert_not_seen(&find(&lines(&person(), &[], &[], &other), "interactions"));
    // A longer window makes the old mention recent.
    let mut s = settings();
    s.relationship_window_days = 90;
    let e = find(&lines_with(&person(), &[], &[], &old, &s), "interactions");
    assert_eq!(e.points, 8);
}

// ---------- churn ----------

fn history(following: &[u64]) -> Vec<Snapshot> {
    following
        .iter()
        .enumerate()
        .map(|(i, &f)| Snapshot {
            at: NOW - (following.len() - i) as i64 * 7 * DAY,
            followers: Some(1_200),
            following: Some(f),
            tweets: Some(6_000),
        })
        .collect()
}

fn churner() -> Account {
    Account {
        following: None,
        followers: None,
        ..person()
    }
}

#[test]
fn following_that_rises_and_falls_is_churn() {
    let a = churner();
    let once = find(
        &lines(&a, &[], &history(&[4_900, 3_000, 4_950]), &[]),
        "churn",
    );
    assert_eq!(once.points, -12, "{}", seen(&once));
    assert!(
        seen(&once).contains("largest fall 4,900 \u{2192} 3,000"),
        "{}",
        seen(&once)
    );
    assert!(seen(&once).ends_with("remembered"), "{}", seen(&once));

    let again = find(
        &lines(&a, &[], &history(&[4_900, 3_000, 4_950, 2_800]), &[]),
        "churn",
    );
    assert_eq!(again.points, -18, "{}", seen(&again));
    assert!(
        seen(&again).contains("2 direction changes"),
        "{}",
        seen(&again)
    );
}

#[test]
fn small_or_one_way_changes_are_not_churn() {
    let a = churner();
    // 10% both ways is not more than 10%.
    let e = find(
        &lines(&a, &[], &history(&[1_000, 1_100, 1_000]), &[]),
        "churn",
    );
    assert_eq!(e.points, 0, "{}", seen(&e));
    // 20% both ways but fewer than 50 accounts.
    let e = find(&lines(&a, &[], &history(&[100, 120, 100]), &[]), "churn");
    assert_eq!(e.points, 0);
    // Only rising.
    let e = find(
        &lines(&a, &[], &history(&[1_000, 2_000, 3_000]), &[]),
        "churn",
    );
    assert_eq!(e.points, 0);
    assert!(e.observed());
    // One observation: not seen yet.
    assert_not_seen(&find(&lines(&a, &[], &history(&[1_000]), &[]), "churn"));
    // A lower share catches the 10% swing.
    let mut s = settings();
    s.churn_swing_share = 0.05;
    let e = find(
        &lines_with(&a, &[], &history(&[1_000, 1_100, 1_000]), &[], &s),
        "churn",
    );
    assert_eq!(e.points, -12);
}

// ---------- verdicts ----------

fn verdict(tweets: &[Tweet], history: &[Snapshot], i: &[Interaction]) -> followback::Verdict {
    let a = person();
    let subject = Subject {
        account: &a,
        tweets,
        history,
        interactions: i,
        prepared: None,
        features: None,
    };
    score(&subject, &Settings::default(), NOW)
}

#[test]
fn the_same_account_scores_higher_with_a_human_timeline_than_a_scheduler_feed() {
    let human = verdict(&human_timeline(), &[], &[]);
    let bot = verdict(&scheduler_feed(), &[], &[]);
    let profile = verdict(&[], &[], &[]);
    assert!(
        human.score > profile.score,
        "{} vs {}",
        human.score,
        profile.score
    );
    assert!(
        bot.score < profile.score,
        "{} vs {}",
        bot.score,
        profile.score
    );
    assert!(
        human.score > bot.score + 20,
        "{} vs {}",
        human.score,
        bot.score
    );
    for v in [&human, &bot, &profile] {
        let sum: i32 = v.evidence.iter().map(|e| e.points).sum();
        assert_eq!(v.base + sum, i32::from(v.score));
    }
}

#[test]
fn confidence_rises_with_posts_and_history() {
    let profile = verdict(&[], &[], &[]);
    let posts = verdict(&human_timeline(), &[], &[]);
    let hist = history(&[350, 352, 349]);
    let ints = vec![did(InteractionKind::Replied, 2.0)];
    let all = verdict(&human_timeline(), &hist, &ints);
    assert!(profile.confidence.value < posts.confidence.value);
    assert!(posts.confidence.value < all.confidence.value);
    // A fully seen profile alone is "medium", never "high".
    assert_eq!(profile.confidence.label, ConfidenceLabel::Medium);
    assert_eq!(all.confidence.label, ConfidenceLabel::High);
    assert!(all.confidence.value > 0.95, "{}", all.confidence.value);
    // Lowering the profile's share makes profile-only verdicts less sure.
    let mut s = settings();
    s.level_profile_confidence_share = 0.3;
    let a = person();
    let low = score(&Subject::profile(&a), &s, NOW);
    assert!(low.confidence.value < profile.confidence.value);
}

#[test]
fn hostile_timelines_never_panic() {
    let weird = vec![
        Tweet {
            text: "\u{202e}\u{0}".repeat(50),
            created_at: Some(i64::MIN),
            ..Tweet::default()
        },
        Tweet {
            text: String::new(),
            created_at: Some(i64::MAX),
            kind: TweetKind::Reply,
            reply_to: Some(String::new()),
            urls: vec![String::new(), "http://".into()],
            ..Tweet::default()
        },
    ];
    let many: Vec<Tweet> = (0..12).flat_map(|_| weird.clone()).collect();
    let hist = vec![
        Snapshot {
            at: i64::MIN,
            following: Some(u64::MAX),
            ..Snapshot::default()
        },
        Snapshot {
            at: i64::MAX,
            following: Some(0),
            ..Snapshot::default()
        },
        Snapshot {
            at: 0,
            following: Some(u64::MAX),
            ..Snapshot::default()
        },
    ];
    let ints = vec![Interaction {
        handle: "ann".into(),
        kind: InteractionKind::Liked,
        at: Some(i64::MIN),
        source: Source::Page,
        notification: None,
    }];
    for now in [i64::MIN, 0, NOW, i64::MAX] {
        let a = person();
        let subject = Subject {
            account: &a,
            tweets: &many,
            history: &hist,
            interactions: &ints,
            prepared: None,
            features: None,
        };
        let v = score(&subject, &Settings::default(), now);
        assert!(v.score <= 100);
        assert!((0.0..=1.0).contains(&v.confidence.value));
    }
}

/// Scoring prepares keyword sets and post statistics once; every line must be
/// exactly what each signal computes on its own.
#[test]
fn prepared_scoring_gives_the_same_lines_as_each_signal_alone() {
    let mut begging_bio = person();
    begging_bio.bio = Some("#TeamFollowBack crypto signals, social media guru".into());
    let mut s = settings();
    s.interests_keywords = vec!["rust".into(), "maps".into()];
    let matchers = followback::prepared::Matchers::new(&s);
    for (account, tweets) in [
        (person(), human_timeline()),
        (person(), scheduler_feed()),
        (begging_bio.clone(), with_copies(5, 20)),
        (begging_bio, Vec::new()),
    ] {
        let alone = lines_with(&account, &tweets, &[], &[], &s);
        let subject = Subject {
            account: &account,
            tweets: &tweets,
            history: &[],
            interactions: &[],
            prepared: None,
            features: None,
        };
        let verdict = followback::score::score_with(&subject, &s, &matchers, NOW);
        for line in &alone {
            let scored = find(&verdict.evidence, &line.signal);
            assert_eq!(&scored, line, "{}", line.signal);
        }
        assert_eq!(verdict, followback::score::score(&subject, &s, NOW));
    }
}

// ---------- posting app ----------

/// 20 own posts, `tools` of them sent from `tool`, the rest from an iPhone.
fn sent_from(tools: usize, tool: &str) -> Vec<Tweet> {
    let mut rng = Lcg(21);
    human_times(&mut rng, 20, NOW - HOUR)
        .iter()
        .enumerate()
        .map(|(i, at)| Tweet {
            client: Some(
                if i < tools {
                    tool
                } else {
                    "Twitter for iPhone"
                }
                .to_string(),
            ),
            ..post(i, TweetKind::Original, &words(&mut rng, 8), *at)
        })
        .collect()
}

#[test]
fn posts_sent_through_feed_and_scheduling_tools_point_to_automation() {
    let none = on_posts(&sent_from(0, "dlvr.it"), "posting_client");
    assert_eq!(none.points, 0);
    assert!(seen(&none).contains("no tool"), "{}", seen(&none));
    // Up to 30% from tools costs nothing; 80% or more the full penalty.
    assert_eq!(
        on_posts(&sent_from(6, "Buffer"), "posting_client").points,
        0
    );
    let most = on_posts(&sent_from(16, "dlvr.it"), "posting_client");
    assert_eq!(most.points, -12, "{}", seen(&most));
    assert!(
        // App names are text from X: isolated like every other.
        seen(&most).contains("16 of 20 own recent posts from \u{2068}dlvr.it\u{2069}"),
        "{}",
        seen(&most)
    );
    assert_eq!(
        on_posts(&sent_from(20, "IFTTT"), "posting_client").points,
        -12
    );
    // Graded in between, matched ignoring case and as part of the app name.
    let half = on_posts(&sent_from(11, "hootsuite inc."), "posting_client");
    assert_eq!(half.points, -6, "{}", seen(&half));
    let mut last = 0;
    for n in 0..=20 {
        let p = on_posts(&sent_from(n, "twitterfeed"), "posting_client").points;
        assert!(p <= last && last - p <= 3, "{n}: {p} after {last}");
        last = p;
    }
    // Reposts do not count: the app is the reposter's, not the post's author's.
    let reposted: Vec<Tweet> = sent_from(20, "dlvr.it")
        .into_iter()
        .map(|t| Tweet {
            kind: TweetKind::Repost,
            ..t
        })
        .collect();
    let e = on_posts(&reposted, "posting_client");
    assert!(e.seen.is_none());
    assert_eq!(e.weight, 0);
    // Posts with no known app: not seen, and no weight taken from confidence.
    let e = on_posts(&human_timeline(), "posting_client");
    assert!(e.seen.is_none());
    assert_eq!(e.weight, 0);
    // The tool list is a setting.
    let mut s = settings();
    s.client_keywords = vec!["Twitter for iPhone".into()];
    let e = find(
        &lines_with(&person(), &sent_from(0, "dlvr.it"), &[], &[], &s),
        "posting_client",
    );
    assert_eq!(e.points, -12);
}
