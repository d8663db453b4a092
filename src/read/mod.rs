//! Readers: turn what X sends (GraphQL, v1.1 user objects) or shows (DOM strings) into facts.
//!
//! [`read_any`] takes any supported text: a GraphQL response of any operation,
//! a v1.1 / `legacy` user object, an array or wrapper of them, JSON Lines, and
//! our own exports (CLI output lines, remembered memory). [`read_page`] takes
//! a response copied from X's page and reads only X's own shapes, bounded
//! (see [`Mode::Page`] and [`bounds`]). Neither panics on bad input:
//! unreadable parts become warnings, an unreadable whole a [`ReadError`].

pub mod bounds;
pub mod depth;
pub mod dom;
pub mod dom_tweet;
mod json;
pub(crate) mod merge;
mod notification;
pub(crate) mod objects;
pub(crate) mod pull;
mod surrogates;
mod tweet;
mod typed;
mod user;
mod viewer;
mod walk;

pub use pull::{value_from_str, JsonError, Why};
pub use walk::{Mode, MAX_DEPTH};

use serde_json::Value;

use crate::model::{Observations, Source};
use walk::Collector;

/// Bad JSON Lines named one by one before the rest are summarised.
const MAX_LINE_WARNINGS: usize = 10;
/// GraphQL error messages quoted in the warning.
pub(crate) const MAX_ERROR_MESSAGES: usize = 3;

/// Why a text could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON (nor JSON Lines): the parser's message.
    NotJson(String),
    /// Valid JSON, but no account, tweet or interaction anywhere in it.
    NothingFound,
    /// A page payload over [`bounds::MAX_PAYLOAD_BYTES`]: not read at all.
    TooLarge {
        /// Size of the payload, in bytes.
        bytes: usize,
        /// The most bytes read.
        max: usize,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotJson(m) => write!(f, "not JSON or JSON Lines: {m}"),
            ReadError::NothingFound => write!(f, "no account found in it"),
            ReadError::TooLarge { bytes, max } => write!(
                f,
                "the response is {} bytes, over the {} a response may have; nothing was read",
                thousands(*bytes),
                thousands(*max)
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads any supported text: a GraphQL response, a v1.1 user object, an array of them, JSON Lines.
///
/// Facts from GraphQL shapes are marked [`Source::Graphql`], from v1.1 objects and
/// exports [`Source::File`], from remembered memory [`Source::Memory`].
pub fn read_any(text: &str) -> Result<Observations, ReadError> {
    read_text(text, None)
}

/// Like [`read_any`], with every fact marked as coming from `source`
/// (the CLI reads files: [`Source::File`]).
pub fn read_any_from(text: &str, source: Source) -> Result<Observations, ReadError> {
    read_text(text, Some(source))
}

/// Reads a response copied from X's page (which any page script can forge):
/// one JSON document of at most [`bounds::MAX_PAYLOAD_BYTES`], X's GraphQL
/// shapes only, every fact marked [`Source::Graphql`], strings and counts
/// capped (see [`Mode::Page`]). The extension's own shapes in it (memory
/// entries, CLI lines, DOM facts, interactions) are ignored.
pub fn read_page(text: &str) -> Result<Observations, ReadError> {
    if text.len() > bounds::MAX_PAYLOAD_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len(),
            max: bounds::MAX_PAYLOAD_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::NotJson("the text is empty".into()));
    }
    if let Ok(c) = typed::read_page(text) {
        return finish(c);
    }
    read_page_walked(text)
}

/// [`read_page`] by the typed streaming reader alone: `None` for a page it
/// hands to the generic walker (an operation or a shape it does not read
/// itself). For tests and the benchmark.
pub fn read_page_typed(text: &str) -> Option<Result<Observations, ReadError>> {
    if text.len() > bounds::MAX_PAYLOAD_BYTES {
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    typed::read_page(text).ok().map(finish)
}

/// [`read_page`] by the generic walker alone, over a parsed `serde_json::Value`
/// tree: what `read_page` does with the pages its typed reader refuses, and
/// the reference the typed reader is tested against (same results, slower).
pub fn read_page_generic(text: &str) -> Result<Observations, ReadError> {
    if text.len() > bounds::MAX_PAYLOAD_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len(),
            max: bounds::MAX_PAYLOAD_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::NotJson("the text is empty".into()));
    }
    read_page_walked(text)
}

fn read_page_walked(text: &str) -> Result<Observations, ReadError> {
    let value = surrogates::parse(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    read_value_in(&value, Mode::Page, None)
}

/// Reads an already parsed JSON value.
pub fn read_value(value: &Value, source: Option<Source>) -> Result<Observations, ReadError> {
    read_value_in(value, Mode::Any, source)
}

/// Reads an already parsed JSON value in `mode`.
pub fn read_value_in(
    value: &Value,
    mode: Mode,
    source: Option<Source>,
) -> Result<Observations, ReadError> {
    let mut c = Collector::with_mode(mode, source);
    read_document(value, &mut c);
    finish(c)
}

fn read_text(text: &str, source: Option<Source>) -> Result<Observations, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::NotJson("the text is empty".into()));
    }
    let whole_error = match surrogates::parse(text) {
        Ok(value) => return read_value(&value, source),
        Err(e) => e.to_string(),
    };
    let lines = || {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty())
    };
    if lines().nth(1).is_none() {
        return Err(ReadError::NotJson(whole_error));
    }
    let mut c = Collector::new(source);
    // Only the first few bad lines are described; the rest are counted, so a
    // huge file of bad lines costs no more memory than a small one.
    let mut bad: Vec<String> = Vec::new();
    let mut bad_count = 0usize;
    let mut good = 0usize;
    for (number, line) in lines() {
        let problem = match surrogates::parse(line) {
            Ok(v @ (Value::Object(_) | Value::Array(_))) => {
                good += 1;
                read_document(&v, &mut c);
                continue;
            }
            Ok(_) => None,
            Err(e) => Some(e),
        };
        bad_count += 1;
        if bad.len() < MAX_LINE_WARNINGS {
            bad.push(match problem {
                None => format!("line {number}: not a JSON object or array"),
                Some(e) => format!("line {number}: not JSON ({e})"),
            });
        }
    }
    if good == 0 {
        return Err(ReadError::NotJson(format!(
            "{whole_error} (and none of its {} lines is a JSON object or array)",
            thousands(bad_count)
        )));
    }
    let extra = bad_count - bad.len();
    for message in bad {
        c.observations.warnings.push(format!("Skipped {message}."));
    }
    if extra > 0 {
        c.observations.warnings.push(format!(
            "Skipped {} more unreadable line(s) ({} in all).",
            thousands(extra),
            thousands(bad_count)
        ));
    }
    finish(c)
}

/// Where `needle` (not empty) first occurs in `hay`, by a byte scan: what
/// `str::find` says, without a string searcher's code at each caller.
pub(crate) fn find_text(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    let (first, rest) = needle.split_first()?;
    let hay = hay.as_bytes();
    // The first byte looked for alone; the rest compared only where it is.
    // (Patterns, not `==` on options: that is a call in the wasm.)
    let mut i = 0;
    while let Some(&b) = hay.get(i) {
        if i + needle.len() > hay.len() {
            break;
        }
        if b == *first && hay.get(i + 1..i + needle.len()) == Some(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A count with thousands separators: `1234567` as `1,234,567`.
fn thousands(n: usize) -> String {
    let mut digits = String::new();
    crate::json_out::uint(&mut digits, n as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Reads one JSON document: notes GraphQL `errors`, then walks everything.
fn read_document(value: &Value, c: &mut Collector) {
    if let Some(Value::Array(errors)) = value.get("errors") {
        if !errors.is_empty() {
            c.reported_errors = true;
            let mut messages = errors
                .iter()
                .map(|e| e.get("message").and_then(Value::as_str));
            c.observations
                .warnings
                .push(errors_warning(errors.len(), &mut messages));
        }
    }
    if c.observations.viewer.is_none() {
        c.observations.viewer = viewer::viewer(value);
    }
    walk::walk(value, 0, c);
}

/// The warning for X's `errors`: how many, and the first messages.
/// `messages` yields each error's message where it has one; the first
/// [`MAX_ERROR_MESSAGES`] are quoted (one loop for both readers).
pub(crate) fn errors_warning(
    count: usize,
    messages: &mut dyn Iterator<Item = Option<&str>>,
) -> String {
    let mut detail = String::new();
    for message in messages.flatten().take(MAX_ERROR_MESSAGES) {
        detail.push_str(if detail.is_empty() { ": " } else { "; " });
        detail.push_str(message);
    }
    format!("X reported {count} error(s) in this response{detail}.")
}

fn finish(c: Collector) -> Result<Observations, ReadError> {
    let reported = c.reported_errors;
    let obs = c.finish();
    if obs.is_empty() && obs.unavailable == 0 && !reported {
        return Err(ReadError::NothingFound);
    }
    Ok(obs)
}

/// A small seeded xorshift generator for the readers' randomised tests:
/// `next(n)` gives a number below `n`.
#[cfg(test)]
pub(crate) fn test_rng(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut rng = seed;
    move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_errors_are_counted_and_the_first_three_messages_quoted() {
        let page = r#"{"errors":[{"message":"a"},{"code":1},{"message":"b"},{"message":"c"},{"message":"d"}],"data":{}}"#;
        let typed = read_page_typed(page).expect("the typed reader reads it");
        for obs in [read_page_generic(page), typed] {
            let obs = obs.expect("errors alone still read");
            assert_eq!(
                obs.warnings,
                vec!["X reported 5 error(s) in this response: a; b; c.".to_string()]
            );
        }
        let none = read_page(r#"{"errors":[{"code":1}],"data":{}}"#).expect("read");
        assert_eq!(
            none.warnings,
            vec!["X reported 1 error(s) in this response.".to_string()]
        );
    }

    #[test]
    fn find_text_finds_what_str_find_finds() {
        const PARTS: &[&str] = &["a", "-", "c", "cursor", "-cursor-", ":", "//", "é", "日"];
        let mut next = super::test_rng(0x2545_f491_4f6c_dd1du64);
        let mut found = 0;
        for _ in 0..20_000 {
            let mut piece = || PARTS[next(PARTS.len() as u64) as usize];
            let hay: String = (0..8).map(|_| piece()).collect();
            let needle: String = (0..2).map(|_| piece()).collect();
            assert_eq!(
                find_text(&hay, &needle),
                hay.find(needle.as_str()),
                "{hay:?} {needle:?}"
            );
            found += usize::from(find_text(&hay, &needle).is_some());
        }
        assert!(found > 1_000, "only {found} needles found");
        assert_eq!(find_text("abc", ""), Some(0));
    }

    #[test]
    fn thousands_are_grouped_by_commas() {
        for (n, text) in [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1,000"),
            (12_345, "12,345"),
            (1_234_567, "1,234,567"),
            (8_388_608, "8,388,608"),
        ] {
            assert_eq!(thousands(n), text);
        }
        let message = ReadError::TooLarge {
            bytes: 9_000_001,
            max: 8_388_608,
        }
        .to_string();
        assert_eq!(
            message,
            "the response is 9,000,001 bytes, over the 8,388,608 a response may have; nothing was read"
        );
    }
}
