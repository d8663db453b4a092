//! Automatic direct messages after a follow (seed 000 §2): the measured parts
//! of a first message that make it look like an automatic pitch: how soon it
//! came after the follow, template thanks, sales-pitch phrases and links.
//!
//! Seed 000 separates a neutral "thank you for following" (tolerated) from
//! the usual pitch ("Thanks for following, be sure to like my Facebook page,
//! too!"), so thanks and pitch phrases are reported apart.

use serde::Serialize;

use super::keywords::{KeywordSet, NormalizedText};
use super::tokens::is_url_token;

/// Template thanks seen in automatic messages.
pub const DEFAULT_THANKS_PHRASES: &[&str] = &[
    "thanks for following",
    "thank you for following",
    "thanks for the follow",
    "thank you for the follow",
    "thx for following",
    "thx for the follow",
    "thanks for connecting",
];

/// Pitch phrases seen in automatic messages.
pub const DEFAULT_PITCH_PHRASES: &[&str] = &[
    "check out",
    "like my page",
    "like my facebook",
    "facebook page",
    "subscribe",
    "visit",
    "link in bio",
    "dm me",
    "follow me on",
    "my website",
    "my channel",
    "my youtube",
    "sign up",
    "free ebook",
    "free e-book",
    "buy",
];

/// The phrase lists a message is matched against, built once.
#[derive(Clone, Debug)]
pub struct DmPhrases {
    /// Thank-you phrases that open an automatic welcome message.
    pub thanks: KeywordSet,
    /// Sales and link phrases that make it a pitch.
    pub pitch: KeywordSet,
}

impl Default for DmPhrases {
    fn default() -> Self {
        DmPhrases {
            thanks: KeywordSet::from_strs(DEFAULT_THANKS_PHRASES),
            pitch: KeywordSet::from_strs(DEFAULT_PITCH_PHRASES),
        }
    }
}

impl DmPhrases {
    /// Phrase lists from settings.
    pub fn new(thanks: &[String], pitch: &[String]) -> Self {
        DmPhrases {
            thanks: KeywordSet::new(thanks),
            pitch: KeywordSet::new(pitch),
        }
    }
}

/// What a first direct message shows.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct DmAssessment {
    /// Minutes from the follow to the message; negative when the message
    /// came first (then it is not a reaction to the follow). `None` when
    /// either time is unknown.
    pub minutes_after_follow: Option<f64>,
    /// Template thanks phrases found, as listed.
    pub thanks: Vec<String>,
    /// Pitch phrases found, as listed.
    pub pitch: Vec<String>,
    /// URL-like tokens in the message.
    pub links: usize,
}

impl DmAssessment {
    /// True when the message links anywhere.
    pub fn has_link(&self) -> bool {
        self.links > 0
    }

    /// True when the message came within `max_minutes` after the follow and
    /// pitches (a pitch phrase or a link). The threshold comes from settings;
    /// a thanks-only message is not a pitch.
    pub fn looks_like_auto_pitch(&self, max_minutes: f64) -> bool {
        let quick = self
            .minutes_after_follow
            .is_some_and(|m| (0.0..=max_minutes).contains(&m));
        quick && (self.has_link() || !self.pitch.is_empty())
    }
}

/// Measures a first message `text` sent at `sent_at` by an account that
/// followed the viewer at `followed_at` (both unix seconds, when known).
pub fn assess_first_dm(
    followed_at: Option<i64>,
    text: &str,
    sent_at: Option<i64>,
    phrases: &DmPhrases,
) -> DmAssessment {
    let norm = NormalizedText::new(text);
    let minutes_after_follow = match (followed_at, sent_at) {
        (Some(f), Some(s)) => Some(s.saturating_sub(f) as f64 / 60.0),
        _ => None,
    };
    let owned = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
    DmAssessment {
        minutes_after_follow,
        thanks: owned(phrases.thanks.matches_in(&norm)),
        pitch: owned(phrases.pitch.matches_in(&norm)),
        links: text.split_whitespace().filter(|t| is_url_token(t)).count(),
    }
}
