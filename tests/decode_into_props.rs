//! `Memory::for_each_subject` decodes every remembered account into one
//! reused `Account` (clearing and refilling its strings). As a property: on
//! random accounts remembered in random order (long strings then short ones,
//! `Some` then `None`, numeric ids then text ids then none), each subject it
//! gives equals the one a fresh decode gives (`Memory::entries`), with the
//! same posts, history and interactions, and scores the same on the fast path.

use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::score::score_compact;
use followback::{Account, Settings, Source};
use proptest::prelude::*;

const NOW: i64 = 1_767_225_600; // 2026-01-01

/// Texts of very different lengths, so a reused string shrinks and grows.
fn text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        1 => Just(Some(String::new())),
        2 => "[a-z]{1,3}".prop_map(Some),
        2 => "[A-Za-z #é]{40,160}".prop_map(Some),
        1 => Just(Some("Crypto signals, DM for promo #TeamFollowBack".to_string())),
    ]
}

fn count() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        1 => Just(None),
        2 => (0u64..200).prop_map(Some),
        2 => any::<u64>().prop_map(Some),
    ]
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    proptest::option::of(any::<bool>())
}

fn id() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        2 => (1u64..u64::MAX).prop_map(|n| Some(n.to_string())),
        1 => "u_[a-z]{1,20}".prop_map(Some),
    ]
}

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::Graphql),
        Just(Source::Page),
        Just(Source::File),
        Just(Source::Memory),
    ]
}

fn account() -> impl Strategy<Value = Account> {
    (
        (id(), "[a-z]{1,8}[0-9]{0,6}", source()),
        (text(), text(), text(), text()),
        (text(), text(), text(), text()),
        (
            count(),
            count(),
            count(),
            count(),
            count(),
            count(),
            count(),
        ),
        (
            proptest::option::of(-1_000_000_000i64..2_000_000_000),
            proptest::option::of(1_600_000_000i64..1_800_000_000),
        ),
        (
            flag(),
            flag(),
            flag(),
            flag(),
            flag(),
            flag(),
            flag(),
            flag(),
        ),
        flag(),
    )
        .prop_map(
            |(
                (id, handle, source),
                (name, bio, location, url),
                (verified_type, automated_by, parody_label, based_in),
                (followers, following, tweets, likes, listed, media, username_changes),
                (created_at, observed_at),
                (
                    default_avatar,
                    default_profile,
                    verified,
                    blue_verified,
                    identity_verified,
                    automated,
                    protected,
                    follows_you,
                ),
                you_follow,
            )| Account {
                id,
                handle,
                name,
                bio,
                location,
                url,
                created_at,
                followers,
                following,
                tweets,
                likes,
                listed,
                media,
                default_avatar,
                default_profile,
                verified,
                blue_verified,
                verified_type,
                identity_verified,
                automated,
                automated_by,
                parody_label,
                username_changes,
                based_in,
                protected,
                follows_you,
                you_follow,
                observed_at,
                source,
            },
        )
}

/// Everything the reused walk gave, owned, in walk order.
fn walked(memory: &Memory, settings: &Settings, matchers: &Matchers) -> Vec<String> {
    let mut out = Vec::new();
    memory.for_each_subject(|s| {
        let v = score_compact(s, settings, matchers, NOW);
        out.push(format!(
            "{:?}|{:?}|{:?}|{:?}|{}|{:?}|{:?}",
            s.account,
            s.tweets,
            s.history,
            s.interactions,
            s.features.is_some(),
            v,
            s.prepared.is_none()
        ));
    });
    out
}

/// The same from a fresh decode of every entry.
fn fresh(memory: &Memory, settings: &Settings, matchers: &Matchers) -> Vec<String> {
    memory
        .entries()
        .map(|e| {
            let s = e.subject();
            let v = score_compact(&s, settings, matchers, NOW);
            format!(
                "{:?}|{:?}|{:?}|{:?}|{}|{:?}|{:?}",
                s.account,
                s.tweets,
                s.history,
                s.interactions,
                s.features.is_some(),
                v,
                s.prepared.is_none()
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn reused_decode_equals_fresh_decode_in_any_order(
        accounts in proptest::collection::vec(account(), 1..24),
    ) {
        let mut memory = Memory::new(100);
        for a in &accounts {
            memory.remember_account(a.clone(), NOW);
        }
        let settings = Settings::default();
        let matchers = Matchers::new(&settings);
        let reused = walked(&memory, &settings, &matchers);
        prop_assert_eq!(reused.len(), memory.len());
        prop_assert_eq!(&reused, &fresh(&memory, &settings, &matchers));
        // Twice: the second walk starts from kept features.
        prop_assert_eq!(walked(&memory, &settings, &matchers), reused);
    }
}

/// Long strings then short ones, `Some` then `None`, a numeric id then a text
/// id then none: each account after the first is decoded over the previous.
#[test]
fn shrinking_and_vanishing_fields_are_refilled_not_kept() {
    let long = "x".repeat(300);
    let first = Account {
        id: Some("123456789012345".to_string()),
        name: Some(long.clone()),
        bio: Some(long.clone()),
        url: Some(long.clone()),
        based_in: Some(long.clone()),
        followers: Some(10),
        verified: Some(true),
        observed_at: Some(NOW),
        ..Account::with_handle("first".to_string(), Source::Graphql)
    };
    let second = Account {
        id: Some("u_text".to_string()),
        name: Some("ab".to_string()),
        bio: None,
        url: Some(String::new()),
        ..Account::with_handle("second".to_string(), Source::Page)
    };
    let third = Account::with_handle("t".to_string(), Source::File);
    let mut memory = Memory::new(10);
    for a in [&first, &second, &third] {
        memory.remember_account(a.clone(), NOW);
    }
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let reused = walked(&memory, &settings, &matchers);
    assert_eq!(reused.len(), 3);
    assert_eq!(reused, fresh(&memory, &settings, &matchers));
    let mut accounts = Vec::new();
    memory.for_each_subject(|s| accounts.push(s.account.clone()));
    let by_handle = |h: &str| accounts.iter().find(|a| a.handle == h).cloned();
    let second_seen = by_handle("second").unwrap_or_default();
    assert_eq!(second_seen.name.as_deref(), Some("ab"));
    assert_eq!(second_seen.bio, None);
    assert_eq!(second_seen.url.as_deref(), Some(""));
    assert_eq!(second_seen.id.as_deref(), Some("u_text"));
    assert_eq!(second_seen.followers, None);
    let third_seen = by_handle("t").unwrap_or_default();
    assert_eq!(third_seen.id, None);
    assert_eq!(third_seen.name, None);
    assert_eq!(third_seen.verified, None);
    assert_eq!(third_seen.source, Source::File);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// `Memory::with_subject` over one scratch account, looked up in any
    /// order (and by a handle memory does not know), equals `Memory::get`.
    #[test]
    fn with_subject_over_a_scratch_equals_get(
        accounts in proptest::collection::vec(account(), 1..16),
        order in proptest::collection::vec(0usize..17, 1..40),
    ) {
        let mut memory = Memory::new(100);
        for a in &accounts {
            memory.remember_account(a.clone(), NOW);
        }
        let settings = Settings::default();
        let matchers = Matchers::new(&settings);
        let mut scratch = Account::default();
        for i in order {
            let handle = accounts.get(i).map_or("nobody_known", |a| a.handle.as_str());
            let reused = memory.with_subject(None, Some(handle), &mut scratch, |s| {
                (s.account.clone(), s.history.to_vec(), score_compact(s, &settings, &matchers, NOW))
            });
            let fresh = memory.get(None, Some(handle)).map(|e| {
                let s = e.subject();
                (s.account.clone(), s.history.to_vec(), score_compact(&s, &settings, &matchers, NOW))
            });
            prop_assert_eq!(reused.is_some(), i < accounts.len());
            prop_assert_eq!(reused, fresh);
        }
    }
}
