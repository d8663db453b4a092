//! Fuzz target: what the content script sends from the rendered page. The
//! input is one JSON document `{ "requests": [VerdictRequest], "tweets":
//! [DomTweet], "interactions": [InteractionRequest] }` (any part may be
//! missing or wrong), handled as the worker's engine handles them: page facts
//! (`read::dom`) remembered and scored, posts (`read::dom_tweet`) and
//! interactions remembered through `boundary`. Accounts from page facts are
//! marked as from the page, posts carry digit ids and valid handles, scores
//! stay in range and the memory round-trips.
#![no_main]

use followback::boundary::{self, VerdictRequest};
use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::read::dom::{account_from_dom, DomFacts};
use followback::read::dom_tweet::{tweet_from_dom, valid_handle, DomTweet};
use followback::score::score_with;
use followback::{Settings, Source};
use followback_fuzz as check;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn list(doc: &Value, key: &str) -> Vec<Value> {
    match doc.get(key) {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = check::text(data);
    let Ok(doc) = serde_json::from_str::<Value>(&text) else {
        return;
    };
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let mut memory = Memory::new(200);

    // A bare DomFacts object is read too (the parsers of counts and dates).
    if let Ok(facts) = serde_json::from_value::<DomFacts>(doc.clone()) {
        let a = account_from_dom(&facts);
        assert_eq!(
            a.source,
            Source::Page,
            "page facts not marked as from the page"
        );
        let subject = followback::Subject::profile(&a);
        check::check_verdict(&score_with(&subject, &settings, &matchers, check::NOW));
    }
    for (n, r) in list(&doc, "requests").into_iter().enumerate() {
        let request = serde_json::from_value::<VerdictRequest>(r).unwrap_or_default();
        let shown = request.dom.as_ref().map(account_from_dom);
        let handle = request
            .handle
            .clone()
            .or_else(|| shown.as_ref().map(|a| a.handle.clone()));
        let id = request
            .id
            .clone()
            .or_else(|| shown.as_ref().and_then(|a| a.id.clone()));
        if let Some(shown) = shown {
            assert_eq!(
                shown.source,
                Source::Page,
                "page facts not marked as from the page"
            );
            memory.remember_page_account(shown, id.as_deref(), handle.as_deref(), check::NOW);
        }
        if n < check::SCORED_PER_INPUT {
            if let Some(entry) = memory.get(id.as_deref(), handle.as_deref()) {
                let verdict = score_with(&entry.subject(), &settings, &matchers, check::NOW);
                check::check_verdict(&verdict);
            }
        }
    }
    let tweets = list(&doc, "tweets");
    for t in &tweets {
        if let Ok(dom) = serde_json::from_value::<DomTweet>(t.clone()) {
            if let Ok(tweet) = tweet_from_dom(&dom) {
                assert_eq!(
                    tweet.source,
                    Source::Page,
                    "a page post not marked as from the page"
                );
                let id = tweet.id.as_deref().unwrap_or_default();
                assert!(
                    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
                    "post id {id:?}"
                );
                let author = tweet.author_handle.as_deref().unwrap_or_default();
                assert_eq!(
                    valid_handle(author).as_deref(),
                    Some(author),
                    "post author {author:?}"
                );
            }
        }
    }
    // The wasm hands the boundary each item as its JSON text.
    let texts = |items: Vec<Value>| items.iter().map(Value::to_string).collect::<Vec<_>>();
    boundary::remember_tweets(&mut memory, texts(tweets), check::NOW);
    boundary::remember_interactions(&mut memory, texts(list(&doc, "interactions")), check::NOW);
    check::check_memory(&memory, &settings);
    check::check_round_trip(&memory, data.len());
});
