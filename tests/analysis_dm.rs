//! Automatic direct messages after a follow (analysis::dm).

/// Named `analysis` so `cargo test analysis` runs these tests.
mod analysis {
    use followback::analysis::dm::{assess_first_dm, DmPhrases};

    const FOLLOWED: i64 = 1_700_000_000;

    #[test]
    fn quick_pitch_with_a_link_looks_automatic() {
        let a = assess_first_dm(
            Some(FOLLOWED),
            "Thanks for following! Be sure to like my Facebook page too https://t.co/abc",
            Some(FOLLOWED + 180),
            &DmPhrases::default(),
        );
        assert_eq!(a.minutes_after_follow, Some(3.0));
        assert_eq!(a.thanks, vec!["thanks for following"]);
        // "facebook page" overlaps the longer "like my facebook": reported once.
        assert_eq!(a.pitch, vec!["like my facebook"]);
        assert_eq!(a.links, 1);
        assert!(a.has_link());
        assert!(a.looks_like_auto_pitch(60.0));
        assert!(!a.looks_like_auto_pitch(2.0));
    }

    #[test]
    fn thanks_alone_is_not_a_pitch() {
        let a = assess_first_dm(
            Some(FOLLOWED),
            "Thank you for the follow, have a lovely day",
            Some(FOLLOWED + 60),
            &DmPhrases::default(),
        );
        assert_eq!(a.thanks, vec!["thank you for the follow"]);
        assert!(a.pitch.is_empty());
        assert!(!a.has_link());
        assert!(!a.looks_like_auto_pitch(60.0));
    }

    #[test]
    fn a_late_personal_message_is_not_automatic() {
        let a = assess_first_dm(
            Some(FOLLOWED),
            "Hey! Loved your thread on rye, which flour do you use?",
            Some(FOLLOWED + 2 * 86_400),
            &DmPhrases::default(),
        );
        assert_eq!(a.minutes_after_follow, Some(2_880.0));
        assert!(a.thanks.is_empty() && a.pitch.is_empty());
        assert!(!a.looks_like_auto_pitch(60.0));
    }

    #[test]
    fn message_before_follow_or_unknown_times() {
        let before = assess_first_dm(
            Some(FOLLOWED),
            "check out www.example.com",
            Some(FOLLOWED - 600),
            &DmPhrases::default(),
        );
        assert_eq!(before.minutes_after_follow, Some(-10.0));
        assert_eq!(before.pitch, vec!["check out"]);
        assert_eq!(before.links, 1);
        assert!(!before.looks_like_auto_pitch(60.0));

        let unknown = assess_first_dm(
            None,
            "DM me for promo",
            Some(FOLLOWED),
            &DmPhrases::default(),
        );
        assert_eq!(unknown.minutes_after_follow, None);
        assert_eq!(unknown.pitch, vec!["dm me"]);
        assert!(!unknown.looks_like_auto_pitch(60.0));
    }

    #[test]
    fn phrases_from_settings() {
        let phrases = DmPhrases::new(&["merci".to_string()], &["promo code".to_string()]);
        let a = assess_first_dm(
            Some(FOLLOWED),
            "Merci! Use PROMO  code X",
            Some(FOLLOWED + 30),
            &phrases,
        );
        assert_eq!(a.thanks, vec!["merci"]);
        assert_eq!(a.pitch, vec!["promo code"]);
        assert!(a.looks_like_auto_pitch(5.0));
    }
}
