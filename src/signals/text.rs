//! Quoting the keywords a signal found, for the breakdown. Matching itself is
//! the analysis layer's [`KeywordSet`](crate::analysis::KeywordSet)
//! (case-insensitive, whole words, hashtags exact, longest match wins where
//! matches overlap), prepared once per settings in `signals::prepared`.

/// Matched keywords for a breakdown line: `"#TFB", "follow back"`.
pub fn quoted(found: &[String]) -> String {
    found
        .iter()
        .map(|k| format!("\u{201c}{k}\u{201d}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::analysis::match_keywords;

    /// The keywords of `k` found in `text`, as the signals see them.
    fn find_keywords(k: &[String], text: &str) -> Vec<String> {
        match_keywords(text, k)
    }

    fn kw(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn matches_whole_words_only_and_ignores_case() {
        let k = kw(&["#TAF", "TAF", "follow back"]);
        assert!(find_keywords(&k, "Our staff is great").is_empty());
        assert_eq!(find_keywords(&k, "we #taf daily"), vec!["#TAF"]);
        assert_eq!(find_keywords(&k, "I FOLLOW\n  BACK!"), vec!["follow back"]);
        assert!(find_keywords(&k, "followbackers").is_empty());
    }

    #[test]
    fn longer_match_hides_the_shorter_one_inside_it() {
        let k = kw(&["followback", "#TeamFollowBack", "#FollowBack"]);
        assert_eq!(
            find_keywords(&k, "#TeamFollowBack"),
            vec!["#TeamFollowBack"]
        );
        assert_eq!(
            find_keywords(&k, "#followback and followback"),
            vec!["#FollowBack", "followback"]
        );
    }

    #[test]
    fn hashtags_glued_to_words_do_not_match() {
        let k = kw(&["#TFB"]);
        assert!(find_keywords(&k, "abc#tfb").is_empty());
        assert_eq!(find_keywords(&k, "(#TFB)"), vec!["#TFB"]);
    }

    #[test]
    fn non_ascii_text_is_safe() {
        let k = kw(&["guru", "ß"]);
        assert_eq!(find_keywords(&k, "Ünïcødé gürü guru 😀"), vec!["guru"]);
        assert!(find_keywords(&k, "straße").is_empty());
    }
}
