//! Spam words in the name or bio (SparkToro's and Socialbakers' spam keywords):
//! crypto "signals", promo-for-hire, adult bait, bought followers.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::quoted_m;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{uint, Message};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn spam_words(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "spam_words",
        "ev_spam_label",
        || msg("ev_spam_threshold", [uint(s.spam_keywords.len() as u64)]),
        setting_weight(s.spam_points),
    );
    let Some(bio) = a.bio.as_deref() else {
        return line.not_seen("ev_fact_bio");
    };
    let (mut found, mut any) = prepared::keywords_found(subject, s, KeywordList::Spam, bio);
    if let Some(name) = a.name.as_deref() {
        let (in_name, any_in_name) = prepared::keywords_found(subject, s, KeywordList::Spam, name);
        any |= any_in_name;
        for word in in_name {
            if !found.contains(&word) {
                found.push(word);
            }
        }
    }
    if !any {
        line.seen(
            a,
            || Message::bare("ev_spam_seen_none"),
            0,
            || Message::bare("ev_spam_why_none"),
        )
    } else {
        line.seen(
            a,
            || msg("ev_spam_seen_found", [quoted_m(&found)]),
            -setting_points(s.spam_points),
            || Message::bare("ev_spam_why_found"),
        )
    }
}
