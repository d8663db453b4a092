//! Scoring with an account's kept features (`analysis::features`, kept in
//! its `memory::Entry` between scorings) equals scoring from scratch (every
//! signal computing what it needs, nothing prepared or kept), as a property:
//! on random accounts with posts, count history and interactions, random valid
//! settings, after the settings change (and change back), after new posts
//! arrive and after the profile changes. Both the explained verdict and the
//! fast path's compact verdict are compared.

use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::score::{score_compact, score_with, CompactVerdict};
use followback::signals;
use followback::{Account, Interaction, Settings, Snapshot, Source, Tweet};
use proptest::prelude::*;

mod common;
use common::*;

/// Every remembered account scored with its kept features equals its score
/// from scratch, on both paths; returns how many entries held kept features
/// for `matchers` afterwards (all of them: the cache was used).
fn check_memory(
    memory: &Memory,
    settings: &Settings,
    matchers: &Matchers,
) -> Result<usize, TestCaseError> {
    let mut kept = 0;
    for entry in memory.entries() {
        let subject = entry.subject();
        let expected = scratch(&subject, settings);
        // Twice: the first fills the cache (or finds it stale), the second reads it.
        for _ in 0..2 {
            let fast = score_compact(&subject, settings, matchers, NOW);
            prop_assert_eq!(fast, CompactVerdict::from(&expected));
            let explained = score_with(&subject, settings, matchers, NOW);
            prop_assert_eq!(&explained, &expected);
        }
        if entry.features.holds(matchers) {
            kept += 1;
        }
    }
    Ok(kept)
}

fn remember(
    memory: &mut Memory,
    account: &Account,
    tweets: &[Tweet],
    history: &[Snapshot],
    interactions: &[Interaction],
) {
    // Earlier visits first (their counts become the history), then the account now.
    for snap in history {
        let mut seen = account.clone();
        seen.following = snap.following;
        seen.observed_at = Some(snap.at);
        memory.remember_account(seen, snap.at);
    }
    let mut now = account.clone();
    now.observed_at = Some(NOW);
    memory.remember_account(now, NOW);
    for t in tweets {
        memory.remember_tweet(t.clone(), NOW);
    }
    for i in interactions {
        memory.remember_interaction(
            Interaction {
                handle: account.handle.clone(),
                ..i.clone()
            },
            NOW,
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
    ))]

    #[test]
    fn kept_features_score_as_from_scratch_through_settings_and_post_changes(
        (account, tweets, history, interactions) in subject_parts(),
        (other, other_tweets, _, _) in subject_parts(),
        more_tweets in tweets("later".to_string()),
        new_bio in text(),
        first in settings(),
        second in settings(),
    ) {
        let mut memory = Memory::new(100);
        // Half the posts now, the rest later.
        let (early, late) = tweets.split_at(tweets.len() / 2);
        remember(&mut memory, &account, early, &history, &interactions);
        remember(&mut memory, &other, &other_tweets, &[], &[]);
        let a = Matchers::new(&first);
        prop_assert_eq!(check_memory(&memory, &first, &a)?, memory.len());

        // The settings change: kept features of the old lists are not served.
        let b = Matchers::new(&second);
        prop_assert_eq!(check_memory(&memory, &second, &b)?, memory.len());

        // New posts arrive (same author; ids unlike the earlier ones).
        for t in late {
            memory.remember_tweet(t.clone(), NOW);
        }
        for (i, t) in more_tweets.iter().enumerate() {
            memory.remember_tweet(
                Tweet {
                    id: Some(format!("later{i}")),
                    author_handle: Some(account.handle.clone()),
                    ..t.clone()
                },
                NOW,
            );
        }
        check_memory(&memory, &second, &b)?;

        // The profile changes.
        let changed = Account { bio: new_bio, observed_at: Some(NOW), ..account.clone() };
        memory.remember_account(changed, NOW);
        check_memory(&memory, &second, &b)?;

        // And back to the first settings (their matchers, built again).
        let a2 = Matchers::new(&first);
        prop_assert_eq!(check_memory(&memory, &first, &a2)?, memory.len());
    }
}

/// The property can fail: features kept while the posts change behind the
/// cache's back (no `Memory` call, which would clear it) score the old posts.
#[test]
fn stale_features_would_be_caught() {
    let account = Account {
        followers: Some(300),
        following: Some(280),
        tweets: Some(900),
        ..Account::with_handle("someone", Source::Graphql)
    };
    let mut memory = Memory::new(10);
    memory.remember_account(account.clone(), NOW);
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let entry = memory.entries().next().expect("the account was remembered");
    let before = score_compact(&entry.subject(), &settings, &matchers, NOW);
    assert!(entry.features.holds(&matchers));
    // A copy of the kept features, and twenty begging posts, one a minute,
    // put beside them without clearing the cache.
    let kept = entry.features.clone();
    let tweets: Vec<Tweet> = (0..20)
        .map(|i| Tweet {
            id: Some(format!("p{i}")),
            author_handle: Some("someone".into()),
            text: "Follow back! #TeamFollowBack #F4F".into(),
            created_at: Some(NOW - 60 * i),
            client: Some("dlvr.it".into()),
            ..Tweet::default()
        })
        .collect();
    let with_posts = |features| signals::Subject {
        account: &entry.account,
        tweets: &tweets,
        history: &entry.history,
        interactions: entry.interactions,
        prepared: None,
        features,
    };
    let stale = score_compact(&with_posts(Some(&kept)), &settings, &matchers, NOW);
    let fresh = CompactVerdict::from(&scratch(&with_posts(None), &settings));
    // Signals that read the posts themselves see the new ones; those reading
    // the kept statistics still see none: neither the old nor the new score.
    assert_ne!(
        stale, fresh,
        "the kept features no longer say what the posts say"
    );
    assert_ne!(before, fresh);
    // Clearing (what Memory does when posts change) brings them back in line.
    let mut cleared = kept.clone();
    cleared.clear();
    assert_eq!(
        score_compact(&with_posts(Some(&cleared)), &settings, &matchers, NOW),
        fresh
    );
}
