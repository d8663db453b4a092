//! Followback's core: read what X sends or shows, score each account, explain every point.
//!
//! Pure Rust with no I/O: the browser extension calls it through `wasm`
//! (service worker and extension pages), the `followback` command-line tool
//! calls it natively. What crosses the wasm boundary, and its TypeScript
//! declarations, is in [`boundary`].
//!
//! Comments and setting sources cite design notes ("SIGNALS.md heuristic N",
//! "X-COM-FACTS.md §4", "seed NNN"): they are summarised in
//! `docs/design-notes.md`.

#![deny(missing_docs)]

pub mod analysis;
pub mod boundary;
pub mod case;
pub mod cli;
pub mod eval;
pub mod evidence;
pub mod json_out;
pub mod memory;
pub mod message;
pub mod model;
pub mod observed;
pub mod prepared;
pub mod read;
pub mod score;
pub mod selfcheck;
pub mod settings;
pub mod signals;
pub mod sort;
pub mod summary;
pub mod time;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{
    Account, Interaction, InteractionKind, Observations, Snapshot, Source, Tweet, TweetKind,
};
pub use settings::Settings;
pub use signals::Subject;
pub use verdict::{Evidence, Level, Verdict};
