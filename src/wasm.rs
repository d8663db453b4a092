//! wasm-bindgen exports for the service worker and extension pages: the only
//! place that knows about JavaScript. Every function takes and returns plain
//! JS values (crossing as JSON text: `JSON.stringify` in, `JSON.parse` out,
//! read by serde_json straight into the Rust types) and never throws on bad data: it answers
//! with `{ ok: false, ... }`, warnings or notices instead. The shapes are in
//! `boundary`, and their TypeScript declarations go into `followback.d.ts`.
//!
//! Grouped by concept: settings (free functions), then the `Engine`: its
//! settings, reading X's data and scoring, page facts, memory, and audit.

use wasm_bindgen::prelude::*;

use crate::boundary::{
    self, unix_seconds, ImportReport, IngestReport, RememberedVerdict, Repaired, SettingsReport,
    Validation, VerdictRequest,
};
use crate::json_out::{Obj, WriteJson};
use crate::memory::Memory;
use crate::prepared::Matchers;
use crate::read;
use crate::score;
use crate::settings::{self, FieldError, Settings};
use crate::signals::Subject;
use crate::verdict::Verdict;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = boundary::TYPESCRIPT;

/// The few JavaScript built-ins the exports call, declared here rather than
/// taken from js-sys: every import js-sys declares leaves its description
/// (and closure shims) in the wasm, used or not.
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// A JS array.
        #[wasm_bindgen(js_name = Array)]
        pub type Array;
        /// `new Array()`.
        #[wasm_bindgen(constructor, js_class = Array)]
        pub fn new() -> Array;
        /// `Array.from(value)`.
        #[wasm_bindgen(static_method_of = Array, js_class = Array)]
        pub fn from(value: &JsValue) -> Array;
        /// `Array.isArray(value)`.
        #[wasm_bindgen(static_method_of = Array, js_class = Array, js_name = isArray)]
        pub fn is_array(value: &JsValue) -> bool;
        /// `Array.of(a, b)`.
        #[wasm_bindgen(static_method_of = Array, js_class = Array, js_name = of)]
        pub fn of2(a: &JsValue, b: &JsValue) -> Array;
        /// `array.length`.
        #[wasm_bindgen(method, getter)]
        pub fn length(this: &Array) -> u32;
        /// `array[index]`.
        #[wasm_bindgen(method, indexing_getter)]
        pub fn get(this: &Array, index: u32) -> JsValue;
        /// `array.push(value)`.
        #[wasm_bindgen(method)]
        pub fn push(this: &Array, value: &JsValue) -> u32;

        /// A JS `Error`.
        pub type Error;
        /// `error.message`.
        #[wasm_bindgen(method, getter)]
        pub fn message(this: &Error) -> JsValue;

        /// A JS `Uint8Array`.
        pub type Uint8Array;
        /// `new Uint8Array(bytes)`: a copy of the bytes.
        #[wasm_bindgen(constructor)]
        pub fn new(bytes: &[u8]) -> Uint8Array;

        /// `JSON.parse(text)`.
        #[wasm_bindgen(catch, js_namespace = JSON)]
        pub fn parse(text: &str) -> Result<JsValue, JsValue>;
        /// `JSON.stringify(value)`: a string, or undefined.
        #[wasm_bindgen(catch, js_namespace = JSON)]
        pub fn stringify(value: &JsValue) -> Result<JsValue, JsValue>;
        /// `Object.values(value)`.
        #[wasm_bindgen(catch, js_namespace = Object, js_name = values)]
        pub fn object_values(value: &JsValue) -> Result<Array, JsValue>;
        /// `Reflect.set(target, key, value)`.
        #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
        pub fn reflect_set(target: &JsValue, key: &str, value: &JsValue) -> Result<bool, JsValue>;
    }

    impl Array {
        /// The items, one at a time.
        pub fn items(&self) -> impl Iterator<Item = JsValue> + '_ {
            (0..self.length()).map(|i| self.get(i))
        }
    }
}

/// A value as a plain JS value: its JSON text ([`crate::json_out`], the
/// same text serde_json writes) parsed by the engine (one boundary crossing).
fn to_js<T: WriteJson + ?Sized>(value: &T) -> JsValue {
    js::parse(&crate::json_out::to_json(value)).unwrap_or(JsValue::NULL)
}

/// A JS value as JSON text (`JSON.stringify`), once its arrays and objects
/// are known to nest at most `read::depth::MAX_JS_DEPTH` deep and to hold at
/// most `read::depth::MAX_JS_VALUES` values in all: a deeper (or cyclic) value
/// is refused with a message before `JSON.stringify` could overflow the stack,
/// and a small object graph sharing its children (an exponentially large tree)
/// before its text is built. Every JS value is read through here, [`json_of`]
/// or [`list_of`]; Rust then reads the text straight into its type.
fn json_from_js(value: &JsValue) -> Result<String, String> {
    read::depth::check_bounds(value)?;
    match js::stringify(value) {
        // `undefined` (and a function) have no JSON text: null, as in an array.
        Ok(text) => Ok(text.as_string().unwrap_or_else(|| "null".to_string())),
        Err(e) => Err(js_error_text(&e)),
    }
}

/// The message of a thrown JS value.
fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js::Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "not JSON".to_string())
}

/// What `JSON.stringify` walks: an array's items, an object's own enumerable values.
impl read::depth::Nested for JsValue {
    fn is_compound(&self) -> bool {
        self.is_object()
    }

    fn each_child(&self, each: &mut dyn FnMut(&Self) -> Result<(), String>) -> Result<(), String> {
        let children = if js::Array::is_array(self) {
            js::Array::from(self)
        } else {
            js::object_values(self).map_err(|e| js_error_text(&e))?
        };
        let result = children.items().try_for_each(|child| each(&child));
        result
    }
}

/// A JS value as JSON text: `None` for null/undefined, `Err` (why) when it is
/// not JSON-shaped or nested too deep.
fn json_of(value: &JsValue) -> Option<Result<String, String>> {
    if value.is_null() || value.is_undefined() {
        return None;
    }
    Some(json_from_js(value))
}

/// A JS value as an untyped JSON value (settings documents, walked by the
/// settings code), or why it cannot be read.
fn value_from_js(value: &JsValue) -> Result<serde_json::Value, String> {
    json_from_js(value)
        .and_then(|text| crate::read::value_from_str(&text).map_err(|e| e.reason().to_string()))
}

/// A JS array as JSON texts, item by item: an item too deep to read is
/// `null` (so answers keep their order); not an array: empty.
fn list_of(value: &JsValue) -> Vec<String> {
    if !js::Array::is_array(value) {
        return Vec::new();
    }
    let mut texts = Vec::new();
    for item in js::Array::from(value).items() {
        texts.push(json_from_js(&item).unwrap_or_else(|_| "null".to_string()));
    }
    texts
}

/// Settings from a JS value that may be null, corrupt or from an older version.
fn settings_from_js(value: &JsValue) -> (Settings, Vec<String>) {
    boundary::settings_from_text(json_of(value))
}

// ---- Settings (options page) -------------------------------------------------

/// The settings schema: one entry per setting, in display order.
#[wasm_bindgen(js_name = settingsSchema, unchecked_return_type = "SettingSpec[]")]
pub fn settings_schema() -> JsValue {
    to_js(&settings::schema())
}

/// The default settings as `{ version, values }`.
#[wasm_bindgen(js_name = defaultSettings, unchecked_return_type = "StoredSettings")]
pub fn default_settings() -> JsValue {
    js::parse(&Settings::default().to_json()).unwrap_or(JsValue::NULL)
}

/// Strict validation for the options page: `{ ok, errors: [{id, message}], settings }`.
#[wasm_bindgen(js_name = validateSettings, unchecked_return_type = "Validation")]
pub fn validate_settings(value: JsValue) -> JsValue {
    to_js(&Validation::of(value_from_js(&value)))
}

/// The settings the service worker uses for a stored value that may be null,
/// corrupt or old (the tolerant `Settings::from_json` path):
/// `{ settings: { version, values }, notices: [..] }`. Never throws.
#[wasm_bindgen(js_name = repairSettings, unchecked_return_type = "Repaired")]
pub fn repair_settings(value: JsValue) -> JsValue {
    let (settings, notices) = settings_from_js(&value);
    to_js(&Repaired { settings, notices })
}

/// Scores one account object (the options page's live preview). Returns a
/// Verdict, or null when the account or settings cannot be read.
#[wasm_bindgen(js_name = scoreSample, unchecked_return_type = "Verdict | null")]
pub fn score_sample(
    #[wasm_bindgen(unchecked_param_type = "Account")] account: JsValue,
    #[wasm_bindgen(unchecked_param_type = "StoredSettings | null")] settings: JsValue,
    now_ms: f64,
) -> JsValue {
    let Some(account) = json_from_js(&account)
        .ok()
        .and_then(|text| read::objects::from_text(&text, read::objects::account).ok())
    else {
        return JsValue::NULL;
    };
    let (settings, _) = settings_from_js(&settings);
    to_js(&score::score(
        &Subject::profile(&account),
        &settings,
        unix_seconds(now_ms),
    ))
}

// Safe restore of the settings export file.

/// What `checkSettingsImport` answers: either a plan (`ok: true`) or why the
/// file is refused (`ok: false`, `reason`, `message`, `errors`).
struct ImportCheck {
    ok: bool,
    reason: Option<&'static str>,
    message: Option<String>,
    errors: Vec<FieldError>,
    settings: Option<Settings>,
    changed: Vec<String>,
    legacy: bool,
    notices: Vec<String>,
}

impl WriteJson for ImportCheck {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("ok", &self.ok)
            .field("reason", &self.reason)
            .field("message", &self.message)
            .field("errors", &self.errors)
            .field("settings", &self.settings)
            .field("changed", &self.changed)
            .field("legacy", &self.legacy)
            .field("notices", &self.notices)
            .end();
    }
}

/// Checks a parsed import file against the current settings (`{version, values}`,
/// read tolerantly) without applying anything. Never throws.
#[wasm_bindgen(js_name = checkSettingsImport)]
pub fn check_settings_import(file: JsValue, current: JsValue) -> JsValue {
    let (current, _) = settings_from_js(&current);
    let doc = value_from_js(&file).unwrap_or(serde_json::Value::Null);
    let answer = match settings::check_import(&doc, &current) {
        Ok(plan) => ImportCheck {
            ok: true,
            reason: None,
            message: None,
            errors: Vec::new(),
            settings: Some(plan.settings),
            changed: plan.changed,
            legacy: plan.legacy,
            notices: plan.notices,
        },
        Err(rejection) => ImportCheck {
            ok: false,
            reason: Some(rejection.kind()),
            message: Some(rejection.to_string()),
            errors: rejection.errors().to_vec(),
            settings: None,
            changed: Vec::new(),
            legacy: false,
            notices: Vec::new(),
        },
    };
    to_js(&answer)
}

/// The settings export file: `{ format, version, values, overrides }`.
#[wasm_bindgen(js_name = settingsExportFile)]
pub fn settings_export_file(current: JsValue, overrides: JsValue) -> JsValue {
    let (current, _) = settings_from_js(&current);
    let overrides = value_from_js(&overrides).unwrap_or(serde_json::Value::Null);
    to_js(&settings::export_document(&current, &overrides))
}

// ---- The engine: the service worker's state ----------------------------------

/// The service worker's state: settings and what has been seen of each account.
#[wasm_bindgen]
pub struct Engine {
    settings: Settings,
    /// Keyword sets built from `settings`, rebuilt whenever they change.
    matchers: Matchers,
    notices: Vec<String>,
    memory: Memory,
}

impl Engine {
    fn score(&self, subject: &Subject<'_>, now: i64) -> Verdict {
        score::score_with(subject, &self.settings, &self.matchers, now)
    }

    /// Score, level and confidence only: the numeric fast path (no words).
    fn score_compact(&self, subject: &Subject<'_>, now: i64) -> score::CompactVerdict {
        score::score_compact(subject, &self.settings, &self.matchers, now)
    }
}

// Settings.
#[wasm_bindgen]
impl Engine {
    /// A new engine; settings may be null, corrupt or old (defaults and notices then).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "StoredSettings | null")] settings: JsValue,
    ) -> Engine {
        let (settings, notices) = settings_from_js(&settings);
        Engine {
            matchers: Matchers::new(&settings),
            settings,
            notices,
            memory: Memory::default(),
        }
    }

    /// Notices from loading settings (repairs, migrations).
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn notices(&self) -> JsValue {
        to_js(&self.notices)
    }

    /// Replaces the settings. Invalid settings are repaired to defaults per
    /// field, with notices; `errors` lists what strict validation found.
    #[wasm_bindgen(js_name = setSettings, unchecked_return_type = "SettingsReport")]
    pub fn set_settings(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "StoredSettings | null")] value: JsValue,
    ) -> JsValue {
        let text = json_of(&value);
        let validation = Validation::of(match &text {
            None => Ok(serde_json::Value::Null),
            Some(Ok(text)) => crate::read::value_from_str(text).map_err(|e| e.reason().to_string()),
            Some(Err(e)) => Err(e.clone()),
        });
        let (settings, notices) = boundary::settings_from_text(text);
        self.matchers = Matchers::new(&settings);
        self.settings = settings;
        self.notices.clone_from(&notices);
        to_js(&SettingsReport {
            ok: validation.ok,
            errors: validation.errors,
            notices,
        })
    }
}

// Reading X's data and scoring what the page shows.
#[wasm_bindgen]
impl Engine {
    /// Reads a response text X's page loaded and remembers what it holds. With
    /// `verdicts` true (the service worker), also scores every account it told
    /// about: the report's `verdicts` carries their compact verdicts as one
    /// JSON text (badges drawn before the rows); otherwise it is "".
    #[wasm_bindgen(unchecked_return_type = "IngestReport")]
    pub fn ingest(&mut self, text: &str, now_ms: f64, verdicts: Option<bool>) -> JsValue {
        to_js(&self.ingest_report(text, now_ms, verdicts == Some(true)))
    }

    /// [`Engine::ingest`] with verdicts, answered as one JSON text (an
    /// `IngestReport`): the service worker's `fb:payload` path, with no
    /// conversion to JS objects.
    #[wasm_bindgen(js_name = ingestJson)]
    pub fn ingest_json(&mut self, text: &str, now_ms: f64) -> String {
        boundary::report_json(&self.ingest_report(text, now_ms, true))
    }

    fn ingest_report(&mut self, text: &str, now_ms: f64, verdicts: bool) -> IngestReport {
        let now = unix_seconds(now_ms);
        match read::read_page(text) {
            Ok(mut obs) => {
                for a in &mut obs.accounts {
                    a.observed_at.get_or_insert(now);
                }
                let mut report = IngestReport::of(&mut obs);
                let touched = if verdicts {
                    boundary::touched_accounts(&obs)
                } else {
                    Vec::new()
                };
                self.memory.remember(obs, now);
                let compact = boundary::compact_verdicts_for_page(
                    &self.memory,
                    &touched,
                    &self.settings,
                    &self.matchers,
                    now,
                );
                report.verdicts = boundary::compact_json(&compact);
                report
            }
            Err(e) => IngestReport::unreadable(e.to_string()),
        }
    }

    /// For `[{ id?, handle?, dom? }]`, in the same order: first remembers what
    /// the page shows of each account (`dom`, unless it shows nothing new),
    /// then scores it from everything remembered, with every evidence line;
    /// null where nothing at all is known about an account. What the
    /// breakdown asks for (`fb:verdicts` with `full: true`).
    #[wasm_bindgen(js_name = rememberAndScore, unchecked_return_type = "(Verdict | null)[]")]
    pub fn remember_and_score(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "VerdictRequest[]")] requests: JsValue,
        now_ms: f64,
    ) -> JsValue {
        let now = unix_seconds(now_ms);
        let mut verdicts: Vec<Option<Verdict>> = Vec::new();
        for r in list_of(&requests) {
            let request =
                read::objects::from_text(&r, read::objects::verdict_request).unwrap_or_default();
            let (key, _) = boundary::remember_shown(&mut self.memory, request, now);
            let entry = self.memory.get(key.0.as_deref(), key.1.as_deref());
            verdicts.push(entry.map(|entry| self.score(&entry.subject(), now)));
        }
        to_js(&verdicts)
    }

    /// What a badge needs, for many rows at once and at little cost: the
    /// requests as one JSON text per line (`VerdictRequest`), answered in the
    /// same order as one JSON text `[[id | null, handle, score, level,
    /// confidence label, confidence value] | null, ...]` on the numeric fast
    /// path (null where nothing is known of the account, or a line is not a
    /// readable request). The page's facts are remembered as by
    /// `rememberAndScore`, unless they show nothing new.
    #[wasm_bindgen(js_name = rememberAndScoreCompact)]
    pub fn remember_and_score_compact(&mut self, requests: &str, now_ms: f64) -> String {
        let (answers, _) = boundary::remember_and_score_compact(
            &mut self.memory,
            requests,
            &self.settings,
            &self.matchers,
            unix_seconds(now_ms),
        );
        boundary::compact_answers_json(&answers)
    }
}

// Facts read from the page itself (notifications, tweet articles).
#[wasm_bindgen]
impl Engine {
    /// Remembers `[{ handle, kind, at? }]` (kind: followed | liked | reposted |
    /// replied | mentioned | messaged; at: unix seconds). Without `at`, the
    /// interaction is dated `now`, unless one of the same kind was already
    /// recorded for that account in the last day (the same notification seen
    /// again). Returns `{ recorded, skipped, warnings }`; never throws.
    #[wasm_bindgen(js_name = rememberInteractions, unchecked_return_type = "RecordedReport")]
    pub fn remember_interactions(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "InteractionRequest[]")] list: JsValue,
        now_ms: f64,
    ) -> JsValue {
        let report =
            boundary::remember_interactions(&mut self.memory, list_of(&list), unix_seconds(now_ms));
        to_js(&report)
    }

    /// Remembers posts the content script lifted from tweet articles
    /// (`[DomTweet]`) under their author (a repost under the reposter), as
    /// facts from the page. Unreadable entries are skipped with a warning; the
    /// same post already known from X's data is not replaced. Returns
    /// `{ recorded, skipped, warnings }`; never throws.
    #[wasm_bindgen(js_name = rememberTweets, unchecked_return_type = "RecordedReport")]
    pub fn remember_tweets(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "DomTweet[]")] list: JsValue,
        now_ms: f64,
    ) -> JsValue {
        let report =
            boundary::remember_tweets(&mut self.memory, list_of(&list), unix_seconds(now_ms));
        to_js(&report)
    }
}

// Memory: size, cap, saving and restoring, clearing.
#[wasm_bindgen]
impl Engine {
    /// Number of accounts remembered.
    #[wasm_bindgen(js_name = accountCount)]
    pub fn account_count(&self) -> usize {
        self.memory.len()
    }

    /// How many accounts the memory keeps at most.
    #[wasm_bindgen(js_name = memoryCapacity)]
    pub fn memory_capacity(&self) -> usize {
        self.memory.capacity()
    }

    /// Sets how many accounts are remembered (the least recently seen are
    /// evicted at once when it shrinks). With no number (null/undefined), the
    /// `memory.capacity` setting applies. Returns the cap now in force.
    #[wasm_bindgen(js_name = setCapacity)]
    pub fn set_capacity(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | null")] capacity: JsValue,
    ) -> usize {
        let wanted = capacity
            .as_f64()
            .filter(|c| c.is_finite() && *c >= 1.0)
            .map(|c| c as usize)
            .unwrap_or_else(|| usize::try_from(self.settings.memory_capacity).unwrap_or(1));
        self.memory.set_capacity(wanted);
        self.memory.capacity()
    }

    /// Everything remembered, as JSON text.
    #[wasm_bindgen(js_name = exportMemory)]
    pub fn export_memory(&self) -> String {
        self.memory.to_json()
    }

    /// Replaces memory with saved JSON; on error keeps the current memory.
    #[wasm_bindgen(js_name = importMemory, unchecked_return_type = "ImportReport")]
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

    /// Forgets every remembered account (the cap is kept).
    #[wasm_bindgen(js_name = clearMemory)]
    pub fn clear_memory(&mut self) {
        self.memory.clear();
    }

    /// The memory records changed since the last call (IndexedDB saving,
    /// shared/memory-store.js), each record a `Uint8Array` of its own (the
    /// binary form); afterwards they count as written. When `pages` is an
    /// array the save is a compaction (see `MemoryChanges`).
    #[wasm_bindgen(js_name = takeMemoryChanges, unchecked_return_type = "MemoryChanges")]
    pub fn take_memory_changes(&mut self) -> JsValue {
        let changes = self.memory.take_changes_unpaged();
        changes_to_js(changes, &self.memory)
    }

    /// Replaces memory with every stored record in one batch (as
    /// `loadMemoryChunk` takes it); the cap is kept. Unreadable records are
    /// skipped (and deleted at the next save).
    #[wasm_bindgen(js_name = loadMemoryRecords, unchecked_return_type = "MemoryLoadReport")]
    pub fn load_memory_records(
        &mut self,
        keys: &str,
        values: &[u8],
        lengths: &[u32],
    ) -> Result<JsValue, JsError> {
        let records = records_of(keys, values, lengths)?;
        let capacity = self.memory.capacity();
        let (memory, report) = Memory::from_stored(capacity, records);
        self.memory = memory;
        Ok(to_js(&report))
    }

    /// Starts replacing memory with the stored records in chunks (the cap is
    /// kept): room is made for `expected` accounts; then `loadMemoryChunk`
    /// per batch, then `finishMemoryRestore`.
    #[wasm_bindgen(js_name = beginMemoryRestore)]
    pub fn begin_memory_restore(&mut self, expected: f64) {
        let expected = if expected.is_finite() && expected > 0.0 {
            expected as usize
        } else {
            0
        };
        self.memory.restore_begin(expected);
    }

    /// One batch of stored records (batches in key order): `keys` the JSON
    /// `[accounts, tweets, interactions]` lists of keys, `values` every
    /// record's bytes one after the other in that order (binary records, or
    /// the older JSON text as UTF-8), `lengths` each record's byte length.
    /// Throws, changing nothing, when the three do not agree.
    #[wasm_bindgen(js_name = loadMemoryChunk)]
    pub fn load_memory_chunk(
        &mut self,
        keys: &str,
        values: &[u8],
        lengths: &[u32],
    ) -> Result<(), JsError> {
        let records = records_of(keys, values, lengths)?;
        self.memory.restore_records(records);
        Ok(())
    }

    /// Ends a chunked restore: what was restored and skipped.
    #[wasm_bindgen(js_name = finishMemoryRestore, unchecked_return_type = "MemoryLoadReport")]
    pub fn finish_memory_restore(&mut self) -> JsValue {
        to_js(&self.memory.restore_finish())
    }

    /// One page of the `pages` store (between `beginMemoryRestore` and
    /// `finishMemoryRestore`, before `forgetMemoryKeys` and the loose
    /// records): its entries load as `loadMemoryChunk` would load their
    /// records. A damaged page is skipped, counted in `skipped`, and the next
    /// save compacts. False when it was skipped.
    #[wasm_bindgen(js_name = loadMemoryPage)]
    pub fn load_memory_page(&mut self, bytes: &[u8]) -> bool {
        self.memory.restore_page(bytes)
    }

    /// During a restore, after the pages: takes out the entries under the
    /// `gone` store's keys (`keysJson` a JSON array of strings). Throws,
    /// changing nothing, when the text is not one.
    #[wasm_bindgen(js_name = forgetMemoryKeys)]
    pub fn forget_memory_keys(&mut self, keys_json: &str) -> Result<(), JsError> {
        self.memory
            .restore_forget_json(keys_json)
            .map(|_| ())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Loose values (loose records and tombstones) the store holds since its
    /// last pages, as the core counts them.
    #[wasm_bindgen(js_name = memoryLooseRecords)]
    pub fn memory_loose_records(&self) -> f64 {
        self.memory.loose_records() as f64
    }

    /// The loose values past which the next save compacts, for the memory in force.
    #[wasm_bindgen(js_name = memoryLooseLimit)]
    pub fn memory_loose_limit(&self) -> f64 {
        self.memory.loose_limit() as f64
    }

    /// Every record again at the next `takeMemoryChanges`, into an emptied
    /// store (after a failed save): that save is a compaction.
    #[wasm_bindgen(js_name = rewriteMemory)]
    pub fn rewrite_memory(&mut self) {
        self.memory.rewrite_all();
    }

    /// Bytes of the memory's stored records (as last handed out).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> f64 {
        self.memory.stored_bytes() as f64
    }

    /// Caps the bytes of the stored records (least recently seen evicted beyond it).
    #[wasm_bindgen(js_name = setMemoryMaxBytes)]
    pub fn set_memory_max_bytes(&mut self, max_bytes: f64) {
        if max_bytes.is_finite() && max_bytes >= 1.0 {
            self.memory.set_max_bytes(max_bytes as usize);
        }
    }
}

/// A batch of stored records from its three parts (`loadMemoryChunk`).
fn records_of<'a>(
    keys: &str,
    values: &'a [u8],
    lengths: &[u32],
) -> Result<crate::memory::Records<'a>, JsError> {
    let keys = read::objects::from_text(keys, read::objects::three_string_lists)
        .map_err(|e| JsError::new(&format!("the memory records' keys are not readable: {e}")))?;
    crate::memory::Records::split(keys, values, lengths).map_err(|e| JsError::new(&e.to_string()))
}

/// A save as JS: every record a `Uint8Array` of its own (IndexedDB stores it
/// as it is), `null` for a record to delete; a compaction's pages written
/// from `memory` one at a time, each copied out before the next is made.
fn changes_to_js(changes: crate::memory::Changes, memory: &Memory) -> JsValue {
    let mut rest = String::new();
    Obj::new(&mut rest)
        .field("clear", &changes.clear)
        .field("deleted", &changes.deleted)
        .field("evicted", &changes.evicted)
        .field("bytes", &changes.bytes)
        .field("total", &changes.total)
        .end();
    let out = js::parse(&rest).unwrap_or(JsValue::NULL);
    let pages: JsValue = match &changes.pages {
        None => JsValue::NULL,
        Some(_) => {
            let pages = js::Array::new();
            for page in memory.pages() {
                pages.push(&js::Uint8Array::new(page.as_slice()));
            }
            pages.into()
        }
    };
    let _ = js::reflect_set(&out, "pages", &pages);
    let pair = |list: &js::Array, key: &str, record: Option<&[u8]>| {
        let value = record.map_or(JsValue::NULL, |r| js::Uint8Array::new(r).into());
        list.push(&js::Array::of2(&JsValue::from_str(key), &value));
    };
    let accounts = js::Array::new();
    for (k, r) in &changes.accounts {
        pair(&accounts, k, Some(r));
    }
    let tweets = js::Array::new();
    for (k, r) in &changes.tweets {
        pair(&tweets, k, r.as_deref());
    }
    let interactions = js::Array::new();
    for (k, r) in &changes.interactions {
        pair(&interactions, k, r.as_deref());
    }
    for (name, list) in [
        ("accounts", accounts),
        ("tweets", tweets),
        ("interactions", interactions),
    ] {
        let _ = js::reflect_set(&out, name, &list);
    }
    out
}

#[wasm_bindgen(typescript_custom_section)]
const MEMORY_RECORDS_TS: &'static str = r#"
/** One save of the memory's records: `[key, record | null]` per store (null:
 * delete), each record a Uint8Array of its own.
 *
 * When `pages` is an array the save is a COMPACTION: `clear` is true, the
 * record lists and `deleted` are empty, and the store is emptied (accounts,
 * tweets, interactions, pages, gone) and page `i` put under key `i` (each an
 * opaque Uint8Array of about 1,000 entries, keys ascending). A caller that
 * ignores `pages` loses the memory at such a save. Otherwise `pages` is null
 * and every key in `deleted` is also kept as a tombstone (`gone`) until the
 * next compaction, and a key put is no longer one. */
export interface MemoryChanges {
  clear: boolean;
  pages: Uint8Array[] | null;
  accounts: [string, Uint8Array][];
  tweets: [string, Uint8Array | null][];
  interactions: [string, Uint8Array | null][];
  deleted: string[];
  evicted: number;
  bytes: number;
  total: number;
}
export interface MemoryLoadReport { loaded: number; skipped: number; }
"#;

// Every remembered account at once (audit export, re-scoring, benchmarks).
#[wasm_bindgen]
impl Engine {
    /// Every remembered account with its verdict under the current settings:
    /// `[{ verdict, account, seen_at }]` (the audit page's "export everything").
    #[wasm_bindgen(js_name = exportVerdicts, unchecked_return_type = "RememberedVerdict[]")]
    pub fn export_verdicts(&self, now_ms: f64) -> JsValue {
        let now = unix_seconds(now_ms);
        let entries: Vec<_> = self.memory.entries().collect();
        let mut out: Vec<RememberedVerdict<'_>> = Vec::with_capacity(entries.len());
        for entry in &entries {
            out.push(RememberedVerdict {
                verdict: self.score(&entry.subject(), now),
                account: &entry.account,
                seen_at: entry.last_seen,
            });
        }
        to_js(&out)
    }

    /// Scores every remembered account with the current settings and returns
    /// how many were scored (re-scoring after a settings change; benchmarks).
    #[wasm_bindgen(js_name = scoreRemembered)]
    pub fn score_remembered(&self, now_ms: f64) -> usize {
        let now = unix_seconds(now_ms);
        let mut scored = 0;
        for entry in self.memory.entries() {
            std::hint::black_box(self.score(&entry.subject(), now));
            scored += 1;
        }
        scored
    }

    /// Computes every remembered account's features (post statistics,
    /// keyword hits) for the current settings where they are not kept yet, and
    /// returns how many were computed: what the first scoring after an import
    /// or a settings change pays (idle time; benchmarks).
    #[wasm_bindgen(js_name = prepareFeatures)]
    pub fn prepare_features(&self) -> usize {
        let mut computed = 0;
        for entry in self.memory.entries() {
            if !entry.features.holds(&self.matchers) {
                entry.features.get(&entry.subject(), &self.matchers);
                computed += 1;
            }
        }
        computed
    }

    /// Like [`Engine::score_remembered`] on the numeric fast path (score,
    /// level and confidence, no evidence words): what a badge needs.
    #[wasm_bindgen(js_name = scoreRememberedCompact)]
    pub fn score_remembered_compact(&self, now_ms: f64) -> usize {
        let now = unix_seconds(now_ms);
        let mut scored = 0;
        self.memory.for_each_subject(|subject| {
            std::hint::black_box(self.score_compact(subject, now));
            scored += 1;
        });
        scored
    }
}

// ---- Self-check: how your own account looks (issue 13) ----
#[path = "wasm_selfcheck.rs"]
mod selfcheck;
