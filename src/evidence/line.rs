//! The evidence-line builder: the fixed parts of one signal's line (name,
//! label, threshold, weight) and how an observation or its absence becomes an
//! [`Evidence`] entry, plus turning points settings into points and weights.
//!
//! Every word is a [`Message`]; with `explain` off (the fast path) the
//! closures that build them are never called and the lines carry
//! [`Message::EMPTY`], so only numbers are computed.

use crate::message::{Arg, Message};
use crate::model::{Account, Source};
use crate::signals::Subject;
use crate::verdict::Evidence;

/// The fixed parts of one signal's evidence line.
pub struct Line {
    /// The signal's id (`"ratio"`).
    pub signal: &'static str,
    /// Its label in the breakdown.
    pub label: Message,
    /// The threshold, in words.
    pub threshold: Message,
    /// The signal's weight: the most points it can move.
    pub weight: u32,
    /// Build the words (false on the fast path).
    pub explain: bool,
}

/// The message id of where a fact came from ("from X's data").
pub fn source_id(source: Source) -> &'static str {
    match source {
        Source::Graphql => "ev_src_graphql",
        Source::Page => "ev_src_page",
        Source::File => "ev_src_file",
        Source::Memory => "ev_src_memory",
    }
}

impl Line {
    /// The fixed parts of one line: `label` is a message id; `threshold` is
    /// only called when the subject is explained.
    pub fn new(
        subject: &Subject,
        signal: &'static str,
        label: &'static str,
        threshold: impl FnOnce() -> Message,
        weight: u32,
    ) -> Self {
        let threshold = subject.explain().then(threshold);
        Line::build(signal, label, threshold, weight)
    }

    /// The line; `threshold` is `None` on the fast path (each call site only
    /// passes what its closure built, or nothing).
    #[inline(never)]
    fn build(
        signal: &'static str,
        label: &'static str,
        threshold: Option<Message>,
        weight: u32,
    ) -> Self {
        let explain = threshold.is_some();
        Line {
            signal,
            label: if explain {
                Message::bare(label)
            } else {
                Message::EMPTY
            },
            threshold: threshold.unwrap_or(Message::EMPTY),
            weight,
            explain,
        }
    }

    fn words(&self, f: impl FnOnce() -> Message) -> Message {
        if self.explain {
            f()
        } else {
            Message::EMPTY
        }
    }

    /// No data: no points, and the reason says what is missing (`what` is a
    /// message id naming it: "Bio" not seen yet).
    pub fn not_seen(self, what: &'static str) -> Evidence {
        self.not_seen_with(|| Message::bare(what))
    }

    /// No data, with the missing fact as a message.
    pub fn not_seen_with(self, what: impl FnOnce() -> Message) -> Evidence {
        let what = self.words(what);
        self.not_seen_done(what)
    }

    // The generic methods only call their closures; the rest is in these
    // plain helpers, so one copy serves every call site (the wasm size).
    #[inline(never)]
    fn not_seen_done(self, what: Message) -> Evidence {
        let reason = if self.explain {
            msg("ev_not_seen", [Arg::Msg(what)])
        } else {
            Message::EMPTY
        };
        self.evidence(None, 0, reason)
    }

    /// No data, with a reason of its own (not "... not seen yet.").
    pub fn unseen_because(self, reason: impl FnOnce() -> Message) -> Evidence {
        let reason = self.words(reason);
        self.evidence(None, 0, reason)
    }

    /// An observation: `value` is shown with where it came from.
    pub fn seen(
        self,
        account: &Account,
        value: impl FnOnce() -> Message,
        points: i32,
        reason: impl FnOnce() -> Message,
    ) -> Evidence {
        let from = source_id(account.source);
        let value = self.words(value);
        let reason = self.words(reason);
        self.seen_done(value, from, points, reason)
    }

    /// An observation from data that is not the profile (posts, interactions,
    /// earlier visits): `from` is a message id saying where it came from.
    pub fn seen_from(
        self,
        value: impl FnOnce() -> Message,
        from: &'static str,
        points: i32,
        reason: impl FnOnce() -> Message,
    ) -> Evidence {
        let value = self.words(value);
        let reason = self.words(reason);
        self.seen_done(value, from, points, reason)
    }

    #[inline(never)]
    fn seen_done(
        self,
        value: Message,
        from: &'static str,
        points: i32,
        reason: Message,
    ) -> Evidence {
        let seen = if self.explain {
            msg(
                "ev_seen_from",
                [Arg::Msg(value), Arg::Msg(Message::bare(from))],
            )
        } else {
            Message::EMPTY
        };
        self.evidence(Some(seen), points, reason)
    }

    #[inline(never)]
    fn evidence(self, seen: Option<Message>, points: i32, reason: Message) -> Evidence {
        Evidence {
            // The fast path keeps no line, so it needs no id either.
            signal: if self.explain {
                self.signal.to_string()
            } else {
                String::new()
            },
            label: self.label,
            seen,
            threshold: self.threshold,
            points,
            weight: self.weight,
            reason,
        }
    }
}

/// A message with its arguments, from an array: one constructor per count of
/// arguments instead of an allocation written out at every call site (the
/// wasm size). The same as [`Message::new`] with the array as a vector.
#[inline(never)]
pub fn msg<const N: usize>(id: &'static str, args: [Arg; N]) -> Message {
    Message::new(id, Vec::from(args))
}

/// A points setting as evidence points (settings keep them within ±50).
pub fn setting_points(v: i64) -> i32 {
    v.clamp(-1000, 1000) as i32
}

/// A points setting as a weight (its magnitude).
pub fn setting_weight(v: i64) -> u32 {
    setting_points(v).unsigned_abs()
}

/// Messages joined two by two with `sep` (a message id taking `$1` and
/// `$2`, such as "$1; $2"); [`Message::EMPTY`] for none.
pub fn join_with(sep: &'static str, parts: Vec<Message>) -> Message {
    parts
        .into_iter()
        .reduce(|acc, next| msg(sep, [Arg::Msg(acc), Arg::Msg(next)]))
        .unwrap_or(Message::EMPTY)
}

/// "<where the points sit>. <why>" as a message (`why` is a message id).
pub fn place_why(place: Message, why: &'static str) -> Message {
    msg(
        "ev_place_why",
        [Arg::Msg(place), Arg::Msg(Message::bare(why))],
    )
}
