//! Every profile signal at and around its threshold (just below, at, just
//! above), with missing data giving "not seen yet" and no points.

use followback::signals::{
    evaluate, longest_digit_run, ratio_penalty, ratio_reward, self_declared, split_words, SIGNALS,
};
use followback::verdict::EvidenceText as Evidence;
use followback::{Account, Settings, Source, Subject};

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
        .english()
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
    for e in evaluate(&Subject::profile(&a), &Settings::default(), NOW)
        .iter()
        .map(|e| e.english())
    {
        assert_not_seen(&e);
        // Interests without a list of interests, and X's labels (shown only
        // when they apply), weigh nothing when not seen (they must not lower
        // confidence); every other signal has weight.
        let weightless = [
            "interests",
            "automated",
            "parody",
            "identity",
            "username_changes",
            "posting_client",
        ];
        if !weightless.contains(&e.signal.as_str()) {
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

/// Points of `signal` for each value, in order: a graded line never turns
/// back and never jumps (at most 3 points between neighbouring values: the
/// first whole counts, 1 to 2 to 3, are far apart on a log scale; the old
/// steps were 15 to 20 points at one threshold).
fn assert_graded(values: &[u64], make: impl Fn(u64) -> Account, signal: &str, rising: bool) {
    let mut last: Option<i32> = None;
    for v in values {
        let p = pts(&make(*v), signal);
        if let Some(l) = last {
            if rising {
                assert!(p >= l, "{signal}: {v} gives {p}, less than {l} before it");
            } else {
                assert!(p <= l, "{signal}: {v} gives {p}, more than {l} before it");
            }
            assert!(
                (p - l).abs() <= 3,
                "{signal}: a step from {l} to {p} at {v}"
            );
        }
        last = Some(p);
    }
}

/// Values growing by 10% from 1 to `max`, with 0 first.
fn sweep(max: u64) -> Vec<u64> {
    let mut out = vec![0];
    let mut v = 1.0f64;
    while v < max as f64 {
        out.push(v.round() as u64);
        v *= 1.1;
    }
    out.dedup();
    out
}

#[test]
fn ratio_penalty_starts_above_mild_and_is_full_at_50_to_1() {
    assert_eq!(pts(&counts(100, 200), "ratio"), 0);
    assert!(pts(&counts(100, 300), "ratio") < 0);
    assert_eq!(pts(&counts(100, 5_000), "ratio"), -20);
    assert_eq!(pts(&counts(100, 4_900), "ratio"), -19);
    assert_eq!(pts(&counts(100, 100_000), "ratio"), -20);
    assert_eq!(pts(&counts(0, 40), "ratio"), -18); // no followers counts as one
    assert_eq!(pts(&counts(0, 0), "ratio"), 0);
    assert_eq!(line(&counts(1, 1), "ratio").weight, 20);
    let e = line(&counts(100, 1_000), "ratio");
    assert!(e.reason.starts_with("\u{2212}"), "{}", e.reason);
    assert!(e.reason.contains("of \u{2212}20"), "{}", e.reason);
    assert!(
        !e.seen.unwrap_or_default().contains(":1"),
        "no jargon ratios"
    );
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
    // The reward side too.
    assert_eq!(ratio_reward(1.0, 10.0, 8), 0);
    assert_eq!(ratio_reward(2.0, 10.0, 8), 2);
    assert_eq!(ratio_reward(10.0, 10.0, 8), 8);
    assert_eq!(ratio_reward(f64::INFINITY, 10.0, 8), 8);
    assert_eq!(ratio_reward(5.0, 0.5, 8), 8);
}

#[test]
fn followers_above_following_earn_a_graded_modest_plus() {
    assert_eq!(pts(&counts(100, 100), "ratio"), 0);
    assert_eq!(pts(&counts(150, 100), "ratio"), 1);
    assert_eq!(pts(&counts(200, 100), "ratio"), 2);
    assert_eq!(pts(&counts(1_000, 100), "ratio"), 8);
    assert_eq!(pts(&counts(100, 10), "ratio"), 8);
    assert_eq!(pts(&counts(1_000_000, 10), "ratio"), 8);
    // Following from 1 to 10,000 with 100 followers: never rises, never steps by much.
    let mut last = i32::MAX;
    for following in sweep(10_000).into_iter().skip(1) {
        let p = pts(&counts(100, following), "ratio");
        assert!(p <= last, "following {following}: {p} after {last}");
        assert!(last == i32::MAX || last - p <= 2, "a step at {following}");
        last = p;
    }
}

// ---- following cap ----

#[test]
fn following_at_the_cap_with_few_followers_is_churn() {
    assert_eq!(pts(&counts(100, 4_499), "following_cap"), 0);
    assert_eq!(pts(&counts(3_599, 4_500), "following_cap"), -20);
    assert_eq!(pts(&counts(3_600, 4_500), "following_cap"), 0);
    assert_eq!(pts(&counts(1_200, 5_001), "following_cap"), -20);
    assert_not_seen(&line(&blank(), "following_cap"));
}

// ---- follow for follow ----

#[test]
fn mirror_counts_at_scale_look_like_follow_for_follow() {
    assert_eq!(pts(&counts(1_000, 1_100), "follow_for_follow"), -10);
    assert_eq!(pts(&counts(9_000, 10_000), "follow_for_follow"), -10); // exactly 10% apart
    assert_eq!(pts(&counts(1_000, 1_112), "follow_for_follow"), 0); // just over 10%
    assert_eq!(pts(&counts(999, 1_000), "follow_for_follow"), 0); // below the size
    assert_eq!(pts(&counts(1_000, 1_000), "follow_for_follow"), -10);
    assert_not_seen(&line(&blank(), "follow_for_follow"));
}

// ---- posts and posting rate ----

fn posting(posts: u64, days: i64) -> Account {
    Account {
        tweets: Some(posts),
        ..aged(days)
    }
}

#[test]
fn posts_ever_are_graded_from_never_to_a_thousand() {
    assert_eq!(pts(&posting(0, 400), "posts"), -14);
    assert_eq!(pts(&posting(1, 400), "posts"), -14);
    assert_eq!(pts(&posting(140, 70), "posts"), -3);
    assert_eq!(pts(&posting(1_000, 400), "posts"), 2);
    assert_eq!(pts(&posting(1_000_000, 400), "posts"), 2);
    assert_graded(&sweep(100_000), |n| posting(n, 400), "posts", true);
    let e = line(&posting(0, 400), "posts");
    assert_eq!(e.seen.as_deref(), Some("no posts, from X's data"));
    assert!(e.reason.contains("never posted"), "{}", e.reason);
    let few = line(&posting(9, 400), "posts");
    assert!(
        few.reason.contains("nothing taken from about"),
        "{}",
        few.reason
    );
    assert_eq!(few.seen.as_deref(), Some("9 posts, from X's data"));
    assert_eq!(
        line(&posting(1, 400), "posts").seen.as_deref(),
        Some("1 post, from X's data")
    );
    // The post count alone is enough; the age is not needed.
    assert_eq!(
        pts(
            &Account {
                tweets: Some(1_000),
                ..blank()
            },
            "posts"
        ),
        2
    );
    assert_not_seen(&line(&blank(), "posts"));
}

#[test]
fn a_lifetime_posting_rate_costs_only_at_the_extreme() {
    // A low or "healthy" rate earns and costs nothing (issue 15).
    assert_eq!(pts(&posting(19, 140), "activity"), 0);
    assert_eq!(pts(&posting(2_400, 100), "activity"), 0); // 24 a day: busy people do
    assert_eq!(pts(&posting(5_000, 100), "activity"), 0); // 50 a day
    assert_eq!(pts(&posting(10_000, 100), "activity"), -2); // 100 a day
    let e = line(&posting(50_000, 100), "activity"); // 500 a day
    assert_eq!(e.points, -8);
    assert!(e.seen.unwrap_or_default().contains("a day"));
    assert_eq!(e.weight, 8);
    assert_graded(&sweep(200_000), |n| posting(n, 100), "activity", false);
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

// ---- listed ----

#[test]
fn lists_reward_curation_on_a_graded_scale() {
    let listed = |lists: u64| Account {
        listed: Some(lists),
        followers: Some(5_000),
        ..blank()
    };
    assert_eq!(pts(&listed(0), "listed"), 0); // no penalty, whatever the audience
    assert_eq!(pts(&listed(1), "listed"), 1);
    assert_eq!(pts(&listed(10), "listed"), 3);
    assert_eq!(pts(&listed(100), "listed"), 5);
    assert_eq!(pts(&listed(100_000), "listed"), 5);
    assert_graded(&sweep(10_000), listed, "listed", true);
    let e = line(&listed(10), "listed");
    assert!(
        e.reason.starts_with("+3 of 5: full points from 100 lists"),
        "{}",
        e.reason
    );
    assert_eq!(e.seen.as_deref(), Some("on 10 lists, from X's data"));
    assert_eq!(
        line(&listed(1), "listed").seen.as_deref(),
        Some("on 1 list, from X's data")
    );
    assert_eq!(line(&listed(0), "listed").label, "Lists");
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
fn likes_given_are_graded_from_none_to_a_thousand() {
    assert_eq!(pts(&liking(0, 100, 100), "likes"), -20);
    assert_eq!(pts(&liking(1, 100, 100), "likes"), -20);
    assert_eq!(pts(&liking(30, 100, 100), "likes"), -6);
    assert_eq!(pts(&liking(100, 100, 100), "likes"), 0);
    assert_eq!(pts(&liking(420, 100, 100), "likes"), 8);
    assert_eq!(pts(&liking(1_000, 100, 100), "likes"), 12);
    assert_eq!(pts(&liking(1_000_000, 100, 100), "likes"), 12);
    // 40 likes and 40,000 likes no longer score alike.
    assert!(pts(&liking(40_000, 100, 100), "likes") > pts(&liking(40, 100, 100), "likes"));
    assert_graded(&sweep(100_000), |n| liking(n, 100, 100), "likes", true);
    let e = line(&liking(420, 100, 100), "likes");
    assert!(
        e.reason
            .starts_with("+8 of 12: full points from 1,000 likes"),
        "{}",
        e.reason
    );
    assert_eq!(e.seen.as_deref(), Some("420 likes, from X's data"));
    assert_eq!(e.label, "Likes given");
    assert!(e.threshold.contains("1,000"), "{}", e.threshold);
    let low = line(&liking(3, 100, 100), "likes");
    assert!(
        low.reason
            .contains("of \u{2212}20: nothing taken from about 96 likes"),
        "{}",
        low.reason
    );
    // Neither the age nor the post count is needed.
    let only = Account {
        likes: Some(5_000),
        ..blank()
    };
    assert_eq!(pts(&only, "likes"), 12);
    assert_not_seen(&line(&blank(), "likes"));
}

#[test]
fn next_to_no_likes_for_thousands_of_posts_costs_extra() {
    assert_eq!(pts(&liking(0, 100, 400), "likes_per_post"), 0);
    assert_eq!(pts(&liking(9, 9_999, 400), "likes_per_post"), 0); // 1 in 1,000
    assert_eq!(pts(&liking(1, 9_999, 400), "likes_per_post"), -7);
    assert_eq!(pts(&liking(0, 100_000, 400), "likes_per_post"), -10);
    let e = line(&liking(1, 9_999, 400), "likes_per_post");
    assert!(
        e.reason.contains("1 like for every 1,000 posts"),
        "{}",
        e.reason
    );
    assert_eq!(
        e.seen.as_deref(),
        Some("1 like for 9,999 posts, from X's data")
    );
    assert_graded(
        &sweep(100),
        |n| liking(n, 99_999, 400),
        "likes_per_post",
        true,
    );
    assert_not_seen(&line(
        &Account {
            likes: Some(3),
            ..blank()
        },
        "likes_per_post",
    ));
}

// ---- bot-like profile ----

#[test]
fn long_digit_runs_in_the_handle_cost_by_the_digit() {
    let h = |handle: &str| Account::with_handle(handle, Source::Graphql);
    assert_eq!(pts(&h("abc1984"), "handle"), 0);
    assert_eq!(pts(&h("abc12345"), "handle"), -1);
    assert_eq!(pts(&h("abc123456"), "handle"), -3);
    assert_eq!(pts(&h("abc1234567"), "handle"), -4);
    assert_eq!(pts(&h("JohnSmi12345678"), "handle"), -5);
    assert_eq!(pts(&h("x123456789012"), "handle"), -5);
    assert_eq!(pts(&h("a1b2c3d4e5f6"), "handle"), 0);
    assert_eq!(longest_digit_run("x12y3456z"), 4);
    assert_eq!(line(&h("abc1984"), "handle").label, "Handle digits");
    assert_eq!(
        line(&h("ann"), "handle").seen.as_deref(),
        Some("@\u{2068}ann\u{2069}: no digits, from X's data")
    );
    assert_not_seen(&line(&h(""), "handle"));
}

#[test]
fn following_growth_is_graded_by_follows_a_day() {
    let growth = |following: u64, days: i64| Account {
        following: Some(following),
        ..aged(days)
    };
    assert_eq!(pts(&growth(100, 100), "following_growth"), 0); // 1 a day
    assert_eq!(pts(&growth(1_000, 100), "following_growth"), -5); // 10 a day
    assert_eq!(pts(&growth(4_450, 89), "following_growth"), -10); // 50 a day
    assert_eq!(pts(&growth(100_000, 90), "following_growth"), -10); // old accounts too
    assert_eq!(pts(&growth(60, 0), "following_growth"), -10); // first day counts as one day
    assert_graded(
        &sweep(20_000),
        |n| growth(n, 400),
        "following_growth",
        false,
    );
    let e = line(&growth(100, 100), "following_growth");
    assert!(e.threshold.contains("1 follow a day"), "{}", e.threshold);
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
fn organisation_checks_count_though_verified_is_false() {
    let org = |kind: &str| Account {
        verified: Some(false),
        blue_verified: Some(true),
        verified_type: Some(kind.into()),
        ..blank()
    };
    let gold = line(&org("Business"), "verified");
    assert_eq!(gold.points, 5);
    assert!(gold.seen.unwrap_or_default().starts_with("gold check"));
    let grey = line(&org("Government"), "verified");
    assert_eq!(grey.points, 5);
    assert!(grey.seen.unwrap_or_default().starts_with("grey check"));
    // An unknown kind is not an organisation check: the paid check rule applies.
    assert_eq!(pts(&org("Something"), "verified"), 0);
}

#[test]
fn identity_verification_is_a_mild_plus() {
    let id = |v: Option<bool>| Account {
        identity_verified: v,
        ..blank()
    };
    assert_eq!(pts(&id(Some(true)), "identity"), 3);
    assert_eq!(pts(&id(Some(false)), "identity"), 0);
    assert!(line(&id(Some(false)), "identity").seen.is_some());
    let unseen = line(&id(None), "identity");
    assert_not_seen(&unseen);
    assert_eq!(
        unseen.weight, 0,
        "an absent label must not lower confidence"
    );
}

#[test]
fn the_automated_label_is_a_strong_penalty_naming_the_operator() {
    let bot = Account {
        automated: Some(true),
        automated_by: Some("@weather_ops".into()),
        ..blank()
    };
    let e = line(&bot, "automated");
    assert_eq!(e.points, -40);
    assert_eq!(e.weight, 40);
    assert!(e
        .seen
        .unwrap_or_default()
        .contains("Automated by @\u{2068}weather_ops\u{2069}"));
    assert!(e.reason.contains("bot"), "{}", e.reason);
    let unnamed = Account {
        automated: Some(true),
        ..blank()
    };
    assert_eq!(pts(&unnamed, "automated"), -40);
    let no = Account {
        automated: Some(false),
        ..blank()
    };
    assert_eq!(pts(&no, "automated"), 0);
    assert!(line(&no, "automated").seen.is_some());
    let unseen = line(&blank(), "automated");
    assert_not_seen(&unseen);
    assert_eq!(unseen.weight, 0);
}

#[test]
fn parody_commentary_and_fan_labels_are_a_mild_minus() {
    for label in ["Parody", "Commentary", "Fan"] {
        let a = Account {
            parody_label: Some(label.into()),
            ..blank()
        };
        let e = line(&a, "parody");
        assert_eq!(e.points, -3, "{label}");
        assert!(e.seen.unwrap_or_default().contains(label));
    }
    let empty = Account {
        parody_label: Some(" ".into()),
        ..blank()
    };
    assert_not_seen(&line(&empty, "parody"));
    assert_eq!(line(&blank(), "parody").weight, 0);
}

#[test]
fn many_username_changes_are_a_graded_mild_minus() {
    let changed = |n: u64| Account {
        username_changes: Some(n),
        ..blank()
    };
    assert_eq!(pts(&changed(0), "username_changes"), 0);
    assert_eq!(pts(&changed(2), "username_changes"), 0);
    assert_eq!(pts(&changed(5), "username_changes"), -3);
    assert_eq!(pts(&changed(10), "username_changes"), -5);
    assert_eq!(pts(&changed(500), "username_changes"), -5);
    assert_graded(&sweep(1_000), changed, "username_changes", false);
    assert_eq!(
        line(&changed(1), "username_changes").seen.as_deref(),
        Some("username changed 1 time, from X's data")
    );
    assert_not_seen(&line(&blank(), "username_changes"));
    assert_eq!(line(&blank(), "username_changes").weight, 0);
}

#[test]
fn an_account_calling_itself_a_bot_costs_points() {
    let with = |handle: &str, name: &str, bio: &str| Account {
        name: Some(name.into()),
        bio: Some(bio.into()),
        ..Account::with_handle(handle, Source::Graphql)
    };
    let cases = [
        (
            with("wx", "Weather", "A bot that posts the weather every hour."),
            true,
        ),
        (with("NewsBot", "News", "Headlines."), true),
        (with("bot_of_news", "News", "Headlines."), true),
        (with("wx", "Weather Bot \u{1f916}", ""), true),
        (with("wx", "Ann", "I love robotics and bottles."), false),
        (with("talbot", "Ann Talbot", "Abbot of nothing."), false),
        (with("wx", "Ann", "Definitely not a bot!"), false),
        (with("wx", "Ann", "I'm no bot, I promise"), false),
        (with("wx", "Ann", "I build bots for a living"), false),
    ];
    for (a, is_bot) in &cases {
        let e = line(a, "self_declared_bot");
        assert_eq!(
            e.points,
            if *is_bot { -20 } else { 0 },
            "{:?} {:?} {:?}",
            a.handle,
            a.name,
            a.bio
        );
        assert!(e.seen.is_some());
    }
    assert_eq!(
        split_words("NewsBot42 and_more", true),
        vec!["news", "bot", "42", "and", "more"]
    );
    assert_eq!(
        self_declared("a Bot", false, &["bot".to_string()]).as_deref(),
        Some("bot")
    );
    assert_not_seen(&line(
        &Account::with_handle("", Source::Page),
        "self_declared_bot",
    ));
}

#[test]
fn account_age_is_graded_and_bounded_both_ways() {
    assert_eq!(pts(&aged(0), "age"), -10);
    assert_eq!(pts(&aged(29), "age"), -10);
    assert_eq!(pts(&aged(30), "age"), -10);
    assert_eq!(pts(&aged(70), "age"), -5);
    assert_eq!(pts(&aged(600), "age"), 9);
    assert_eq!(pts(&aged(1_000), "age"), 12);
    assert_eq!(pts(&aged(20 * 365), "age"), 12);
    let mut last = i32::MIN;
    for d in (0..4_000).step_by(7) {
        let p = pts(&aged(d), "age");
        assert!(
            p >= last && (last == i32::MIN || p - last <= 1),
            "{d} days: {p} after {last}"
        );
        last = p;
    }
    let e = line(&aged(600), "age");
    assert!(
        e.reason
            .starts_with("+9 of 12: full points from 1,000 days"),
        "{}",
        e.reason
    );
    assert_not_seen(&line(&blank(), "age"));
    assert_not_seen(&line(&aged(-10), "age")); // created in the future
}

#[test]
fn rates_use_the_time_the_counts_were_observed() {
    // Observed 100 days after creation, scored years later: still 100 days old then.
    let a = Account {
        created_at: Some(NOW - 3_000 * DAY),
        observed_at: Some(NOW - 2_900 * DAY),
        tweets: Some(30_000),
        ..blank()
    };
    let e = line(&a, "activity");
    assert_eq!(e.points, -6, "{:?}", e.seen); // 300 a day
    assert_eq!(pts(&a, "age"), -3);
    // An observation time in the future is ignored.
    let future = Account {
        observed_at: Some(NOW + 30 * DAY),
        ..aged(20)
    };
    assert_eq!(pts(&future, "age"), -10);
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
