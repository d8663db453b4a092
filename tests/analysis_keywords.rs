//! Keyword, hashtag and phrase matching (analysis::keywords): word boundaries,
//! hashtags, phrases across whitespace, Unicode case and spaceless scripts.

/// Named `analysis` so `cargo test analysis` runs these tests.
mod analysis {
    use followback::analysis::keywords::{match_keywords, KeywordSet, NormalizedText};

    fn kw(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn letters_do_not_match_inside_longer_words() {
        let set = KeywordSet::new(&kw(&["TAF", "guru"]));
        assert!(set.matches("Our staff is great").is_empty());
        assert!(set.matches("gurus of growth").is_empty());
        assert_eq!(set.matches("I'm a growth guru, #TAF"), vec!["guru", "TAF"]);
        assert_eq!(set.matches("TAF."), vec!["TAF"]);
    }

    #[test]
    fn hashtags_are_exact_and_bare_words_match_hashtags() {
        let tag = KeywordSet::new(&kw(&["#FollowBack"]));
        assert_eq!(tag.matches("#followback!"), vec!["#FollowBack"]);
        assert_eq!(tag.matches("always #FOLLOWBACK"), vec!["#FollowBack"]);
        assert!(tag.matches("#followbacks").is_empty());
        assert!(tag.matches("#FollowBackTrain").is_empty());
        assert!(tag.matches("I followback everyone").is_empty());
        assert!(tag.matches("abc#followback").is_empty());
        assert_eq!(tag.matches("＃FollowBack"), vec!["#FollowBack"]);

        let word = KeywordSet::new(&kw(&["followback"]));
        assert_eq!(word.matches("#FollowBack"), vec!["followback"]);
        assert!(word.matches("#followbacks").is_empty());

        // Both listed: the hashtag wins where it stands, the bare word elsewhere.
        let both = KeywordSet::new(&kw(&["followback", "#FollowBack"]));
        assert_eq!(both.matches("#followback"), vec!["#FollowBack"]);
        assert_eq!(
            both.matches("#followback and followback"),
            vec!["#FollowBack", "followback"]
        );
    }

    #[test]
    fn phrases_match_across_any_whitespace_but_not_hyphens() {
        let set = KeywordSet::new(&kw(&["follow  back", "100% follow back"]));
        assert_eq!(
            set.matches("I always Follow\n\t back"),
            vec!["follow  back"]
        );
        // The longer phrase wins over the one inside it...
        assert_eq!(
            set.matches("100%   FOLLOW back guaranteed"),
            vec!["100% follow back"]
        );
        // ...but the shorter one still counts where it stands alone.
        assert_eq!(
            set.matches("follow back! 100% follow back"),
            vec!["follow  back", "100% follow back"]
        );
        assert!(set.matches("follow-back").is_empty());
        assert!(set.matches("unfollow backlog").is_empty());
    }

    #[test]
    fn digits_and_symbols_at_the_edges() {
        let set = KeywordSet::new(&kw(&["f4f", "#500aDay", "% off"]));
        assert_eq!(set.matches("#F4F!"), vec!["f4f"]);
        assert!(set.matches("f4fun").is_empty());
        assert_eq!(set.matches("join #500ADAY now"), vec!["#500aDay"]);
        assert!(set.matches("#500aDays").is_empty());
        assert_eq!(set.matches("50% OFF today"), vec!["% off"]);
    }

    #[test]
    fn unicode_case_and_boundaries() {
        let set = KeywordSet::new(&kw(&["ÜBER", "café"]));
        assert_eq!(set.matches("über alles"), vec!["ÜBER"]);
        assert!(set.matches("überall").is_empty());
        assert_eq!(set.matches("CAFÉ owner"), vec!["café"]);
        // A combining accent continues the word: "cafe" + U+0301 is not "cafe".
        let plain = KeywordSet::new(&kw(&["cafe"]));
        assert!(plain.matches("cafe\u{301}").is_empty());
        assert_eq!(plain.matches("the cafe!"), vec!["cafe"]);
    }

    #[test]
    fn many_keywords_starting_with_other_characters() {
        // Non-ASCII first characters in no order, two sharing one ("日"):
        // each is found, in order of appearance, the longer one winning.
        let set = KeywordSet::new(&kw(&[
            "ümlaut",
            "日本",
            "état",
            "über",
            "日本語",
            "ßig",
            "ämter",
        ]));
        assert_eq!(
            set.matches("état über ämter 日本語 ümlaut"),
            vec!["état", "über", "ämter", "日本語", "ümlaut"]
        );
        assert_eq!(set.matches("日本 and ÄMTER"), vec!["日本", "ämter"]);
        assert!(set.matches("öl und übermut").is_empty());
    }

    #[test]
    fn spaceless_scripts_match_inside_sentences() {
        let set = KeywordSet::new(&kw(&["相互フォロー", "followback"]));
        assert_eq!(
            set.matches("毎日相互フォロー歓迎です"),
            vec!["相互フォロー"]
        );
        assert_eq!(set.matches("相互followback歓迎"), vec!["followback"]);
        assert!(set.matches("相互フォ").is_empty());
    }

    #[test]
    fn list_order_duplicates_and_empty_entries() {
        let set = KeywordSet::new(&kw(&["", "  ", "#TFB", "#tfb", "ninja"]));
        assert_eq!(set.len(), 2);
        assert_eq!(set.keywords().collect::<Vec<_>>(), vec!["#TFB", "ninja"]);
        // Each keyword once, in order of first appearance.
        assert_eq!(set.matches("ninja #tfb ninja #TFB"), vec!["ninja", "#TFB"]);
        assert_eq!(set.matches("#tfb ninja"), vec!["#TFB", "ninja"]);
        assert!(KeywordSet::new(&[]).matches("anything").is_empty());
        assert!(!KeywordSet::new(&[]).is_match("anything"));
    }

    #[test]
    fn prepared_text_and_free_function_agree() {
        let bio = "Social media NINJA & guru. #IFollowBack";
        let list = kw(&["guru", "ninja", "#IFollowBack", "expert"]);
        let set = KeywordSet::new(&list);
        let prepared = NormalizedText::new(bio);
        assert_eq!(set.matches_in(&prepared), set.matches(bio));
        assert!(set.is_match_in(&prepared));
        assert_eq!(
            match_keywords(bio, &list),
            vec!["ninja".to_string(), "guru".into(), "#IFollowBack".into()]
        );
        assert!(!set.is_match("an expertly made loaf"));
    }
}
