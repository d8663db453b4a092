//! Signals: each family turns facts into evidence lines (value seen, threshold,
//! points, reason).
//!
//! Every signal is a plain function in [`SIGNALS`]; a new family adds its module
//! and appends its functions there. A signal always returns a line, also when
//! its data is missing (then `seen` is `None`, no points, and the reason says
//! what was not seen yet), so the breakdown lists every signal and confidence
//! can count the weight that had data.
//!
//! Each module's doc names the heuristic and seeds it follows ("seed heuristic
//! N", "seed NNN"): they are in docs/design-notes.md. The line builder, ramps
//! and wording the signals share are in [`crate::evidence`], keyword sets and
//! post statistics prepared once in [`crate::prepared`].

mod activity;
mod age;
mod automation;
mod avatar;
mod begging;
mod begging_posts;
mod bio;
mod botlike;
mod churn;
mod conversation;
mod follow_for_follow;
mod following_cap;
mod guru;
mod interactions;
mod interests;
mod labels;
mod likes;
mod listed;
mod posts;
mod ratio;
mod recent_activity;
mod relationship;
mod spam;
mod variety;
mod verified;

use crate::model::{Account, Interaction, Snapshot, Tweet};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub use automation::{client_counts, ClientCounts};
pub use botlike::longest_digit_run;
pub use labels::{self_bot, self_declared, split_words, SelfBot};
pub use ratio::{ratio_penalty, ratio_reward};

/// Everything known about one account when it is scored.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The account as observed (profile facts and counts).
    pub account: &'a Account,
    /// Recent posts by this account, any order.
    pub tweets: &'a [Tweet],
    /// Earlier observations of its counts, oldest first.
    pub history: &'a [Snapshot],
    /// What it did to the viewer.
    pub interactions: &'a [Interaction],
    /// Keyword sets and recent-post statistics computed once for all signals
    /// (set by `score`); `None`: each signal computes what it needs.
    pub prepared: Option<&'a crate::prepared::Prepared<'a>>,
    /// Where a remembered account keeps its features between scorings
    /// (`memory::Entry`); `None`: computed at each scoring.
    pub features: Option<&'a crate::analysis::features::FeatureCache>,
}

impl<'a> Subject<'a> {
    /// A subject with only its profile facts.
    pub fn profile(account: &'a Account) -> Self {
        Subject {
            account,
            tweets: &[],
            history: &[],
            interactions: &[],
            prepared: None,
            features: None,
        }
    }

    /// True when the evidence words are built (always, unless the fast path
    /// prepared the subject without them).
    #[inline(always)]
    pub fn explain(&self) -> bool {
        match self.prepared {
            Some(p) => p.explain,
            None => true,
        }
    }
}

/// One signal: facts and settings in, one evidence line out. `now` is unix seconds.
pub type Signal = fn(&Subject, &Settings, i64) -> Evidence;

/// Signals read from the profile alone (what the person says, counts, age).
pub const PROFILE_SIGNALS: &[Signal] = &[
    // What the person says about themselves.
    begging::begging,
    guru::guru,
    spam::spam_words,
    bio::bio,
    avatar::avatar,
    // Follow counts.
    ratio::ratio,
    following_cap::following_cap,
    follow_for_follow::follow_for_follow,
    // Activity and what others make of them.
    activity::posts_ever,
    activity::activity,
    listed::listed,
    likes::likes,
    likes::per_post,
    // Bot-like profile features.
    botlike::handle,
    botlike::following_growth,
    botlike::bare_profile,
    labels::self_declared_bot,
    // X's own labels (the account's own words about itself).
    labels::automated,
    labels::parody,
    labels::username_changes,
    // Trust and relationship.
    verified::verified,
    labels::identity,
    age::age,
    relationship::follows_you,
];

/// Signals read from what the account does: recent posts, interactions with
/// the viewer and counts remembered from earlier visits. Without that data
/// they say "not seen yet" and give no points.
pub const BEHAVIOUR_SIGNALS: &[Signal] = &[
    // Automation (heuristic 3).
    automation::links,
    automation::repeats,
    automation::timing,
    automation::rate,
    automation::client,
    // Variety, self-promotion and conversation (heuristics 4, 5, 11).
    variety::mix,
    variety::self_promotion,
    conversation::conversation,
    conversation::guru_silent,
    // Begging in posts (heuristic 1).
    begging_posts::begging_posts,
    // Recent activity (heuristic 12).
    recent_activity::last_post,
    recent_activity::recent_rate,
    // Interests, relationship and churn (heuristics 7, 8, 10).
    interests::interests,
    interactions::interactions,
    churn::churn,
];

const SIGNAL_COUNT: usize = PROFILE_SIGNALS.len() + BEHAVIOUR_SIGNALS.len();

const fn concat(a: &[Signal], b: &[Signal]) -> [Signal; SIGNAL_COUNT] {
    let mut out: [Signal; SIGNAL_COUNT] = [activity::activity; SIGNAL_COUNT];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

const ALL_SIGNALS: [Signal; SIGNAL_COUNT] = concat(PROFILE_SIGNALS, BEHAVIOUR_SIGNALS);

/// Every signal: [`PROFILE_SIGNALS`], then [`BEHAVIOUR_SIGNALS`] (the score
/// re-sorts for display).
pub const SIGNALS: &[Signal] = &ALL_SIGNALS;

/// Every signal's evidence for `subject`, in family order. `now` is unix seconds.
pub fn evaluate(subject: &Subject, settings: &Settings, now: i64) -> Vec<Evidence> {
    SIGNALS
        .iter()
        .map(|signal| signal(subject, settings, now))
        .collect()
}

/// The profile signals' evidence for `subject`, in family order.
pub fn evaluate_profile(subject: &Subject, settings: &Settings, now: i64) -> Vec<Evidence> {
    run(PROFILE_SIGNALS, subject, settings, now)
}

/// The behaviour signals' evidence for `subject`, in family order.
pub fn evaluate_behaviour(subject: &Subject, settings: &Settings, now: i64) -> Vec<Evidence> {
    run(BEHAVIOUR_SIGNALS, subject, settings, now)
}

fn run(list: &[Signal], subject: &Subject, settings: &Settings, now: i64) -> Vec<Evidence> {
    list.iter()
        .map(|signal| signal(subject, settings, now))
        .collect()
}
