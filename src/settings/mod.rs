//! Settings: one schema for every threshold, weight, keyword list and level boundary.

use serde::{Deserialize, Serialize};

/// The person's settings (stub: filled in by the settings schema).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Settings {}
