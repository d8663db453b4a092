//! Every profile signal at and around its threshold (just below, at, just
//! above), with missing data giving "not seen yet" and no points.

use followback::signals::{evaluate, longest_digit_run, ratio_penalty, SIGNALS};
use followback::{Account, Evidence, Settings, Source, Subject};

const NOW: i64 = 1_767_225_600; // 2026-01-01
const DAY: i64 = 86_400;

fn blank() -> Account {
    Account::with_handle("someone", Source::Graphql)
}

fn aged(days: i64) -> Account {
    Account {
        created_at: Some(NOW - days * DAY),
        ..blank()
    }
}

fn line_with(a: &Account, s: &Settings, signal: &str) -> Evidence {
    evaluate(&Subject::profile(a), s, NOW)
        .into_iter()
        .find(|e| e.signal == signal)
        .unwrap_or_else(|| panic!("no {signal} line"))
}

fn line(a: &Account, signal: &str) -> Evidence {
    line_with(a, &Settings::default(), signal)
}

fn pts(a: &Account, signal: &str) -> i32 {
    line(a, signal).points
}

fn assert_not_seen(e: &Evidence) {
    assert_eq!(e.seen, None, "{}: {:?}", e.signal, e.seen);
    assert_eq!(e.points, 0, "{}", e.signal);
    assert!(
        e.reason.contains("not seen yet"),
        "{}: {}",
        e.signal,
        e.reason
    );
}

#[test]
fn one_line_per_signal_with_unique_ids() {
    let lines = evaluate(&Subject::profile(&blank()), &Settings::default(), NOW);
    assert_eq!(lines.len(), SIGNALS.len());
    let mut ids: Vec<&str> = lines.iter().map(|e| e.signal.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), lines.len());
}

#[test]
fn an_account_known_only_by_handle_sees_almost_nothing() {
    let a = Account::with_handle("", Source::Page);
    for e in evaluate(&Subject::profile(&a), &Settings::default(), NOW) {
        assert_not_seen(&e);
        // Interests without a list of interests weigh nothing (they must not
        // lower confidence); every other signal has weight.
        if e.signal != "interests" {
            assert!(e.weight > 0, "{} has no weight", e.signal);
        }
        assert!(!e.threshold.is_empty() && !e.label.is_empty());
    }
}

#[test]
fn observed_lines_say_where_the_value_came_from() {
    let a = Account {
        bio: Some("hello".into()),
        source: Source::Page,
        ..blank()
    };
    let e = line(&a, "bio");
    assert!(
        e.seen
            .as_deref()
            .is_some_and(|s| s.ends_with("from the page")),
        "{:?}",
        e.seen
    );
}

// ---- begging ----

#[test]
fn begging_matches_whole_words_in_bio_and_name() {
    let s = Settings::default();
    let with_bio = |bio: &str| Account {
        bio: Some(bio.into()),
        ..blank()
    };
    assert_eq!(pts(&with_bio("Our staff rocks"), "begging"), 0);
    assert_eq!(pts(&with_bio("no begging here"), "begging"), 0);
    let e = line(&with_bio("Music lover #TAF #F4F"), "begging");
    assert_eq!(e.points, -25);
    assert_eq!(e.weight, 25);
    let seen = e.seen.unwrap_or_default();
    assert!(
        seen.contains("#TAF") && seen.contains("#F4F") && seen.contains("in bio"),
        "{seen}"
    );
    assert_eq!(pts(&with_bio("I FOLLOW BACK 100%"), "begging"), -25);

    let named = Account {
        name: Some("Ann #TFB".into()),
        bio: Some("".into()),
        ..blank()
    };
    assert_eq!(pts(&named, "begging"), -25);
    let mut off = s.clone();
    off.begging_in_name = false;
    assert_eq!(line_with(&named, &off, "begging").points, 0);
    let name_only = Account {
        name: Some("Ann #TFB".into()),
        ..blank()
    };
    assert_not_seen(&line_with(&name_only, &off, "begging"));
    assert_not_seen(&line(&blank(), "begging"));
}

#[test]
fn begging_follows_its_settings() {
    let mut s = Settings {
        begging_keywords: vec!["gimme follows".into()],
        begging_points: 40,
        ..Settings::default()
    };
    let a = Account {
        bio: Some("pls GIMME   follows #TFB".into()),
        ..blank()
    };
    let e = line_with(&a, &s, "begging");
    assert_eq!(e.points, -40);
    assert!(!e.seen.unwrap_or_default().contains("#TFB"));
    s.begging_points = 0;
    let e = line_with(&a, &s, "begging");
    assert_eq!((e.points, e.weight), (0, 0));
}

// ---- guru ----

#[test]
fn guru_words_cost_a_little() {
    let with_bio = |bio: &str| Account {
        bio: Some(bio.into()),
        ..blank()
    };
    let e = line(&with_bio("Social Media Ninja and coffee addict"), "guru");
    assert_eq!(e.points, -5);
    assert!(
        e.reason.contains("cannot show whether they socialise"),
        "{}",
        e.reason
    );
    assert_eq!(pts(&with_bio("Ninjago fan"), "guru"), 0);
    assert_not_seen(&line(&blank(), "guru"));
}

// ---- bio ----

#[test]
fn empty_bio_is_seen_and_differs_from_bio_not_seen() {
    assert_not_seen(&line(&blank(), "bio"));
    let empty = Account {
        bio: Some("   ".into()),
        ..blank()
    };
    let e = line(&empty, "bio");
    assert_eq!(e.points, -8);
    assert!(e.seen.unwrap_or_default().starts_with("empty,"));
    let one = Account {
        bio: Some("x".into()),
        ..blank()
    };
    assert_eq!(pts(&one, "bio"), 3);
}

// ---- avatar ----

#[test]
fn default_avatar_costs_more_after_two_months() {
    let egg = |days: i64| Account {
        default_avatar: Some(true),
        ..aged(days)
    };
    assert_eq!(pts(&egg(59), "avatar"), -10);
    assert_eq!(pts(&egg(60), "avatar"), -10);
    assert_eq!(pts(&egg(61), "avatar"), -16);
    let unknown_age = Account {
        default_avatar: Some(true),
        ..blank()
    };
    assert_eq!(pts(&unknown_age, "avatar"), -10);
    let own = Account {
        default_avatar: Some(false),
        ..blank()
    };
    assert_eq!(pts(&own, "avatar"), 3);
    assert_eq!(line(&own, "avatar").weight, 16);
    assert_not_seen(&line(&blank(), "avatar"));
}

// ---- ratio ----

fn counts(followers: u64, following: u64) -> Account {
    Account {
        followers: Some(followers),
        following: Some(following),
        ..blank()
    }
}

#[test]
fn ratio_penalty_starts_above_mild_and_is_full_at_50_to_1() {
    assert_eq!(pts(&counts(100, 200), "ratio"), 0);
    assert!(pts(&counts(100, 300), "ratio") < 0);
    assert_eq!(pts(&counts(100, 5_000), "ratio"), -15);
    let below = pts(&counts(100, 4_900), "ratio");
    assert!((-15..0).contains(&below) && below > -15, "{below}");
    assert_eq!(pts(&counts(100, 100_000), "ratio"), -15);
    assert_eq!(pts(&counts(0, 40), "ratio"), -13); // no followers counts as one
    assert_eq!(pts(&counts(0, 0), "ratio"), 0);
    assert_eq!(line(&counts(1, 1), "ratio").weight, 15);
    assert_not_seen(&line(
        &Account {
            followers: Some(3),
            ..blank()
        },
        "ratio",
    ));
}

#[test]
fn ratio_penalty_grows_monotonically_and_stays_bounded() {
    let mut last = 0;
    let mut r = 1.0;
    while r < 200.0 {
        let p = ratio_penalty(r, 2.0, 50.0, 15);
        assert!(p >= last && p <= 15, "r={r} p={p}");
        last = p;
        r *= 1.1;
    }
    assert_eq!(ratio_penalty(10.0, 2.0, 50.0, 0), 0);
    // Nonsense settings (severe below mild) still give a bounded answer.
    assert_eq!(ratio_penalty(10.0, 20.0, 5.0, 15), 0);
    assert_eq!(ratio_penalty(30.0, 20.0, 5.0, 15), 15);
}

#[test]
fn followers_comfortably_above_following_earn_a_modest_plus() {
    assert_eq!(pts(&counts(200, 100), "ratio"), 4);
    assert_eq!(pts(&counts(199, 100), "ratio"), 0);
    assert_eq!(pts(&counts(201, 100), "ratio"), 4);
    assert_eq!(pts(&counts(99, 10), "ratio"), 0);
    assert_eq!(pts(&counts(100, 10), "ratio"), 4);
}

// ---- following cap ----

#[test]
fn following_at_the_cap_with_few_followers_is_churn() {
    assert_eq!(pts(&counts(100, 4_499), "following_cap"), 0);
    assert_eq!(pts(&counts(3_599, 4_500), "following_cap"), -10);
    assert_eq!(pts(&counts(3_600, 4_500), "following_cap"), 0);
    assert_eq!(pts(&counts(1_200, 5_001), "following_cap"), -10);
    assert_not_seen(&line(&blank(), "following_cap"));
}

// ---- follow for follow ----

#[test]
fn mirror_counts_at_scale_look_like_follow_for_follow() {
    assert_eq!(pts(&counts(1_000, 1_100), "follow_for_follow"), -6);
    assert_eq!(pts(&counts(9_000, 10_000), "follow_for_follow"), -6); // exactly 10% apart
    assert_eq!(pts(&counts(1_000, 1_112), "follow_for_follow"), 0); // just over 10%
    assert_eq!(pts(&counts(999, 1_000), "follow_for_follow"), 0); // below the size
    assert_eq!(pts(&counts(1_000, 1_000), "follow_for_follow"), -6);
    assert_not_seen(&line(&blank(), "follow_for_follow"));
}

// ---- activity ----

fn posting(posts: u64, days: i64) -> Account {
    Account {
        tweets: Some(posts),
        ..aged(days)
    }
}

#[test]
fn never_posted_and_too_few_posts() {
    assert_eq!(pts(&posting(0, 400), "activity"), -18);
    assert_eq!(pts(&posting(9, 400), "activity"), -12);
    assert_eq!(pts(&posting(10, 70), "activity"), 6);
    let e = line(
        &Account {
            tweets: Some(50),
            ..blank()
        },
        "activity",
    );
    assert_not_seen(&e);
    assert!(e.reason.contains("50 posts"), "{}", e.reason);
    assert_not_seen(&line(&blank(), "activity"));
}

#[test]
fn fewer_than_one_post_a_week_is_too_quiet() {
    assert_eq!(pts(&posting(19, 140), "activity"), -6);
    assert_eq!(pts(&posting(20, 140), "activity"), 6);
    assert_eq!(pts(&posting(21, 140), "activity"), 6);
}

#[test]
fn more_than_24_posts_a_day_looks_automated() {
    assert_eq!(pts(&posting(2_399, 100), "activity"), 6);
    assert_eq!(pts(&posting(2_400, 100), "activity"), 6);
    let e = line(&posting(2_401, 100), "activity");
    assert_eq!(e.points, -12);
    assert!(e.seen.unwrap_or_default().contains("a day"));
    assert_eq!(e.weight, 18);
}

// ---- listed ----

#[test]
fn lists_reward_curation_and_flag_unlisted_audiences() {
    let listed = |lists: u64, followers: u64| Account {
        listed: Some(lists),
        followers: Some(followers),
        ..blank()
    };
    assert_eq!(pts(&listed(0, 999), "listed"), 0);
    assert_eq!(pts(&listed(0, 1_000), "listed"), -3);
    assert_eq!(pts(&listed(1, 50_000), "listed"), 3);
    assert_eq!(pts(&listed(9, 100), "listed"), 3);
    assert_eq!(pts(&listed(10, 100), "listed"), 7);
    assert_eq!(pts(&listed(11, 100), "listed"), 7);
    assert_not_seen(&line(
        &Account {
            followers: Some(10),
            ..blank()
        },
        "listed",
    ));
}

// ---- likes ----

fn liking(likes: u64, posts: u64, days: i64) -> Account {
    Account {
        likes: Some(likes),
        tweets: Some(posts),
        ..aged(days)
    }
}

#[test]
fn near_zero_likes_on_a_posting_account_cost_points() {
    assert_eq!(pts(&liking(9, 100, 100), "likes"), -15);
    assert_eq!(pts(&liking(10, 100, 100), "likes"), 0);
    assert_eq!(pts(&liking(19, 1_000, 100), "likes"), -15); // 0.019 per post
    assert_eq!(pts(&liking(20, 1_000, 100), "likes"), 0); // 0.02 per post
    assert_eq!(pts(&liking(0, 100, 30), "likes"), 0); // too new
    assert_eq!(pts(&liking(0, 100, 31), "likes"), -15);
    assert_eq!(pts(&liking(0, 0, 400), "likes"), 0); // never posted: activity judges that
}

#[test]
fn plenty_of_likes_earn_points_unless_near_zero_per_post() {
    assert_eq!(pts(&liking(199, 100, 400), "likes"), 0);
    assert_eq!(pts(&liking(200, 100, 400), "likes"), 5);
    assert_eq!(pts(&liking(300, 20_000, 400), "likes"), -15);
    // Many likes count even when the age is unknown; few likes need the age.
    let no_age = |likes: u64| Account {
        likes: Some(likes),
        tweets: Some(100),
        ..blank()
    };
    assert_eq!(pts(&no_age(5_000), "likes"), 5);
    assert_not_seen(&line(&no_age(3), "likes"));
    assert_not_seen(&line(&blank(), "likes"));
}

// ---- bot-like profile ----

#[test]
fn long_digit_runs_in_the_handle_look_generated() {
    let h = |handle: &str| Account::with_handle(handle, Source::Graphql);
    assert_eq!(pts(&h("abc12345"), "handle"), 0);
    assert_eq!(pts(&h("abc123456"), "handle"), -5);
    assert_eq!(pts(&h("JohnSmi12345678"), "handle"), -5);
    assert_eq!(pts(&h("a1b2c3d4e5f6"), "handle"), 0);
    assert_eq!(longest_digit_run("x12y3456z"), 4);
    assert_not_seen(&line(&h(""), "handle"));
}

#[test]
fn mass_following_on_a_young_account() {
    let growth = |following: u64, days: i64| Account {
        following: Some(following),
        ..aged(days)
    };
    assert_eq!(pts(&growth(4_450, 89), "following_growth"), 0); // exactly 50 a day
    assert_eq!(pts(&growth(4_451, 89), "following_growth"), -10);
    assert_eq!(pts(&growth(100_000, 90), "following_growth"), 0); // no longer young
    assert_eq!(pts(&growth(60, 0), "following_growth"), -10); // first day counts as one day
    assert_not_seen(&line(
        &Account {
            following: Some(9),
            ..blank()
        },
        "following_growth",
    ));
}

#[test]
fn bare_profile_following_more_than_100() {
    let bare = |bio: &str, location: Option<&str>, following: u64| Account {
        bio: Some(bio.into()),
        location: location.map(String::from),
        following: Some(following),
        ..blank()
    };
    assert_eq!(pts(&bare("", Some(""), 100), "bare_profile"), 0);
    assert_eq!(pts(&bare("", Some(" "), 101), "bare_profile"), -6);
    assert_eq!(pts(&bare("", Some("Paris"), 500), "bare_profile"), 0);
    assert_eq!(pts(&bare("hi", Some(""), 500), "bare_profile"), 0);
    assert_not_seen(&line(&bare("", None, 500), "bare_profile"));
}

// ---- verification, age, relationship ----

#[test]
fn legacy_verification_counts_and_the_paid_check_does_not() {
    let v = |verified: Option<bool>, blue: Option<bool>| Account {
        verified,
        blue_verified: blue,
        ..blank()
    };
    assert_eq!(pts(&v(Some(true), None), "verified"), 5);
    let paid = line(&v(Some(false), Some(true)), "verified");
    assert_eq!(paid.points, 0);
    assert!(paid.seen.is_some());
    assert!(paid.reason.contains("pays"), "{}", paid.reason);
    assert_eq!(pts(&v(Some(false), Some(false)), "verified"), 0);
    assert!(line(&v(Some(false), None), "verified").seen.is_some());
    assert_not_seen(&line(&v(None, None), "verified"));
}

#[test]
fn account_age_is_bounded_both_ways() {
    assert_eq!(pts(&aged(29), "age"), -3);
    assert_eq!(pts(&aged(30), "age"), 0);
    assert_eq!(pts(&aged(730), "age"), 0);
    assert_eq!(pts(&aged(731), "age"), 4);
    assert_eq!(pts(&aged(20 * 365), "age"), 4);
    assert_not_seen(&line(&blank(), "age"));
    assert_not_seen(&line(&aged(-10), "age")); // created in the future
}

#[test]
fn rates_use_the_time_the_counts_were_observed() {
    // Observed 100 days after creation, scored years later: still 100 days old then.
    let a = Account {
        created_at: Some(NOW - 3_000 * DAY),
        observed_at: Some(NOW - 2_900 * DAY),
        tweets: Some(3_000),
        ..blank()
    };
    let e = line(&a, "activity");
    assert_eq!(e.points, -12, "{:?}", e.seen); // 30 a day
    assert_eq!(pts(&a, "age"), 0);
    // An observation time in the future is ignored.
    let future = Account {
        observed_at: Some(NOW + 30 * DAY),
        ..aged(20)
    };
    assert_eq!(pts(&future, "age"), -3);
}

#[test]
fn follows_you_is_a_small_plus() {
    let f = |v: Option<bool>| Account {
        follows_you: v,
        ..blank()
    };
    assert_eq!(pts(&f(Some(true)), "follows_you"), 3);
    assert_eq!(pts(&f(Some(false)), "follows_you"), 0);
    assert!(line(&f(Some(false)), "follows_you").seen.is_some());
    assert_not_seen(&line(&f(None), "follows_you"));
}

#[test]
fn hostile_or_huge_values_never_panic() {
    let a = Account {
        handle: "\u{202e}\u{0}<script>".into(),
        name: Some("\u{fffd}".repeat(1000)),
        bio: Some("#TFB".repeat(5000)),
        location: Some("".into()),
        created_at: Some(i64::MIN),
        observed_at: Some(i64::MAX),
        followers: Some(u64::MAX),
        following: Some(u64::MAX),
        tweets: Some(u64::MAX),
        likes: Some(0),
        listed: Some(u64::MAX),
        ..blank()
    };
    let lines = evaluate(&Subject::profile(&a), &Settings::default(), i64::MAX);
    assert_eq!(lines.len(), SIGNALS.len());
    let lines = evaluate(&Subject::profile(&a), &Settings::default(), i64::MIN);
    assert_eq!(lines.len(), SIGNALS.len());
}

#[test]
fn spam_words_in_name_or_bio_cost_points_once_and_only_as_whole_phrases() {
    let with = |bio: &str, name: &str| Account {
        bio: Some(bio.into()),
        name: Some(name.into()),
        ..blank()
    };
    let s = Settings::default();
    let spam = with("Crypto SIGNALS daily, DM for promo", "Gains");
    let e = line(&spam, "spam_words");
    assert_eq!(
        e.points,
        -(s.spam_points as i32),
        "taken once for two phrases"
    );
    let seen = e.seen.unwrap_or_default();
    assert!(
        seen.contains("crypto signals") && seen.contains("dm for promo"),
        "{seen}"
    );
    assert_eq!(
        pts(&with("Just a bio", "Airdrop Hunter"), "spam_words"),
        -(s.spam_points as i32)
    );
    // Whole phrases only: a longer word or a broad topic is not spam.
    assert_eq!(
        pts(
            &with("I study giveaways law and crypto policy", "Ann"),
            "spam_words"
        ),
        0
    );
    assert_eq!(
        pts(&with("", "Ann"), "spam_words"),
        0,
        "an empty bio is seen, with no spam"
    );
    assert_not_seen(&line(&blank(), "spam_words"));
}
