//! What crosses the wasm boundary: the requests the extension sends the core,
//! the reports the core answers, and their TypeScript declarations
//! ([`TYPESCRIPT`], emitted into `followback.d.ts` by `wasm`).
//!
//! Compiled on every target (not only wasm32) so the shapes and their
//! declarations are tested natively (`tests/boundary_types.rs` checks that
//! every declared interface has exactly the fields serde reads or writes).

use serde::{Deserialize, Serialize};

use crate::json_out::{self, Obj, WriteJson};
use crate::memory::{Memory, PageInteraction};
use crate::model::{Account, InteractionKind, Observations, Viewer};
use crate::prepared::Matchers;
use crate::read::dom::DomFacts;
use crate::read::dom_tweet::tweet_from_dom;
use crate::read::objects;
use crate::score;
use crate::settings::{self, FieldError, Settings};
use crate::verdict::{ConfidenceLabel, Level, Verdict};

/// Milliseconds since the epoch (JavaScript's `Date.now()`) as unix seconds; 0 when not finite.
pub fn unix_seconds(now_ms: f64) -> i64 {
    if now_ms.is_finite() {
        (now_ms / 1000.0) as i64
    } else {
        0
    }
}

/// The sentence for settings that could not be read at all.
fn unreadable_settings(e: impl std::fmt::Display) -> String {
    format!("Saved settings were unreadable ({e}); using defaults.")
}

/// Settings from a stored value (as JSON text) that may be absent, corrupt
/// or from an older version (the tolerant path): defaults and notices then.
pub fn settings_from_text(value: Option<Result<String, String>>) -> (Settings, Vec<String>) {
    let json = match value {
        None => return (Settings::default(), Vec::new()),
        Some(Err(e)) => return (Settings::default(), vec![unreadable_settings(e)]),
        Some(Ok(text)) => text,
    };
    match Settings::from_json(&json) {
        Ok(loaded) => (loaded.settings, loaded.notices),
        Err(e) => (Settings::default(), vec![unreadable_settings(e)]),
    }
}

/// Strict validation for the options page: `{ ok, errors: [{id, message}], settings }`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Validation {
    /// True when the settings are valid.
    pub ok: bool,
    /// What strict validation refused, one entry per setting.
    pub errors: Vec<FieldError>,
    /// The valid settings as `{ version, values }`; null when not valid.
    pub settings: Option<serde_json::Value>,
}

impl Validation {
    /// Validates a value that could be read (`Ok`) or not (`Err`, why).
    pub fn of(value: Result<serde_json::Value, String>) -> Validation {
        let parsed = match value {
            Ok(v) => v,
            Err(e) => {
                return Validation {
                    ok: false,
                    errors: vec![FieldError {
                        id: String::new(),
                        message: format!("Settings are not a JSON object: {e}"),
                    }],
                    settings: None,
                }
            }
        };
        match settings::validate(&parsed) {
            Ok(s) => Validation {
                ok: true,
                errors: Vec::new(),
                settings: crate::read::value_from_str(&s.to_json()).ok(),
            },
            Err(errors) => Validation {
                ok: false,
                errors,
                settings: None,
            },
        }
    }
}

/// What `Engine.setSettings` answers: strict validation's errors, and the
/// notices for what the tolerant path repaired.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SettingsReport {
    /// True when strict validation found nothing.
    pub ok: bool,
    /// What strict validation refused, one entry per setting.
    pub errors: Vec<FieldError>,
    /// What the tolerant path repaired, one sentence each.
    pub notices: Vec<String>,
}

/// What `repairSettings` answers: the settings the service worker would use
/// for a stored value, and the notices for what was repaired.
#[derive(Serialize, Clone, Debug)]
pub struct Repaired {
    /// The settings in use: `{ version, values }`.
    pub settings: Settings,
    /// What was repaired, one sentence each.
    pub notices: Vec<String>,
}

/// One account the page shows, as the content script asks for its verdict.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, remote = "Self")] // serde impls: read::objects
pub struct VerdictRequest {
    /// X's numeric id, when known.
    pub id: Option<String>,
    /// The handle, without `@`.
    pub handle: Option<String>,
    /// What the page shows of the account.
    pub dom: Option<DomFacts>,
}

/// What `Engine.ingest` read from one response text.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct IngestReport {
    /// Accounts read.
    pub accounts: usize,
    /// Posts read.
    pub tweets: usize,
    /// Interactions with the viewer read.
    pub interactions: usize,
    /// Accounts X answered as unavailable (suspended, withheld).
    pub unavailable: usize,
    /// What could not be read, one sentence each.
    pub warnings: Vec<String>,
    /// The logged-in account, when the response carries it (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewer: Option<Viewer>,
    /// The compact verdicts of every account this response told something
    /// about, as one JSON text (see [`compact_json`]); empty when there are none.
    #[serde(default)]
    pub verdicts: String,
}

impl IngestReport {
    /// Counts what `observations` hold and takes their warnings.
    pub fn of(observations: &mut Observations) -> IngestReport {
        IngestReport {
            accounts: observations.accounts.len(),
            tweets: observations.tweets.len(),
            interactions: observations.interactions.len(),
            unavailable: observations.unavailable,
            warnings: std::mem::take(&mut observations.warnings),
            viewer: observations.viewer.clone(),
            verdicts: String::new(),
        }
    }

    /// A text that could not be read at all.
    pub fn unreadable(why: String) -> IngestReport {
        IngestReport {
            warnings: vec![why],
            ..IngestReport::default()
        }
    }
}

/// An account as a response names it: `(id, handle)`, either may be missing.
pub type AccountKey = (Option<String>, Option<String>);

/// Who a response told something about: its accounts, the authors of its
/// posts and the accounts in its interactions, before the observations are
/// handed to memory.
pub fn touched_accounts(observations: &Observations) -> Vec<AccountKey> {
    let o = observations;
    let mut keys = Vec::with_capacity(o.accounts.len() + o.tweets.len() + o.interactions.len());
    for a in &o.accounts {
        keys.push((a.id.clone(), Some(a.handle.clone())));
    }
    for t in &o.tweets {
        keys.push((t.author_id.clone(), t.author_handle.clone()));
    }
    for i in &o.interactions {
        keys.push((None, Some(i.handle.clone())));
    }
    keys
}

/// One account's verdict without its lines: what a badge draws. No sentences,
/// so it is cheap to build, to send and to keep; the breakdown asks for the
/// full [`Verdict`] when it opens. Overrides are the person's choice, kept by
/// the extension, and applied where the badge is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct CompactVerdict {
    /// X's numeric user id, when known.
    pub id: Option<String>,
    /// Screen name, without `@`.
    pub handle: String,
    /// 0-100.
    pub score: u8,
    /// The band.
    pub level: Level,
    /// Confidence label.
    pub confidence: ConfidenceLabel,
    /// Confidence value, 0.0-1.0.
    pub confidence_value: f64,
}

impl CompactVerdict {
    /// The badge's part of a full verdict.
    pub fn of(verdict: &Verdict) -> CompactVerdict {
        CompactVerdict {
            id: verdict.id.clone(),
            handle: verdict.handle.clone(),
            score: verdict.score,
            level: verdict.level,
            confidence: verdict.confidence.label,
            confidence_value: verdict.confidence.value,
        }
    }
}

impl Serialize for CompactVerdict {
    /// As a JSON array: `[id | null, handle, score, level, confidence label, confidence value]`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (
            &self.id,
            &self.handle,
            self.score,
            self.level,
            self.confidence,
            self.confidence_value,
        )
            .serialize(serializer)
    }
}

/// The compact verdicts of the accounts `keys` names (`(id, handle)`, as
/// [`touched_accounts`] lists them) from what `memory` holds now, each account
/// once, in first-named order; accounts memory does not know are left out.
///
/// The one place compact verdicts are computed: on the numeric fast path
/// ([`score::score_compact`], no messages built), which equals the full
/// verdict's score, level and confidence (`tests/score_fast_props.rs`,
/// `tests/compact_verdicts.rs`).
pub fn compact_verdicts_for_page(
    memory: &Memory,
    keys: &[AccountKey],
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> Vec<CompactVerdict> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    // One account decoded into again and again: no new strings per key.
    let mut scratch = Account::default();
    for (id, handle) in keys {
        let verdict = memory.with_subject(id.as_deref(), handle.as_deref(), &mut scratch, |s| {
            seen.insert(s.account.key())
                .then(|| compact_of_subject(s, settings, matchers, now))
        });
        if let Some(Some(verdict)) = verdict {
            out.push(verdict);
        }
    }
    out
}

/// Compact verdicts as the one JSON text that crosses to JavaScript
/// (`[[id, handle, score, level, label, value], ...]`); empty for none.
pub fn compact_json(verdicts: &[CompactVerdict]) -> String {
    if verdicts.is_empty() {
        return String::new();
    }
    json_out::to_json(verdicts)
}

/// The requests of one `fb:verdicts` message as the service worker hands
/// them over: one JSON text per line (`JSON.stringify` writes no raw line
/// break), so one unreadable or too deeply nested request costs only its own
/// answer. `None` where a line is not a readable request; an empty text is no
/// request at all.
pub fn verdict_request_lines(text: &str) -> impl Iterator<Item = Option<VerdictRequest>> + '_ {
    text.split('\n')
        .filter(move |_| !text.is_empty())
        .map(|line| objects::from_text(line, objects::verdict_request).ok())
}

/// True when what the page shows (`shown`, read by `read::dom::account_from_dom`)
/// would change nothing `Memory::remember_page_account` keeps for `known`: no
/// fact memory lacks, the same follow flags, and no new count snapshot. Such a
/// sighting is skipped: no merge, no history, no record to save.
pub fn shows_nothing_new(known: &crate::memory::Entry, shown: &Account) -> bool {
    let mut merged = known.account.clone();
    merged.fill_from(shown);
    merged.follows_you = shown.follows_you.or(merged.follows_you);
    merged.you_follow = shown.you_follow.or(merged.you_follow);
    if merged != known.account {
        return false;
    }
    let a = &known.account;
    let counted = a.followers.is_some() || a.following.is_some() || a.tweets.is_some();
    let snapshot_kept = known.history.last().is_some_and(|s| {
        s.followers == a.followers && s.following == a.following && s.tweets == a.tweets
    });
    !counted || snapshot_kept
}

/// Remembers what the page shows of one account (`request.dom`) unless it
/// shows nothing new, and says which account the request names: `(id,
/// handle)`, each from the request or else from the page's facts. Returns
/// whether memory changed.
pub fn remember_shown(
    memory: &mut Memory,
    request: VerdictRequest,
    now: i64,
) -> (AccountKey, bool) {
    let shown = request.dom.as_ref().map(crate::read::dom::account_from_dom);
    let handle = request
        .handle
        .or_else(|| shown.as_ref().map(|a| a.handle.clone()));
    let id = request
        .id
        .or_else(|| shown.as_ref().and_then(|a| a.id.clone()));
    let mut changed = false;
    if let Some(shown) = shown {
        let known = memory.get(id.as_deref(), handle.as_deref());
        if !known.is_some_and(|k| shows_nothing_new(&k, &shown)) {
            memory.remember_page_account(shown, id.as_deref(), handle.as_deref(), now);
            changed = true;
        }
    }
    ((id, handle), changed)
}

/// The compact verdict of the account memory holds under `key`, on the
/// numeric fast path; `None` when memory does not know it.
pub fn compact_verdict_of(
    memory: &Memory,
    key: &AccountKey,
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> Option<CompactVerdict> {
    compact_verdict_into(
        memory,
        key,
        &mut Account::default(),
        settings,
        matchers,
        now,
    )
}

/// [`compact_verdict_of`], the account decoded into `scratch` (reused across
/// calls: no new strings per account).
fn compact_verdict_into(
    memory: &Memory,
    key: &AccountKey,
    scratch: &mut Account,
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> Option<CompactVerdict> {
    memory.with_subject(key.0.as_deref(), key.1.as_deref(), scratch, |s| {
        compact_of_subject(s, settings, matchers, now)
    })
}

/// One remembered account's compact verdict, on the numeric fast path.
fn compact_of_subject(
    subject: &crate::signals::Subject,
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> CompactVerdict {
    let fast = score::score_compact(subject, settings, matchers, now);
    CompactVerdict {
        id: subject.account.id.clone(),
        handle: subject.account.handle.clone(),
        score: fast.score,
        level: fast.level,
        confidence: fast.confidence.label,
        confidence_value: fast.confidence.value,
    }
}

/// What `fb:verdicts` answers by default: for each request line (see
/// [`verdict_request_lines`]), in order, the page's facts remembered (unless
/// they add nothing) and the account's compact verdict, or `None` where
/// nothing is known of it. Also whether memory changed (a save is due).
pub fn remember_and_score_compact(
    memory: &mut Memory,
    lines: &str,
    settings: &Settings,
    matchers: &Matchers,
    now: i64,
) -> (Vec<Option<CompactVerdict>>, bool) {
    let mut changed = false;
    let mut scratch = Account::default();
    let mut answers = Vec::new();
    for request in verdict_request_lines(lines) {
        answers.push(request.and_then(|request| {
            let (key, remembered) = remember_shown(memory, request, now);
            changed |= remembered;
            compact_verdict_into(memory, &key, &mut scratch, settings, matchers, now)
        }));
    }
    (answers, changed)
}

/// Answers in request order as the one JSON text that crosses to JavaScript:
/// `[[id, handle, score, level, label, value] | null, ...]` (`[]` for none).
pub fn compact_answers_json(answers: &[Option<CompactVerdict>]) -> String {
    json_out::to_json(answers)
}

/// An [`IngestReport`] as one JSON text (the `fb:payload` path: one string
/// out, its `verdicts` a JSON text inside it as [`compact_json`] writes it).
pub fn report_json(report: &IngestReport) -> String {
    json_out::to_json(report)
}

/// What `Engine.importMemory` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ImportReport {
    /// True when the saved memory was loaded.
    pub ok: bool,
    /// Why not, when it was not.
    pub error: Option<String>,
}

/// An interaction as the content script sends it: `at` in unix seconds, absent
/// when the page showed no time.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(remote = "Self")] // serde impls: read::objects
pub struct InteractionRequest {
    /// The acting account's handle (with or without `@`).
    pub handle: String,
    /// What it did.
    pub kind: InteractionKind,
    /// When, in unix seconds; absent when the page showed no time.
    #[serde(default)]
    pub at: Option<f64>,
}

/// What `Engine.rememberInteractions` and `Engine.rememberTweets` answer.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct RecordedReport {
    /// Items remembered.
    pub recorded: usize,
    /// Items not remembered (unreadable, repeated, no author).
    pub skipped: usize,
    /// Why items were skipped, one sentence each (some).
    pub warnings: Vec<String>,
}

impl RecordedReport {
    /// Counts one item, remembered or not.
    fn count(&mut self, recorded: bool) {
        if recorded {
            self.recorded += 1;
        } else {
            self.skipped += 1;
        }
    }

    /// Counts one skipped item and says why, while fewer than `max` warnings are written.
    fn skip_because(&mut self, why: String, max: usize) {
        self.skipped += 1;
        if self.warnings.len() < max {
            self.warnings.push(why);
        }
    }
}

/// Unreadable posts named one by one in the report before the rest are counted.
const MAX_TWEET_WARNINGS: usize = 5;

/// Remembers interactions read from the notifications page (each item a JSON
/// text that should be an [`InteractionRequest`]).
pub fn remember_interactions(memory: &mut Memory, items: Vec<String>, now: i64) -> RecordedReport {
    let mut report = RecordedReport::default();
    for item in items {
        match objects::from_text(&item, objects::interaction_request) {
            Err(e) => report.skip_because(
                format!("An interaction was not readable: {}.", e.reason()),
                usize::MAX,
            ),
            Ok(r) => match memory.remember_page_interaction(&r.handle, r.kind, r.at, now) {
                PageInteraction::NoValidHandle => report.skip_because(
                    "An interaction named no valid handle.".to_string(),
                    usize::MAX,
                ),
                done => report.count(done == PageInteraction::Recorded),
            },
        }
    }
    report
}

/// Remembers posts read from tweet articles (each item a JSON text that
/// should be a [`DomTweet`]); unreadable ones are skipped with a warning.
pub fn remember_tweets(memory: &mut Memory, items: Vec<String>, now: i64) -> RecordedReport {
    let mut report = RecordedReport::default();
    for item in items {
        let tweet = objects::from_text(&item, objects::dom_tweet)
            .map_err(|e| format!("A post was not readable: {}.", e.reason()))
            .and_then(|facts| tweet_from_dom(&facts).map_err(|e| format!("{e}.")));
        match tweet {
            Ok(t) => report.count(memory.remember_page_tweet(t, now)),
            Err(why) => report.skip_because(why, MAX_TWEET_WARNINGS),
        }
    }
    report
}

/// One remembered account, scored now: what the audit page exports.
#[derive(Serialize, Clone, Debug)]
pub struct RememberedVerdict<'a> {
    /// Its verdict under the current settings.
    pub verdict: Verdict,
    /// What is remembered of the account.
    pub account: &'a Account,
    /// Last time anything about the account was seen, unix seconds.
    pub seen_at: i64,
}

// JSON as the wasm writes it: the same text as the derives above
// (`tests/json_out_props.rs`), without serde's serializer.

impl WriteJson for Validation {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("ok", &self.ok)
            .field("errors", &self.errors)
            .field("settings", &self.settings)
            .end();
    }
}

impl WriteJson for SettingsReport {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("ok", &self.ok)
            .field("errors", &self.errors)
            .field("notices", &self.notices)
            .end();
    }
}

impl WriteJson for Repaired {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("settings", &self.settings)
            .field("notices", &self.notices)
            .end();
    }
}

impl WriteJson for IngestReport {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("accounts", &self.accounts)
            .field("tweets", &self.tweets)
            .field("interactions", &self.interactions)
            .field("unavailable", &self.unavailable)
            .field("warnings", &self.warnings)
            .some("viewer", &self.viewer)
            .field("verdicts", &self.verdicts)
            .end();
    }
}

/// `[id | null, handle, score, level, confidence label, confidence value]`,
/// as its `Serialize` writes it.
impl WriteJson for CompactVerdict {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.id.write_json(out);
        out.push(',');
        self.handle.write_json(out);
        out.push(',');
        self.score.write_json(out);
        out.push(',');
        self.level.write_json(out);
        out.push(',');
        self.confidence.write_json(out);
        out.push(',');
        self.confidence_value.write_json(out);
        out.push(']');
    }
}

impl WriteJson for ImportReport {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("ok", &self.ok)
            .field("error", &self.error)
            .end();
    }
}

impl WriteJson for RecordedReport {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("recorded", &self.recorded)
            .field("skipped", &self.skipped)
            .field("warnings", &self.warnings)
            .end();
    }
}

impl WriteJson for RememberedVerdict<'_> {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("verdict", &self.verdict)
            .field("account", self.account)
            .field("seen_at", &self.seen_at)
            .end();
    }
}

/// TypeScript declarations of the data the exports take and return, emitted
/// into `followback.d.ts` (the exports name them with `unchecked_*_type`).
/// Field names are those serde reads and writes; `tests/boundary_types.rs`
/// keeps them equal.
pub const TYPESCRIPT: &str = r#"
/** The verdict's band. */
export type Level = "follow_back" | "maybe" | "skip" | "not_enough_data";
export type ConfidenceLabel = "low" | "medium" | "high";
export interface Confidence { value: number; label: ConfidenceLabel; }
/**
 * A Rust-made sentence: `[id, ...args]`, `id` a key of `_locales/<lang>/messages.json`
 * (`$1`..`$9`); rendered in the browser's language by `shared/render-message.js`.
 */
export type Message = [string, ...MessageArg[]];
/**
 * One argument: an integer (grouped); `{n, d}` a number with `d` decimals; `{p}` a
 * share 0..1 as a whole percent; `{s}` signed points; `{t}` text from X (plain
 * text, bidi-isolated); `{l}` a list joined with ", "; or a nested message.
 */
export type MessageArg =
  | number
  | { n: number | null; d: number }
  | { p: number | null }
  | { s: number }
  | { t: string }
  | { l: MessageArg[] }
  | Message;
/** One signal's contribution, with everything the breakdown shows (as messages). */
export interface Evidence {
  signal: string;
  label: Message;
  /** What was seen; null when the signal had no data. */
  seen: Message | null;
  threshold: Message;
  points: number;
  weight: number;
  reason: Message;
}
/** The explained verdict on one account. */
export interface Verdict {
  handle: string;
  id: string | null;
  score: number;
  base: number;
  level: Level;
  confidence: Confidence;
  evidence: Evidence[];
}
/** Facts the content script lifted from the page for one account (strings as shown). */
export interface DomFacts {
  handle: string;
  id?: string | null;
  name?: string | null;
  bio?: string | null;
  location?: string | null;
  url?: string | null;
  followersText?: string | null;
  followingText?: string | null;
  joinedText?: string | null;
  followsYou?: boolean | null;
  youFollow?: boolean | null;
  defaultAvatar?: boolean | null;
  verified?: boolean | null;
  blueVerified?: boolean | null;
  verifiedType?: string | null;
  automated?: boolean | null;
  automatedBy?: string | null;
  parodyLabel?: string | null;
  avatarUrl?: string | null;
}
export interface DomLink { href: string; text?: string | null; title?: string | null; }
/** What one tweet article shows (strings as on the page). */
export interface DomTweet {
  statusHref: string;
  authorHref?: string | null;
  datetime?: string | null;
  text?: string | null;
  links?: DomLink[];
  repostedBy?: string | null;
  replyingTo?: string | null;
  quote?: boolean;
}
/** An account as remembered (facts not seen are left out). */
export interface Account {
  id?: string;
  handle: string;
  name?: string;
  bio?: string;
  location?: string;
  url?: string;
  created_at?: number;
  followers?: number;
  following?: number;
  tweets?: number;
  likes?: number;
  listed?: number;
  media?: number;
  default_avatar?: boolean;
  default_profile?: boolean;
  verified?: boolean;
  blue_verified?: boolean;
  verified_type?: string;
  identity_verified?: boolean;
  automated?: boolean;
  automated_by?: string;
  parody_label?: string;
  username_changes?: number;
  based_in?: string;
  protected?: boolean;
  follows_you?: boolean;
  you_follow?: boolean;
  observed_at?: number;
  source?: "graphql" | "page" | "file" | "memory";
}
export interface VerdictRequest { id?: string | null; handle?: string | null; dom?: DomFacts | null; }
export type InteractionKind = "followed" | "liked" | "reposted" | "replied" | "mentioned" | "messaged";
/** `at`: unix seconds, absent when the page showed no time. */
export interface InteractionRequest { handle: string; kind: InteractionKind; at?: number | null; }
export interface FieldError { id: string; message: string; }
/** Settings as saved: `{ version, values: { "<id>": value } }`. */
export interface StoredSettings { version: number; values: Record<string, unknown>; }
export interface Validation { ok: boolean; errors: FieldError[]; settings: StoredSettings | null; }
export interface SettingsReport { ok: boolean; errors: FieldError[]; notices: string[]; }
export interface Repaired { settings: StoredSettings; notices: string[]; }
/** The logged-in account as a response names it. */
export interface Viewer { handle: string; id?: string; }
/** `verdicts`: compact verdicts of the accounts the response told about, as JSON text
 *  `[[id | null, handle, score, level, confidence label, confidence value], ...]`; "" for none. */
export interface IngestReport { accounts: number; tweets: number; interactions: number; unavailable: number; warnings: string[]; viewer?: Viewer; verdicts: string; }
export interface ImportReport { ok: boolean; error: string | null; }
export interface RecordedReport { recorded: number; skipped: number; warnings: string[]; }
export interface RememberedVerdict { verdict: Verdict; account: Account; seen_at: number; }
/** One setting's schema entry. */
export interface SettingSpec {
  id: string;
  group: string;
  label: string;
  help: string;
  kind: "number" | "integer" | "bool" | "keywords";
  min: number | null;
  max: number | null;
  step: number | null;
  unit: string | null;
  default: unknown;
  source: string;
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn interactions_report_what_was_recorded_skipped_and_why() {
        let mut memory = Memory::new(10);
        let items = [
            json!({ "handle": "@ann", "kind": "liked" }),
            json!({ "handle": "ann", "kind": "liked" }),
            json!({ "handle": "not valid!", "kind": "liked" }),
            json!({ "handle": "bob", "kind": "waved" }),
            json!("junk"),
        ];
        let items = items.iter().map(|v| v.to_string()).collect();
        let report = remember_interactions(&mut memory, items, 1_000_000);
        assert_eq!((report.recorded, report.skipped), (1, 4));
        assert_eq!(report.warnings.len(), 3, "{:?}", report.warnings);
        assert!(report.warnings[0].contains("no valid handle"));
        assert!(report.warnings[1].starts_with("An interaction was not readable"));
        // The reason names the field (the hand-written reader, read::objects).
        assert!(
            report.warnings[1].contains("unknown variant `waved`")
                && report.warnings[1].ends_with(" in `kind`."),
            "{:?}",
            report.warnings
        );
        assert_eq!(
            report.warnings[2],
            "An interaction was not readable: invalid type: string \"junk\", expected an object."
        );
        let report = remember_tweets(&mut memory, vec![json!({ "statusHref": 5 }).to_string()], 1);
        assert_eq!(
            report.warnings,
            ["A post was not readable: invalid type: integer `5`, expected a string in `statusHref`."]
        );
    }

    #[test]
    fn tweets_report_at_most_five_warnings_and_count_the_rest() {
        let mut memory = Memory::new(10);
        let mut items: Vec<String> = (0..8)
            .map(|_| json!({ "statusHref": "/nowhere" }).to_string())
            .collect();
        items.push(json!({ "statusHref": "/dana/status/123", "text": "hello" }).to_string());
        let report = remember_tweets(&mut memory, items, 1_000_000);
        assert_eq!((report.recorded, report.skipped), (1, 8));
        assert_eq!(report.warnings.len(), MAX_TWEET_WARNINGS);
        assert_eq!(
            memory.get(None, Some("dana")).map(|e| e.tweets.len()),
            Some(1)
        );
    }
}
