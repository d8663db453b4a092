//! Property tests for the analysis: no input panics, shares stay in [0, 1],
//! keyword matches are always listed keywords.

/// Named `analysis` so `cargo test analysis` runs these tests.
mod analysis {
    use followback::analysis::churn::ChurnStats;
    use followback::analysis::dm::{assess_first_dm, DmPhrases};
    use followback::analysis::keywords::KeywordSet;
    use followback::analysis::relationship::RelationshipStats;
    use followback::analysis::stats::Share;
    use followback::analysis::timeline::TimelineStats;
    use followback::model::{
        Account, Interaction, InteractionKind, Snapshot, Source, Tweet, TweetKind,
    };
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
        ".{0,60}",
        "((https?://[a-z.]{1,12}/[a-z0-9]{0,5}|@[A-Za-z_]{1,6}|#[A-Za-z]{1,8}|[a-zA-Z]{1,7}|[0-9]{1,3}|[!.…＃＠])[ \n]){0,12}",
        proptest::collection::vec(
            prop_oneof![
                Just("buy"), Just("follow back"), Just("#FollowBack"), Just("https://t.co/x"),
                Just("@ann"), Just("same words here"), Just("相互"), Just("é"), Just(" "),
            ],
            0..12
        )
        .prop_map(|v| v.join(" ")),
    ]
    }

    fn time() -> impl Strategy<Value = Option<i64>> {
        prop_oneof![
            Just(None),
            (1_600_000_000i64..1_700_000_000).prop_map(Some),
            any::<i64>().prop_map(Some),
            Just(Some(i64::MIN)),
            Just(Some(i64::MAX)),
        ]
    }

    fn tweet() -> impl Strategy<Value = Tweet> {
        (
            proptest::option::of("[0-9]{1,2}"),
            text(),
            time(),
            0u8..4,
            proptest::option::of("[A-Za-z_@]{0,6}"),
            proptest::collection::vec(text(), 0..3),
        )
            .prop_map(|(id, text, created_at, kind, reply_to, urls)| Tweet {
                id,
                text,
                created_at,
                kind: match kind {
                    0 => TweetKind::Original,
                    1 => TweetKind::Reply,
                    2 => TweetKind::Repost,
                    _ => TweetKind::Quote,
                },
                reply_to,
                urls,
                ..Tweet::default()
            })
    }

    fn account() -> impl Strategy<Value = Account> {
        (
            "[A-Za-z_@]{0,6}",
            proptest::option::of(text()),
            proptest::option::of(any::<u64>()),
            proptest::option::of(any::<u64>()),
            time(),
            proptest::option::of(any::<bool>()),
        )
            .prop_map(
                |(handle, url, followers, following, observed_at, follows_you)| Account {
                    url,
                    followers,
                    following,
                    observed_at,
                    follows_you,
                    ..Account::with_handle(handle, Source::Graphql)
                },
            )
    }

    fn in_unit(s: &Share) -> bool {
        s.count <= s.of && s.value().map_or(s.of == 0, |v| (0.0..=1.0).contains(&v))
    }

    fn unit_or_none(v: Option<f64>) -> bool {
        v.map_or(true, |v| (0.0..=1.0).contains(&v))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn timeline_never_panics_and_shares_stay_in_range(
            tweets in proptest::collection::vec(tweet(), 0..40),
            account in account(),
            now in prop_oneof![any::<i64>(), 1_650_000_000i64..1_750_000_000],
            begging in proptest::collection::vec(text(), 0..4),
        ) {
            let Some(s) = TimelineStats::from_tweets(&tweets, &account, now, &begging) else {
                prop_assert!(tweets.is_empty());
                return Ok(());
            };
            prop_assert!(s.n >= 1 && s.n <= tweets.len());
            for share in [
                &s.original, &s.reply, &s.repost, &s.quote, &s.link_only, &s.external_link,
                &s.own_site.share, &s.duplicates.repeats, &s.self_promotion, &s.begging,
                &s.conversation,
            ] {
                prop_assert!(in_unit(share), "{share:?}");
            }
            prop_assert_eq!(
                s.original.count + s.reply.count + s.repost.count + s.quote.count,
                s.n
            );
            prop_assert!(s.duplicates.max_copies <= s.duplicates.considered);
            prop_assert!(s.duplicates.considered <= s.authored);
            prop_assert!(s.span_days >= 0.0);
            prop_assert!(s.days_since_last_post.map_or(true, |d| d >= 0.0));
            prop_assert!(unit_or_none(s.intervals.entropy));
            prop_assert!(s.intervals.cv.map_or(true, |c| c >= 0.0 && c.is_finite()));
            for clock in [&s.minute_of_hour, &s.second_of_minute].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&clock.p_value));
                prop_assert!(clock.top_bucket < 60 && clock.top_count <= clock.n);
            }
        }

        #[test]
        fn keyword_matches_are_listed_keywords(
            keywords in proptest::collection::vec(text(), 0..8),
            haystack in text(),
        ) {
            let set = KeywordSet::new(&keywords);
            let found = set.matches(&haystack);
            prop_assert_eq!(set.is_match(&haystack), !found.is_empty());
            for k in &found {
                prop_assert!(keywords.iter().any(|listed| listed.trim() == *k));
            }
        }

        #[test]
        fn every_keyword_matches_itself_alone(keyword in "[a-zA-Z#][a-zA-Z0-9 ]{0,10}") {
            let set = KeywordSet::new(std::slice::from_ref(&keyword));
            prop_assert_eq!(set.is_empty(), keyword.trim().is_empty());
            if !set.is_empty() {
                prop_assert_eq!(set.matches(&keyword.to_uppercase()), vec![keyword.trim()]);
            }
        }

        #[test]
        fn churn_never_panics(
            snaps in proptest::collection::vec(
                (any::<i64>(), proptest::option::of(any::<u64>()), proptest::option::of(0u64..10_000)),
                0..12,
            ),
            account in account(),
        ) {
            let history: Vec<Snapshot> = snaps
                .into_iter()
                .map(|(at, followers, following)| Snapshot { at, followers, following, tweets: None })
                .collect();
            let c = ChurnStats::from_history(&history, &account);
            prop_assert!(c.points <= history.len() + 1);
            prop_assert!(unit_or_none(c.followers_following_gap));
            prop_assert!(c.span_days >= 0.0);
            if let (Some(r), Some(f)) = (c.max_rise, c.max_fall) {
                prop_assert!(r.to > r.from && f.to < f.from);
            }
        }

        #[test]
        fn relationship_and_dm_never_panic(
            items in proptest::collection::vec(("[A-Za-z@]{0,4}", 0u8..6, time()), 0..20),
            account in account(),
            now in any::<i64>(),
            window in any::<u32>(),
            dm in text(),
            followed in time(),
            sent in time(),
        ) {
            let kinds = [
                InteractionKind::Followed, InteractionKind::Liked, InteractionKind::Reposted,
                InteractionKind::Replied, InteractionKind::Mentioned, InteractionKind::Messaged,
            ];
            let interactions: Vec<Interaction> = items
                .into_iter()
                .map(|(handle, k, at)| Interaction {
                    handle,
                    kind: kinds[usize::from(k) % kinds.len()],
                    at,
                    source: Source::Page,
                    notification: None,
                })
                .collect();
            let r = RelationshipStats::from_interactions(&interactions, &account, now, window);
            prop_assert!(r.engagement <= r.total && r.total <= interactions.len());
            prop_assert!(r.recent.distinct_days <= r.recent.interactions);
            prop_assert_eq!(r.kinds.iter().map(|k| k.count).sum::<usize>(), r.total);
            let a = assess_first_dm(followed, &dm, sent, &DmPhrases::default());
            prop_assert!(a.minutes_after_follow.map_or(true, |m| m.is_finite()));
        }
    }
}
