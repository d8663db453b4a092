//! Finding keywords in free text: case-insensitive, whole words only (so "TAF"
//! does not match inside "staff"), longest match wins where matches overlap.

/// Letters, digits and `_` make up words (as in X hashtags and handles).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Lower-cased text with every run of white space turned into one space.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// True when `text[start..end]` is not glued to a word character on either side.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// The keywords (as spelt in `keywords`) found in `text`, in the order they
/// appear. A keyword inside a longer match ("followback" in "#TeamFollowBack") is
/// not reported again.
pub fn find_keywords(keywords: &[String], text: &str) -> Vec<String> {
    let hay = normalise(text);
    let mut order: Vec<(&String, String)> = keywords
        .iter()
        .map(|k| (k, normalise(k)))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    order.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
    let mut taken: Vec<(usize, usize, &String)> = Vec::new();
    for (keyword, needle) in order {
        let mut from = 0;
        while let Some(pos) = hay.get(from..).and_then(|h| h.find(needle.as_str())) {
            let start = from + pos;
            let end = start + needle.len();
            let overlaps = taken.iter().any(|(s, e, _)| start < *e && *s < end);
            if !overlaps && on_word_boundaries(&hay, start, end) {
                taken.push((start, end, keyword));
                break;
            }
            // Step past this occurrence's first character.
            from = start
                + hay
                    .get(start..)
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
        }
    }
    taken.sort_by_key(|(s, _, _)| *s);
    taken.into_iter().map(|(_, _, k)| k.clone()).collect()
}

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
    use super::*;

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
