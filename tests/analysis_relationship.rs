//! Relationship with the viewer (analysis::relationship): counts and recency
//! per kind, distinct recent days, follows-you.

/// Named `analysis` so `cargo test analysis` runs these tests.
mod analysis {
    use followback::analysis::relationship::{RelationshipStats, ALL_KINDS};
    use followback::model::{Account, Interaction, InteractionKind, Source};

    const DAY: i64 = 86_400;
    /// 2023-11-15 12:00:00 UTC.
    const NOW: i64 = 1_700_049_600;

    fn act(handle: &str, kind: InteractionKind, days_ago: Option<f64>) -> Interaction {
        Interaction {
            handle: handle.into(),
            kind,
            at: days_ago.map(|d| NOW - (d * DAY as f64) as i64),
            source: Source::Graphql,
            notification: None,
        }
    }

    fn friend() -> Account {
        Account {
            follows_you: Some(true),
            ..Account::with_handle("Greta", Source::Graphql)
        }
    }

    fn history() -> Vec<Interaction> {
        use InteractionKind::*;
        vec![
            act("greta", Replied, Some(1.0)),
            act("@Greta", Replied, Some(5.0)),
            act("GRETA", Replied, Some(12.0)),
            act("greta", Liked, Some(2.0)),
            act("greta", Liked, Some(2.1)),
            act("greta", Followed, Some(3.0)),
            act("greta", Mentioned, Some(100.0)),
            act("greta", Reposted, None),
            act("someone_else", Replied, Some(0.5)),
        ]
    }

    #[test]
    fn counts_recency_and_recent_days() {
        let r = RelationshipStats::from_interactions(&history(), &friend(), NOW, 30);
        assert_eq!(r.total, 8);
        assert_eq!(r.engagement, 7);
        assert_eq!(r.undated, 1);
        assert_eq!(r.follows_you, Some(true));
        assert_eq!(r.kinds.len(), ALL_KINDS.len());

        let replied = r.kind(InteractionKind::Replied);
        assert_eq!(replied.count, 3);
        assert_eq!(replied.last_at, Some(NOW - DAY));
        assert_eq!(replied.days_since_last, Some(1.0));
        let liked = r.kind(InteractionKind::Liked);
        assert_eq!(liked.count, 2);
        assert!((liked.days_since_last.expect("dated") - 2.0).abs() < 1e-9);
        assert_eq!(
            r.kind(InteractionKind::Mentioned).days_since_last,
            Some(100.0)
        );
        let reposted = r.kind(InteractionKind::Reposted);
        assert_eq!((reposted.count, reposted.last_at), (1, None));
        assert_eq!(r.kind(InteractionKind::Messaged).count, 0);
        assert_eq!(r.kind(InteractionKind::Followed).days_since_last, Some(3.0));

        // In 30 days: replies on 3 days, likes on 1 day (NOW is midday, 2.0 and
        // 2.1 days ago are the same UTC day); the follow and the old mention
        // are left out.
        assert_eq!(r.recent.window_days, 30);
        assert_eq!(r.recent.interactions, 5);
        assert_eq!(r.recent.distinct_days, 4);
        assert_eq!(
            r.recent.kinds,
            vec![InteractionKind::Replied, InteractionKind::Liked]
        );
        assert_eq!(r.recent.days_since_last, Some(1.0));
        assert!(r.recent.is_repeated(3));
        assert!(!r.recent.is_repeated(5));
    }

    #[test]
    fn window_narrows_the_summary() {
        let r = RelationshipStats::from_interactions(&history(), &friend(), NOW, 3);
        assert_eq!(r.recent.interactions, 3);
        assert_eq!(r.recent.distinct_days, 2);
        let none = RelationshipStats::from_interactions(&history(), &friend(), NOW, 0);
        assert_eq!(none.recent.interactions, 0);
    }

    #[test]
    fn strangers_and_future_times() {
        let r = RelationshipStats::from_interactions(
            &[],
            &Account::with_handle("x", Source::Page),
            NOW,
            30,
        );
        assert_eq!((r.total, r.engagement, r.undated), (0, 0, 0));
        assert_eq!(r.recent.days_since_last, None);
        assert_eq!(r.follows_you, None);
        assert!(!r.recent.is_repeated(0));

        let future = vec![act("x", InteractionKind::Liked, Some(-2.0))];
        let r = RelationshipStats::from_interactions(
            &future,
            &Account::with_handle("x", Source::Page),
            NOW,
            30,
        );
        assert_eq!(r.recent.interactions, 1);
        assert_eq!(r.kind(InteractionKind::Liked).days_since_last, Some(0.0));
    }
}
