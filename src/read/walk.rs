//! Walks any JSON value for accounts and tweets: timelines (instructions and
//! entries), user results, tweet results, v1.1 objects and our own exports,
//! with a depth limit so hostile nesting cannot exhaust the stack.
//!
//! In [`Mode::Page`] (responses copied from X's page, which any page script
//! can forge) only X's GraphQL shapes are read, every fact is marked
//! [`Source::Graphql`], and the counts one payload may add are capped.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::bounds::MAX_TWEETS_PER_PAYLOAD;
use super::bounds::{self, MAX_ACCOUNTS_PER_PAYLOAD, MAX_INTERACTIONS_PER_PAYLOAD};
use super::json::{handle, str_of, typename};
use super::merge::AccountIndex;
use super::{dom, notification, tweet, user};
use crate::model::{Account, Interaction, InteractionKind, Observations, Source, Tweet};

/// Deepest nesting the walk follows; real GraphQL responses stay under 40.
pub const MAX_DEPTH: usize = 64;

/// What a reader accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Files, the CLI, exports: every supported shape, including the
    /// extension's own (memory entries, CLI lines, DOM facts) with their `source`.
    #[default]
    Any,
    /// A response copied from X's page: only X's GraphQL shapes (user results
    /// of each generation, timelines, tweets, notifications), never our own
    /// export shapes, never a `source` from the data; one JSON document, at
    /// most [`MAX_PAYLOAD_BYTES`](super::bounds::MAX_PAYLOAD_BYTES), with
    /// capped numbers of accounts, posts and interactions.
    Page,
}

/// Identity of an interaction within one payload: its kind, lower-case
/// handle, notification id and time as one text, each part after its length
/// (so two different identities never give one text). A set of texts shares
/// the hash table code of [`Collector`]'s post ids.
fn interaction_key(
    kind: InteractionKind,
    handle: &str,
    notification: Option<&str>,
    at: Option<i64>,
) -> String {
    let mut key = String::with_capacity(handle.len() + 24);
    key.push(char::from(b'0' + kind as u8));
    crate::json_out::uint(&mut key, handle.len() as u64);
    key.push(':');
    let start = key.len();
    key.push_str(handle);
    if let Some(added) = key.get_mut(start..) {
        added.make_ascii_lowercase();
    }
    match notification {
        Some(id) => {
            crate::json_out::uint(&mut key, id.len() as u64);
            key.push(':');
            key.push_str(id);
        }
        None => key.push('-'),
    }
    match at {
        Some(at) => crate::json_out::int(&mut key, at),
        None => key.push('-'),
    }
    key
}

/// Accumulates what the walk finds, merging the same account seen twice.
#[derive(Default)]
pub(crate) struct Collector {
    pub observations: Observations,
    index: AccountIndex,
    tweet_ids: HashSet<String>,
    interaction_keys: HashSet<String>,
    too_deep: bool,
    nameless: usize,
    mode: Mode,
    /// Accounts, posts and interactions left out over the page caps.
    over_accounts: usize,
    over_tweets: usize,
    over_interactions: usize,
    /// Source forced on everything read (the CLI reads files).
    pub force_source: Option<Source>,
    /// X reported errors in a GraphQL `errors` array.
    pub reported_errors: bool,
}

impl Collector {
    pub fn new(force_source: Option<Source>) -> Self {
        Collector {
            force_source,
            ..Collector::default()
        }
    }

    /// A collector for `mode`: [`Mode::Page`] marks everything [`Source::Graphql`].
    pub fn with_mode(mode: Mode, force_source: Option<Source>) -> Self {
        let force_source = match mode {
            Mode::Page => Some(Source::Graphql),
            Mode::Any => force_source,
        };
        Collector {
            mode,
            ..Collector::new(force_source)
        }
    }

    /// Always in the wasm: it reads only X's page (`read::read_page`; no export
    /// reads a file, and the CLI is not exported), so the file shapes' code
    /// (memory entries, CLI lines, DOM facts) is left out of it.
    fn page(&self) -> bool {
        cfg!(target_arch = "wasm32") || self.mode == Mode::Page
    }

    fn source(&self, natural: Source) -> Source {
        self.force_source.unwrap_or(natural)
    }

    /// Adds an account, merging it into an earlier one with the same id or handle.
    /// Returns the merged account's (id, handle).
    pub fn add_account(&mut self, mut account: Account) -> (Option<String>, Option<String>) {
        bounds::account(&mut account);
        if self.page()
            && self.index.accounts.len() >= MAX_ACCOUNTS_PER_PAYLOAD
            && self
                .index
                .find(account.id.as_deref(), Some(&account.handle))
                .is_none()
        {
            self.over_accounts += 1;
            return (None, None);
        }
        match self.index.add(account) {
            Some(i) => {
                let merged = self.index.accounts.get(i);
                (
                    merged.and_then(|a| a.id.clone()),
                    merged
                        .filter(|a| !a.handle.is_empty())
                        .map(|a| a.handle.clone()),
                )
            }
            None => {
                self.nameless += 1;
                (None, None)
            }
        }
    }

    /// Adds a tweet unless one with the same id was already added.
    pub fn add_tweet(&mut self, mut tweet: Tweet) {
        bounds::tweet(&mut tweet);
        if self.page() && self.observations.tweets.len() >= MAX_TWEETS_PER_PAYLOAD {
            self.over_tweets += 1;
            return;
        }
        if let Some(id) = &tweet.id {
            if !self.tweet_ids.insert(id.clone()) {
                return;
            }
        }
        self.observations.tweets.push(tweet);
    }

    /// Adds an interaction unless the same one was already added: the same
    /// kind by the same account in the same notification (X moves an
    /// aggregated notification's time), or, without a notification id, at
    /// the same time. One hash lookup each.
    pub fn add_interaction(&mut self, mut interaction: Interaction) {
        bounds::interaction(&mut interaction);
        if interaction.handle.is_empty() {
            return;
        }
        if self.page() && self.observations.interactions.len() >= MAX_INTERACTIONS_PER_PAYLOAD {
            self.over_interactions += 1;
            return;
        }
        let key = interaction_key(
            interaction.kind,
            &interaction.handle,
            interaction.notification.as_deref(),
            interaction
                .at
                .filter(|_| interaction.notification.is_none()),
        );
        if self.interaction_keys.insert(key) {
            self.observations.interactions.push(interaction);
        }
    }

    /// Final warnings about what was skipped.
    pub fn finish(mut self) -> Observations {
        self.observations.accounts = std::mem::take(&mut self.index.accounts);
        if self.too_deep {
            self.observations.warnings.push(format!(
                "Skipped parts nested deeper than {MAX_DEPTH} levels."
            ));
        }
        for (count, what, max) in [
            (self.over_accounts, "account(s)", MAX_ACCOUNTS_PER_PAYLOAD),
            (self.over_tweets, "post(s)", MAX_TWEETS_PER_PAYLOAD),
            (
                self.over_interactions,
                "interaction(s)",
                MAX_INTERACTIONS_PER_PAYLOAD,
            ),
        ] {
            if count > 0 {
                self.observations.warnings.push(format!(
                    "Skipped {count} {what} beyond the {max} one response may add."
                ));
            }
        }
        if self.nameless > 0 {
            self.observations.warnings.push(format!(
                "Skipped {} user object(s) with neither a handle nor an id.",
                self.nameless
            ));
        }
        self.observations
    }
}

/// Walks `v` for everything readable.
pub(crate) fn walk(v: &Value, depth: usize, c: &mut Collector) {
    if depth > MAX_DEPTH {
        c.too_deep = true;
        return;
    }
    match v {
        Value::Array(items) => {
            for item in items {
                walk(item, depth + 1, c);
            }
        }
        Value::Object(m) => visit_object(v, m, depth, c),
        _ => {}
    }
}

/// Recognises one object by its shape, or walks into its children.
fn visit_object(v: &Value, m: &Map<String, Value>, depth: usize, c: &mut Collector) {
    if let Some(Value::Array(instructions)) = m.get("instructions") {
        timeline(instructions, depth + 1, c);
        return;
    }
    match typename(m) {
        Some("UserUnavailable") => {
            c.observations.unavailable += 1;
            return;
        }
        Some("Tweet") | Some("TweetWithVisibilityResults") => {
            read_tweet(tweet::unwrap(v), depth, c);
            return;
        }
        _ if tweet::is_tombstone(m) => return,
        _ => {}
    }
    if user::is_graphql_user(v) {
        read_user(v, m, depth, c);
    } else if tweet::is_tweet(m) {
        read_tweet(v, depth, c);
    } else if c.page() {
        // X's page sends none of the shapes below: a payload holding them is
        // forged, and they are only walked through.
        for child in m.values() {
            walk(child, depth + 1, c);
        }
    } else if user::is_legacy_user(m) {
        let account = user::from_legacy(m, c.source(Source::File));
        c.add_account(account);
    } else if let Some(Value::Object(facts)) = m.get("facts").filter(|_| m.contains_key("handle")) {
        let account = user::from_facts(facts, Some(m), c.source(Source::File));
        c.add_account(account);
    } else if let Some(Value::Object(account)) = m.get("account") {
        remembered_entry(m, account, c);
    } else if dom::is_dom_facts(m) {
        if let Some(facts) = typed_from(v, super::objects::dom_facts) {
            let mut account = dom::account_from_dom(&facts);
            account.source = c.source(Source::Page);
            c.add_account(account);
        }
    } else if user::is_account_shaped(m) {
        let account = user::from_facts(m, None, c.source(Source::File));
        c.add_account(account);
    } else {
        for child in m.values() {
            walk(child, depth + 1, c);
        }
    }
}

/// Reads a GraphQL user, then walks its children other than its own facts:
/// a user object can wrap a whole timeline (the viewer around its
/// notifications, a list owner around the members). Returns its (id, handle).
fn read_user(
    v: &Value,
    m: &Map<String, Value>,
    depth: usize,
    c: &mut Collector,
) -> (Option<String>, Option<String>) {
    let account = user::from_graphql(v, c.source(Source::Graphql));
    let ids = c.add_account(account);
    for (key, child) in m {
        if !user::is_fact_key(key) && (child.is_object() || child.is_array()) {
            walk(child, depth + 1, c);
        }
    }
    ids
}

/// Reads a tweet and its author, then the tweets it reposts or quotes and the
/// users its link card and media name.
fn read_tweet(v: &Value, depth: usize, c: &mut Collector) {
    let (mut author_id, mut author_handle) = (None, None);
    if let Some(author) = tweet::author(v) {
        if let Some(m) = author.as_object().filter(|_| user::is_graphql_user(author)) {
            (author_id, author_handle) = read_user(author, m, depth + 1, c);
        } else if let Some(m) = author.as_object().filter(|m| user::is_legacy_user(m)) {
            let account = user::from_legacy(m, c.source(Source::Graphql));
            (author_id, author_handle) = c.add_account(account);
        } else {
            walk(author, depth + 1, c);
        }
    }
    let t = tweet::read(v, author_id, author_handle, c.source(Source::Graphql));
    c.add_tweet(t);
    let (reposted, quoted) = tweet::embedded(v);
    for inner in [reposted, quoted].into_iter().flatten() {
        walk(inner, depth + 1, c);
    }
    for nested in tweet::nested_users(v) {
        walk(nested, depth + 1, c);
    }
}

/// One `TimelineNotification`: its actors become accounts and, when its icon
/// names something done to the viewer, interactions; the posts acted on are walked.
fn read_notification(ic: &Value, depth: usize, c: &mut Collector) {
    let kind = notification::kind(ic);
    let at = notification::at_seconds(ic);
    let id = notification::id(ic);
    for u in notification::from_users(ic) {
        let Some(m) = u.as_object().filter(|_| user::is_graphql_user(u)) else {
            walk(u, depth + 1, c);
            continue;
        };
        let (_, handle) = read_user(u, m, depth + 1, c);
        if let (Some(kind), Some(handle)) = (kind, handle) {
            let source = c.source(Source::Graphql);
            c.add_interaction(Interaction {
                handle,
                kind,
                at,
                source,
                notification: id.clone(),
            });
        }
    }
    for target in notification::targets(ic) {
        walk(target, depth + 1, c);
    }
}

/// `T` read from a part of a file the walker holds as a value, by the one
/// reader `T` has (`read::objects`, the same for records and requests).
fn typed_from<T>(v: &Value, read: super::objects::Reader<T>) -> Option<T> {
    read(v.clone()).ok()
}

/// An entry of the extension's remembered memory: `{account, tweets, interactions}`.
fn remembered_entry(m: &Map<String, Value>, account: &Map<String, Value>, c: &mut Collector) {
    if account.get("handle").and_then(handle).is_none() && account.get("id").is_none() {
        return;
    }
    let a = user::from_facts(account, None, c.source(Source::Memory));
    // Saved memory leaves out a post's author when it is the entry's account.
    let author_id = a.id.clone();
    let author_handle = Some(a.handle.clone()).filter(|h| !h.is_empty());
    c.add_account(a);
    if let Some(Value::Array(tweets)) = m.get("tweets") {
        for t in tweets {
            if let Some(mut tweet) = typed_from(t, super::objects::tweet) {
                if tweet.author_id.is_none() && tweet.author_handle.is_none() {
                    tweet.author_id.clone_from(&author_id);
                    tweet.author_handle.clone_from(&author_handle);
                }
                tweet.source = c.source(tweet.source);
                c.add_tweet(tweet);
            }
        }
    }
    if let Some(Value::Array(items)) = m.get("interactions") {
        for i in items {
            if let Some(mut interaction) = typed_from(i, super::objects::interaction) {
                interaction.source = c.source(interaction.source);
                c.add_interaction(interaction);
            }
        }
    }
}

/// Timeline instruction types that add entries (the rest are ignored:
/// `TimelineClearCache`, `TimelineTerminateTimeline`, `TimelineShowAlert`, ...).
const ADD_ENTRIES: &str = "TimelineAddEntries";
const PIN_ENTRY: &str = "TimelinePinEntry";
/// Adds items to an existing module (TweetDetail's "show replies").
const ADD_TO_MODULE: &str = "TimelineAddToModule";

/// Reads the entries of a timeline's instructions.
fn timeline(instructions: &[Value], depth: usize, c: &mut Collector) {
    for ins in instructions {
        let kind = ins
            .get("type")
            .or_else(|| ins.get("__typename"))
            .and_then(Value::as_str);
        match kind {
            Some(ADD_ENTRIES) => {
                if let Some(Value::Array(entries)) = ins.get("entries") {
                    for e in entries {
                        entry(e, depth + 1, c);
                    }
                }
            }
            Some(PIN_ENTRY) => {
                if let Some(e) = ins.get("entry") {
                    entry(e, depth + 1, c);
                }
            }
            Some(ADD_TO_MODULE) => {
                if let Some(Value::Array(items)) = ins.get("moduleItems") {
                    for item in items {
                        module_item(item, depth + 1, c);
                    }
                }
            }
            _ => {}
        }
    }
}

/// True for an entry id that names a cursor (a paging marker, no data).
pub(crate) fn is_cursor_id(id: &str) -> bool {
    id.starts_with("cursor-") || super::find_text(id, "-cursor-").is_some()
}

/// True for cursor entries and cursor contents (paging markers, no data).
fn is_cursor(entry_id: Option<&str>, content: Option<&Value>) -> bool {
    let by_id = entry_id.is_some_and(is_cursor_id);
    let by_type = content.is_some_and(|c| {
        let t = c
            .get("entryType")
            .or_else(|| c.get("__typename"))
            .or_else(|| c.get("itemType"))
            .and_then(Value::as_str);
        t == Some("TimelineTimelineCursor")
    });
    by_id || by_type
}

/// One timeline entry: an item, a module of items, or a cursor (skipped).
fn entry(e: &Value, depth: usize, c: &mut Collector) {
    if depth > MAX_DEPTH {
        c.too_deep = true;
        return;
    }
    let entry_id = e.get("entryId").and_then(str_of);
    let content = e.get("content");
    if is_cursor(entry_id, content) {
        return;
    }
    let Some(content) = content else { return };
    if let Some(item) = content.get("itemContent") {
        item_content(item, depth + 1, c);
    } else if let Some(Value::Array(items)) = content.get("items") {
        for item in items {
            module_item(item, depth + 1, c);
        }
    } else {
        walk(content, depth + 1, c);
    }
}

/// One item of a module: `{entryId, item: {itemContent}}`.
fn module_item(item: &Value, depth: usize, c: &mut Collector) {
    let entry_id = item.get("entryId").and_then(str_of);
    let inner = item.get("item");
    let content = inner.and_then(|i| i.get("itemContent").or_else(|| i.get("content")));
    if is_cursor(entry_id, content) {
        return;
    }
    match content.or(inner) {
        Some(content) => item_content(content, depth + 1, c),
        None => walk(item, depth + 1, c),
    }
}

/// An item's content: a user, a tweet, a cursor, or something to walk.
fn item_content(ic: &Value, depth: usize, c: &mut Collector) {
    if depth > MAX_DEPTH {
        c.too_deep = true;
        return;
    }
    if is_cursor(None, Some(ic)) {
        return;
    }
    let kind = ic
        .get("itemType")
        .or_else(|| ic.get("__typename"))
        .and_then(Value::as_str);
    if kind == Some(notification::NOTIFICATION_TYPE) {
        read_notification(ic, depth, c);
        return;
    }
    let result = match kind {
        Some("TimelineUser") => ic.get("user_results").and_then(|r| r.get("result")),
        Some("TimelineTweet") => ic.get("tweet_results").and_then(|r| r.get("result")),
        _ => None,
    };
    walk(result.unwrap_or(ic), depth + 1, c);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two interactions have one key exactly when their kind, ASCII-lower-case
    /// handle, notification id and time are the same (as the tuple key did).
    #[test]
    fn interaction_keys_are_equal_only_for_the_same_identity() {
        let kinds = [InteractionKind::Followed, InteractionKind::Messaged];
        let handles = ["a", "A", "a1", "1", "a1:", "1:a", "", "é", "É", "-"];
        let ids = [
            None,
            Some(""),
            Some("1"),
            Some("a"),
            Some("A"),
            Some("1:a"),
            Some("-"),
        ];
        let ats = [None, Some(-1), Some(0), Some(1), Some(11), Some(-11)];
        let mut all = Vec::new();
        for kind in kinds {
            for handle in handles {
                for id in ids {
                    for at in ats {
                        let tuple = (kind, handle.to_ascii_lowercase(), id, at);
                        all.push((tuple, interaction_key(kind, handle, id, at)));
                    }
                }
            }
        }
        for (a, key_a) in &all {
            for (b, key_b) in &all {
                assert_eq!(a == b, key_a == key_b, "{a:?} {b:?}: {key_a:?} {key_b:?}");
            }
        }
    }
}
