//! wasm-bindgen exports for the service worker and extension pages: the only
//! place that knows about JavaScript. Every function takes and returns plain
//! JS values (via serde-wasm-bindgen) and never throws on bad data: it answers
//! with `{ ok: false, ... }`, warnings or notices instead.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::memory::Memory;
use crate::model::Account;
use crate::read::{self, dom::DomFacts};
use crate::score;
use crate::settings::{self, FieldError, Settings};
use crate::signals::prepared::Matchers;
use crate::signals::Subject;
use crate::verdict::Verdict;

fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A JS value as JSON, refusing nesting deeper than `read::depth::MAX_JS_DEPTH`
/// (and cycles): serde-wasm-bindgen's own recursion would overflow the stack
/// and trap the module. Every JS value is read through here or [`list_from_js`].
fn json_from_js(value: JsValue) -> Result<serde_json::Value, String> {
    read::depth::bounded_value(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|e| e.to_string())
}

/// A JS array as JSON values, item by item: an item too deep to read is
/// `null` (so answers keep their order); not an array: empty.
fn list_from_js(value: JsValue) -> Vec<serde_json::Value> {
    if !js_sys::Array::is_array(&value) {
        return Vec::new();
    }
    js_sys::Array::from(&value)
        .iter()
        .map(|item| json_from_js(item).unwrap_or(serde_json::Value::Null))
        .collect()
}

fn unix_seconds(now_ms: f64) -> i64 {
    if now_ms.is_finite() {
        (now_ms / 1000.0) as i64
    } else {
        0
    }
}

/// Settings from a JS value that may be null, corrupt or from an older version.
fn settings_from_js(value: JsValue) -> (Settings, Vec<String>) {
    if value.is_null() || value.is_undefined() {
        return (Settings::default(), Vec::new());
    }
    let json = match json_from_js(value) {
        Ok(v) => v.to_string(),
        Err(e) => {
            return (
                Settings::default(),
                vec![format!(
                    "Saved settings were unreadable ({e}); using defaults."
                )],
            )
        }
    };
    match Settings::from_json(&json) {
        Ok(loaded) => (loaded.settings, loaded.notices),
        Err(e) => (
            Settings::default(),
            vec![format!(
                "Saved settings were unreadable ({e}); using defaults."
            )],
        ),
    }
}

#[derive(Serialize)]
struct Validation {
    ok: bool,
    errors: Vec<FieldError>,
    settings: Option<serde_json::Value>,
}

fn validate_value(value: JsValue) -> Validation {
    let parsed = match json_from_js(value) {
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
            settings: serde_json::from_str(&s.to_json()).ok(),
        },
        Err(errors) => Validation {
            ok: false,
            errors,
            settings: None,
        },
    }
}

/// The settings schema: one entry per setting, in display order.
#[wasm_bindgen(js_name = settingsSchema)]
pub fn settings_schema() -> JsValue {
    to_js(&settings::schema())
}

/// The default settings as `{ version, values }`.
#[wasm_bindgen(js_name = defaultSettings)]
pub fn default_settings() -> JsValue {
    let json: serde_json::Value =
        serde_json::from_str(&Settings::default().to_json()).unwrap_or(serde_json::Value::Null);
    to_js(&json)
}

/// Strict validation for the options page: `{ ok, errors: [{id, message}], settings }`.
#[wasm_bindgen(js_name = validateSettings)]
pub fn validate_settings(value: JsValue) -> JsValue {
    to_js(&validate_value(value))
}

/// Scores one account object (the options page's live preview). Returns a
/// Verdict, or null when the account or settings cannot be read.
#[wasm_bindgen(js_name = scoreSample)]
pub fn score_sample(account: JsValue, settings: JsValue, now_ms: f64) -> JsValue {
    let Ok(account) = json_from_js(account)
        .and_then(|v| serde_json::from_value::<Account>(v).map_err(|e| e.to_string()))
    else {
        return JsValue::NULL;
    };
    let (settings, _) = settings_from_js(settings);
    to_js(&score::score(
        &Subject::profile(&account),
        &settings,
        unix_seconds(now_ms),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VerdictRequest {
    id: Option<String>,
    handle: Option<String>,
    dom: Option<DomFacts>,
}

#[derive(Serialize)]
struct IngestReport {
    accounts: usize,
    tweets: usize,
    interactions: usize,
    unavailable: usize,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct SettingsReport {
    ok: bool,
    errors: Vec<FieldError>,
    notices: Vec<String>,
}

#[derive(Serialize)]
struct ImportReport {
    ok: bool,
    error: Option<String>,
}

/// The service worker's state: settings and what has been seen of each account.
#[wasm_bindgen]
pub struct Engine {
    settings: Settings,
    /// Keyword sets built from `settings`, rebuilt whenever they change.
    matchers: Matchers,
    notices: Vec<String>,
    memory: Memory,
}

#[wasm_bindgen]
impl Engine {
    /// A new engine; settings may be null, corrupt or old (defaults and notices then).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Engine {
        let (settings, notices) = settings_from_js(settings);
        Engine {
            matchers: Matchers::new(&settings),
            settings,
            notices,
            memory: Memory::default(),
        }
    }

    /// Notices from loading settings (repairs, migrations).
    pub fn notices(&self) -> JsValue {
        to_js(&self.notices)
    }

    /// Replaces the settings. Invalid settings are repaired to defaults per
    /// field, with notices; `errors` lists what strict validation found.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&mut self, value: JsValue) -> JsValue {
        let validation = validate_value(value.clone());
        let (settings, notices) = settings_from_js(value);
        self.matchers = Matchers::new(&settings);
        self.settings = settings;
        self.notices.clone_from(&notices);
        to_js(&SettingsReport {
            ok: validation.ok,
            errors: validation.errors,
            notices,
        })
    }

    /// Reads a response text X's page loaded and remembers what it holds:
    /// X's GraphQL shapes only, bounded (`read::read_page`; any page script can forge it).
    pub fn ingest(&mut self, text: &str, now_ms: f64) -> JsValue {
        let now = unix_seconds(now_ms);
        let report = match read::read_page(text) {
            Ok(mut obs) => {
                for a in &mut obs.accounts {
                    a.observed_at.get_or_insert(now);
                }
                let report = IngestReport {
                    accounts: obs.accounts.len(),
                    tweets: obs.tweets.len(),
                    interactions: obs.interactions.len(),
                    unavailable: obs.unavailable,
                    warnings: std::mem::take(&mut obs.warnings),
                };
                self.memory.remember(obs, now);
                report
            }
            Err(e) => IngestReport {
                accounts: 0,
                tweets: 0,
                interactions: 0,
                unavailable: 0,
                warnings: vec![e.to_string()],
            },
        };
        to_js(&report)
    }

    /// Verdicts for `[{ id?, handle?, dom? }]`, in the same order; null where
    /// nothing at all is known about an account.
    pub fn verdicts(&mut self, requests: JsValue, now_ms: f64) -> JsValue {
        let now = unix_seconds(now_ms);
        let requests = list_from_js(requests);
        let verdicts: Vec<Option<Verdict>> = requests
            .into_iter()
            .map(|r| {
                let request = serde_json::from_value::<VerdictRequest>(r).unwrap_or_default();
                self.verdict_for(request, now)
            })
            .collect();
        to_js(&verdicts)
    }

    fn verdict_for(&mut self, request: VerdictRequest, now: i64) -> Option<Verdict> {
        let dom_account = request.dom.as_ref().map(read::dom::account_from_dom);
        let handle = request
            .handle
            .clone()
            .or_else(|| dom_account.as_ref().map(|a| a.handle.clone()));
        let id = request
            .id
            .clone()
            .or_else(|| dom_account.as_ref().and_then(|a| a.id.clone()));
        if let Some(dom) = dom_account.filter(|d| !d.handle.is_empty()) {
            // Remembered (payload) facts win for counts; the page fills gaps and
            // is the fresher word on relationships.
            let merged = match self.memory.get(id.as_deref(), handle.as_deref()) {
                Some(known) => {
                    let mut base = known.account.clone();
                    base.fill_from(&dom);
                    base.follows_you = dom.follows_you.or(base.follows_you);
                    base.you_follow = dom.you_follow.or(base.you_follow);
                    base
                }
                None => dom,
            };
            self.memory.remember_account(merged, now);
        }
        let entry = self.memory.get(id.as_deref(), handle.as_deref())?;
        Some(score::score_with(
            &entry.subject(),
            &self.settings,
            &self.matchers,
            now,
        ))
    }

    /// Number of accounts remembered.
    #[wasm_bindgen(js_name = accountCount)]
    pub fn account_count(&self) -> usize {
        self.memory.len()
    }

    /// Everything remembered, as JSON text.
    #[wasm_bindgen(js_name = exportMemory)]
    pub fn export_memory(&self) -> String {
        self.memory.to_json()
    }

    /// Replaces memory with saved JSON; on error keeps the current memory.
    #[wasm_bindgen(js_name = importMemory)]
    pub fn import_memory(&mut self, text: &str) -> JsValue {
        let report = match Memory::from_json(text) {
            Ok(m) => {
                self.memory = m;
                ImportReport {
                    ok: true,
                    error: None,
                }
            }
            Err(e) => ImportReport {
                ok: false,
                error: Some(e.to_string()),
            },
        };
        to_js(&report)
    }
}

// ---- Re-scoring every remembered account (also the wasm scoring benchmark) ----
// Added by the bench engineer, kept apart from the contract methods above.

#[wasm_bindgen]
impl Engine {
    /// Scores every remembered account with the current settings and returns
    /// how many were scored (re-scoring after a settings change; benchmarks).
    #[wasm_bindgen(js_name = scoreRemembered)]
    pub fn score_remembered(&self, now_ms: f64) -> usize {
        let now = unix_seconds(now_ms);
        let mut scored = 0;
        for entry in self.memory.entries() {
            std::hint::black_box(score::score_with(
                &entry.subject(),
                &self.settings,
                &self.matchers,
                now,
            ));
            scored += 1;
        }
        scored
    }
}

// ---- Export of every remembered account with its verdict (audit page) ----

/// One remembered account, scored now: what the audit page exports.
#[derive(Serialize)]
struct RememberedVerdict<'a> {
    verdict: Verdict,
    account: &'a Account,
    /// Last time anything about the account was seen, unix seconds.
    seen_at: i64,
}

#[wasm_bindgen]
impl Engine {
    /// Every remembered account with its verdict under the current settings:
    /// `[{ verdict, account, seen_at }]` (the audit page's "export everything").
    #[wasm_bindgen(js_name = exportVerdicts)]
    pub fn export_verdicts(&self, now_ms: f64) -> JsValue {
        let now = unix_seconds(now_ms);
        let out: Vec<RememberedVerdict<'_>> = self
            .memory
            .entries()
            .map(|entry| RememberedVerdict {
                verdict: score::score_with(&entry.subject(), &self.settings, &self.matchers, now),
                account: &entry.account,
                seen_at: entry.last_seen,
            })
            .collect();
        to_js(&out)
    }
}

// ---- Interactions from the notifications page, and the memory cap ----
// Added by the interactions engineer, kept apart from the contract methods above.

/// An interaction as the content script sends it: `at` in unix seconds, absent
/// when the page showed no time.
#[derive(Deserialize)]
struct InteractionRequest {
    handle: String,
    kind: crate::model::InteractionKind,
    #[serde(default)]
    at: Option<f64>,
}

#[derive(Serialize)]
struct InteractionReport {
    recorded: usize,
    skipped: usize,
    warnings: Vec<String>,
}

/// A notification without a time seen again within this long is taken to be
/// the same notification, not a new interaction.
const UNTIMED_REPEAT_S: i64 = 24 * 60 * 60;

fn valid_handle(handle: &str) -> bool {
    !handle.is_empty()
        && handle.len() <= 15
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[wasm_bindgen]
impl Engine {
    /// Remembers `[{ handle, kind, at? }]` (kind: followed | liked | reposted |
    /// replied | mentioned | messaged; at: unix seconds). Without `at`, the
    /// interaction is dated `now`, unless one of the same kind was already
    /// recorded for that account in the last day (the same notification seen
    /// again). Returns `{ recorded, skipped, warnings }`; never throws.
    #[wasm_bindgen(js_name = rememberInteractions)]
    pub fn remember_interactions(&mut self, list: JsValue, now_ms: f64) -> JsValue {
        use crate::model::{Interaction, Source};
        let now = unix_seconds(now_ms);
        let items = list_from_js(list);
        let mut report = InteractionReport {
            recorded: 0,
            skipped: 0,
            warnings: Vec::new(),
        };
        for item in items {
            let request = match serde_json::from_value::<InteractionRequest>(item) {
                Ok(r) => r,
                Err(e) => {
                    report.skipped += 1;
                    report
                        .warnings
                        .push(format!("An interaction was not readable: {e}."));
                    continue;
                }
            };
            let handle = request.handle.trim_start_matches('@');
            if !valid_handle(handle) {
                report.skipped += 1;
                report
                    .warnings
                    .push("An interaction named no valid handle.".to_string());
                continue;
            }
            let timed = request
                .at
                .filter(|a| a.is_finite() && *a > 0.0)
                .map(|a| a as i64)
                .filter(|a| *a <= now + UNTIMED_REPEAT_S);
            if timed.is_none() {
                let repeat = self.memory.get(None, Some(handle)).is_some_and(|e| {
                    e.interactions.iter().any(|i| {
                        i.kind == request.kind && i.at.is_some_and(|a| a >= now - UNTIMED_REPEAT_S)
                    })
                });
                if repeat {
                    report.skipped += 1;
                    continue;
                }
            }
            self.memory.remember_interaction(
                Interaction {
                    handle: handle.to_string(),
                    kind: request.kind,
                    at: Some(timed.unwrap_or(now)),
                    source: Source::Page,
                    notification: None,
                },
                now,
            );
            report.recorded += 1;
        }
        to_js(&report)
    }

    /// Sets how many accounts are remembered (the least recently seen are
    /// evicted at once when it shrinks). With no number (null/undefined), the
    /// `memory.capacity` setting applies. Returns the cap now in force.
    #[wasm_bindgen(js_name = setCapacity)]
    pub fn set_capacity(&mut self, capacity: JsValue) -> usize {
        let wanted = capacity
            .as_f64()
            .filter(|c| c.is_finite() && *c >= 1.0)
            .map(|c| c as usize)
            .unwrap_or_else(|| usize::try_from(self.settings.memory_capacity).unwrap_or(1));
        self.memory.set_capacity(wanted);
        self.memory.capacity()
    }
}

// ---- Memory stats, clearing, and the exact repaired settings (options page) ----
// Added by the options engineer, kept apart from the contract methods above.

#[wasm_bindgen]
impl Engine {
    /// Forgets every remembered account (the cap is kept).
    #[wasm_bindgen(js_name = clearMemory)]
    pub fn clear_memory(&mut self) {
        self.memory.clear();
    }

    /// How many accounts the memory keeps at most.
    #[wasm_bindgen(js_name = memoryCapacity)]
    pub fn memory_capacity(&self) -> usize {
        self.memory.capacity()
    }
}

/// What `repairSettings` answers: the settings the service worker would use
/// for a stored value, and the notices for what was repaired.
#[derive(Serialize)]
struct Repaired {
    settings: Settings,
    notices: Vec<String>,
}

/// The settings the service worker uses for a stored value that may be null,
/// corrupt or old (the tolerant `Settings::from_json` path):
/// `{ settings: { version, values }, notices: [..] }`. Never throws.
#[wasm_bindgen(js_name = repairSettings)]
pub fn repair_settings(value: JsValue) -> JsValue {
    let (settings, notices) = settings_from_js(value);
    to_js(&Repaired { settings, notices })
}

// ---- Recent posts read from tweet articles on profile pages ----
// Added by the DOM-timeline engineer, kept apart from the contract methods above.

#[derive(Serialize)]
struct TweetsReport {
    recorded: usize,
    skipped: usize,
    warnings: Vec<String>,
}

/// Unreadable posts named one by one in the report before the rest are counted.
const MAX_TWEET_WARNINGS: usize = 5;

#[wasm_bindgen]
impl Engine {
    /// Remembers posts the content script lifted from tweet articles
    /// (`[{ statusHref, authorHref?, datetime?, text?, links?, repostedBy?,
    /// replyingTo?, quote? }]`, see `read::dom_tweet::DomTweet`) under their
    /// author (a repost under the reposter), as facts from the page. Unreadable
    /// entries are skipped with a warning; the same post already known from
    /// X's data is not replaced. Returns `{ recorded, skipped, warnings }`;
    /// never throws.
    #[wasm_bindgen(js_name = rememberTweets)]
    pub fn remember_tweets(&mut self, list: JsValue, now_ms: f64) -> JsValue {
        use crate::read::dom_tweet::{tweet_from_dom, DomTweet};
        let now = unix_seconds(now_ms);
        let items = list_from_js(list);
        let mut report = TweetsReport {
            recorded: 0,
            skipped: 0,
            warnings: Vec::new(),
        };
        for item in items {
            let tweet = serde_json::from_value::<DomTweet>(item)
                .map_err(|e| format!("A post was not readable: {e}."))
                .and_then(|facts| tweet_from_dom(&facts).map_err(|e| format!("{e}.")));
            let tweet = match tweet {
                Ok(t) => t,
                Err(message) => {
                    report.skipped += 1;
                    if report.warnings.len() < MAX_TWEET_WARNINGS {
                        report.warnings.push(message);
                    }
                    continue;
                }
            };
            let Some(handle) = tweet.author_handle.clone() else {
                report.skipped += 1;
                continue;
            };
            // A post is evidence enough that its author exists.
            if self.memory.get(None, Some(&handle)).is_none() {
                self.memory.remember_account(
                    Account::with_handle(handle, crate::model::Source::Page),
                    now,
                );
            }
            self.memory.remember_tweet(tweet, now);
            report.recorded += 1;
        }
        to_js(&report)
    }
}
