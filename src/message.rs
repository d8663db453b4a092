//! Messages instead of sentences: a key of `extension/_locales/en/messages.json`
//! (chrome.i18n naming) plus typed arguments. The page renders them in the
//! browser's language (extension/shared/render-message.js); natively (CLI and
//! tests) [`Message::english`] renders them from the English file. The wasm
//! never holds the English templates.
//!
//! Serialized compactly as a JSON array `["id", arg, ...]`; an argument is a
//! bare integer (whole number, grouped), `{"n":v,"d":k}` (a number with `k`
//! decimals), `{"p":v}` (a share 0..1 as a percent), `{"s":v}` (signed
//! points, "+7" / "−3" / "0"), `{"t":"..."}` (text from X: plain text,
//! bidi-isolated), `{"l":[arg,...]}` (a list, joined with ", " ) or a nested
//! message (an array).

use serde::de;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most arguments one message takes (chrome.i18n has `$1`..`$9`).
pub const MAX_ARGS: usize = 9;

/// One argument of a message.
///
/// Equality treats numbers equal when they agree to 12 significant digits
/// (far beyond what is shown): JSON may read a float back a last bit off.
#[derive(Clone, Debug)]
pub enum Arg {
    /// A whole number, shown with the locale's grouping ("12,345").
    Int(i64),
    /// A number with this many decimals (0..=2).
    Num(f64, u8),
    /// A share 0..1 shown as a whole percent ("14%").
    Pct(f64),
    /// Points with their sign: "+7", "−3", "0".
    Signed(i32),
    /// Text from X: inserted as plain text, bidi-isolated (U+2068 ... U+2069).
    Text(String),
    /// Items joined with ", ".
    List(Vec<Arg>),
    /// A message inside a message.
    Msg(Message),
}

/// A message id with its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// A key of the locale files (`ev_ratio_label`); empty: not explained.
    pub id: &'static str,
    /// `$1`.. `$n` in order.
    pub args: Vec<Arg>,
}

impl Message {
    /// The message a fast (unexplained) path leaves in place of words.
    pub const EMPTY: Message = Message {
        id: "",
        args: Vec::new(),
    };

    /// A message without arguments.
    pub const fn bare(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// A message with arguments (at most [`MAX_ARGS`]; extra ones are dropped).
    pub fn new(id: &'static str, mut args: Vec<Arg>) -> Self {
        args.truncate(MAX_ARGS);
        Message { id, args }
    }

    /// True for [`Message::EMPTY`].
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b
        || (!a.is_finite() && !b.is_finite())
        || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

impl PartialEq for Arg {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Arg::Int(a), Arg::Int(b)) => a == b,
            (Arg::Num(a, da), Arg::Num(b, db)) => da == db && close(*a, *b),
            (Arg::Pct(a), Arg::Pct(b)) => close(*a, *b),
            (Arg::Signed(a), Arg::Signed(b)) => a == b,
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::List(a), Arg::List(b)) => a == b,
            (Arg::Msg(a), Arg::Msg(b)) => a == b,
            _ => false,
        }
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Msg(m)
    }
}

/// A whole count as an argument.
pub fn int(n: impl Into<i64>) -> Arg {
    Arg::Int(n.into())
}

/// A count that may exceed `i64` (saturates).
pub fn uint(n: u64) -> Arg {
    Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A number as the English wording always showed it: whole when it is
/// (and at least 1), else no decimals from 10, one from 1, two below.
pub fn num(v: f64) -> Arg {
    if !v.is_finite() {
        return Arg::Num(v, 0);
    }
    if (v - v.round()).abs() < 0.005 && v.abs() >= 1.0 {
        return Arg::Int(v.round() as i64);
    }
    let digits = if v.abs() >= 10.0 {
        0
    } else if v.abs() >= 1.0 {
        1
    } else {
        2
    };
    Arg::Num(shown(v, digits), digits)
}

/// `v` rounded to the `digits` decimals it is shown with, so a message
/// carries what the reader sees: the same verdict after a float's last bits
/// moved (a restart, a round trip) is the same message.
fn shown(v: f64, digits: u8) -> f64 {
    let scale = 10f64.powi(i32::from(digits));
    (v * scale).round() / scale
}

/// Signed points as an argument.
pub fn signed(p: i32) -> Arg {
    Arg::Signed(p)
}

/// Text from X as an argument.
pub fn text(t: impl Into<String>) -> Arg {
    Arg::Text(t.into())
}

/// A share shown as a whole percent (clamped to 0..1).
pub fn pct(v: f64) -> Arg {
    Arg::Pct(if v.is_finite() {
        shown(v.clamp(0.0, 1.0), 2)
    } else {
        v
    })
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Arg::Int(n) => s.serialize_i64(*n),
            Arg::Num(v, d) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("n", v)?;
                m.serialize_entry("d", d)?;
                m.end()
            }
            Arg::Pct(v) => one(s, "p", v),
            Arg::Signed(v) => one(s, "s", v),
            Arg::Text(t) => one(s, "t", t),
            Arg::List(items) => one(s, "l", items),
            Arg::Msg(m) => m.serialize(s),
        }
    }
}

fn one<S: Serializer, T: Serialize + ?Sized>(s: S, k: &str, v: &T) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(1))?;
    m.serialize_entry(k, v)?;
    m.end()
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(1 + self.args.len()))?;
        seq.serialize_element(self.id)?;
        for a in &self.args {
            seq.serialize_element(a)?;
        }
        seq.end()
    }
}

/// The same text as the `Serialize` impl above, without serde's serializer
/// (what the wasm writes; `tests/json_out_props.rs`).
impl crate::json_out::WriteJson for Arg {
    fn write_json(&self, out: &mut String) {
        use crate::json_out::{int, Obj};
        match self {
            Arg::Int(n) => int(out, *n),
            Arg::Num(v, d) => Obj::new(out).field("n", v).field("d", d).end(),
            Arg::Pct(v) => Obj::new(out).field("p", v).end(),
            Arg::Signed(v) => Obj::new(out).field("s", v).end(),
            Arg::Text(t) => Obj::new(out).field("t", t).end(),
            Arg::List(items) => Obj::new(out).field("l", items).end(),
            Arg::Msg(m) => m.write_json(out),
        }
    }
}

/// `["id", arg, ...]`, as the `Serialize` impl above writes it.
impl crate::json_out::WriteJson for Message {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        crate::json_out::string(out, self.id);
        for a in &self.args {
            out.push(',');
            a.write_json(out);
        }
        out.push(']');
    }
}

/// Ids read back from JSON that are not in [`IDS`] become
/// this id (saved verdicts from another version).
pub const UNKNOWN_ID: &str = "msg_unknown";

fn known_id(id: &str) -> &'static str {
    IDS.iter()
        .find(|(k, _)| *k == id)
        .map(|(k, _)| *k)
        .unwrap_or(if id.is_empty() { "" } else { UNKNOWN_ID })
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        message_from_value(&v).ok_or_else(|| de::Error::custom("not a message"))
    }
}

impl<'de> Deserialize<'de> for Arg {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        arg_from_value(&v).ok_or_else(|| de::Error::custom("not a message argument"))
    }
}

fn message_from_value(v: &serde_json::Value) -> Option<Message> {
    let items = v.as_array()?;
    let (first, rest) = items.split_first()?;
    let id = known_id(first.as_str()?);
    let args = rest
        .iter()
        .take(MAX_ARGS)
        .map(arg_from_value)
        .collect::<Option<Vec<_>>>()?;
    Some(Message { id, args })
}

fn arg_from_value(v: &serde_json::Value) -> Option<Arg> {
    use serde_json::Value;
    match v {
        Value::Number(n) => Some(Arg::Int(n.as_i64().unwrap_or(0))),
        Value::Array(_) => message_from_value(v).map(Arg::Msg),
        Value::Object(o) => {
            if let Some(n) = o.get("n") {
                let d = o.get("d").and_then(Value::as_u64).unwrap_or(0).min(2) as u8;
                Some(Arg::Num(n.as_f64().unwrap_or(f64::NAN), d))
            } else if let Some(p) = o.get("p") {
                Some(Arg::Pct(p.as_f64().unwrap_or(f64::NAN)))
            } else if let Some(s) = o.get("s") {
                Some(Arg::Signed(i32::try_from(s.as_i64()?).ok()?))
            } else if let Some(t) = o.get("t") {
                Some(Arg::Text(t.as_str()?.to_string()))
            } else if let Some(l) = o.get("l") {
                l.as_array()?
                    .iter()
                    .map(arg_from_value)
                    .collect::<Option<Vec<_>>>()
                    .map(Arg::List)
            } else {
                None
            }
        }
        _ => None,
    }
}

mod english {
    //! The native English renderer: templates from the en locale file. In
    //! the wasm there are no templates (the page renders messages), so it
    //! only names ids with their arguments.
    use super::{Arg, Message};
    use crate::evidence::words::{count, isolate};
    use std::collections::HashMap;
    use std::sync::OnceLock;

    /// The en locale file, as shipped (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub const EN_MESSAGES: &str = include_str!("../extension/_locales/en/messages.json");
    /// No templates in the wasm: the page renders messages.
    #[cfg(target_arch = "wasm32")]
    pub const EN_MESSAGES: &str = "{}";

    /// Every en template by id.
    pub fn templates() -> &'static HashMap<String, String> {
        static T: OnceLock<HashMap<String, String>> = OnceLock::new();
        T.get_or_init(|| {
            let v: serde_json::Value = crate::read::value_from_str(EN_MESSAGES).unwrap_or_default();
            v.as_object()
                .map(|o| {
                    o.iter()
                        .filter_map(|(k, e)| {
                            Some((k.clone(), e.get("message")?.as_str()?.to_string()))
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    fn number(v: f64, d: u8) -> String {
        if !v.is_finite() {
            return "?".to_string();
        }
        let s = crate::json_out::fixed(v.abs(), usize::from(d));
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w.to_string(), Some(f.to_string())),
            None => (s.clone(), None),
        };
        let grouped = count(whole.parse::<u64>().unwrap_or(0));
        let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        match frac {
            Some(f) => format!("{sign}{grouped}.{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    pub fn arg(a: &Arg) -> String {
        match a {
            Arg::Int(n) => {
                if *n < 0 {
                    format!("-{}", count(n.unsigned_abs()))
                } else {
                    count(n.unsigned_abs())
                }
            }
            Arg::Num(v, d) => number(*v, *d),
            Arg::Pct(v) if v.is_finite() => format!("{}%", (v * 100.0).round() as i64),
            Arg::Pct(_) => "?%".to_string(),
            Arg::Signed(p) => crate::evidence::words::signed(*p),
            Arg::Text(t) => isolate(t),
            Arg::List(items) => items.iter().map(arg).collect::<Vec<_>>().join(", "),
            Arg::Msg(m) => render(m),
        }
    }

    pub fn render(m: &Message) -> String {
        if m.is_empty() {
            return String::new();
        }
        let Some(t) = templates().get(m.id) else {
            let args: Vec<String> = m.args.iter().map(arg).collect();
            return if args.is_empty() {
                m.id.to_string()
            } else {
                format!("{} ({})", m.id, args.join("; "))
            };
        };
        let mut out = String::with_capacity(t.len() + 16);
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' {
                match chars.peek().copied() {
                    Some(d @ '1'..='9') => {
                        chars.next();
                        let i = (d as usize) - ('1' as usize);
                        if let Some(a) = m.args.get(i) {
                            out.push_str(&arg(a));
                        }
                        continue;
                    }
                    Some('$') => {
                        chars.next();
                        out.push('$');
                        continue;
                    }
                    _ => {}
                }
            }
            out.push(c);
        }
        out
    }
}

pub use english::{templates as english_templates, EN_MESSAGES};

impl Message {
    /// The message in English, from the en locale file (natively; the wasm
    /// has no templates and names the id with its arguments).
    pub fn english(&self) -> String {
        english::render(self)
    }

    /// True when the English rendering contains `pat` (for tests and the CLI).
    pub fn contains(&self, pat: &str) -> bool {
        self.english().contains(pat)
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

impl Arg {
    /// The argument in English.
    pub fn english(&self) -> String {
        english::arg(self)
    }
}

// ---- message ids (generated) ----
/// Every message id Rust can emit, with how many arguments it takes (the
/// en locale file has exactly the placeholders `$1`..`$n`; a test checks it).
pub const IDS: &[(&str, usize)] = &[
    ("ev_not_seen", 1),
    ("ev_seen_from", 2),
    ("ev_src_graphql", 0),
    ("ev_src_page", 0),
    ("ev_src_file", 0),
    ("ev_src_memory", 0),
    ("ev_about_years", 1),
    ("ev_quoted", 1),
    ("ev_ramp_low_none", 2),
    ("ev_ramp_low_at", 2),
    ("ev_ramp_threshold", 3),
    ("ev_place_full", 2),
    ("ev_place_full_from", 3),
    ("ev_place_full_at_most", 3),
    ("ev_place_penalty", 2),
    ("ev_place_nothing_from", 3),
    ("ev_place_nothing_below", 3),
    ("ev_place_zero", 0),
    ("ev_u_post_one", 1),
    ("ev_u_post_many", 1),
    ("ev_u_post_no", 0),
    ("ev_u_like_one", 1),
    ("ev_u_like_many", 1),
    ("ev_u_like_no", 0),
    ("ev_u_list_one", 1),
    ("ev_u_list_many", 1),
    ("ev_u_list_no", 0),
    ("ev_u_change_one", 1),
    ("ev_u_change_many", 1),
    ("ev_u_change_no", 0),
    ("ev_u_day_one", 1),
    ("ev_u_day_many", 1),
    ("ev_u_day_no", 0),
    ("ev_u_follow_day_one", 1),
    ("ev_u_follow_day_many", 1),
    ("ev_u_follow_day_no", 0),
    ("ev_u_post_day_one", 1),
    ("ev_u_post_day_many", 1),
    ("ev_u_post_day_no", 0),
    ("ev_u_post_week_one", 1),
    ("ev_u_post_week_many", 1),
    ("ev_u_post_week_no", 0),
    ("ev_u_observation_one", 1),
    ("ev_u_observation_many", 1),
    ("ev_u_observation_no", 0),
    ("ev_u_recent_post_one", 1),
    ("ev_u_recent_post_many", 1),
    ("ev_u_recent_post_no", 0),
    ("ev_u_time_one", 1),
    ("ev_u_time_many", 1),
    ("ev_u_time_no", 0),
    ("ev_u_interest_one", 1),
    ("ev_u_interest_many", 1),
    ("ev_u_interest_no", 0),
    ("ev_u_character_one", 1),
    ("ev_u_character_many", 1),
    ("ev_u_character_no", 0),
    ("ev_u_different_day_one", 1),
    ("ev_u_different_day_many", 1),
    ("ev_u_different_day_no", 0),
    ("ev_place_why", 2),
    ("ev_age_label", 0),
    ("ev_age_threshold", 4),
    ("ev_fact_join_date", 0),
    ("ev_age_why_young", 0),
    ("ev_age_why_old", 0),
    ("ev_age_why_neither", 0),
    ("ev_age_seen", 1),
    ("ev_avatar_label", 0),
    ("ev_avatar_threshold", 1),
    ("ev_fact_photo", 0),
    ("ev_avatar_seen_own", 0),
    ("ev_avatar_why_own", 0),
    ("ev_avatar_seen_default_old", 1),
    ("ev_avatar_why_default_old", 1),
    ("ev_avatar_seen_default", 0),
    ("ev_avatar_why_default", 0),
    ("ev_bio_label", 0),
    ("ev_bio_threshold", 0),
    ("ev_fact_bio", 0),
    ("ev_bio_seen_empty", 0),
    ("ev_bio_why_empty", 0),
    ("ev_bio_seen", 2),
    ("ev_bio_why_present", 0),
    ("ev_posts_label", 0),
    ("ev_posts_threshold", 4),
    ("ev_fact_post_count", 0),
    ("ev_posts_why_never", 0),
    ("ev_posts_why_few", 0),
    ("ev_posts_why_enough", 0),
    ("ev_activity_label", 0),
    ("ev_activity_threshold", 3),
    ("ev_fact_age_for_rate", 1),
    ("ev_activity_seen", 3),
    ("ev_activity_why_busy", 2),
    ("ev_activity_why_rate", 0),
    ("ev_twice", 0),
    ("ev_times", 1),
    ("ev_ratio_label", 0),
    ("ev_ratio_threshold", 5),
    ("ev_fact_follow_counts", 0),
    ("ev_ratio_seen", 2),
    ("ev_ratio_place_penalty_at", 3),
    ("ev_ratio_why_penalty", 2),
    ("ev_ratio_place_reward_at", 3),
    ("ev_ratio_why_reward", 1),
    ("ev_ratio_why_close", 0),
    ("ev_begging_label", 0),
    ("ev_begging_threshold", 1),
    ("ev_place_in_bio", 0),
    ("ev_place_in_name", 0),
    ("ev_fact_bio_and_name", 0),
    ("ev_and", 2),
    ("ev_found_in", 2),
    ("ev_semicolon", 2),
    ("ev_begging_seen_none", 1),
    ("ev_begging_why_none", 1),
    ("ev_begging_why_found", 0),
    ("ev_guru_label", 0),
    ("ev_guru_threshold", 1),
    ("ev_none_in_bio", 0),
    ("ev_found_in_bio", 1),
    ("ev_guru_why_none", 0),
    ("ev_guru_why_found", 0),
    ("ev_spam_label", 0),
    ("ev_spam_threshold", 1),
    ("ev_spam_seen_none", 0),
    ("ev_spam_why_none", 0),
    ("ev_spam_seen_found", 1),
    ("ev_spam_why_found", 0),
    ("ev_f4f_label", 0),
    ("ev_f4f_threshold", 2),
    ("ev_f4f_seen", 3),
    ("ev_f4f_why_mirror", 0),
    ("ev_f4f_why_high", 0),
    ("ev_f4f_why_small", 0),
    ("ev_cap_label", 0),
    ("ev_cap_threshold", 2),
    ("ev_cap_why_churn", 0),
    ("ev_cap_why_balanced", 0),
    ("ev_cap_why_far", 0),
    ("ev_listed_label", 0),
    ("ev_fact_list_count", 0),
    ("ev_listed_seen", 1),
    ("ev_listed_why_many", 0),
    ("ev_listed_why_few", 0),
    ("ev_verified_label", 0),
    ("ev_verified_threshold", 0),
    ("ev_verified_seen_gold", 0),
    ("ev_verified_seen_grey", 0),
    ("ev_verified_why_org", 0),
    ("ev_verified_seen_legacy", 0),
    ("ev_verified_why_legacy", 0),
    ("ev_verified_seen_paid", 0),
    ("ev_verified_why_paid", 0),
    ("ev_verified_seen_not", 0),
    ("ev_verified_why_not", 0),
    ("ev_fact_verification", 0),
    ("ev_follows_you_label", 0),
    ("ev_follows_you_threshold", 0),
    ("ev_fact_follows_you", 0),
    ("ev_follows_you_seen_yes", 0),
    ("ev_follows_you_why_yes", 0),
    ("ev_follows_you_seen_no", 0),
    ("ev_follows_you_why_no", 0),
    ("ev_likes_label", 0),
    ("ev_fact_like_count", 0),
    ("ev_likes_why_few", 0),
    ("ev_likes_why_many", 0),
    ("ev_likes_why_some", 0),
    ("ev_likes_per_none", 0),
    ("ev_likes_per_every", 1),
    ("ev_likes_per_label", 0),
    ("ev_likes_per_threshold", 3),
    ("ev_fact_like_and_post_counts", 0),
    ("ev_likes_per_seen", 2),
    ("ev_likes_per_place_from", 3),
    ("ev_likes_per_why_extreme", 1),
    ("ev_likes_per_why_fine", 0),
    ("ev_handle_label", 0),
    ("ev_handle_threshold", 3),
    ("ev_fact_handle", 0),
    ("ev_handle_no_digits", 0),
    ("ev_handle_one_digit", 0),
    ("ev_handle_digits", 1),
    ("ev_handle_seen", 2),
    ("ev_handle_why_digits", 3),
    ("ev_handle_why_chosen", 0),
    ("ev_growth_label", 0),
    ("ev_growth_threshold", 3),
    ("ev_fact_following_count", 0),
    ("ev_fact_account_age", 0),
    ("ev_growth_seen", 3),
    ("ev_growth_why_fast", 1),
    ("ev_growth_why_pace", 0),
    ("ev_bare_label", 0),
    ("ev_bare_threshold", 1),
    ("ev_fact_bio_location_following", 0),
    ("ev_bare_seen_bare", 1),
    ("ev_bare_seen_given", 1),
    ("ev_bare_why_bare", 0),
    ("ev_bare_why_not", 0),
    ("ev_automated_label", 0),
    ("ev_automated_threshold", 0),
    ("ev_fact_automated_label", 0),
    ("ev_automated_seen_by", 1),
    ("ev_automated_seen", 0),
    ("ev_automated_why_bot", 0),
    ("ev_automated_seen_no", 0),
    ("ev_automated_why_no", 0),
    ("ev_parody_label", 0),
    ("ev_parody_threshold", 0),
    ("ev_parody_seen", 1),
    ("ev_parody_why", 0),
    ("ev_fact_parody_label", 0),
    ("ev_identity_label", 0),
    ("ev_identity_threshold", 0),
    ("ev_identity_seen_yes", 0),
    ("ev_identity_why_yes", 0),
    ("ev_identity_seen_no", 0),
    ("ev_identity_why_no", 0),
    ("ev_username_label", 0),
    ("ev_username_threshold", 3),
    ("ev_fact_username_changes", 0),
    ("ev_username_seen", 1),
    ("ev_username_why_many", 0),
    ("ev_username_why_few", 0),
    ("ev_or_2", 2),
    ("ev_or_3", 3),
    ("ev_self_bot_label", 0),
    ("ev_self_bot_threshold", 0),
    ("ev_place_in_handle", 0),
    ("ev_self_bot_seen", 2),
    ("ev_self_bot_why_yes", 0),
    ("ev_fact_handle_name_bio", 0),
    ("ev_self_bot_seen_no", 1),
    ("ev_self_bot_why_no", 0),
    ("ev_fact_recent_posts", 0),
    ("ev_fact_enough_posts", 2),
    ("ev_share_own_posts", 2),
    ("ev_share_recent_posts", 2),
    ("ev_share_original_posts", 2),
    ("ev_links_label", 0),
    ("ev_links_threshold", 1),
    ("ev_links_seen_reposts", 1),
    ("ev_links_why_reposts", 0),
    ("ev_links_seen", 1),
    ("ev_links_why_links", 0),
    ("ev_links_why_words", 0),
    ("ev_repeats_label", 0),
    ("ev_repeats_threshold", 1),
    ("ev_repeats_seen_none", 1),
    ("ev_repeats_why_none", 0),
    ("ev_repeats_seen", 2),
    ("ev_repeats_seen_no", 1),
    ("ev_repeats_why_repeats", 0),
    ("ev_repeats_why_no", 0),
    ("ev_timing_label", 0),
    ("ev_timing_threshold", 2),
    ("ev_fact_enough_post_times", 2),
    ("ev_timing_seen_gaps", 1),
    ("ev_timing_seen_minute", 1),
    ("ev_timing_seen_second", 1),
    ("ev_timing_sign_gaps", 0),
    ("ev_timing_sign_minutes", 0),
    ("ev_timing_sign_seconds", 0),
    ("ev_timing_sign_even", 0),
    ("ev_timing_seen", 2),
    ("ev_timing_why_person", 0),
    ("ev_comma_and", 2),
    ("ev_timing_why_machine", 1),
    ("ev_rate_label", 0),
    ("ev_rate_threshold", 3),
    ("ev_fact_post_times", 0),
    ("ev_rate_seen", 3),
    ("ev_rate_why_fast", 1),
    ("ev_rate_why_person", 0),
    ("ev_client_label", 0),
    ("ev_client_threshold", 3),
    ("ev_fact_enough_apps", 2),
    ("ev_client_seen_none", 1),
    ("ev_client_seen", 3),
    ("ev_client_why_tool", 3),
    ("ev_client_why_typed", 0),
    ("ev_begging_posts_label", 0),
    ("ev_begging_posts_threshold", 1),
    ("ev_begging_posts_seen_none", 1),
    ("ev_begging_posts_why_none", 0),
    ("ev_begging_posts_why_many", 0),
    ("ev_begging_posts_why_few", 0),
    ("ev_conv_seen_one", 1),
    ("ev_conv_seen_many", 1),
    ("ev_conv_label", 0),
    ("ev_conv_threshold", 1),
    ("ev_conv_why_talks", 0),
    ("ev_conv_why_broadcasts", 0),
    ("ev_guru_silent_label", 0),
    ("ev_guru_silent_threshold", 1),
    ("ev_guru_silent_seen_none", 0),
    ("ev_guru_silent_why_none", 0),
    ("ev_guru_silent_why_silent", 0),
    ("ev_guru_silent_why_talks", 0),
    ("ev_variety_label", 0),
    ("ev_variety_threshold", 2),
    ("ev_variety_seen", 4),
    ("ev_variety_why_reposts", 0),
    ("ev_variety_why_mix", 0),
    ("ev_variety_kind_own", 0),
    ("ev_variety_kind_shared", 0),
    ("ev_variety_kind_replies", 0),
    ("ev_variety_kind_one", 0),
    ("ev_variety_why_few", 1),
    ("ev_promo_label", 0),
    ("ev_promo_threshold", 1),
    ("ev_fact_enough_originals", 2),
    ("ev_promo_seen", 1),
    ("ev_promo_why_sales", 0),
    ("ev_promo_why_not", 0),
    ("ev_last_post_label", 0),
    ("ev_last_post_threshold", 2),
    ("ev_fact_post_time", 0),
    ("ev_last_post_seen_today", 0),
    ("ev_last_post_seen", 1),
    ("ev_last_post_why_abandoned", 1),
    ("ev_last_post_why_quiet", 1),
    ("ev_last_post_why_active", 0),
    ("ev_recent_rate_label", 0),
    ("ev_recent_rate_threshold", 3),
    ("ev_recent_rate_seen", 3),
    ("ev_recent_rate_why_slow", 2),
    ("ev_recent_rate_why_often", 0),
    ("ev_interests_label", 0),
    ("ev_interests_threshold_none", 0),
    ("ev_interests_why_none_listed", 0),
    ("ev_interests_threshold", 1),
    ("ev_fact_bio_and_posts", 0),
    ("ev_interests_looked_bio", 0),
    ("ev_interests_looked_both", 1),
    ("ev_interests_why_none", 0),
    ("ev_interests_seen_matching", 2),
    ("ev_interests_why_found", 0),
    ("ev_ix_replied", 1),
    ("ev_ix_mentioned", 1),
    ("ev_ix_messaged", 1),
    ("ev_ix_reposted", 1),
    ("ev_ix_liked", 1),
    ("ev_ix_followed", 1),
    ("ev_ix_label", 0),
    ("ev_ix_threshold", 2),
    ("ev_comma", 2),
    ("ev_ix_seen_recent", 3),
    ("ev_ix_seen_last_today", 0),
    ("ev_ix_seen_last", 1),
    ("ev_ix_why_nothing", 0),
    ("ev_ix_why_repeated", 0),
    ("ev_ix_why_recent", 0),
    ("ev_ix_some_time_ago", 0),
    ("ev_ago", 1),
    ("ev_ix_why_past", 1),
    ("ev_churn_label", 0),
    ("ev_churn_threshold", 2),
    ("ev_fact_earlier_counts", 0),
    ("ev_churn_seen_over", 2),
    ("ev_churn_seen_rise", 2),
    ("ev_churn_seen_fall", 2),
    ("ev_churn_seen_reversal", 1),
    ("ev_churn_seen_reversals", 1),
    ("ev_churn_seen_unchanged", 0),
    ("ev_churn_why_repeated", 0),
    ("ev_churn_why_once", 0),
    ("ev_churn_why_steady", 0),
    ("ev_limit_label", 0),
    ("ev_limit_seen", 1),
    ("ev_limit_threshold", 0),
    ("ev_limit_why_high", 0),
    ("ev_limit_why_low", 0),
    ("sum_down_begging", 0),
    ("sum_down_begging_posts", 0),
    ("sum_down_guru", 0),
    ("sum_down_spam_words", 0),
    ("sum_down_bio", 0),
    ("sum_up_bio", 0),
    ("sum_down_avatar", 0),
    ("sum_up_avatar", 0),
    ("sum_down_ratio", 0),
    ("sum_up_ratio", 0),
    ("sum_down_following_cap", 0),
    ("sum_down_follow_for_follow", 0),
    ("sum_down_activity", 0),
    ("sum_down_posts", 0),
    ("sum_up_posts", 0),
    ("sum_down_likes_per_post", 0),
    ("sum_down_listed", 0),
    ("sum_up_listed", 0),
    ("sum_down_likes", 0),
    ("sum_up_likes", 0),
    ("sum_down_handle", 0),
    ("sum_down_following_growth", 0),
    ("sum_down_bare_profile", 0),
    ("sum_up_verified", 0),
    ("sum_down_age", 0),
    ("sum_up_age", 0),
    ("sum_up_follows_you", 0),
    ("sum_down_automation_links", 0),
    ("sum_down_automation_repeats", 0),
    ("sum_down_automation_timing", 0),
    ("sum_down_automation_rate", 0),
    ("sum_down_variety", 0),
    ("sum_up_variety", 0),
    ("sum_down_self_promotion", 0),
    ("sum_down_conversation", 0),
    ("sum_up_conversation", 0),
    ("sum_down_guru_silent", 0),
    ("sum_down_last_post", 0),
    ("sum_up_last_post", 0),
    ("sum_down_recent_rate", 0),
    ("sum_up_recent_rate", 0),
    ("sum_down_interests", 0),
    ("sum_up_interests", 0),
    ("sum_up_interactions", 0),
    ("sum_down_churn", 0),
    ("sum_down_automated", 0),
    ("sum_down_self_declared_bot", 0),
    ("sum_down_parody", 0),
    ("sum_up_identity", 0),
    ("sum_down_username_changes", 0),
    ("sum_down_posting_client", 0),
    ("sum_label_against", 1),
    ("sum_label_for", 1),
    ("sum_and_2", 2),
    ("sum_and_3", 3),
    ("sum_and_4", 4),
    ("sum_why_too_little", 1),
    ("sum_why_nothing", 1),
    ("sum_why_list", 2),
    ("sum_why_but", 3),
    ("sum_why_for_only", 2),
    ("sum_why_against_only", 2),
    ("sum_sure_low", 0),
    ("sum_sure_medium", 0),
    ("sum_sure_high", 0),
    ("sum_src_profile", 0),
    ("sum_src_posts", 0),
    ("sum_src_interactions", 0),
    ("sum_src_history", 0),
    ("sum_seen_nothing", 1),
    ("sum_based_only", 1),
    ("sum_based", 1),
    ("sum_seen", 2),
    ("sum_seen_no_posts", 2),
    ("sum_limit_high", 0),
    ("sum_limit_low", 0),
    ("sc_topic_asking", 0),
    ("sc_topic_dms", 0),
    ("sc_topic_automation", 0),
    ("sc_topic_socialising", 0),
    ("sc_topic_variety", 0),
    ("sc_topic_bio_photo", 0),
    ("sc_topic_relationships", 0),
    ("sc_topic_churn", 0),
    ("sc_topic_activity", 0),
    ("sc_topic_other", 0),
    ("sc_summary_nodata", 1),
    ("sc_summary", 2),
    ("sc_advice_dms", 0),
    ("sc_text_dms", 1),
    ("sc_fact_counts", 2),
    ("sc_phrase", 1),
    ("sc_place_bio_name", 0),
    ("sc_place_name", 0),
    ("sc_place_bio", 0),
    ("sc_what_hashtag", 0),
    ("sc_what_hashtags", 0),
    ("sc_what_words", 0),
    ("sc_fact_in_your", 2),
    ("sc_advice_remove", 1),
    ("sc_advice_rewrite", 2),
    ("sc_advice_guru", 0),
    ("sc_text_begging", 3),
    ("sc_text_spam", 3),
    ("sc_text_guru", 2),
    ("sc_advice_bio", 0),
    ("sc_fact_empty_bio", 0),
    ("sc_text_bio", 1),
    ("sc_advice_ratio", 0),
    ("sc_text_ratio", 3),
    ("sc_text_ratio_one", 2),
    ("sc_advice_cap", 0),
    ("sc_text_cap", 3),
    ("sc_text_cap_one", 2),
    ("sc_advice_f4f", 0),
    ("sc_text_f4f", 3),
    ("sc_text_f4f_one", 2),
    ("sc_advice_avatar", 0),
    ("sc_text_avatar", 2),
    ("sc_advice_handle", 0),
    ("sc_text_handle", 2),
    ("sc_advice_bare", 0),
    ("sc_text_bare", 2),
    ("sc_advice_churn", 0),
    ("sc_text_churn", 2),
    ("sc_advice_growth", 0),
    ("sc_text_growth", 2),
    ("sc_advice_begging_posts", 0),
    ("sc_text_begging_posts", 2),
    ("sc_advice_links", 0),
    ("sc_text_links", 2),
    ("sc_advice_repeats", 0),
    ("sc_text_repeats", 2),
    ("sc_advice_timing", 0),
    ("sc_text_timing", 2),
    ("sc_advice_rate", 0),
    ("sc_text_rate", 2),
    ("sc_advice_guru_silent", 0),
    ("sc_text_guru_silent", 2),
    ("sc_advice_conversation", 0),
    ("sc_text_conversation", 2),
    ("sc_advice_variety", 0),
    ("sc_text_variety", 2),
    ("sc_advice_promo", 0),
    ("sc_text_promo", 2),
    ("sc_advice_quiet", 0),
    ("sc_text_quiet", 2),
    ("sc_advice_likes", 0),
    ("sc_text_likes", 2),
    ("sc_advice_age", 0),
    ("sc_text_age", 2),
    ("sc_advice_listed", 0),
    ("sc_text_listed", 2),
    ("sc_text_other", 4),
    ("sc_fine_no_claims", 0),
    ("sc_fine_asking", 0),
    ("sc_fine_automation", 0),
    ("sc_fine_socialising", 0),
    ("sc_fine_variety", 0),
    ("sc_fine_bio_photo", 0),
    ("sc_fine_relationships", 0),
    ("sc_fine_churn", 0),
    ("sc_fine_activity", 0),
    ("sc_fine_nothing", 0),
    ("sc_needs_asking_both", 0),
    ("sc_needs_asking_posts", 0),
    ("sc_needs_asking_posts_too", 0),
    ("sc_needs_asking_profile", 0),
    ("sc_needs_automation", 0),
    ("sc_needs_automation_too", 0),
    ("sc_needs_variety", 0),
    ("sc_needs_variety_too", 0),
    ("sc_needs_socialising", 0),
    ("sc_needs_socialising_too", 0),
    ("sc_needs_socialising_bio", 0),
    ("sc_needs_bio_photo", 0),
    ("sc_needs_bio_photo_too", 0),
    ("sc_needs_relationships", 0),
    ("sc_needs_relationships_too", 0),
    ("sc_needs_churn_later", 0),
    ("sc_needs_churn", 0),
    ("sc_needs_churn_too", 0),
    ("sc_needs_activity_posts", 0),
    ("sc_needs_activity_posts_too", 0),
    ("sc_needs_activity", 0),
    ("sc_needs_activity_too", 0),
    ("msg_unknown", 0),
    ("level_follow_back", 0),
    ("level_maybe", 0),
    ("level_skip", 0),
    ("level_not_enough_data", 0),
];
// ---- end of message ids ----
