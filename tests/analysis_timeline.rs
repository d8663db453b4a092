//! Timeline measurements (analysis::timeline) on fixture timelines built here:
//! a human-like mixed feed, a link-only scheduler, duplicate spam and a
//! silent account.

/// Named `analysis` so `cargo test analysis` runs these tests.
mod analysis {
    use followback::analysis::stats::{chi_square_upper_tail, Share};
    use followback::analysis::timeline::{OwnSiteBasis, TimelineOptions, TimelineStats};
    use followback::model::{Account, Source, Tweet, TweetKind};

    const DAY: i64 = 86_400;
    /// 2023-11-14 22:00:00 UTC, on the hour.
    const HOUR_ALIGNED: i64 = 1_699_999_200;

    fn begging() -> Vec<String> {
        ["#FollowBack", "follow me back", "#TeamFollowBack", "f4f"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn tweet(id: usize, kind: TweetKind, at: i64, text: &str, urls: &[&str]) -> Tweet {
        Tweet {
            id: Some(format!("{id}")),
            author_handle: Some("ann".into()),
            text: text.into(),
            created_at: Some(at),
            kind,
            urls: urls.iter().map(|s| s.to_string()).collect(),
            source: Source::Graphql,
            ..Tweet::default()
        }
    }

    fn reply(id: usize, at: i64, to: &str, text: &str) -> Tweet {
        Tweet {
            reply_to: Some(to.into()),
            ..tweet(id, TweetKind::Reply, at, text, &[])
        }
    }

    fn ann() -> Account {
        Account {
            url: Some("https://blog.ann.example.co.uk/about".into()),
            ..Account::with_handle("Ann", Source::Graphql)
        }
    }

    /// 20 posts: 8 originals, 6 replies (one to herself), 4 reposts, 2 quotes,
    /// at irregular times, in varied words.
    fn human_timeline() -> (Vec<Tweet>, i64) {
        use TweetKind::*;
        let gaps = [
            420, 10_800, 2_400, 68_400, 130, 5_400, 900, 172_800, 3_000, 14_400, 75, 39_600, 1_800,
            7_200, 600, 93_600, 250, 21_600, 4_500,
        ];
        let mut times = vec![1_700_000_017_i64];
        for g in gaps {
            let last = times.last().copied().unwrap_or_default();
            times.push(last + g);
        }
        let t = |i: usize| times.get(i).copied().unwrap_or_default();
        let posts = vec![
            tweet(
                1,
                Original,
                t(0),
                "Morning bake: rye with caraway, crumb turned out dense again",
                &[],
            ),
            tweet(
                2,
                Original,
                t(1),
                "Wrote up my notes on sourdough hydration https://t.co/a1",
                &["https://example.co.uk/posts/hydration"],
            ),
            reply(
                3,
                t(2),
                "bob",
                "@bob that crust looks amazing, what oven temperature?",
            ),
            tweet(
                4,
                Repost,
                t(3),
                "RT @bakerybob: Flour prices are up again this winter",
                &[],
            ),
            tweet(
                5,
                Original,
                t(4),
                "Lovely chat with @carol about starters at the market today",
                &[],
            ),
            reply(6, t(5), "dave", "@dave haha yes, the cat got there first"),
            tweet(
                7,
                Quote,
                t(6),
                "This is exactly why I stopped using bleached flour",
                &["https://twitter.com/eve/status/123"],
            ),
            tweet(
                8,
                Original,
                t(7),
                "My new book is finally out, thank you all for the patience",
                &[],
            ),
            reply(
                9,
                t(8),
                "Ann",
                "Part two: the levain needs about twelve hours at room temperature",
            ),
            tweet(
                10,
                Repost,
                t(9),
                "Local mill opens its doors for a weekend of tours",
                &[],
            ),
            reply(
                11,
                t(10),
                "frank",
                "@frank agreed, nothing beats a long cold proof",
            ),
            tweet(
                12,
                Original,
                t(11),
                "Rain all day. Perfect excuse for focaccia",
                &[],
            ),
            tweet(
                13,
                Quote,
                t(12),
                "Great read on ancient grains, thanks @gina",
                &["https://news.example.org/story"],
            ),
            reply(14, t(13), "gina", "@gina spelt or einkorn next time?"),
            tweet(
                15,
                Repost,
                t(14),
                "Bakers: what is your go-to weekday loaf?",
                &[],
            ),
            tweet(
                16,
                Original,
                t(15),
                "Tried a new scoring pattern, wheat ear, not bad for a first go",
                &[],
            ),
            reply(17, t(16), "hank", "@hank thank you! it took three attempts"),
            tweet(
                18,
                Repost,
                t(17),
                "Bread festival announced for spring",
                &[],
            ),
            tweet(
                19,
                Original,
                t(18),
                "Garden update: the rhubarb survived the frost",
                &[],
            ),
            tweet(
                20,
                Original,
                t(19),
                "Pizza night, leopard spotting finally achieved",
                &[],
            ),
        ];
        let newest = t(19);
        (posts, newest)
    }

    #[test]
    fn human_timeline_is_mixed_irregular_and_conversational() {
        let (posts, newest) = human_timeline();
        let now = newest + 3 * 3_600;
        let s = TimelineStats::from_tweets(&posts, &ann(), now, &begging()).expect("has posts");

        assert_eq!((s.n, s.authored, s.originals, s.timed), (20, 16, 8, 20));
        assert_eq!(s.original, Share::new(8, 20));
        assert_eq!(s.reply, Share::new(6, 20));
        assert_eq!(s.repost, Share::new(4, 20));
        assert_eq!(s.quote, Share::new(2, 20));

        assert_eq!(s.link_only, Share::new(0, 16));
        // The own-site post and the news quote; the quoted permalink is X's own.
        assert_eq!(s.external_link, Share::new(2, 16));
        assert_eq!(s.own_site.domain.as_deref(), Some("example.co.uk"));
        assert_eq!(s.own_site.basis, OwnSiteBasis::ProfileUrl);
        assert_eq!(s.own_site.share, Share::new(1, 16));
        assert_eq!(s.max_same_url, 1);

        assert_eq!(s.duplicates.considered, 16);
        assert_eq!(s.duplicates.repeats, Share::new(0, 16));
        assert_eq!(s.duplicates.max_copies, 1);
        assert_eq!(s.duplicates.repeated_texts, 0);

        // Own-site link (post 2) and "My new" (post 8), of 8 originals.
        assert_eq!(s.self_promotion, Share::new(2, 8));
        assert_eq!(s.begging, Share::new(0, 20));
        assert!(s.begging_phrases_seen.is_empty());
        // 5 replies to others (not the self-reply) + 2 posts mentioning others.
        assert_eq!(s.conversation, Share::new(7, 20));

        let cv = s.intervals.cv.expect("19 gaps");
        assert!(cv > 1.0, "human gaps vary a lot, cv = {cv}");
        let entropy = s.intervals.entropy.expect("19 gaps");
        assert!(entropy > 0.7, "human gaps spread over buckets: {entropy}");
        assert_eq!(s.intervals.count, 19);

        let span = (newest - 1_700_000_017) as f64 / DAY as f64;
        assert!((s.span_days - span).abs() < 1e-9);
        let ppd = s.posts_per_day.expect("timed");
        assert!((ppd - 19.0 / span).abs() < 1e-9);
        assert!((s.days_since_last_post.expect("timed") - 0.125).abs() < 1e-9);

        let minutes = s.minute_of_hour.expect("timed");
        assert_eq!(minutes.n, 20);
        assert!(
            minutes.top_count <= 4,
            "no clock minute dominates: {minutes:?}"
        );
        assert!(minutes.p_value > 0.001);
    }

    /// 48 link-only posts, one every 60 minutes at :00:00, all to one site.
    fn scheduler_feed() -> Vec<Tweet> {
        (0..48)
            .map(|i| {
                tweet(
                    i + 1,
                    TweetKind::Original,
                    HOUR_ALIGNED + i as i64 * 3_600,
                    &format!("https://t.co/x{i} #news"),
                    &[&format!("https://feed.example.com/article/{i}")],
                )
            })
            .collect()
    }

    #[test]
    fn scheduler_feed_is_link_only_regular_and_on_the_hour() {
        let posts = scheduler_feed();
        let now = HOUR_ALIGNED + 47 * 3_600 + 600;
        let account = Account::with_handle("feedbot", Source::Graphql);
        let s = TimelineStats::from_tweets(&posts, &account, now, &begging()).expect("posts");

        assert_eq!(s.n, 48);
        assert_eq!(s.original, Share::new(48, 48));
        assert_eq!(s.link_only, Share::new(48, 48));
        assert_eq!(s.external_link, Share::new(48, 48));
        // No profile website: the most linked domain stands in.
        assert_eq!(s.own_site.basis, OwnSiteBasis::MostLinked);
        assert_eq!(s.own_site.domain.as_deref(), Some("example.com"));
        assert_eq!(s.own_site.share, Share::new(48, 48));
        // The most-linked fallback is not "own" for self-promotion.
        assert_eq!(s.self_promotion, Share::new(0, 48));
        assert_eq!(s.max_same_url, 1);
        // Link-only posts have no text to repeat.
        assert_eq!(s.duplicates.considered, 0);
        assert_eq!(s.duplicates.max_copies, 0);
        assert_eq!(s.conversation, Share::new(0, 48));

        assert_eq!(s.intervals.cv, Some(0.0));
        assert_eq!(s.intervals.entropy, Some(0.0));
        assert_eq!(s.intervals.mean_seconds, Some(3_600.0));
        assert!((s.posts_per_day.expect("timed") - 24.0).abs() < 1e-9);

        let minutes = s.minute_of_hour.expect("timed");
        assert_eq!((minutes.top_bucket, minutes.top_count), (0, 48));
        assert!((minutes.dispersion - 48.0).abs() < 1e-9);
        assert!(minutes.p_value < 1e-12);
        let seconds = s.second_of_minute.expect("timed");
        assert_eq!((seconds.top_bucket, seconds.top_count), (0, 48));
    }

    #[test]
    fn scheduler_with_jitter_still_reads_as_regular_against_the_human() {
        // Same feed, each post up to 90 s late: the gaps stay nearly equal.
        let mut posts = scheduler_feed();
        for (i, p) in posts.iter_mut().enumerate() {
            p.created_at = p.created_at.map(|t| t + ((i * 37) % 90) as i64);
        }
        let account = Account::with_handle("feedbot", Source::Graphql);
        let s = TimelineStats::from_tweets(&posts, &account, HOUR_ALIGNED + 50 * 3_600, &[])
            .expect("posts");
        let cv = s.intervals.cv.expect("gaps");
        assert!(cv < 0.05, "cv = {cv}");
        let (human, newest) = human_timeline();
        let h = TimelineStats::from_tweets(&human, &ann(), newest, &[]).expect("posts");
        assert!(h.intervals.cv.expect("gaps") > 20.0 * cv);
        assert!(h.intervals.entropy > s.intervals.entropy);
    }

    #[test]
    fn duplicate_spam_is_one_text_with_different_links() {
        let base = "Get REAL followers fast and cheap!!! Visit our store now";
        let mut posts = Vec::new();
        let mut id = 0;
        let mut at = 1_700_000_000;
        let mut push = |text: String, link: Option<usize>| {
            id += 1;
            at += 1_234 + (id as i64 * 977) % 5_000;
            let url = link.map(|l| format!("https://spam.example/{l}"));
            posts.push(tweet(
                id,
                TweetKind::Original,
                at,
                &text,
                &url.iter().map(String::as_str).collect::<Vec<_>>(),
            ));
        };
        for i in 0..10 {
            // Same words; links, numbers, case and punctuation differ.
            let text = match i % 3 {
            0 => format!("{base} https://t.co/s{i}"),
            1 => format!("GET real FOLLOWERS fast AND cheap... visit our store NOW {} https://t.co/s{i}", 1000 + i),
            _ => format!("@someone get real followers, fast and cheap! visit our store now https://t.co/s{i}"),
        };
            push(text, Some(i));
        }
        push(format!("{base} today https://t.co/n1"), Some(100));
        push(format!("Wow {base} https://t.co/n2"), Some(101));
        push("What a sunny afternoon in the park".into(), None);
        push("Reading a novel about lighthouses".into(), None);
        push("Anyone else watching the match tonight?".into(), None);

        let account = Account::with_handle("spammer", Source::Graphql);
        let now = at + DAY;
        let s = TimelineStats::from_tweets(&posts, &account, now, &begging()).expect("posts");
        assert_eq!(s.n, 15);
        assert_eq!(s.duplicates.considered, 15);
        assert_eq!(s.duplicates.max_copies, 12);
        assert_eq!(s.duplicates.repeats, Share::new(11, 15));
        assert_eq!(s.duplicates.repeated_texts, 1);
        assert_eq!(s.link_only, Share::new(0, 15));
        assert_eq!(s.external_link, Share::new(12, 15));
        // Every link differs.
        assert_eq!(s.max_same_url, 1);
        assert_eq!(s.own_site.domain.as_deref(), Some("spam.example"));
        assert_eq!(s.own_site.basis, OwnSiteBasis::MostLinked);
        assert_eq!(s.own_site.share, Share::new(12, 15));
        // "visit our" is a promotion phrase: all 12 spam posts.
        assert_eq!(s.self_promotion, Share::new(12, 15));
    }

    #[test]
    fn a_changed_last_word_is_not_a_near_duplicate() {
        let a = "get real followers visit our store now";
        let b = "get real followers visit our store today";
        let c = "get real followers visit our store now please";
        let posts = vec![
            tweet(1, TweetKind::Original, 1_000, a, &[]),
            tweet(2, TweetKind::Original, 2_000, b, &[]),
        ];
        let s = TimelineStats::from_tweets(&posts, &Account::default(), 3_000, &[]).expect("posts");
        // 5 shared word pairs of 7: Jaccard 0.71 < 0.8.
        assert_eq!(s.duplicates.max_copies, 1);
        // One word added: 6 shared pairs of 7, Jaccard 0.86: the same text.
        let posts = vec![
            tweet(1, TweetKind::Original, 1_000, a, &[]),
            tweet(3, TweetKind::Original, 2_000, c, &[]),
        ];
        let s = TimelineStats::from_tweets(&posts, &Account::default(), 3_000, &[]).expect("posts");
        assert_eq!(s.duplicates.max_copies, 2);
    }

    #[test]
    fn silent_account_last_posted_200_days_ago() {
        let last = 1_690_000_000;
        let posts: Vec<Tweet> = (0..5)
            .map(|i| {
                tweet(
                    i + 1,
                    TweetKind::Original,
                    last - (4 - i as i64) * 3 * DAY,
                    &format!(
                        "post number {i} about something else entirely {}",
                        ["a", "b", "c", "d", "e"][i]
                    ),
                    &[],
                )
            })
            .collect();
        let now = last + 200 * DAY;
        let s = TimelineStats::from_tweets(&posts, &Account::default(), now, &[]).expect("posts");
        assert_eq!(s.days_since_last_post, Some(200.0));
        assert_eq!(s.newest_at, Some(last));
        assert_eq!(s.oldest_at, Some(last - 12 * DAY));
        assert!((s.span_days - 12.0).abs() < 1e-9);
        // Over its own span it posted every three days; up to now, far less.
        assert!((s.posts_per_day.expect("timed") - 4.0 / 12.0).abs() < 1e-9);
        assert!((s.posts_per_day_to_now.expect("timed") - 5.0 / 212.0).abs() < 1e-9);
    }

    #[test]
    fn links_count_once_per_post_and_duplicate_groups_are_counted_apart() {
        // The same page three ways in post 1 (one post), again in post 2, and
        // a second domain in posts 3 and 4: ties between domains go to the
        // alphabetically first. Texts: "buy now" three times (one group of
        // 3), "see you" twice (a group of 2), one text alone.
        let posts = vec![
            tweet(
                1,
                TweetKind::Original,
                1_000,
                "buy now",
                &[
                    "https://www.Shop.example/deal/",
                    "http://shop.example/deal",
                    "shop.example/deal",
                ],
            ),
            tweet(
                2,
                TweetKind::Original,
                2_000,
                "buy now",
                &["https://shop.example/deal"],
            ),
            tweet(
                3,
                TweetKind::Original,
                3_000,
                "buy now",
                &["https://b.example/x"],
            ),
            tweet(
                4,
                TweetKind::Original,
                4_000,
                "see you",
                &["https://b.example/y"],
            ),
            tweet(5, TweetKind::Original, 5_000, "see you", &[]),
            tweet(6, TweetKind::Original, 6_000, "a text of its own here", &[]),
        ];
        let s = TimelineStats::from_tweets(&posts, &Account::default(), 9_000, &[]).expect("posts");
        assert_eq!(s.max_same_url, 2);
        assert_eq!(s.own_site.basis, OwnSiteBasis::MostLinked);
        assert_eq!(s.own_site.domain.as_deref(), Some("b.example"));
        assert_eq!(s.own_site.share, Share::new(2, 6));
        assert_eq!(s.duplicates.considered, 6);
        assert_eq!(s.duplicates.max_copies, 3);
        assert_eq!(s.duplicates.repeated_texts, 2);
        assert_eq!(s.duplicates.repeats, Share::new(3, 6));
    }

    #[test]
    fn same_post_seen_twice_counts_once_and_untimed_posts_count_in_shares() {
        let mut posts = vec![
            tweet(1, TweetKind::Original, 1_000, "hello world again", &[]),
            tweet(1, TweetKind::Original, 1_000, "hello world again", &[]),
            tweet(2, TweetKind::Repost, 2_000, "someone else's words", &[]),
        ];
        posts.push(Tweet {
            created_at: None,
            id: None,
            ..tweet(0, TweetKind::Reply, 0, "@bob sure", &[])
        });
        let s = TimelineStats::from_tweets(&posts, &Account::default(), 5_000, &[]).expect("posts");
        assert_eq!((s.n, s.timed, s.authored), (3, 2, 2));
        assert_eq!(s.duplicates.max_copies, 1);
        assert_eq!(s.reply, Share::new(1, 3));
        assert!(s.minute_of_hour.is_some());
        assert_eq!(s.intervals.count, 1);
        assert_eq!(s.intervals.cv, None);
    }

    #[test]
    fn begging_counts_posts_and_lists_phrases_in_settings_order() {
        let posts = vec![
            tweet(
                1,
                TweetKind::Original,
                1_000,
                "Follow me back pls #F4F",
                &[],
            ),
            tweet(
                2,
                TweetKind::Repost,
                2_000,
                "#TeamFollowBack train! RT and follow all",
                &[],
            ),
            tweet(3, TweetKind::Original, 3_000, "just baking bread", &[]),
            tweet(
                4,
                TweetKind::Original,
                4_000,
                "#followbacks are not my thing",
                &[],
            ),
        ];
        let s = TimelineStats::from_tweets(&posts, &Account::default(), 5_000, &begging())
            .expect("posts");
        assert_eq!(s.begging, Share::new(2, 4));
        assert_eq!(
            s.begging_phrases_seen,
            vec!["follow me back", "#TeamFollowBack", "f4f"]
        );
    }

    #[test]
    fn promo_phrases_can_be_replaced() {
        let posts = vec![
            tweet(
                1,
                TweetKind::Original,
                1_000,
                "Grab the deal of the week",
                &[],
            ),
            tweet(
                2,
                TweetKind::Original,
                2_000,
                "Subscribe to my channel",
                &[],
            ),
        ];
        let default =
            TimelineStats::from_tweets(&posts, &Account::default(), 3_000, &[]).expect("p");
        assert_eq!(default.self_promotion, Share::new(1, 2));
        let options = TimelineOptions::new(&[])
            .with_promo(&["deal of the week".to_string(), "subscribe".to_string()]);
        let custom =
            TimelineStats::with_options(&posts, &Account::default(), 3_000, &options).expect("p");
        assert_eq!(custom.self_promotion, Share::new(2, 2));
        assert_eq!(custom.originals, 2);
    }

    #[test]
    fn no_tweets_no_stats() {
        assert!(TimelineStats::from_tweets(&[], &Account::default(), 0, &begging()).is_none());
    }

    #[test]
    fn chi_square_tail_matches_closed_forms() {
        // df = 2: P(X >= x) = exp(-x/2).
        for x in [0.5, 2.0, 7.0, 30.0] {
            assert!((chi_square_upper_tail(x, 2) - (-x / 2.0_f64).exp()).abs() < 1e-10);
        }
        // Median of chi-square(59) is about 58.34.
        assert!((chi_square_upper_tail(58.34, 59) - 0.5).abs() < 0.01);
        assert_eq!(chi_square_upper_tail(0.0, 59), 1.0);
        assert!(chi_square_upper_tail(2_832.0, 59) < 1e-12);
    }
}
