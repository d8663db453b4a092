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
    ///
    /// The generic methods of `Line` are only a branch between the words
    /// (plain helpers, one copy for every call site: the wasm size) and the
    /// numbers ([`Line::fast`], [`Line::numbers`]), so the fast path makes no
    /// call that builds, moves or drops a message. `inline(always)` keeps
    /// that branch in the signal at opt-level "z" too (it makes the wasm
    /// smaller than leaving the wrappers to the inliner: 209,067 against
    /// 208,628 bytes gzipped); `fast` stays a call (inlined it stores two
    /// empty messages at every site: 685 bytes gzipped, for about 10% of the
    /// fast path's speed).
    #[inline(always)]
    pub fn new(
        subject: &Subject,
        signal: &'static str,
        label: &'static str,
        threshold: impl FnOnce() -> Message,
        weight: u32,
    ) -> Self {
        if subject.explain() {
            Line::build(signal, label, threshold(), weight)
        } else {
            Line::fast(signal, weight)
        }
    }

    /// The line with its words.
    #[inline(never)]
    fn build(signal: &'static str, label: &'static str, threshold: Message, weight: u32) -> Self {
        Line {
            signal,
            label: Message::bare(label),
            threshold,
            weight,
            explain: true,
        }
    }

    /// The line without words (the fast path).
    #[inline(never)]
    fn fast(signal: &'static str, weight: u32) -> Self {
        Line {
            signal,
            label: Message::EMPTY,
            threshold: Message::EMPTY,
            weight,
            explain: false,
        }
    }

    /// No data: no points, and the reason says what is missing (`what` is a
    /// message id naming it: "Bio" not seen yet).
    #[inline(always)]
    pub fn not_seen(self, what: &'static str) -> Evidence {
        self.not_seen_with(|| Message::bare(what))
    }

    /// No data, with the missing fact as a message.
    #[inline(always)]
    pub fn not_seen_with(self, what: impl FnOnce() -> Message) -> Evidence {
        if self.explain {
            self.not_seen_done(what())
        } else {
            self.numbers(false, 0)
        }
    }

    #[inline(never)]
    fn not_seen_done(self, what: Message) -> Evidence {
        let reason = msg("ev_not_seen", [Arg::Msg(what)]);
        self.evidence(None, 0, reason)
    }

    /// No data, with a reason of its own (not "... not seen yet.").
    #[inline(always)]
    pub fn unseen_because(self, reason: impl FnOnce() -> Message) -> Evidence {
        if self.explain {
            self.evidence(None, 0, reason())
        } else {
            self.numbers(false, 0)
        }
    }

    /// An observation: `value` is shown with where it came from.
    #[inline(always)]
    pub fn seen(
        self,
        account: &Account,
        value: impl FnOnce() -> Message,
        points: i32,
        reason: impl FnOnce() -> Message,
    ) -> Evidence {
        if self.explain {
            let value = value();
            let reason = reason();
            self.seen_done(value, source_id(account.source), points, reason)
        } else {
            self.numbers(true, points)
        }
    }

    /// An observation from data that is not the profile (posts, interactions,
    /// earlier visits): `from` is a message id saying where it came from.
    #[inline(always)]
    pub fn seen_from(
        self,
        value: impl FnOnce() -> Message,
        from: &'static str,
        points: i32,
        reason: impl FnOnce() -> Message,
    ) -> Evidence {
        if self.explain {
            let value = value();
            let reason = reason();
            self.seen_done(value, from, points, reason)
        } else {
            self.numbers(true, points)
        }
    }

    #[inline(never)]
    fn seen_done(
        self,
        value: Message,
        from: &'static str,
        points: i32,
        reason: Message,
    ) -> Evidence {
        let seen = msg(
            "ev_seen_from",
            [Arg::Msg(value), Arg::Msg(Message::bare(from))],
        );
        self.evidence(Some(seen), points, reason)
    }

    #[inline(never)]
    fn evidence(self, seen: Option<Message>, points: i32, reason: Message) -> Evidence {
        Evidence {
            signal: self.signal.to_string(),
            label: self.label,
            seen,
            threshold: self.threshold,
            points,
            weight: self.weight,
            reason,
        }
    }

    /// The line without words (the fast path keeps no line, so it needs no
    /// id either): only what was seen, the points and the weight. Every
    /// message is [`Message::EMPTY`], as the fast line's own.
    #[inline(never)]
    fn numbers(self, seen: bool, points: i32) -> Evidence {
        Evidence {
            signal: String::new(),
            label: self.label,
            seen: if seen { Some(Message::EMPTY) } else { None },
            threshold: self.threshold,
            points,
            weight: self.weight,
            reason: Message::EMPTY,
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
