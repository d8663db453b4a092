//! The `followback` command-line tool's logic (arguments, reading files, printing JSON lines).
//!
//! `run` takes the arguments and the three standard streams, so tests can
//! drive it without a process; `src/bin/followback.rs` only wires it to the
//! real ones. Exit codes: 0 ok, 1 input problem, 2 usage.

use std::collections::HashSet;
use std::io::{Read, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Account, Interaction, Source, Tweet};
use crate::read::merge::AccountIndex;
use crate::read::read_any_from;
use crate::settings::Settings;
use crate::signals::Subject;
use crate::time::{format_rfc3339, parse_timestamp};
use crate::verdict::{Confidence, Evidence, Level};

/// Success.
pub const EXIT_OK: i32 = 0;
/// A file or the settings could not be read, or held no account.
pub const EXIT_INPUT: i32 = 1;
/// Bad arguments.
pub const EXIT_USAGE: i32 = 2;

/// `followback --help`.
pub const USAGE: &str = "\
followback: scores X (Twitter) accounts for follow-back worthiness, with the reasons.

Usage:
  followback score [--now TIME] [--settings FILE] [PATH ...]
  followback eval --labels FILE [--now TIME] [--settings FILE] [--json] PATH ...
  followback settings [--markdown | --locale-en]
  followback --help | followback score --help
  followback --version

Commands:
  score    Read accounts from each PATH (or standard input when there is none,
           or for a PATH of '-') and print one JSON line per distinct account:
           its score (0-100), level, confidence, facts and every evidence line.

  eval     Score labelled accounts (labels: one {\"screen_name\", \"bot\": 0|1,
           \"class\"?} a line) and print how well the score ranks humans above
           bots: AUC (ties half) overall and per class, per-signal figures,
           distinct scores, tied pairs, clamped verdicts, the most common
           score, and the worst-ranked humans and best-ranked bots; --json
           prints the same as one JSON object.

  settings Print every setting (id, default, range, source) as JSON, or as a
           Markdown table with --markdown; the defaults file for --settings is
           any subset of {\"version\": N, \"values\": {id: value}}.
           --locale-en prints the settings' English messages for
           extension/_locales/en/messages.json (group titles, labels, help).

Run 'followback score --help' for the options and the input formats.
Exit status: 0 ok, 1 an input could not be read or held no account, 2 bad usage.
";

/// `followback score --help`.
pub const SCORE_HELP: &str = "\
Usage: followback score [--now TIME] [--settings FILE] [PATH ...]

Reads every PATH (standard input when none is given; '-' is standard input),
joins what the inputs say about the same account (by numeric id, else by
handle, case-insensitively; the first input's facts win, later ones fill gaps),
attaches each account's posts found in the inputs, and prints one JSON object
per account per line, in the order the accounts first appear:

  {\"handle\", \"id\", \"score\", \"base\", \"level\", \"confidence\",
   \"facts\": {\"followers\", \"following\", \"tweets\", \"likes\", \"listed\",
             \"created_at\" (RFC 3339), ... only what is known},
   \"tweets_seen\", \"evidence\": [{\"signal\", \"label\", \"seen\", \"threshold\",
                                \"points\", \"weight\", \"reason\"}]}

Options:
  --now TIME        Score as of TIME (RFC 3339, e.g. 2026-11-21T10:00:00Z, or a
                    date like 2026-11-21). Default: the system clock.
  --settings FILE   Settings JSON as the extension exports it:
                    {\"version\": 1, \"values\": {\"<setting id>\": value}}.
                    Missing settings take their defaults; a refused value is an error.
  -h, --help        Show this help.

Input formats (detected per file):
  - GraphQL responses x.com loads (Followers, Following, UserByScreenName,
    UserTweets, HomeTimeline, TweetDetail, SearchTimeline, ListMembers,
    Retweeters, ... and unknown operations, which are searched for user and
    post objects), with user objects of every generation (legacy, core/avatar,
    relationship_counts).
  - v1.1 user objects (screen_name, followers_count, friends_count, ...): one
    object, an array of them, or an object holding them (e.g. {\"users\": [...]}).
  - JSON Lines: one JSON value per line; unreadable lines are skipped with a
    warning naming the line.
  - This command's own output lines and the extension's memory export, so
    results can be fed back in.

Problems go to standard error: a warning for skipped parts, an error naming the
file for an input that is unreadable or holds no account (exit status 1).
";

/// What the arguments ask for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    ScoreHelp,
    Score(ScoreArgs),
    Eval(EvalArgs),
    Settings { markdown: bool },
    SettingsLocale,
}

#[derive(Debug, PartialEq, Default)]
struct EvalArgs {
    labels: Option<String>,
    json: bool,
    score: ScoreArgs,
}

#[derive(Debug, PartialEq, Default)]
struct ScoreArgs {
    now: Option<i64>,
    settings: Option<String>,
    paths: Vec<String>,
}

/// Parses `--now` values: RFC 3339, a date, or unix seconds.
fn parse_now(value: &str) -> Result<i64, String> {
    parse_timestamp(value)
        .ok_or_else(|| format!("--now needs a time like 2026-11-21T10:00:00Z, not {value:?}"))
}

/// Splits `--flag=value` or takes the next argument as the value.
fn flag_value<'a>(
    arg: &'a str,
    name: &str,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<Option<&'a str>, String> {
    if arg == name {
        return rest
            .next()
            .map(|v| Some(v.as_str()))
            .ok_or_else(|| format!("{name} needs a value"));
    }
    Ok(arg
        .strip_prefix(name)
        .and_then(|tail| tail.strip_prefix('=')))
}

fn parse_score_args(args: &[String]) -> Result<Command, String> {
    let mut out = ScoreArgs::default();
    let mut it = args.iter();
    let mut only_paths = false;
    while let Some(arg) = it.next() {
        let a = arg.as_str();
        if only_paths || a == "-" || !a.starts_with('-') {
            out.paths.push(arg.clone());
        } else if a == "--" {
            only_paths = true;
        } else if a == "-h" || a == "--help" {
            return Ok(Command::ScoreHelp);
        } else if let Some(v) = flag_value(a, "--now", &mut it)? {
            out.now = Some(parse_now(v)?);
        } else if let Some(v) = flag_value(a, "--settings", &mut it)? {
            out.settings = Some(v.to_string());
        } else {
            return Err(format!("unknown option {a:?}"));
        }
    }
    Ok(Command::Score(out))
}

fn parse_eval_args(args: &[String]) -> Result<Command, String> {
    let mut out = EvalArgs::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let a = arg.as_str();
        if a == "-" || !a.starts_with('-') {
            out.score.paths.push(arg.clone());
        } else if a == "--json" {
            out.json = true;
        } else if let Some(v) = flag_value(a, "--labels", &mut it)? {
            out.labels = Some(v.to_string());
        } else if let Some(v) = flag_value(a, "--now", &mut it)? {
            out.score.now = Some(parse_now(v)?);
        } else if let Some(v) = flag_value(a, "--settings", &mut it)? {
            out.score.settings = Some(v.to_string());
        } else {
            return Err(format!("unknown eval option {a:?}"));
        }
    }
    if out.labels.is_none() {
        return Err("eval needs --labels FILE".to_string());
    }
    if out.score.paths.is_empty() {
        return Err("eval needs at least one file of accounts".to_string());
    }
    Ok(Command::Eval(out))
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some(first) = args.first() else {
        return Err("no command given".to_string());
    };
    let rest = args.get(1..).unwrap_or_default();
    match first.as_str() {
        "-h" | "--help" => Ok(Command::Help),
        "help" => match rest.first().map(String::as_str) {
            Some("score") => Ok(Command::ScoreHelp),
            None => Ok(Command::Help),
            Some(other) => Err(format!("no help for unknown command {other:?}")),
        },
        "-V" | "--version" => Ok(Command::Version),
        "score" => parse_score_args(rest),
        "eval" => parse_eval_args(rest),
        "settings" => match rest.first().map(String::as_str) {
            None => Ok(Command::Settings { markdown: false }),
            Some("--markdown") if rest.len() == 1 => Ok(Command::Settings { markdown: true }),
            Some("--locale-en") if rest.len() == 1 => Ok(Command::SettingsLocale),
            Some(other) => Err(format!("unknown settings option {other:?}")),
        },
        other if other.starts_with('-') => Err(format!("unknown option {other:?}")),
        other => Err(format!("unknown command {other:?}")),
    }
}

/// Runs the tool. `clock_now` is the system time in unix seconds (used unless `--now`).
pub fn run(
    args: &[String],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    clock_now: i64,
) -> i32 {
    let command = match parse_args(args) {
        Ok(c) => c,
        Err(message) => {
            let _ = writeln!(err, "followback: {message}\n");
            let _ = err.write_all(USAGE.as_bytes());
            return EXIT_USAGE;
        }
    };
    let code = match command {
        Command::Help => write_or_fail(out, USAGE),
        Command::ScoreHelp => write_or_fail(out, SCORE_HELP),
        Command::Version => {
            write_or_fail(out, &format!("followback {}\n", env!("CARGO_PKG_VERSION")))
        }
        Command::Score(a) => score_command(&a, stdin, out, err, clock_now),
        Command::Eval(a) => eval_command(&a, stdin, out, err, clock_now),
        Command::Settings { markdown } => write_or_fail(out, &settings_listing(markdown)),
        Command::SettingsLocale => write_or_fail(out, &settings_locale_json()),
    };
    let _ = out.flush();
    code
}

fn write_or_fail(out: &mut dyn Write, text: &str) -> i32 {
    match out.write_all(text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_INPUT,
    }
}

/// The settings schema as pretty JSON, or as a Markdown table for the README.
fn settings_listing(markdown: bool) -> String {
    let schema = crate::settings::schema();
    if !markdown {
        return serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    }
    let mut text = String::from("| setting | default | range | source |\n|---|---|---|---|\n");
    for spec in &schema {
        let default = match &spec.default {
            Value::Array(items) if items.len() > 4 => format!("{} entries", items.len()),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        let show = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
        let range = match (spec.min, spec.max) {
            (None, None) => String::new(),
            (lo, hi) => format!("{} to {} {}", show(lo), show(hi), spec.unit.unwrap_or("")),
        };
        let cell = |s: &str| s.replace('|', "\\|");
        text.push_str(&format!(
            "| `{}` {} | {} | {} | {} |\n",
            spec.id,
            cell(spec.label),
            cell(&default),
            cell(range.trim()),
            cell(spec.source)
        ));
    }
    text
}

/// The `_locales` message key of a setting's `part` ("label" or "help"):
/// `set_<id with '.' replaced by '_'>_<part>`. The options page builds the same key.
pub fn setting_message_key(id: &str, part: &str) -> String {
    format!("set_{}_{part}", id.replace('.', "_"))
}

/// The `_locales` message key of a settings group title: `set_group_` and the
/// English title in lower case, every run of other characters one `_`.
pub fn group_message_key(group: &str) -> String {
    let mut slug = String::new();
    for c in group.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('_') {
            slug.push('_');
        }
    }
    format!("set_group_{}", slug.trim_end_matches('_'))
}

/// The `_locales` message key of a unit shown after a setting's input
/// ("points", "posts a day"): `set_unit_` and the unit as [`group_message_key`]
/// slugs it. `None` for units without letters (": 1", "\u{d7}"), which need no words.
pub fn unit_message_key(unit: &str) -> Option<String> {
    if !unit.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let slug = group_message_key(unit);
    Some(format!(
        "set_unit_{}",
        slug.trim_start_matches("set_group_")
    ))
}

/// One `_locales` message: key, English text, note for translators.
#[derive(Debug, Clone, PartialEq)]
pub struct LocaleMessage {
    /// The message key (`set_...`).
    pub key: String,
    /// The English text, exactly as the settings table has it.
    pub message: String,
    /// What the text is, for translators.
    pub description: String,
}

/// The settings' English messages in schema order: each group's title before
/// its first setting, then every setting's label and help; last, each unit
/// with words, in order of first use.
pub fn settings_locale_messages() -> Vec<LocaleMessage> {
    let mut out = Vec::new();
    let mut groups = HashSet::new();
    let mut units: Vec<LocaleMessage> = Vec::new();
    for spec in crate::settings::schema() {
        if let Some(key) = spec.unit.and_then(unit_message_key) {
            if !units.iter().any(|u| u.key == key) {
                units.push(LocaleMessage {
                    key,
                    message: spec.unit.unwrap_or_default().to_string(),
                    description: "Followback options page: unit after a setting's input (and in its default).".into(),
                });
            }
        }
        if groups.insert(spec.group) {
            out.push(LocaleMessage {
                key: group_message_key(spec.group),
                message: spec.group.to_string(),
                description: "Followback options page: title of a group of settings.".into(),
            });
        }
        out.push(LocaleMessage {
            key: setting_message_key(spec.id, "label"),
            message: spec.label.to_string(),
            description: format!("Followback options page: name of the setting {}.", spec.id),
        });
        out.push(LocaleMessage {
            key: setting_message_key(spec.id, "help"),
            message: spec.help.to_string(),
            description: format!(
                "Followback options page: help line under the setting {}.",
                spec.id
            ),
        });
    }
    out.extend(units);
    out
}

/// [`settings_locale_messages`] as a JSON object in messages.json's layout
/// (two-space indent, keys in schema order).
fn settings_locale_json() -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let entries: Vec<String> = settings_locale_messages()
        .iter()
        .map(|m| {
            format!(
                "  {}: {{\n    \"message\": {},\n    \"description\": {}\n  }}",
                quote(&m.key),
                quote(&m.message),
                quote(&m.description)
            )
        })
        .collect();
    format!("{{\n{}\n}}\n", entries.join(",\n"))
}

/// Loads `--settings FILE` strictly: unreadable or refused values are errors.
fn load_settings(path: &str) -> Result<Settings, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{path}: cannot read the settings: {e}"))?;
    Settings::from_json_strict(&text).map_err(|e| format!("{path}: {e}"))
}

/// Everything read from all inputs, joined per account.
#[derive(Default)]
struct Gathered {
    index: AccountIndex,
    tweets: Vec<Vec<Tweet>>,
    interactions: Vec<Vec<Interaction>>,
    tweet_ids: HashSet<String>,
}

impl Gathered {
    fn add(&mut self, obs: crate::model::Observations) {
        for a in obs.accounts {
            if let Some(i) = self.index.add(a) {
                if i >= self.tweets.len() {
                    self.tweets.resize_with(i + 1, Vec::new);
                    self.interactions.resize_with(i + 1, Vec::new);
                }
            }
        }
        for t in obs.tweets {
            if let Some(id) = &t.id {
                if !self.tweet_ids.insert(id.clone()) {
                    continue;
                }
            }
            let at = self
                .index
                .find(t.author_id.as_deref(), t.author_handle.as_deref());
            if let Some(list) = at.and_then(|i| self.tweets.get_mut(i)) {
                list.push(t);
            }
        }
        for x in obs.interactions {
            let at = self.index.find(None, Some(&x.handle));
            if let Some(list) = at.and_then(|i| self.interactions.get_mut(i)) {
                list.push(x);
            }
        }
    }
}

/// Reads one input; returns an error message naming it when it holds no account.
fn read_input(
    name: &str,
    stdin: &mut dyn Read,
    err: &mut dyn Write,
    gathered: &mut Gathered,
) -> Result<(), String> {
    let text = if name == "-" {
        let mut s = String::new();
        stdin
            .read_to_string(&mut s)
            .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        s
    } else {
        std::fs::read_to_string(name).map_err(|e| format!("{name}: cannot read: {e}"))?
    };
    let shown = if name == "-" { "<stdin>" } else { name };
    let obs = read_any_from(&text, Source::File).map_err(|e| format!("{shown}: {e}"))?;
    for w in &obs.warnings {
        let _ = writeln!(err, "followback: warning: {shown}: {w}");
    }
    if obs.accounts.is_empty() {
        let why = if obs.unavailable > 0 {
            format!(" ({} unavailable account(s) skipped)", obs.unavailable)
        } else {
            String::new()
        };
        return Err(format!("{shown}: no readable account in it{why}"));
    }
    if obs.unavailable > 0 {
        let _ = writeln!(
            err,
            "followback: note: {shown}: skipped {} unavailable (suspended or withheld) account(s)",
            obs.unavailable
        );
    }
    gathered.add(obs);
    Ok(())
}

/// One output line.
#[derive(Serialize)]
struct Line<'a> {
    handle: &'a str,
    id: Option<&'a str>,
    score: u8,
    base: i32,
    level: Level,
    confidence: &'a Confidence,
    facts: Value,
    tweets_seen: usize,
    evidence: Vec<crate::verdict::EvidenceText>,
    /// The verdict in plain words (`crate::summary`), in English.
    summary: crate::summary::SummaryText,
}

/// An account's known facts as JSON: no nulls, times as RFC 3339.
pub fn facts_json(account: &Account) -> Value {
    let mut map = match serde_json::to_value(account) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    map.retain(|k, v| !v.is_null() && k != "handle" && k != "id");
    for key in ["created_at", "observed_at"] {
        if let Some(secs) = map.get(key).and_then(Value::as_i64) {
            map.insert(key.to_string(), Value::String(format_rfc3339(secs)));
        }
    }
    Value::Object(map)
}

/// The settings of `--settings`, or the defaults; the error is already reported.
fn settings_or_report(a: &ScoreArgs, err: &mut dyn Write) -> Option<Settings> {
    match &a.settings {
        Some(path) => match load_settings(path) {
            Ok(s) => Some(s),
            Err(message) => {
                let _ = writeln!(err, "followback: {message}");
                None
            }
        },
        None => Some(Settings::default()),
    }
}

/// Reads every path of `a` (standard input when none); `true` when one failed.
fn gather(a: &ScoreArgs, stdin: &mut dyn Read, err: &mut dyn Write) -> (Gathered, bool) {
    let stdin_only = vec!["-".to_string()];
    let paths = if a.paths.is_empty() {
        &stdin_only
    } else {
        &a.paths
    };
    let mut gathered = Gathered::default();
    let mut failed = false;
    let mut stdin_used = false;
    for name in paths {
        if name == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
        }
        if let Err(message) = read_input(name, stdin, err, &mut gathered) {
            let _ = writeln!(err, "followback: {message}");
            failed = true;
        }
    }
    (gathered, failed)
}

/// Scores every gathered account, in the order they first appeared.
fn score_each(
    gathered: &Gathered,
    settings: &Settings,
    now: i64,
    mut each: impl FnMut(&Account, usize, crate::verdict::Verdict) -> bool,
) {
    let matchers = crate::prepared::Matchers::new(settings);
    for (i, account) in gathered.index.accounts.iter().enumerate() {
        let tweets = gathered
            .tweets
            .get(i)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let interactions = gathered
            .interactions
            .get(i)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let subject = Subject {
            account,
            tweets,
            history: &[],
            interactions,
            prepared: None,
            features: None,
        };
        let verdict = crate::score::score_with(&subject, settings, &matchers, now);
        if !each(account, tweets.len(), verdict) {
            return;
        }
    }
}

fn score_command(
    a: &ScoreArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    clock_now: i64,
) -> i32 {
    let Some(settings) = settings_or_report(a, err) else {
        return EXIT_INPUT;
    };
    let now = a.now.unwrap_or(clock_now);
    let (gathered, mut failed) = gather(a, stdin, err);
    let mut closed = false;
    score_each(
        &gathered,
        &settings,
        now,
        |account, tweets_seen, verdict| {
            let line = Line {
                handle: &account.handle,
                id: account.id.as_deref(),
                score: verdict.score,
                base: verdict.base,
                level: verdict.level,
                confidence: &verdict.confidence,
                facts: facts_json(account),
                tweets_seen,
                evidence: verdict.evidence.iter().map(Evidence::english).collect(),
                summary: verdict.summary().english(),
            };
            let text = match serde_json::to_string(&line) {
                Ok(t) => t,
                Err(e) => {
                    let _ = writeln!(err, "followback: cannot write {}: {e}", account.handle);
                    failed = true;
                    return true;
                }
            };
            if writeln!(out, "{text}").is_err() {
                closed = true; // closed pipe: nothing more to say
                return false;
            }
            true
        },
    );
    if failed || closed {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

fn eval_command(
    a: &EvalArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    clock_now: i64,
) -> i32 {
    let Some(settings) = settings_or_report(&a.score, err) else {
        return EXIT_INPUT;
    };
    let path = a.labels.as_deref().unwrap_or_default();
    let labels = match std::fs::read_to_string(path) {
        Ok(text) => crate::eval::parse_labels(&text).map_err(|e| format!("{path}: {e}")),
        Err(e) => Err(format!("{path}: cannot read the labels: {e}")),
    };
    let (labels, warnings) = match labels {
        Ok(l) => l,
        Err(message) => {
            let _ = writeln!(err, "followback: {message}");
            return EXIT_INPUT;
        }
    };
    for w in warnings.iter().take(20) {
        let _ = writeln!(err, "followback: warning: {path}: {w}");
    }
    let by_handle: std::collections::HashMap<String, &crate::eval::Label> = labels
        .iter()
        .map(|l| (l.handle.to_ascii_lowercase(), l))
        .collect();
    let now = a.score.now.unwrap_or(clock_now);
    let (gathered, failed) = gather(&a.score, stdin, err);
    if failed {
        return EXIT_INPUT;
    }
    let mut items = Vec::new();
    let mut unlabelled = 0usize;
    score_each(&gathered, &settings, now, |account, _, verdict| {
        match by_handle.get(&account.key()) {
            Some(l) => items.push(((*l).clone(), verdict)),
            None => unlabelled += 1,
        }
        true
    });
    if unlabelled > 0 {
        let _ = writeln!(
            err,
            "followback: note: {unlabelled} account(s) have no label and are left out"
        );
    }
    let missing = labels.len().saturating_sub(items.len());
    if missing > 0 {
        let _ = writeln!(
            err,
            "followback: note: {missing} labelled account(s) were not in the inputs"
        );
    }
    if items.is_empty() {
        let _ = writeln!(err, "followback: no labelled account among the inputs");
        return EXIT_INPUT;
    }
    let report = crate::eval::report(&items);
    let text = if a.json {
        serde_json::to_string(&report).unwrap_or_default() + "\n"
    } else {
        crate::eval::render(&report)
    };
    write_or_fail(out, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn argument_parsing() {
        assert_eq!(parse_args(&args(&["--help"])), Ok(Command::Help));
        assert_eq!(
            parse_args(&args(&["help", "score"])),
            Ok(Command::ScoreHelp)
        );
        assert_eq!(parse_args(&args(&["score", "-h"])), Ok(Command::ScoreHelp));
        assert_eq!(
            parse_args(&args(&[
                "score",
                "--now=2026-11-21T10:00:00Z",
                "--settings",
                "s.json",
                "a.json",
                "-",
                "--",
                "--odd-name.json"
            ])),
            Ok(Command::Score(ScoreArgs {
                now: Some(1_795_255_200),
                settings: Some("s.json".into()),
                paths: args(&["a.json", "-", "--odd-name.json"]),
            }))
        );
        assert!(parse_args(&args(&[])).is_err());
        assert!(parse_args(&args(&["score", "--bogus"])).is_err());
        assert!(parse_args(&args(&["score", "--now"])).is_err());
        assert!(parse_args(&args(&["score", "--now", "yesterday"])).is_err());
        assert!(parse_args(&args(&["frobnicate"])).is_err());
    }

    #[test]
    fn facts_have_no_nulls_and_readable_dates() {
        let a = Account {
            id: Some("1".into()),
            created_at: Some(1_294_625_194),
            followers: Some(3),
            ..Account::with_handle("ann", Source::File)
        };
        let f = facts_json(&a);
        assert_eq!(f["created_at"], "2011-01-10T02:06:34Z");
        assert_eq!(f["followers"], 3);
        assert!(f.get("bio").is_none());
        assert!(f.get("handle").is_none());
        assert_eq!(f["source"], "file");
    }
}
