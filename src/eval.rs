//! How well the score ranks people above bots on labelled accounts: the pure
//! maths behind `followback eval` (AUC with ties counted half, per class and
//! per signal, ties, clamping, the flat top, and the worst-ranked examples).
//!
//! AUC here is the chance that a random human scores above a random bot
//! (humans are the positive class), ties counting half.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::verdict::Verdict;

/// One labelled account: `bot` true for automated / fake accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Screen name of the labelled account, without `@`.
    pub handle: String,
    /// True for an automated or fake account.
    pub bot: bool,
    /// The set's own class name ("genuine", "fake_int"); `human` / `bot` when absent.
    pub class: String,
}

/// Why a labels file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelsError {
    /// No line held a usable label.
    Empty,
}

impl std::fmt::Display for LabelsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LabelsError::Empty => write!(
                f,
                "no usable label in it (one {{\"screen_name\", \"bot\": 0 or 1, \"class\"?}} a line)"
            ),
        }
    }
}

impl std::error::Error for LabelsError {}

/// Reads JSON Lines labels. Bad lines are skipped with a warning naming the
/// line; later lines for the same handle (case-insensitive) are ignored.
pub fn parse_labels(text: &str) -> Result<(Vec<Label>, Vec<String>), LabelsError> {
    let mut labels = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match label_of(line) {
            Ok(label) => {
                if seen.insert(label.handle.to_ascii_lowercase(), ()).is_some() {
                    warnings.push(format!(
                        "line {}: {} is labelled twice; the first label is kept",
                        i + 1,
                        label.handle
                    ));
                } else {
                    labels.push(label);
                }
            }
            Err(why) => warnings.push(format!("line {}: {why}; skipped", i + 1)),
        }
    }
    if labels.is_empty() {
        return Err(LabelsError::Empty);
    }
    Ok((labels, warnings))
}

fn label_of(line: &str) -> Result<Label, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let handle = v
        .get("screen_name")
        .and_then(Value::as_str)
        .map(|h| h.trim().trim_start_matches('@').to_string())
        .filter(|h| !h.is_empty())
        .ok_or("no \"screen_name\"")?;
    let bot = match v.get("bot") {
        Some(Value::Bool(b)) => *b,
        Some(n) => match n.as_f64() {
            Some(0.0) => false,
            Some(1.0) => true,
            _ => return Err("\"bot\" must be 0 or 1".to_string()),
        },
        None => return Err("no \"bot\"".to_string()),
    };
    let class = v
        .get("class")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map_or_else(
            || if bot { "bot" } else { "human" }.to_string(),
            str::to_string,
        );
    Ok(Label { handle, bot, class })
}

/// Area under the ROC curve: chance a random `pos` value beats a random `neg`
/// one, ties half. `None` when either side is empty.
pub fn auc(pos: &[f64], neg: &[f64]) -> Option<f64> {
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    let mut all: Vec<(f64, bool)> = pos
        .iter()
        .map(|v| (*v, true))
        .chain(neg.iter().map(|v| (*v, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut wins = 0.0;
    let mut negs_below = 0.0;
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        let (mut p, mut n) = (0.0, 0.0);
        while j < all.len() && all[j].0.total_cmp(&all[i].0).is_eq() {
            if all[j].1 {
                p += 1.0;
            } else {
                n += 1.0;
            }
            j += 1;
        }
        wins += p * negs_below + 0.5 * p * n;
        negs_below += n;
        i = j;
    }
    Some(wins / (pos.len() as f64 * neg.len() as f64))
}

/// Share of (pos, neg) pairs with equal values; `None` when a side is empty.
pub fn tied_share(pos: &[f64], neg: &[f64]) -> Option<f64> {
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    let mut counts: HashMap<u64, f64> = HashMap::new();
    for v in neg {
        *counts.entry(v.to_bits()).or_default() += 1.0;
    }
    let tied: f64 = pos
        .iter()
        .map(|v| counts.get(&v.to_bits()).copied().unwrap_or(0.0))
        .sum();
    Some(tied / (pos.len() as f64 * neg.len() as f64))
}

/// AUC of one class against the whole other side.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ClassFigures {
    /// The set's class name ("genuine", "fake_int").
    pub class: String,
    /// True when the class is a bot class.
    pub bot: bool,
    /// Accounts of this class that were scored.
    pub accounts: usize,
    /// Mean score of those accounts.
    pub mean_score: f64,
    /// Humans of this class against all bots, or all humans against bots of this class.
    pub auc: Option<f64>,
}

/// One signal's figures.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct SignalFigures {
    /// The signal's id.
    pub signal: String,
    /// The signal's label as the breakdown shows it.
    pub label: String,
    /// AUC of this signal's points alone.
    pub auc: Option<f64>,
    /// Share of accounts where it gave points (either way).
    pub share_with_points: f64,
    /// AUC without this signal minus AUC with it (negative: the signal helps).
    pub auc_change_without: Option<f64>,
}

/// One account at the wrong end of the ranking.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Example {
    /// Screen name of the account.
    pub handle: String,
    /// Its class in the labelled set.
    pub class: String,
    /// The score it got.
    pub score: u8,
    /// Its biggest evidence lines: "label: points (reason)".
    pub top: Vec<String>,
}

/// The most common score and how many verdicts sit on it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ScoreMode {
    /// The score most verdicts got.
    pub score: u8,
    /// How many verdicts got it.
    pub accounts: usize,
    /// Their share of all verdicts.
    pub share: f64,
}

/// Everything `followback eval` prints.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Report {
    /// Labelled accounts that were scored.
    pub accounts: usize,
    /// Of those, humans.
    pub humans: usize,
    /// Of those, bots.
    pub bots: usize,
    /// AUC of the score, humans against bots (see [`auc`]).
    pub auc: Option<f64>,
    /// Figures per class of the labelled set.
    pub classes: Vec<ClassFigures>,
    /// How many different scores the verdicts have.
    pub distinct_scores: usize,
    /// Share of human-bot pairs with equal scores (see [`tied_share`]).
    pub tied_pairs_share: Option<f64>,
    /// Verdicts whose total the 0..100 limit cut (a "score limit" line).
    pub clamped: usize,
    /// The most common score, when there are verdicts.
    pub most_common_score: Option<ScoreMode>,
    /// Figures per signal.
    pub signals: Vec<SignalFigures>,
    /// Humans with the lowest scores.
    pub worst_humans: Vec<Example>,
    /// Bots with the highest scores.
    pub best_bots: Vec<Example>,
}

const CLAMP_SIGNAL: &str = "score_limit";
const EXAMPLES: usize = 10;
const TOP_LINES: usize = 3;

/// The total before the 0..100 limit.
fn raw_total(v: &Verdict) -> i64 {
    let limit: i64 = v
        .evidence
        .iter()
        .filter(|e| e.signal == CLAMP_SIGNAL)
        .map(|e| i64::from(e.points))
        .sum();
    i64::from(v.score) - limit
}

fn split<'a>(
    items: &'a [(Label, Verdict)],
    f: impl Fn(&'a Verdict) -> f64,
) -> (Vec<f64>, Vec<f64>) {
    let mut h = Vec::new();
    let mut b = Vec::new();
    for (l, v) in items {
        if l.bot {
            b.push(f(v));
        } else {
            h.push(f(v));
        }
    }
    (h, b)
}

fn example(l: &Label, v: &Verdict) -> Example {
    Example {
        handle: v.handle.clone(),
        class: l.class.clone(),
        score: v.score,
        top: v
            .evidence
            .iter()
            .filter(|e| e.points != 0)
            .take(TOP_LINES)
            .map(|e| {
                let e = e.english();
                format!(
                    "{} {:+}: {} ({})",
                    e.label,
                    e.points,
                    e.seen.as_deref().unwrap_or("not seen"),
                    e.reason
                )
            })
            .collect(),
    }
}

/// The figures for labelled verdicts.
pub fn report(items: &[(Label, Verdict)]) -> Report {
    let score = |v: &Verdict| f64::from(v.score);
    let (h, b) = split(items, score);
    let overall = auc(&h, &b);

    // Classes, humans first, in name order.
    let mut by_class: BTreeMap<(bool, String), Vec<&Verdict>> = BTreeMap::new();
    for (l, v) in items {
        by_class
            .entry((l.bot, l.class.clone()))
            .or_default()
            .push(v);
    }
    let classes = by_class
        .iter()
        .map(|((bot, class), vs)| {
            let own: Vec<f64> = vs.iter().map(|v| score(v)).collect();
            let auc = if *bot { auc(&h, &own) } else { auc(&own, &b) };
            ClassFigures {
                class: class.clone(),
                bot: *bot,
                accounts: vs.len(),
                mean_score: own.iter().sum::<f64>() / own.len().max(1) as f64,
                auc,
            }
        })
        .collect();

    let mut per_score: BTreeMap<u8, usize> = BTreeMap::new();
    for (_, v) in items {
        *per_score.entry(v.score).or_default() += 1;
    }
    let most_common_score = per_score
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
        .map(|(s, n)| ScoreMode {
            score: *s,
            accounts: *n,
            share: *n as f64 / items.len().max(1) as f64,
        });

    // Signals in order of first appearance.
    let mut names: Vec<(String, String)> = Vec::new();
    for (_, v) in items {
        for e in &v.evidence {
            if e.signal != CLAMP_SIGNAL && !names.iter().any(|(s, _)| *s == e.signal) {
                names.push((e.signal.clone(), e.label.english()));
            }
        }
    }
    let points_of = |v: &Verdict, signal: &str| -> i64 {
        v.evidence
            .iter()
            .filter(|e| e.signal == signal)
            .map(|e| i64::from(e.points))
            .sum()
    };
    let signals = names
        .into_iter()
        .map(|(signal, label)| {
            let (hp, bp) = split(items, |v| points_of(v, &signal) as f64);
            let (hw, bw) = split(items, |v| {
                (raw_total(v) - points_of(v, &signal)).clamp(0, 100) as f64
            });
            let with_points = items
                .iter()
                .filter(|(_, v)| points_of(v, &signal) != 0)
                .count();
            SignalFigures {
                auc: auc(&hp, &bp),
                share_with_points: with_points as f64 / items.len().max(1) as f64,
                auc_change_without: auc(&hw, &bw).zip(overall).map(|(w, a)| w - a),
                signal,
                label,
            }
        })
        .collect();

    let mut humans: Vec<&(Label, Verdict)> = items.iter().filter(|(l, _)| !l.bot).collect();
    humans.sort_by_key(|(_, v)| v.score);
    let mut bots: Vec<&(Label, Verdict)> = items.iter().filter(|(l, _)| l.bot).collect();
    bots.sort_by_key(|(_, v)| std::cmp::Reverse(v.score));

    Report {
        accounts: items.len(),
        humans: h.len(),
        bots: b.len(),
        auc: overall,
        classes,
        distinct_scores: per_score.len(),
        tied_pairs_share: tied_share(&h, &b),
        clamped: items
            .iter()
            .filter(|(_, v)| v.evidence.iter().any(|e| e.signal == CLAMP_SIGNAL))
            .count(),
        most_common_score,
        signals,
        worst_humans: humans
            .iter()
            .take(EXAMPLES)
            .map(|(l, v)| example(l, v))
            .collect(),
        best_bots: bots
            .iter()
            .take(EXAMPLES)
            .map(|(l, v)| example(l, v))
            .collect(),
    }
}

fn fig(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |x| format!("{x:.3}"))
}

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// The report as text for people.
pub fn render(r: &Report) -> String {
    let mut t = String::new();
    t.push_str(&format!(
        "accounts {} (humans {}, bots {})\nAUC {}\n",
        r.accounts,
        r.humans,
        r.bots,
        fig(r.auc)
    ));
    t.push_str("per class (humans of a class vs all bots; all humans vs bots of a class):\n");
    for c in &r.classes {
        t.push_str(&format!(
            "  {:<22} {:<5} n={:<6} mean score {:>5.1}  AUC {}\n",
            c.class,
            if c.bot { "bot" } else { "human" },
            c.accounts,
            c.mean_score,
            fig(c.auc)
        ));
    }
    t.push_str(&format!(
        "distinct scores {}\nhuman-bot pairs tied {}\nverdicts cut by the 0/100 limit {}\n",
        r.distinct_scores,
        r.tied_pairs_share.map_or_else(|| "n/a".to_string(), pct),
        r.clamped
    ));
    if let Some(m) = &r.most_common_score {
        t.push_str(&format!(
            "most common score {} ({} verdicts, {})\n",
            m.score,
            m.accounts,
            pct(m.share)
        ));
    }
    t.push_str("signals (AUC of its points, share with points, AUC change without it):\n");
    for s in &r.signals {
        t.push_str(&format!(
            "  {:<24} AUC {}  points in {:>6}  without {}\n",
            s.signal,
            fig(s.auc),
            pct(s.share_with_points),
            s.auc_change_without
                .map_or_else(|| "n/a".to_string(), |d| format!("{d:+.4}"))
        ));
    }
    for (title, list) in [
        ("worst-ranked humans", &r.worst_humans),
        ("best-ranked bots", &r.best_bots),
    ] {
        t.push_str(&format!("{title}:\n"));
        for e in list {
            t.push_str(&format!("  {} @{} ({})\n", e.score, e.handle, e.class));
            for line in &e.top {
                t.push_str(&format!("      {line}\n"));
            }
        }
    }
    t
}
