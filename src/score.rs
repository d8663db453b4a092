//! Adds evidence into a verdict: score, level and confidence.

use crate::settings::Settings;
use crate::signals::{self, Subject};
use crate::verdict::{Confidence, ConfidenceLabel, Level, Verdict};

/// Scores one account. `now` is unix seconds.
pub fn score(subject: &Subject, settings: &Settings, now: i64) -> Verdict {
    let evidence = signals::evaluate(subject, settings, now);
    Verdict {
        handle: subject.account.handle.clone(),
        id: subject.account.id.clone(),
        score: 50,
        base: 50,
        level: Level::NotEnoughData,
        confidence: Confidence {
            value: 0.0,
            label: ConfidenceLabel::Low,
        },
        evidence,
    }
}
