//! Adds evidence into a verdict: score, level and confidence.
//!
//! - score = clamp(base + sum of points, 0, 100); when the clamp changes the
//!   total, an extra "score limit" line carries the difference, so the points
//!   shown always add up to the score.
//! - confidence blends two parts: the profile part (weight of profile signals
//!   that had data / weight of all profile signals) and the behaviour part
//!   (the same for recent posts, interactions and earlier visits), as
//!   `share × profile + (1 − share) × behaviour` with `share` =
//!   `level.profile_confidence_share` (0.6). Low below 0.4, medium below 0.7,
//!   high from 0.7.
//!
//!   Why a blend and not one share of all weight: the behaviour signals carry
//!   about as much weight as the profile ones, so one share would put a fully
//!   seen profile near 0.5 and make the confidence depend on how many
//!   behaviour signals exist. With the blend a fully seen profile alone reads
//!   "medium" (0.6), is never as sure as a verdict that also saw posts and
//!   history ("high"), and keeps clearing `level.min_confidence` (0.3), so
//!   profile-only levels and ranking do not change. When one part has no
//!   weight at all, the other part alone decides.
//! - level from the level settings; below the minimum confidence it is
//!   "not enough data" whatever the score.
//! - evidence order: lines with points, biggest |points| first (penalties
//!   before rewards of the same size); then observed lines with no points; then
//!   lines not seen yet; the score-limit line last. Ties keep family order.

use crate::evidence::msg;
use std::mem::ManuallyDrop;

use crate::message::{int, Message};
use serde::Serialize;

use crate::prepared::{Matchers, Prepared};
use crate::settings::Settings;
use crate::signals::{self, Subject};
use crate::verdict::{Confidence, ConfidenceLabel, Evidence, Level, Verdict};

/// Confidence below this reads "low".
pub const CONFIDENCE_MEDIUM_FROM: f64 = 0.4;
/// Confidence from this reads "high".
pub const CONFIDENCE_HIGH_FROM: f64 = 0.7;

/// Scores one account. `now` is unix seconds.
///
/// Builds the keyword sets from `settings` on every call: to score many
/// accounts, build [`Matchers`] once and call [`score_with`].
pub fn score(subject: &Subject, settings: &Settings, now: i64) -> Verdict {
    score_with(subject, settings, &Matchers::new(settings), now)
}

/// Scores one account with keyword sets built once from the same `settings`.
/// The recent-post statistics are computed once here for every signal.
pub fn score_with(
    subject: &Subject,
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> Verdict {
    let prepared = Prepared::new(subject, matchers);
    let subject = Subject {
        prepared: Some(&prepared),
        ..*subject
    };
    // One list for both families (room for the score-limit line too), not
    // two lists joined: as `verdict_from`, without two allocations and a copy.
    let mut evidence = Vec::with_capacity(signals::SIGNALS.len() + 1);
    for signal in signals::PROFILE_SIGNALS {
        evidence.push(signal(&subject, settings, now));
    }
    let split = evidence.len();
    for signal in signals::BEHAVIOUR_SIGNALS {
        evidence.push(signal(&subject, settings, now));
    }
    verdict_of(&subject, settings, evidence, split)
}

/// Score, level and confidence without a word: what a badge needs.
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct CompactVerdict {
    /// 0-100, as [`Verdict::score`].
    pub score: u8,
    /// The band, as [`Verdict::level`].
    pub level: Level,
    /// How much of the signal weight had data, as [`Verdict::confidence`].
    pub confidence: Confidence,
}

impl From<&Verdict> for CompactVerdict {
    fn from(v: &Verdict) -> Self {
        CompactVerdict {
            score: v.score,
            level: v.level,
            confidence: v.confidence,
        }
    }
}

/// The numeric fast path: the same signals with their words switched off
/// (no message is built, no line kept), so only points, weights and what was
/// seen are computed. Equals [`score_with`]'s score, level and confidence
/// (`tests/score_fast_props.rs`).
pub fn score_compact(
    subject: &Subject,
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> CompactVerdict {
    let mut prepared = Prepared::new(subject, matchers);
    prepared.explain = false;
    let subject = Subject {
        prepared: Some(&prepared),
        ..*subject
    };
    let profile = tally(signals::PROFILE_SIGNALS, &subject, settings, now);
    let behaviour = tally(signals::BEHAVIOUR_SIGNALS, &subject, settings, now);
    let base = i64::from(settings.score_base.clamp(0, 100) as i32);
    let score = (base + profile.points + behaviour.points).clamp(0, 100);
    let confidence = blend(
        profile.share(),
        behaviour.share(),
        settings.level_profile_confidence_share,
    );
    CompactVerdict {
        score: score as u8,
        level: level(score, confidence.value, settings),
        confidence,
    }
}

/// Points and weights of a list of signals, summed as they are computed.
#[derive(Default)]
struct Tally {
    points: i64,
    total: u64,
    observed: u64,
}

impl Tally {
    fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| self.observed as f64 / self.total as f64)
    }
}

fn tally(list: &[signals::Signal], subject: &Subject, settings: &Settings, now: i64) -> Tally {
    let mut t = Tally::default();
    for signal in list {
        // Not dropped unless it holds memory (see `owns_memory`).
        let e = ManuallyDrop::new(signal(subject, settings, now));
        t.points += i64::from(e.points);
        t.total += u64::from(e.weight);
        if e.observed() {
            t.observed += u64::from(e.weight);
        }
        if owns_memory(&e) {
            drop(ManuallyDrop::into_inner(e));
        }
    }
    t
}

/// False for a line built without words (the fast path): its id and every
/// message are empty, with no capacity, so it owns no memory and forgetting
/// it leaks nothing, while its drop glue would make five out-of-line calls
/// per line (a tenth of the fast path). True when anything would be freed.
///
/// Both structs are destructured whole, so a field added to either does not
/// compile until it is checked here too.
#[inline]
fn owns_memory(e: &Evidence) -> bool {
    let holds = |Message { id: _, args }: &Message| args.capacity() != 0;
    let Evidence {
        signal,
        label,
        seen,
        threshold,
        points: _,
        weight: _,
        reason,
    } = e;
    signal.capacity() != 0
        || holds(label)
        || holds(threshold)
        || holds(reason)
        || seen.as_ref().is_some_and(holds)
}

/// Builds the verdict from profile and behaviour evidence already evaluated.
pub fn verdict_from(
    subject: &Subject,
    settings: &Settings,
    profile: Vec<Evidence>,
    behaviour: Vec<Evidence>,
) -> Verdict {
    let split = profile.len();
    let mut evidence = profile;
    evidence.extend(behaviour);
    verdict_of(subject, settings, evidence, split)
}

/// [`verdict_from`] of one list: the profile lines, then from `split` the
/// behaviour lines.
fn verdict_of(
    subject: &Subject,
    settings: &Settings,
    mut evidence: Vec<Evidence>,
    split: usize,
) -> Verdict {
    let base = settings.score_base.clamp(0, 100) as i32;
    let (profile, behaviour) = evidence.split_at(split.min(evidence.len()));
    let confidence =
        blended_confidence(profile, behaviour, settings.level_profile_confidence_share);
    order(&mut evidence);
    let raw: i64 = i64::from(base) + evidence.iter().map(|e| i64::from(e.points)).sum::<i64>();
    let score = raw.clamp(0, 100);
    if score != raw {
        evidence.push(clamp_line(raw, score));
    }
    let level = level(score, confidence.value, settings);
    Verdict {
        handle: subject.account.handle.clone(),
        id: subject.account.id.clone(),
        score: score as u8,
        base,
        level,
        confidence,
        evidence,
    }
}

/// Share of signal weight that had data, with its label.
pub fn confidence(evidence: &[Evidence]) -> Confidence {
    let value = round_share(observed_share(evidence).unwrap_or(0.0));
    Confidence {
        value,
        label: confidence_label(value),
    }
}

/// Confidence from profile and behaviour evidence: `profile_share` of the
/// profile part plus the rest of the behaviour part (see the module comment).
pub fn blended_confidence(
    profile: &[Evidence],
    behaviour: &[Evidence],
    profile_share: f64,
) -> Confidence {
    blend(
        observed_share(profile),
        observed_share(behaviour),
        profile_share,
    )
}

/// The blend of the profile and behaviour shares (see the module comment).
fn blend(profile: Option<f64>, behaviour: Option<f64>, profile_share: f64) -> Confidence {
    let share = if profile_share.is_finite() {
        profile_share.clamp(0.0, 1.0)
    } else {
        0.6
    };
    let value = match (profile, behaviour) {
        (Some(p), Some(b)) => share * p + (1.0 - share) * b,
        (Some(p), None) => p,
        (None, Some(b)) => b,
        (None, None) => 0.0,
    }
    .clamp(0.0, 1.0);
    let value = round_share(value);
    Confidence {
        value,
        label: confidence_label(value),
    }
}

/// A share rounded to 4 decimals: plenty for the label and the display, and
/// short enough to read back from JSON as the very same number.
fn round_share(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// Weight of lines that had data / weight of all lines; `None` without weight.
fn observed_share(evidence: &[Evidence]) -> Option<f64> {
    let total: u64 = evidence.iter().map(|e| u64::from(e.weight)).sum();
    let observed: u64 = evidence
        .iter()
        .filter(|e| e.observed())
        .map(|e| u64::from(e.weight))
        .sum();
    (total > 0).then(|| observed as f64 / total as f64)
}

/// "low" / "medium" / "high" for a confidence value.
pub fn confidence_label(value: f64) -> ConfidenceLabel {
    if value < CONFIDENCE_MEDIUM_FROM {
        ConfidenceLabel::Low
    } else if value < CONFIDENCE_HIGH_FROM {
        ConfidenceLabel::Medium
    } else {
        ConfidenceLabel::High
    }
}

/// The level for a score at a confidence, per the level settings.
pub fn level(score: i64, confidence: f64, settings: &Settings) -> Level {
    if confidence < settings.level_min_confidence {
        Level::NotEnoughData
    } else if score >= settings.level_follow_back_min {
        Level::FollowBack
    } else if score >= settings.level_maybe_min {
        Level::Maybe
    } else {
        Level::Skip
    }
}

/// Display order (see the module comment). Stable, so ties keep family order.
fn order(evidence: &mut [Evidence]) {
    crate::sort::by_key(evidence, |e| {
        let band = if e.points != 0 {
            0
        } else if e.observed() {
            1
        } else {
            2
        };
        (
            band,
            std::cmp::Reverse(e.points.unsigned_abs()),
            e.points > 0,
        )
    });
}

/// The line that keeps the points adding up when the total leaves 0..100.
fn clamp_line(raw: i64, score: i64) -> Evidence {
    Evidence {
        signal: "score_limit".to_string(),
        label: Message::bare("ev_limit_label"),
        seen: Some(msg("ev_limit_seen", [int(raw)])),
        threshold: Message::bare("ev_limit_threshold"),
        points: (score - raw) as i32,
        weight: 0,
        reason: Message::bare(if raw > 100 {
            "ev_limit_why_high"
        } else {
            "ev_limit_why_low"
        }),
    }
}
