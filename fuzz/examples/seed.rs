//! Writes the fuzz targets' seed corpora from the project's own fixtures
//! (tests/fixtures/**), through the project's own code, so the seeds have
//! today's shapes: raw fixtures for `read`, memory exports of what they hold
//! for `memory`, page facts / posts / interactions modelled on them for
//! `dom`, settings documents and a dictionary of setting ids for `settings`.
//!
//! `cargo run --example seed -- <tests/fixtures> <fuzz/corpus>` (build.sh does it).

use std::path::{Path, PathBuf};

use followback::memory::Memory;
use followback::read;
use followback::settings::{export_document, schema, SettingKind, Settings};
use followback::time::format_rfc3339;
use followback::{Account, Observations, Tweet};
use serde_json::{json, Value};

/// Seeds larger than this are left out (libFuzzer would cut them anyway).
const MAX_SEED_BYTES: usize = 64 * 1024;

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("json" | "jsonl")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

struct Writer {
    dir: PathBuf,
    count: usize,
}

impl Writer {
    fn new(root: &Path, name: &str) -> std::io::Result<Self> {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir)?;
        Ok(Writer { dir, count: 0 })
    }

    fn put(&mut self, label: &str, bytes: &[u8]) -> std::io::Result<()> {
        if bytes.is_empty() || bytes.len() > MAX_SEED_BYTES {
            return Ok(());
        }
        self.count += 1;
        std::fs::write(
            self.dir.join(format!("seed-{:04}-{label}", self.count)),
            bytes,
        )
    }
}

/// A count as the page shows it ("1,234", "12.5K", "3.4M").
fn shown_count(n: u64) -> String {
    match n {
        0..=9_999 => {
            let s = n.to_string();
            if s.len() > 3 {
                format!("{},{}", &s[..s.len() - 3], &s[s.len() - 3..])
            } else {
                s
            }
        }
        10_000..=999_999 => format!("{:.1}K", n as f64 / 1e3),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn shown_joined(created_at: i64) -> Option<String> {
    let date = format_rfc3339(created_at);
    let year = date.get(0..4)?;
    let month: usize = date.get(5..7)?.parse().ok()?;
    Some(format!(
        "Joined {} {year}",
        MONTHS.get(month.checked_sub(1)?)?
    ))
}

fn dom_request(a: &Account) -> Value {
    json!({
        "id": a.id,
        "handle": a.handle,
        "dom": {
            "handle": a.handle,
            "id": a.id,
            "name": a.name,
            "bio": a.bio,
            "location": a.location,
            "url": a.url,
            "followersText": a.followers.map(shown_count),
            "followingText": a.following.map(shown_count),
            "joinedText": a.created_at.and_then(shown_joined),
            "followsYou": a.follows_you,
            "defaultAvatar": a.default_avatar,
            "blueVerified": a.blue_verified,
            "verified": a.verified,
        }
    })
}

fn dom_tweet(t: &Tweet) -> Option<Value> {
    let handle = t.author_handle.as_deref()?;
    let id = t.id.as_deref()?;
    Some(json!({
        "statusHref": format!("/{handle}/status/{id}"),
        "authorHref": format!("/{handle}"),
        "datetime": t.created_at.map(format_rfc3339),
        "text": t.text,
        "links": t.urls.iter().map(|u| json!({"href": "https://t.co/abc", "text": u, "title": u})).collect::<Vec<_>>(),
        "replyingTo": t.reply_to,
        "quote": false,
    }))
}

fn dom_document(obs: &Observations) -> Value {
    json!({
        "requests": obs.accounts.iter().take(10).map(dom_request).collect::<Vec<_>>(),
        "tweets": obs.tweets.iter().take(10).filter_map(dom_tweet).collect::<Vec<_>>(),
        "interactions": obs.interactions.iter().take(10).map(|i| json!({
            "handle": i.handle, "kind": i.kind, "at": i.at,
        })).collect::<Vec<_>>(),
    })
}

fn settings_seeds(out: &mut Writer) -> std::io::Result<()> {
    let defaults = Settings::default();
    out.put("settings-default.json", defaults.to_json().as_bytes())?;
    let overrides = json!({ "alice": "always", "bob": "never" });
    let export = export_document(&defaults, &overrides);
    out.put("settings-export.json", export.to_string().as_bytes())?;
    // One document per kind of setting, each set to its range's edges.
    let mut low = serde_json::Map::new();
    let mut high = serde_json::Map::new();
    for spec in schema() {
        let (l, h) = match (&spec.kind, &spec.default) {
            (SettingKind::Number | SettingKind::Integer, _) => (json!(spec.min), json!(spec.max)),
            (SettingKind::Bool, Value::Bool(b)) => (json!(!b), json!(b)),
            (SettingKind::Keywords, _) => (json!([]), json!(["crypto", "giveaway", "follow back"])),
            _ => (spec.default.clone(), spec.default.clone()),
        };
        low.insert(spec.id.to_string(), l);
        high.insert(spec.id.to_string(), h);
    }
    out.put(
        "settings-low.json",
        json!({"version": 1, "values": low}).to_string().as_bytes(),
    )?;
    out.put(
        "settings-high.json",
        json!({"version": 1, "values": high}).to_string().as_bytes(),
    )?;
    out.put("settings-v0.json", b"{\"thresholds\":{},\"weights\":{}}")?;
    Ok(())
}

/// libFuzzer dictionary: every setting id and the words of the documents.
fn settings_dictionary(path: &Path) -> std::io::Result<()> {
    let mut lines = vec![
        "\"version\"".to_string(),
        "\"values\"".to_string(),
        "\"format\"".to_string(),
        "\"followback-settings\"".to_string(),
        "\"overrides\"".to_string(),
        "\"always\"".to_string(),
        "\"never\"".to_string(),
    ];
    for spec in schema() {
        lines.push(format!("\"\\\"{}\\\"\"", spec.id));
    }
    std::fs::write(path, lines.join("\n") + "\n")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(fixtures), Some(corpus)) = (args.next(), args.next()) else {
        return Err("usage: seed <tests/fixtures> <corpus dir>".into());
    };
    let corpus = PathBuf::from(corpus);
    let mut paths = Vec::new();
    files(Path::new(&fixtures), &mut paths)?;
    paths.sort();

    let mut reads = Writer::new(&corpus, "read")?;
    let mut memories = Writer::new(&corpus, "memory")?;
    let mut doms = Writer::new(&corpus, "dom")?;
    let mut settings = Writer::new(&corpus, "settings")?;
    memories.put("empty.json", Memory::new(50).to_json().as_bytes())?;

    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        let label = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("fixture")
            .to_string();
        reads.put(&label, text.as_bytes())?;
        for (n, line) in text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(5)
            .enumerate()
        {
            if text.lines().nth(1).is_some() {
                reads.put(&format!("{label}-line{n}"), line.as_bytes())?;
            }
        }
        let Ok(obs) = read::read_any(&text) else {
            continue;
        };
        let mut memory = Memory::new(50);
        memory.remember(obs.clone(), 1_795_255_200);
        memories.put(
            &label,
            memory.to_json_within(MAX_SEED_BYTES).json.as_bytes(),
        )?;
        doms.put(&label, dom_document(&obs).to_string().as_bytes())?;
        // The read targets also see memory exports (read_any reads them).
        reads.put(
            &format!("{label}-memory"),
            memory.to_json_within(16 * 1024).json.as_bytes(),
        )?;
    }
    settings_seeds(&mut settings)?;
    settings_dictionary(&corpus.join("settings.dict"))?;
    for w in [&reads, &memories, &doms, &settings] {
        println!("{} seeds in {}", w.count, w.dir.display());
    }
    Ok(())
}
