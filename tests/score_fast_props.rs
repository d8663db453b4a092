//! The numeric fast path (`score::score_compact`) against the explained path
//! (`score::score_with`) as a property: on random accounts (profiles with any
//! fact present or missing, random recent posts, earlier visits and
//! interactions) and random valid settings (every number anywhere in its
//! range, every switch either way), score, level and confidence are equal.

use followback::prepared::Matchers;
use followback::score::{score_compact, score_with, CompactVerdict};
use followback::{Account, Interaction, Settings, Source, Subject};
use proptest::prelude::*;

mod common;
use common::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400)
    ))]

    #[test]
    fn the_fast_path_gives_the_explained_score_level_and_confidence(
        (account, tweets, history, interactions) in subject_parts(),
        settings in settings(),
    ) {
        let matchers = Matchers::new(&settings);
        let interactions: Vec<Interaction> = interactions
            .into_iter()
            .map(|i| Interaction { handle: account.handle.clone(), ..i })
            .collect();
        let subject = Subject {
            tweets: &tweets,
            history: &history,
            interactions: &interactions,
            ..Subject::profile(&account)
        };
        let explained = score_with(&subject, &settings, &matchers, NOW);
        let fast = score_compact(&subject, &settings, &matchers, NOW);
        prop_assert_eq!(fast, CompactVerdict::from(&explained));
    }
}

#[test]
fn the_property_can_fail_and_the_fast_path_builds_no_words() {
    let account = Account {
        bio: Some("#TeamFollowBack".into()),
        followers: Some(10),
        following: Some(4_000),
        ..Account::with_handle("someone", Source::Graphql)
    };
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let subject = Subject::profile(&account);
    let explained = score_with(&subject, &settings, &matchers, NOW);
    let fast = score_compact(&subject, &settings, &matchers, NOW);
    assert_eq!(fast, CompactVerdict::from(&explained));
    // Another account's verdict differs: the comparison is not vacuous.
    let other = score_with(
        &Subject::profile(&Account::with_handle("x", Source::Graphql)),
        &settings,
        &matchers,
        NOW,
    );
    assert_ne!(fast, CompactVerdict::from(&other));
    // Explained lines carry words; the fast path's lines (internal) carry none.
    assert!(explained.evidence.iter().all(|e| !e.label.is_empty()));
}
