//! Readers: turn what X sends (GraphQL, v1.1 user objects) or shows (DOM strings) into facts.

use crate::model::Observations;

/// Why a text could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON (nor JSON Lines): the parser's message.
    NotJson(String),
    /// Valid JSON, but no account, tweet or interaction anywhere in it.
    NothingFound,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotJson(m) => write!(f, "not JSON or JSON Lines: {m}"),
            ReadError::NothingFound => write!(f, "no account found in it"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads any supported text: a GraphQL response, a v1.1 user object, an array of them, JSON Lines.
pub fn read_any(text: &str) -> Result<Observations, ReadError> {
    let _ = text;
    Err(ReadError::NothingFound)
}
