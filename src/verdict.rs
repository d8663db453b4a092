//! The shape of an explained verdict: evidence lines that add up to a score.
//!
//! This is what the badge and the breakdown draw, and what the CLI prints.
//! Signals produce [`Evidence`]; `score` adds it into a [`Verdict`].

use serde::{Deserialize, Serialize, Serializer};

use crate::json_out::{string, Obj, WriteJson};
use crate::message::Message;
use crate::summary::{summarize, Summary};

/// One signal's contribution, with everything the breakdown shows.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Stable id, e.g. `"begging"`, `"avatar"`.
    pub signal: String,
    /// Short name of the fact, e.g. "Follow-back requests", "Bio".
    pub label: Message,
    /// What was seen, with where it came from ("none in bio, from X's data").
    /// `None`: not seen yet (the signal had no data and gives no points).
    pub seen: Option<Message>,
    /// The threshold the value was held against, in words ("at least 1 phrase").
    pub threshold: Message,
    /// Points added (positive) or taken (negative).
    pub points: i32,
    /// Largest number of points this signal can move the score by, either way;
    /// used for confidence. Zero for purely informative lines.
    pub weight: u32,
    /// One plain sentence saying why.
    pub reason: Message,
}

impl Evidence {
    /// True when the signal had data.
    pub fn observed(&self) -> bool {
        self.seen.is_some()
    }

    /// The line in English words (CLI, eval report and tests).
    pub fn english(&self) -> EvidenceText {
        EvidenceText {
            signal: self.signal.clone(),
            label: self.label.english(),
            seen: self.seen.as_ref().map(Message::english),
            threshold: self.threshold.english(),
            points: self.points,
            weight: self.weight,
            reason: self.reason.english(),
        }
    }
}

/// An evidence line rendered in English: the shape the CLI prints.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct EvidenceText {
    /// Stable id.
    pub signal: String,
    /// Short name of the fact.
    pub label: String,
    /// What was seen, with where it came from; `None`: not seen yet.
    pub seen: Option<String>,
    /// The threshold, in words.
    pub threshold: String,
    /// Points added or taken.
    pub points: i32,
    /// Largest move either way.
    pub weight: u32,
    /// One plain sentence saying why.
    pub reason: String,
}

/// The verdict's band, set by the level thresholds in settings.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth following back.
    FollowBack,
    /// Mixed evidence: look before deciding.
    Maybe,
    /// Not worth following back.
    Skip,
    /// Too little was seen to judge.
    NotEnoughData,
}

impl Level {
    /// Words shown on the badge and in the breakdown.
    pub fn label(self) -> &'static str {
        match self {
            Level::FollowBack => "Follow back",
            Level::Maybe => "Maybe",
            Level::Skip => "Skip",
            Level::NotEnoughData => "Not enough data",
        }
    }
}

/// How sure the verdict is: the share of signal weight that had data.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Confidence {
    /// 0.0 (nothing seen) to 1.0 (every signal had data).
    pub value: f64,
    /// "low", "medium" or "high".
    pub label: ConfidenceLabel,
}

/// The confidence value in three bands, for words and colours.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ConfidenceLabel {
    /// Under [`CONFIDENCE_MEDIUM_FROM`](crate::score::CONFIDENCE_MEDIUM_FROM) of the signal weight had data.
    Low,
    /// From the medium threshold up to [`CONFIDENCE_HIGH_FROM`](crate::score::CONFIDENCE_HIGH_FROM).
    Medium,
    /// At least [`CONFIDENCE_HIGH_FROM`](crate::score::CONFIDENCE_HIGH_FROM) of the weight had data.
    High,
}

/// The explained verdict on one account.
///
/// Serialized with one more field, `summary` (see [`crate::summary`]), built
/// from the lines on every serialization; reading ignores it, so older saved
/// verdicts (without it) and newer ones (with it) both read back.
#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Screen name of the account judged, without `@`.
    pub handle: String,
    /// X's numeric user id, when known.
    pub id: Option<String>,
    /// 0-100; equals `base` plus the sum of every evidence line's points
    /// (a clamp, when needed, is itself an evidence line).
    pub score: u8,
    /// The neutral starting point every account gets.
    pub base: i32,
    /// The band the score falls in, or `NotEnoughData`.
    pub level: Level,
    /// How much of the signal weight had data.
    pub confidence: Confidence,
    /// Every signal, observed or not, in display order.
    pub evidence: Vec<Evidence>,
}

impl Verdict {
    /// The first view in plain words: level, why, how much was seen.
    pub fn summary(&self) -> Summary {
        summarize(self)
    }
}

/// What a verdict serializes as: its fields and its summary.
#[derive(Serialize)]
struct VerdictOut<'a> {
    handle: &'a str,
    id: &'a Option<String>,
    score: u8,
    base: i32,
    level: Level,
    confidence: Confidence,
    evidence: &'a [Evidence],
    summary: Summary,
}

impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        VerdictOut {
            handle: &self.handle,
            id: &self.id,
            score: self.score,
            base: self.base,
            level: self.level,
            confidence: self.confidence,
            evidence: &self.evidence,
            summary: summarize(self),
        }
        .serialize(serializer)
    }
}

// JSON as the wasm writes it: the same text as the derives above
// (`tests/json_out_props.rs`), without serde's serializer.

impl Level {
    /// The level's JSON name (snake_case, as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            Level::FollowBack => "follow_back",
            Level::Maybe => "maybe",
            Level::Skip => "skip",
            Level::NotEnoughData => "not_enough_data",
        }
    }
}

impl ConfidenceLabel {
    /// The label's JSON name (snake_case, as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            ConfidenceLabel::Low => "low",
            ConfidenceLabel::Medium => "medium",
            ConfidenceLabel::High => "high",
        }
    }
}

impl WriteJson for Level {
    fn write_json(&self, out: &mut String) {
        string(out, self.name());
    }
}

impl WriteJson for ConfidenceLabel {
    fn write_json(&self, out: &mut String) {
        string(out, self.name());
    }
}

impl WriteJson for Confidence {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("value", &self.value)
            .field("label", &self.label)
            .end();
    }
}

impl WriteJson for Evidence {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("signal", &self.signal)
            .field("label", &self.label)
            .field("seen", &self.seen)
            .field("threshold", &self.threshold)
            .field("points", &self.points)
            .field("weight", &self.weight)
            .field("reason", &self.reason)
            .end();
    }
}

/// With its summary, as [`Verdict`]'s `Serialize` writes it.
impl WriteJson for Verdict {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("handle", &self.handle)
            .field("id", &self.id)
            .field("score", &self.score)
            .field("base", &self.base)
            .field("level", &self.level)
            .field("confidence", &self.confidence)
            .field("evidence", &self.evidence)
            .field("summary", &summarize(self))
            .end();
    }
}
