//! The explained path reads what the account's kept features already know
//! (posts from a tool, a bot saying so) and reads the posts or the text again
//! only for the words it shows: these accounts take each branch (no tool /
//! a tool, no bot word / a bot word) and their explained verdicts with kept
//! features must equal the verdicts from scratch, word for word.

use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::score::score_with;
use followback::{Account, Settings, Source, Tweet, TweetKind, Verdict};

mod common;
use common::{scratch, DAY, NOW};

fn account(handle: &str, bio: &str) -> Account {
    Account {
        name: Some("Some Name".into()),
        bio: Some(bio.into()),
        followers: Some(120),
        following: Some(300),
        tweets: Some(4_000),
        observed_at: Some(NOW),
        ..Account::with_handle(handle.to_string(), Source::Graphql)
    }
}

fn posts(handle: &str, clients: &[&str]) -> Vec<Tweet> {
    clients
        .iter()
        .enumerate()
        .map(|(i, c)| Tweet {
            id: Some(format!("{handle}{i}")),
            author_handle: Some(handle.to_string()),
            text: format!("post number {i} about the garden"),
            created_at: Some(NOW - (i as i64 + 1) * DAY / 3),
            kind: TweetKind::Original,
            client: Some(c.to_string()),
            ..Tweet::default()
        })
        .collect()
}

/// The English line of `signal` in `v`.
fn line(v: &Verdict, signal: &str) -> followback::verdict::EvidenceText {
    let found = v.evidence.iter().find(|e| e.signal == signal);
    assert!(found.is_some(), "no {signal} line");
    found.map(|e| e.english()).unwrap_or_else(|| unreachable!())
}

#[test]
fn explained_verdicts_with_kept_features_equal_scratch_on_every_branch() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let mut memory = Memory::new(10);
    let cases = [
        (
            "plainhuman",
            "I write about gardens",
            ["Twitter for iPhone"; 8],
        ),
        ("newsbot", "a bot that posts garden news", ["dlvr.it"; 8]),
        (
            "mixedtools",
            "not a bot, just busy",
            [
                "Buffer",
                "Twitter for iPhone",
                "Buffer",
                "Hootsuite Inc.",
                "buffer",
                "Twitter for iPhone",
                "Buffer",
                "Twitter Web App",
            ],
        ),
    ];
    for (handle, bio, clients) in &cases {
        memory.remember_account(account(handle, bio), NOW);
        for t in posts(handle, clients) {
            memory.remember_tweet(t, NOW);
        }
    }
    let mut seen = Vec::new();
    for entry in memory.entries() {
        let subject = entry.subject();
        let expected = scratch(&subject, &settings);
        // Twice: the first fills the kept features, the second reads them.
        for _ in 0..2 {
            assert_eq!(score_with(&subject, &settings, &matchers, NOW), expected);
        }
        assert!(entry.features.holds(&matchers));
        seen.push((
            subject.account.handle.clone(),
            line(&expected, "posting_client"),
            line(&expected, "self_declared_bot"),
        ));
    }
    seen.sort_by(|a, b| a.0.cmp(&b.0));
    let [(_, mixed_client, mixed_bot), (_, bot_client, bot_bot), (_, human_client, human_bot)] =
        seen.as_slice()
    else {
        panic!("three accounts expected, got {}", seen.len());
    };
    // The branches were taken: tools named, a bot word quoted, none for the human.
    let says = |l: &followback::verdict::EvidenceText, what: &str| {
        l.seen.as_deref().unwrap_or_default().contains(what)
    };
    assert!(says(bot_client, "dlvr.it"), "{bot_client:?}");
    assert!(says(mixed_client, "Buffer"), "{mixed_client:?}");
    assert!(says(mixed_client, "Hootsuite Inc."), "{mixed_client:?}");
    assert!(human_client.points == 0 && !says(human_client, "dlvr.it"));
    assert!(bot_bot.points < 0 && says(bot_bot, "bot"), "{bot_bot:?}");
    assert_eq!(mixed_bot.points, 0, "{mixed_bot:?}");
    assert_eq!(human_bot.points, 0, "{human_bot:?}");
    assert!(human_bot.seen.is_some(), "{human_bot:?}");
}
