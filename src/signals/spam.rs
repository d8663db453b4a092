//! Spam words in the name or bio (SparkToro's and Socialbakers' spam keywords):
//! crypto "signals", promo-for-hire, adult bait, bought followers.

use super::Subject;
use crate::evidence::quoted;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn spam_words(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "spam_words",
        "Spam words",
        format!(
            "none of {} spam phrases in name or bio",
            s.spam_keywords.len()
        ),
        setting_weight(s.spam_points),
    );
    let Some(bio) = a.bio.as_deref() else {
        return line.not_seen("Bio");
    };
    let mut found = prepared::find_keywords(subject, s, KeywordList::Spam, bio);
    if let Some(name) = a.name.as_deref() {
        for word in prepared::find_keywords(subject, s, KeywordList::Spam, name) {
            if !found.contains(&word) {
                found.push(word);
            }
        }
    }
    if found.is_empty() {
        line.seen(
            a,
            "none in name or bio",
            0,
            "The name and bio use none of the phrases spam accounts advertise with.".to_string(),
        )
    } else {
        line.seen(
            a,
            &format!("{} in name or bio", quoted(&found)),
            -setting_points(s.spam_points),
            "Advertises what spam and fake accounts sell (signals, promotion, followers, adult bait); audit tools count these words as a mark of spam.".to_string(),
        )
    }
}
