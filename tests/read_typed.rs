//! The typed streaming page reader against the generic walker: on every
//! fixture and on generated X-shaped pages (users of each generation, with
//! missing fields, wrong types, repeated keys, escapes and hostile parts),
//! `read_page` yields exactly what `read_page_generic` yields, and the pages
//! X really sends (Followers-like timelines of users) take the typed path.

use followback::read::{read_page, read_page_generic, read_page_typed};
use proptest::prelude::*;
use serde_json::{json, Value};

fn fixture_files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["graphql", "viewer", "v11"] {
        let path = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<_> = std::fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            out.push((
                format!(
                    "{dir}/{}",
                    p.file_name().unwrap_or_default().to_string_lossy()
                ),
                text,
            ));
        }
    }
    out
}

#[test]
fn every_fixture_reads_the_same_both_ways() {
    let mut typed = Vec::new();
    for (name, text) in fixture_files() {
        assert_eq!(read_page(&text), read_page_generic(&text), "{name}");
        if let Some(r) = read_page_typed(&text) {
            assert_eq!(r, read_page_generic(&text), "{name} (typed alone)");
            typed.push(name);
        }
    }
    eprintln!("typed: {typed:?}");
    for name in [
        "graphql/followers_gen1.json",
        "graphql/followers_gen2.json",
        "graphql/followers_gen3.json",
        "graphql/following.json",
    ] {
        assert!(
            typed.iter().any(|t| t == name),
            "{name} is read by the typed reader"
        );
    }
}

// ---------------------------------------------------------------------------
// Generated X-shaped pages
// ---------------------------------------------------------------------------

/// SplitMix64, so one proptest seed stands for one whole page.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len() as u64) as usize)
            .copied()
            .unwrap_or("")
    }
}

/// JSON text of `v` with each object's keys in a random order (X's order is
/// not alphabetical; the generic reader's map is).
fn write(v: &Value, rng: &mut Rng, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            for i in (1..keys.len()).rev() {
                keys.swap(i, rng.below(i as u64 + 1) as usize);
            }
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                if let Some(child) = m.get(*k) {
                    write(child, rng, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, rng, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

const TEXTS: &[&str] = &[
    "Science writer. Opinions mine.",
    "#TeamFollowBack #F4F 100% follow back",
    "",
    "  ",
    "東京在住のエンジニア",
    "emoji \u{1f600} and é",
    "<img src=x onerror=alert(1)>",
    "link https://t.co/abc here https://t.co/abcd",
];

/// A value of an unexpected type, or an X-ish one written another way.
fn odd(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => json!({"a": 1}),
        2 => json!([1, 2]),
        3 => json!(true),
        4 => json!("12"),
        5 => json!(-4),
        6 => json!(3.0),
        7 => json!(""),
        _ => json!("TRUE"),
    }
}

/// A count as X writes it, or as a string, a float, or something odd.
fn count(rng: &mut Rng) -> Value {
    let n = rng.below(100_000);
    match rng.below(10) {
        0 => json!(n.to_string()),
        1 => json!(n as f64),
        2 => odd(rng),
        _ => json!(n),
    }
}

fn text(rng: &mut Rng) -> Value {
    if rng.chance(8) {
        odd(rng)
    } else {
        json!(rng.pick(TEXTS))
    }
}

fn flag(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => json!("true"),
        1 => odd(rng),
        _ => json!(rng.chance(50)),
    }
}

/// Removes some fields (missing facts) from an object.
fn drop_some(v: &mut Value, rng: &mut Rng, percent: u64) {
    if let Value::Object(m) = v {
        let keys: Vec<String> = m.keys().cloned().collect();
        for k in keys {
            if rng.chance(percent) {
                m.remove(&k);
            }
        }
    }
}

fn urls(rng: &mut Rng) -> Value {
    let n = rng.below(3);
    Value::Array(
        (0..n)
            .map(|i| {
                json!({"url": if rng.chance(80) { json!(format!("https://t.co/ab{i}")) } else { odd(rng) },
                       "expanded_url": format!("https://site{i}.example.com/"),
                       "display_url": "site.example.com", "indices": [0, 23]})
            })
            .collect(),
    )
}

fn label(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => json!({"label": {"userLabelType": "AutomatedLabel",
                    "longDescription": {"text": "Automated by @op_one",
                        "entities": [{"ref": {"screen_name": "op_two"}}]}}}),
        1 => json!({"label": {"userLabelType": "BusinessLabel", "description": "Acme"}}),
        2 => odd(rng),
        _ => json!({}),
    }
}

/// A user result of generation `generation` with id `id` (possibly perturbed when `odd_ones`).
fn user(rng: &mut Rng, generation: u64, id: u64, odd_ones: bool) -> Value {
    let handle = format!("user_{id}");
    let p = if odd_ones { 12 } else { 0 };
    let mut core = json!({"screen_name": if odd_ones && rng.chance(5) { odd(rng) } else { json!(handle) },
                          "name": text(rng), "created_at": "Mon Jan 10 02:06:34 +0000 2011"});
    drop_some(&mut core, rng, p);
    let mut legacy = json!({
        "screen_name": handle, "name": text(rng), "id_str": id.to_string(),
        "created_at": if rng.chance(90) { json!("Sat Mar 02 10:00:00 +0000 2019") } else { odd(rng) },
        "description": text(rng), "location": text(rng),
        "url": "https://t.co/site",
        "entities": {"description": {"urls": urls(rng)}, "url": {"urls": urls(rng)}},
        "profile_image_url_https": if rng.chance(20) {
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
        } else { "https://pbs.twimg.com/profile_images/1/a_normal.jpg" },
        "followers_count": count(rng), "friends_count": count(rng), "statuses_count": count(rng),
        "media_count": count(rng), "favourites_count": count(rng), "listed_count": count(rng),
        "default_profile": flag(rng), "default_profile_image": flag(rng), "verified": flag(rng),
        "protected": flag(rng), "followed_by": flag(rng), "following": flag(rng),
        "verified_type": rng.pick(&["Business", "Government", "Blue", "None", "Press"]),
        "parody_commentary_fan_label": rng.pick(&["None", "Parody", "Fan account"]),
        "fast_followers_count": 0, "withheld_in_countries": [], "pinned_tweet_ids_str": ["1"],
        "status": {"created_at": "Sun Nov 01 10:00:00 +0000 2026"}
    });
    drop_some(&mut legacy, rng, if odd_ones { 15 } else { 0 });
    let mut u = json!({
        "__typename": "User",
        "id": format!("VXNlcjo{id}"),
        "rest_id": if odd_ones && rng.chance(5) { odd(rng) } else { json!(id.to_string()) },
        "is_blue_verified": flag(rng),
        "affiliates_highlighted_label": label(rng),
        "dm_permissions": {"can_dm": false},
        "tipjar_settings": {},
        "profile_image_shape": "Circle",
    });
    let Value::Object(m) = &mut u else { return u };
    match generation {
        1 => {
            m.insert("legacy".into(), legacy);
        }
        2 | 3 => {
            m.insert("core".into(), core);
            m.insert(
                "avatar".into(),
                json!({"image_url": "https://pbs.twimg.com/profile_images/2/b_normal.jpg"}),
            );
            m.insert("location".into(), json!({"location": text(rng)}));
            m.insert("privacy".into(), json!({"protected": flag(rng)}));
            m.insert(
                "verification".into(),
                json!({"verified": flag(rng), "verified_type": rng.pick(&["Business", "Blue"])}),
            );
            m.insert(
                "verification_info".into(),
                json!({"is_identity_verified": flag(rng)}),
            );
            m.insert(
                "relationship_perspectives".into(),
                json!({"following": flag(rng), "followed_by": flag(rng)}),
            );
            m.insert(
                "parody_commentary_fan_label".into(),
                json!(rng.pick(&["None", "Commentary"])),
            );
            m.insert(
                "profile_bio".into(),
                json!({"description": text(rng),
                "entities": {"description": {"urls": urls(rng)}, "url": {"urls": urls(rng)}}}),
            );
            if generation == 2 {
                if let Value::Object(l) = &mut legacy {
                    for k in [
                        "screen_name",
                        "name",
                        "created_at",
                        "location",
                        "profile_image_url_https",
                    ] {
                        l.remove(k);
                    }
                    l.insert("description".into(), json!(""));
                }
                m.insert("legacy".into(), legacy);
            } else {
                m.insert(
                    "relationship_counts".into(),
                    json!({"followers": count(rng), "following": count(rng)}),
                );
                m.insert(
                    "tweet_counts".into(),
                    json!({"tweets": count(rng), "media_tweets": count(rng)}),
                );
                m.insert(
                    "action_counts".into(),
                    json!({"favorites_count": count(rng)}),
                );
                m.insert("website".into(), json!({"url": "https://gen3.example.com"}));
                m.insert(
                    "about_profile".into(),
                    json!({"username_changes": {"count": count(rng)},
                                                        "account_based_in": text(rng)}),
                );
                m.insert(
                    "banner".into(),
                    json!({"image_url": "https://pbs.twimg.com/b"}),
                );
                m.insert("pinned_items".into(), json!({"tweet_ids_str": []}));
            }
        }
        _ => {}
    }
    if odd_ones {
        match rng.below(14) {
            // A user nested in an unknown child (walked by both readers).
            0 => {
                m.insert(
                    "professional".into(),
                    json!({"owner": {"__typename": "User", "rest_id": "77",
                    "core": {"screen_name": "nested_owner"}}}),
                );
            }
            // A post in an unknown child.
            1 => {
                m.insert("highlights".into(), json!({"tweet": {"__typename": "Tweet", "rest_id": "5",
                    "legacy": {"full_text": "pinned", "created_at": "Sun Nov 01 10:00:00 +0000 2026"}}}));
            }
            2 => {
                m.insert("core".into(), odd(rng));
            }
            3 => {
                m.insert("legacy".into(), odd(rng));
            }
            4 => {
                m.remove("__typename");
            }
            5 => {
                m.insert("__typename".into(), json!("UserUnavailable"));
            }
            6 => {
                m.insert("extra".into(), json!({"deep": [[[{"screen_name": "x"}]]]}));
            }
            _ => {}
        }
    }
    u
}

fn entry(rng: &mut Rng, i: u64, generation: u64, odd_ones: bool) -> Value {
    let id = 1000 + rng.below(if odd_ones { 12 } else { 1_000_000 });
    let u = user(rng, generation, id, odd_ones);
    let item = json!({"itemType": "TimelineUser", "__typename": "TimelineUser",
                      "user_results": {"result": u}, "userDisplayType": "User"});
    let kind = if odd_ones { rng.below(10) } else { 9 };
    match kind {
        0 => json!({"entryId": format!("cursor-bottom-{i}"),
                    "content": {"entryType": "TimelineTimelineCursor", "value": "x"}}),
        1 => {
            json!({"entryId": format!("list-{i}"), "content": {"entryType": "TimelineTimelineModule",
                    "items": [{"entryId": format!("list-{i}-user"), "item": {"itemContent": item}},
                              {"entryId": format!("list-{i}-cursor-1"), "item": {"itemContent": {"itemType": "TimelineTimelineCursor"}}}]}})
        }
        2 => {
            json!({"entryId": format!("user-{i}"), "content": {"entryType": "TimelineTimelineItem",
                    "itemContent": {"itemType": "TimelineUser", "user_results": {"result": {"__typename": "UserUnavailable", "rest_id": "9"}}}}})
        }
        3 => {
            json!({"entryId": format!("tweet-{i}"), "content": {"entryType": "TimelineTimelineItem",
                    "itemContent": {"itemType": "TimelineTweet", "tweet_results": {"result": {"__typename": "Tweet",
                    "rest_id": format!("{}", 50 + i), "core": {"user_results": {"result": u}},
                    "legacy": {"full_text": "hello", "created_at": "Sun Nov 01 10:00:00 +0000 2026"}}}}}})
        }
        4 => {
            json!({"entryId": format!("user-{i}"), "content": {"entryType": "TimelineTimelineItem",
                    "itemContent": {"itemType": "TimelineMessagePrompt", "content": {}}}})
        }
        5 => json!({"entryId": format!("user-{i}"), "content": null}),
        _ => json!({"entryId": format!("user-{i}"), "sortIndex": "18590000",
                    "content": {"entryType": "TimelineTimelineItem", "__typename": "TimelineTimelineItem",
                    "itemContent": item, "clientEventInfo": {"component": "FollowersSgs"}}}),
    }
}

/// One Followers-like page of `n` users of `generation` (0: mixed).
fn page(seed: u64, n: u64, generation: u64, odd_ones: bool) -> String {
    let mut rng = Rng(seed);
    let entries: Vec<Value> = (0..n)
        .map(|i| {
            let g = if generation == 0 {
                1 + rng.below(3)
            } else {
                generation
            };
            entry(&mut rng, i, g, odd_ones)
        })
        .collect();
    let mut instructions = vec![
        json!({"type": "TimelineClearCache"}),
        json!({"type": "TimelineAddEntries", "entries": entries}),
    ];
    if odd_ones && rng.chance(20) {
        let pinned = entry(&mut rng, 999, 3, false);
        instructions.push(json!({"type": "TimelinePinEntry", "entry": pinned}));
    }
    let mut doc = json!({"data": {"user": {"result": {"__typename": "User", "timeline": {"timeline": {
        "instructions": instructions, "metadata": {"scribeConfig": {"page": "followers"}}}}}}}});
    if odd_ones && rng.chance(15) {
        doc["errors"] = json!([{"message": "Timeout: Unspecified", "path": ["user"]}]);
    }
    let mut out = String::new();
    write(&doc, &mut rng, &mut out);
    if odd_ones && rng.chance(10) {
        // A lone surrogate escape (a cut emoji), as X can send.
        out = out.replacen("Science writer", "Science \\ud83d writer", 1);
    }
    if odd_ones && rng.chance(10) {
        // Escaped keys and text.
        out = out.replacen("\"rest_id\"", "\"rest\\u005fid\"", 1);
        out = out.replacen("Opinions", "Opini\\u00f3ns", 1);
    }
    if odd_ones && rng.chance(10) {
        // A repeated key: the last one counts.
        out = out.replacen(
            "\"__typename\":\"User\",",
            "\"__typename\":\"User\",\"__typename\":\"User\",",
            1,
        );
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Pages X sends, of each generation: the typed reader reads them, and
    /// exactly as the generic walker does.
    #[test]
    fn x_pages_are_typed_and_equal(seed in any::<u64>(), n in 1u64..30, generation in 1u64..=3) {
        let text = page(seed, n, generation, false);
        let generic = read_page_generic(&text);
        prop_assert!(generic.is_ok(), "{generic:?}");
        let typed = read_page_typed(&text);
        prop_assert!(typed.is_some(), "the typed reader refused a plain page");
        prop_assert_eq!(typed, Some(generic.clone()));
        prop_assert_eq!(read_page(&text), generic);
    }

    /// Odd pages (missing fields, wrong types, nested users and posts,
    /// modules, cursors, escapes, repeated keys): the same result both ways,
    /// whichever reader `read_page` ends up using.
    #[test]
    fn odd_pages_read_the_same(seed in any::<u64>(), n in 1u64..25, generation in 0u64..=3) {
        let text = page(seed, n, generation, true);
        let generic = read_page_generic(&text);
        prop_assert_eq!(read_page(&text), generic.clone());
        if let Some(typed) = read_page_typed(&text) {
            prop_assert_eq!(typed, generic);
        }
    }
}

#[test]
fn odd_pages_mostly_stay_typed() {
    let (mut typed, mut all) = (0, 0);
    for seed in 0..200u64 {
        let text = page(seed, 4, seed % 4, true);
        all += 1;
        if read_page_typed(&text).is_some() {
            typed += 1;
        }
    }
    eprintln!("{typed} of {all} odd pages typed");
    assert!(
        typed * 4 >= all,
        "only {typed} of {all} odd pages took the typed path"
    );
}

/// One account with a field of the wrong type, or a broken part, among good
/// ones: the others keep every fact, whichever reader reads the page.
#[test]
fn a_wrong_field_loses_no_other_account() {
    let good = |id: u64| user(&mut Rng(id), 3, id, false);
    let mut broken = vec![good(1), good(2), good(3)];
    broken[1]["relationship_counts"]["followers"] = json!({"a": 1});
    broken[1]["core"]["name"] = json!([1, 2]);
    let mut wrong_shape = vec![good(1), good(2), good(3)];
    wrong_shape[1]["privacy"] = json!("not an object");
    for users in [broken, wrong_shape] {
        let entries: Vec<Value> = users
            .into_iter()
            .map(|u| json!({"entryId": "user-x", "content": {"itemContent": {"itemType": "TimelineUser", "user_results": {"result": u}}}}))
            .collect();
        let text = json!({"data": {"user": {"result": {"timeline": {"timeline": {"instructions": [
            {"type": "TimelineAddEntries", "entries": entries}]}}}}}})
        .to_string();
        let obs = read_page(&text).expect("the page reads");
        assert_eq!(obs.accounts.len(), 3, "{text}");
        let alone = read_page(
            &json!({"data": {"user": {"result": {"timeline": {"timeline": {"instructions": [
                {"type": "TimelineAddEntries", "entries": [{"entryId": "user-1", "content": {"itemContent": {
                    "itemType": "TimelineUser", "user_results": {"result": good(1)}}}}]}]}}}}}})
            .to_string(),
        )
        .expect("one user reads");
        assert_eq!(
            obs.accounts.first(),
            alone.accounts.first(),
            "the first account kept its facts"
        );
        assert_eq!(Ok(obs), read_page_generic(&text));
    }
}

/// Hand-written edge cases of the typed shapes: arrays where objects go,
/// repeated keys, nulls where X sends objects, a null `type`, escaped keys.
#[test]
fn edge_shapes_read_the_same() {
    let user = r#"{"__typename":"User","rest_id":"5","core":{"screen_name":"ann","name":"Ann"},"relationship_counts":{"followers":3}}"#;
    let wrap = |result: &str| {
        let head = r#"{"data":{"user":{"result":{"timeline":{"timeline":{"instructions":[{"type":"TimelineAddEntries","entries":[{"entryId":"user-1","content":{"itemContent":{"itemType":"TimelineUser","user_results":{"result":"#;
        let tail = "}}}}]}]}}}}}}";
        format!("{head}{result}{tail}")
    };
    let cases = [
        wrap(user),
        wrap(&user.replace(r#"{"screen_name":"ann","name":"Ann"}"#, r#"["ann","Ann",""]"#)),
        wrap(&user.replace(r#""name":"Ann""#, r#""name":"Ann","name":"Bo""#)),
        wrap(&user.replace(r#""followers":3"#, r#""followers":3,"followers":4"#)),
        wrap(&user.replace(r#""rest_id":"5""#, r#""rest_id":"5","rest_id":"6""#)),
        wrap(&user.replace(r#""core""#, r#""c\u006fre""#)),
        wrap(&user.replace(r#"{"followers":3}"#, "null")),
        wrap(&user.replace(r#"{"followers":3}"#, "[3]")),
        wrap(&user.replace(r#""__typename":"User","#, r#""__typename":"User","dm":{"a":[[{"b":1}]]},"dm":{"screen_name":"x"},"#)),
        wrap(&user.replace(r#""__typename":"User","#, r#""__typename":"User","dm":{"u":{"__typename":"User","rest_id":"9","core":{"screen_name":"inner"}}},"dm":1,"#)),
        wrap("null"),
        wrap(r#"{"__typename":"UserUnavailable","rest_id":"5"}"#),
        wrap(r#"{"__typename":"User","rest_id":"5"}"#),
        wrap(r#"{"rest_id":"5"}"#),
        wrap(r#"[1]"#),
        wrap(user).replace(r#""type":"TimelineAddEntries""#, r#""type":null,"__typename":"TimelineAddEntries""#),
        wrap(user).replace(r#""type":"TimelineAddEntries""#, r#""__typename":"TimelineAddEntries""#),
        wrap(user).replace(r#""itemContent":"#, r#""items":[],"itemContent":"#),
        wrap(user).replace(r#""entryId":"user-1""#, r#""entryId":"cursor-top-1""#),
        wrap(user).replace(r#""user_results":"#, r#""user_results":null,"x":"#),
        r#"{"data":{"user":{"result":{"timeline":{"timeline":{"instructions":[{"type":"TimelineAddEntries","entries":null}]}}}}}}"#.to_string(),
        r#"{"data":{"user":{"result":{"timeline":{"timeline":{"instructions":[{"type":"TimelineAddEntries","entries":[[1]]}]}}}}}}"#.to_string(),
        r#"{"data":{"x":1,"x":2},"errors":[{"message":"a"},{"message":""},{"nope":1}]}"#.to_string(),
        r#"{"errors":[{"message":"Rate limit"}],"data":{}}"#.to_string(),
    ];
    for text in &cases {
        assert_eq!(read_page(text), read_page_generic(text), "{text}");
        if let Some(typed) = read_page_typed(text) {
            assert_eq!(typed, read_page_generic(text), "typed alone: {text}");
        }
    }
    assert!(
        read_page_typed(&cases[0]).is_some(),
        "the plain page is typed"
    );
    assert_eq!(
        read_page(&cases[3]).map(|o| o.accounts.first().and_then(|a| a.followers)),
        Ok(Some(4)),
        "a repeated key keeps its last value"
    );
}

// ---------------------------------------------------------------------------
// Mutated fixture pages
// ---------------------------------------------------------------------------

/// Where the JSON value starting at byte `at` ends (strings, brackets and
/// escapes followed; the text is a fixture, so valid up to the edits so far).
fn value_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut level, mut in_string) = (at, 0usize, false);
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match (in_string, b) {
            (true, b'\\') => i += 1,
            (true, b'"') => {
                in_string = false;
                if level == 0 {
                    return i;
                }
            }
            (true, _) => {}
            (false, b'"') => in_string = true,
            (false, b'{' | b'[') => level += 1,
            (false, b'}' | b']') => {
                if level <= 1 {
                    return if level == 0 { i - 1 } else { i };
                }
                level -= 1;
            }
            (false, b',' | b' ' | b'\n' | b'\r' | b'\t') if level == 0 => return i - 1,
            _ => {}
        }
    }
    i.min(text.len())
}

/// Values a mutation puts in place of another: every type, X's types and
/// keys, numbers at the edges, escapes, lone surrogates.
const REPLACEMENTS: &[&str] = &[
    "null",
    "true",
    "1",
    "-0",
    "0.5",
    "1e3",
    "1e400",
    "18446744073709551616",
    "-7",
    r#""""#,
    r#""12""#,
    r#""x\u0041""#,
    r#""\ud83d\ude00""#,
    r#""\ud800""#,
    "{}",
    "[]",
    "[1,{}]",
    r#"{"screen_name":"z"}"#,
    r#"{"__typename":"User","rest_id":"7","legacy":{"screen_name":"q"}}"#,
    r#""TimelineUser""#,
    r#""TimelineTweet""#,
    r#""UserUnavailable""#,
    r#""TimelineAddEntries""#,
    r#""cursor-bottom-1""#,
    r#"{"instructions":[]}"#,
];

/// Keys a mutation renames another to.
const KEYS: &[&str] = &[
    "legacy",
    "core",
    "rest_id",
    "__typename",
    "instructions",
    "result",
    "entries",
    "entry",
    "itemContent",
    "content",
    "items",
    "item",
    "user_results",
    "tweet_results",
    "screen_name",
    "type",
    "entryId",
    "moduleItems",
    "errors",
    "message",
    "viewer",
    "x",
    "c\\u006fre",
];

/// `text` with one random edit: a value replaced, a key renamed, a member
/// repeated or removed, a character escaped, or a byte inserted or removed.
fn mutate_page(rng: &mut Rng, text: &str) -> String {
    let colons: Vec<usize> = text.match_indices(':').map(|(i, _)| i).collect();
    if colons.is_empty() {
        return text.to_string();
    }
    let colon = colons[rng.below(colons.len() as u64) as usize];
    let start = colon + 1 + (text.len() - colon - 1 - text[colon + 1..].trim_start().len());
    let end = value_end(text, start).max(start);
    // The key before the colon: `"...":`.
    let key_start = text[..colon].rfind('"').and_then(|q| text[..q].rfind('"'));
    match rng.below(7) {
        0 | 1 => format!(
            "{}{}{}",
            &text[..start],
            rng.pick(REPLACEMENTS),
            &text[end..]
        ),
        2 => match key_start {
            Some(k) => format!("{}\"{}\"{}", &text[..k], rng.pick(KEYS), &text[colon..]),
            None => text.to_string(),
        },
        3 => match key_start {
            // The member again, with another value, right after itself.
            Some(k) => format!(
                "{},{}:{}{}",
                &text[..end],
                &text[k..colon],
                rng.pick(REPLACEMENTS),
                &text[end..]
            ),
            None => text.to_string(),
        },
        4 => {
            // A character of a string value escaped.
            let value = &text[start..end];
            match value.char_indices().nth(1 + rng.below(4) as usize) {
                Some((i, c))
                    if value.starts_with('"')
                        && i + c.len_utf8() < value.len()
                        && c != '\\'
                        && c != '"' =>
                {
                    let mut units = [0u16; 2];
                    let escaped: String = c
                        .encode_utf16(&mut units)
                        .iter()
                        .map(|u| format!("\\u{u:04X}"))
                        .collect();
                    format!(
                        "{}{escaped}{}",
                        &text[..start + i],
                        &text[start + i + c.len_utf8()..]
                    )
                }
                _ => text.to_string(),
            }
        }
        5 => format!(
            "{}{}{}",
            &text[..start],
            rng.pick(&["", ",", "]", "}", "\"", "\\", "\u{1}", "0"]),
            &text[start..]
        ),
        _ => format!("{}{}", &text[..start], &text[end.min(text.len())..]).replacen(",,", ",", 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Fixture pages with one to four random edits (most keep the page
    /// JSON): the same result both ways, and the typed reader alone, when it
    /// reads the page, yields exactly what the generic walker yields.
    #[test]
    fn mutated_fixture_pages_read_the_same(seed in any::<u64>()) {
        let files = fixture_files();
        let mut rng = Rng(seed);
        let (name, text) = &files[rng.below(files.len() as u64) as usize];
        let mut text = text.clone();
        for _ in 0..=rng.below(4) {
            text = mutate_page(&mut rng, &text);
        }
        let generic = read_page_generic(&text);
        prop_assert_eq!(read_page(&text), generic.clone(), "{} mutated: {}", name, text);
        if let Some(typed) = read_page_typed(&text) {
            prop_assert_eq!(typed, generic, "typed alone, {} mutated: {}", name, text);
        }
    }
}

/// The mutations exercise the typed path: many mutated pages stay JSON and
/// typed, and some become pages only the generic walker reads.
#[test]
fn mutated_fixture_pages_often_stay_typed() {
    let files: Vec<(String, String)> = fixture_files()
        .into_iter()
        .filter(|(_, t)| read_page_typed(t).is_some())
        .collect();
    let (mut typed, mut refused_json, mut all) = (0, 0, 0);
    for seed in 0..300u64 {
        let mut rng = Rng(seed);
        let (_, text) = &files[rng.below(files.len() as u64) as usize];
        let text = mutate_page(&mut rng, text);
        all += 1;
        if read_page_typed(&text).is_some() {
            typed += 1;
        } else if serde_json::from_str::<Value>(&text).is_ok() {
            refused_json += 1;
        }
    }
    eprintln!("{typed} of {all} mutated pages typed, {refused_json} valid JSON refused by it");
    assert!(
        typed * 3 >= all,
        "only {typed} of {all} mutated pages stayed typed"
    );
    assert!(
        refused_json > 0,
        "no valid mutated page was left to the generic walker"
    );
}

/// A user under `message` or `__typename` (an object where X sends a
/// string) is walked as the generic walker walks it (found by the mutations
/// above: the typed skeleton used to skip such values).
#[test]
fn objects_under_message_and_typename_are_walked() {
    for text in [
        r#"{"message":{"__typename":"User","rest_id":"7","legacy":{"screen_name":"q"}}}"#,
        r#"{"data":{"__typename":[{"__typename":"User","rest_id":"8","core":{"screen_name":"r"}}]}}"#,
        r#"{"errors":[{"message":{"x":{"__typename":"User","rest_id":"9","core":{"screen_name":"s"}}}}]}"#,
    ] {
        let generic = read_page_generic(text);
        assert_eq!(generic.as_ref().map(|o| o.accounts.len()), Ok(1), "{text}");
        assert_eq!(read_page(text), generic, "{text}");
        // (Such a user makes the typed skeleton hand the page to the generic walker.)
        if let Some(typed) = read_page_typed(text) {
            assert_eq!(typed, generic, "typed alone: {text}");
        }
    }
}
