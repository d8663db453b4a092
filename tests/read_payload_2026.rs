//! Facts as X sends them in late 2026, read from every user-object generation:
//! X's own labels (check kind, identity, automated, parody / commentary / fan),
//! the real profile link and bio links behind t.co, users nested in users, in
//! link cards and in media, a post's client, "About this account", and
//! notifications from `NotificationsTimeline` (language-free).

use followback::memory::Memory;
use followback::read::read_any;
use followback::{Account, InteractionKind, Observations, Source};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/graphql/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Observations {
    read_any(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn handles(obs: &Observations) -> Vec<&str> {
    obs.accounts.iter().map(|a| a.handle.as_str()).collect()
}

fn account<'a>(obs: &'a Observations, handle: &str) -> &'a Account {
    obs.accounts
        .iter()
        .find(|a| a.handle == handle)
        .unwrap_or_else(|| panic!("no account {handle} in {:?}", handles(obs)))
}

const GENERATIONS: [&str; 3] = ["labels_gen1.json", "labels_gen2.json", "labels_gen3.json"];

#[test]
fn profile_link_is_the_real_address_not_the_t_co_wrapper() {
    for name in GENERATIONS {
        let obs = read(name);
        let water = account(&obs, "metro_water");
        assert_eq!(
            water.url.as_deref(),
            Some("https://water.city.example/"),
            "{name}"
        );
        let acme = account(&obs, "acme_tools");
        assert_eq!(
            acme.url.as_deref(),
            Some("https://acme-tools.example/shop"),
            "{name}"
        );
        assert_eq!(account(&obs, "ana_reyes").url, None, "{name}: no site");
    }
}

#[test]
fn t_co_links_in_bios_are_expanded() {
    for name in GENERATIONS {
        let obs = read(name);
        assert_eq!(
            account(&obs, "metro_water").bio.as_deref(),
            Some("Official account. Outages: https://status.water.city.example/outages"),
            "{name}"
        );
        assert_eq!(
            account(&obs, "ana_reyes").bio.as_deref(),
            Some("Nurse, runner. Notes at https://ana-notes.example/ and https://ana-runs.example/log"),
            "{name}"
        );
        assert_eq!(
            account(&obs, "hot_takes_hq").bio.as_deref(),
            Some(""),
            "{name}"
        );
    }
}

#[test]
fn organisation_and_government_checks_are_not_paid_checks() {
    for name in GENERATIONS {
        let obs = read(name);
        for (handle, kind) in [("metro_water", "Government"), ("acme_tools", "Business")] {
            let a = account(&obs, handle);
            assert_eq!(a.verified_type.as_deref(), Some(kind), "{name} {handle}");
            // `verification.verified` is false for everyone in 2026 data: the
            // check kind is what says the organisation was verified.
            assert_eq!(a.verified, Some(true), "{name} {handle}");
        }
        let ana = account(&obs, "ana_reyes");
        assert_eq!(ana.verified_type, None, "{name}");
        assert_eq!(ana.verified, Some(false), "{name}");
        assert_eq!(ana.blue_verified, Some(true), "{name}: paid check");
    }
}

#[test]
fn identity_verification_is_read() {
    for name in GENERATIONS {
        let obs = read(name);
        assert_eq!(
            account(&obs, "ana_reyes").identity_verified,
            Some(true),
            "{name}"
        );
        assert_eq!(
            account(&obs, "metro_water").identity_verified,
            Some(false),
            "{name}"
        );
    }
}

#[test]
fn automated_label_and_its_operator() {
    for name in GENERATIONS {
        let obs = read(name);
        let bot = account(&obs, "quake_alerts_bot");
        assert_eq!(bot.automated, Some(true), "{name}");
        assert_eq!(
            bot.automated_by.as_deref(),
            Some("seismo_lab"),
            "{name}: from the mention"
        );
        let fan = account(&obs, "f1_fan_page");
        assert_eq!(fan.automated, Some(true), "{name}");
        assert_eq!(
            fan.automated_by.as_deref(),
            Some("pit_wall_ops"),
            "{name}: from the text"
        );
        // A business affiliation is a label, but not the automated one.
        assert_eq!(account(&obs, "acme_tools").automated, Some(false), "{name}");
        // `affiliates_highlighted_label: {}` says nothing either way.
        let ana = account(&obs, "ana_reyes");
        assert_eq!((ana.automated, ana.automated_by.as_deref()), (None, None));
        // The operator inside the label is not read as an account of the list.
        assert!(!handles(&obs).contains(&"seismo_lab"), "{name}");
    }
}

#[test]
fn parody_commentary_and_fan_labels() {
    for name in GENERATIONS {
        let obs = read(name);
        let label = |h: &str| account(&obs, h).parody_label.clone();
        assert_eq!(label("not_the_pm").as_deref(), Some("Parody"), "{name}");
        assert_eq!(
            label("hot_takes_hq").as_deref(),
            Some("Commentary"),
            "{name}"
        );
        assert_eq!(label("f1_fan_page").as_deref(), Some("Fan"), "{name}");
        assert_eq!(label("ana_reyes"), None, "{name}: \"None\" is not a label");
    }
}

#[test]
fn about_this_account_joins_the_same_user() {
    let about = read("about_account.json");
    let a = account(&about, "quake_alerts_bot");
    assert_eq!(a.id.as_deref(), Some("2600004"));
    assert_eq!(a.username_changes, Some(3));
    assert_eq!(a.based_in.as_deref(), Some("Japan"));
    // Remembered with the list it came from: one account with both sets of facts,
    // whichever arrived first.
    for order in [
        ["labels_gen3.json", "about_account.json"],
        ["about_account.json", "labels_gen3.json"],
    ] {
        let mut memory = Memory::new(100);
        for (i, name) in order.iter().enumerate() {
            memory.remember(read(name), 1_000 + i as i64);
        }
        let e = memory
            .get(Some("2600004"), None)
            .unwrap_or_else(|| panic!("{order:?}: remembered"));
        assert_eq!(e.account.username_changes, Some(3), "{order:?}");
        assert_eq!(e.account.based_in.as_deref(), Some("Japan"), "{order:?}");
        assert_eq!(e.account.automated, Some(true), "{order:?}");
        assert_eq!(e.account.followers, Some(8800), "{order:?}");
    }
}

#[test]
fn a_user_wrapping_a_timeline_keeps_everyone_inside() {
    let obs = read("user_wrapping_timeline.json");
    assert_eq!(
        handles(&obs),
        ["viewer_me", "metro_water", "acme_tools", "ana_reyes"]
    );
    assert_eq!(account(&obs, "acme_tools").followers, Some(40200));
}

#[test]
fn users_in_link_cards_and_media_are_read() {
    let obs = read("user_tweets_clients_cards.json");
    let card = account(&obs, "seismo_lab");
    assert_eq!(card.id.as_deref(), Some("2600009"));
    assert_eq!(card.followers, Some(5200));
    assert_eq!(card.identity_verified, Some(true));
    let clip = account(&obs, "clip_owner");
    assert_eq!(clip.following, Some(610));
    assert_eq!(obs.tweets.len(), 4);
}

#[test]
fn a_posts_client_is_the_link_text_only() {
    let obs = read("user_tweets_clients_cards.json");
    let client = |id: &str| {
        obs.tweets
            .iter()
            .find(|t| t.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("tweet {id}"))
            .client
            .clone()
    };
    assert_eq!(client("2650000000000000101").as_deref(), Some("dlvr.it"));
    assert_eq!(
        client("2650000000000000102").as_deref(),
        Some("X for iPhone")
    );
    // Markup inside the link is dropped, entities are decoded: text, never markup.
    assert_eq!(
        client("2650000000000000103").as_deref(),
        Some("Buffer & Co")
    );
    assert_eq!(client("2650000000000000104"), None);
}

#[test]
fn notifications_become_interactions_in_any_language() {
    let obs = read("notifications_timeline.json");
    let mut got: Vec<(String, InteractionKind, Option<i64>)> = obs
        .interactions
        .iter()
        .map(|i| (i.handle.clone(), i.kind, i.at))
        .collect();
    got.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
    let want = [
        ("ana_reyes", InteractionKind::Followed, 1_764_662_400),
        ("hot_takes_hq", InteractionKind::Followed, 1_764_662_400),
        ("ana_reyes", InteractionKind::Liked, 1_764_666_000),
        ("not_the_pm", InteractionKind::Liked, 1_764_666_000),
        ("f1_fan_page", InteractionKind::Reposted, 1_764_669_600),
        ("acme_tools", InteractionKind::Replied, 1_764_673_200),
    ];
    let want: Vec<(String, InteractionKind, Option<i64>)> = want
        .iter()
        .map(|(h, k, at)| (h.to_string(), *k, Some(*at)))
        .collect();
    assert_eq!(got, want);
    assert!(obs.interactions.iter().all(|i| i.source == Source::Graphql));
    assert!(obs.interactions.iter().all(|i| i.notification.is_some()));
    // The from-users are accounts, with their facts; the recommended account too,
    // and the viewer wrapper around the whole timeline.
    for h in [
        "ana_reyes",
        "hot_takes_hq",
        "not_the_pm",
        "f1_fan_page",
        "acme_tools",
        "metro_water",
        "viewer_me",
    ] {
        assert!(handles(&obs).contains(&h), "{h} in {:?}", handles(&obs));
    }
    assert_eq!(
        account(&obs, "f1_fan_page").parody_label.as_deref(),
        Some("Fan")
    );
    assert_eq!(obs.unavailable, 1);
}

#[test]
fn the_same_notification_read_twice_is_remembered_once() {
    let text = fixture("notifications_timeline.json");
    let mut memory = Memory::new(100);
    memory.remember(read_any(&text).expect("readable"), 1_000);
    // X updates an aggregated notification's time as more people act on it:
    // the same notification, later, is still one like per person.
    let later = text.replace("1764666000000", "1764669000000");
    memory.remember(read_any(&later).expect("readable"), 2_000);
    let ana = memory.get(None, Some("ana_reyes")).expect("remembered");
    let likes = ana
        .interactions
        .iter()
        .filter(|i| i.kind == InteractionKind::Liked)
        .count();
    assert_eq!(likes, 1, "{:?}", ana.interactions);
    assert_eq!(ana.interactions.len(), 2, "one follow, one like");
    // Saved and loaded, the notification id keeps deduplicating.
    let mut back = Memory::from_json(&memory.to_json()).expect("loads");
    back.remember(read_any(&later).expect("readable"), 3_000);
    let ana = back.get(None, Some("ana_reyes")).expect("remembered");
    assert_eq!(ana.interactions.len(), 2, "{:?}", ana.interactions);
}

#[test]
fn the_page_row_of_a_notification_read_from_data_is_not_counted_again() {
    use followback::Interaction;
    let mut memory = Memory::new(100);
    memory.remember(read("notifications_timeline.json"), 1_000);
    let page = |kind: InteractionKind, at: i64| Interaction {
        handle: "ana_reyes".into(),
        kind,
        at: Some(at),
        source: Source::Page,
        notification: None,
    };
    // The page shows the same like (dated when it was seen): not a second like.
    memory.remember_interaction(page(InteractionKind::Liked, 1_764_700_000), 1_001);
    // A kind the data did not give is still taken from the page.
    memory.remember_interaction(page(InteractionKind::Mentioned, 1_764_700_000), 1_002);
    let ana = memory.get(None, Some("ana_reyes")).expect("remembered");
    let kinds: Vec<InteractionKind> = ana.interactions.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            InteractionKind::Followed,
            InteractionKind::Liked,
            InteractionKind::Mentioned
        ]
    );
    // Without data, page rows are counted as before.
    let mut page_only = Memory::new(10);
    page_only.remember_interaction(page(InteractionKind::Liked, 10), 20);
    page_only.remember_interaction(page(InteractionKind::Liked, 30), 40);
    let e = page_only.get(None, Some("ana_reyes")).expect("remembered");
    assert_eq!(e.interactions.len(), 2);
}

#[test]
fn new_facts_survive_memory_and_cli_lines() {
    let obs = read("labels_gen3.json");
    let mut memory = Memory::new(100);
    memory.remember(obs, 1_000);
    memory.remember(read("about_account.json"), 1_001);
    memory.remember(read("user_tweets_clients_cards.json"), 1_002);
    let back = Memory::from_json(&memory.to_json()).expect("loads");
    for handle in [
        "metro_water",
        "quake_alerts_bot",
        "f1_fan_page",
        "ana_reyes",
    ] {
        let before = &memory.get(None, Some(handle)).expect("kept").account;
        let after = &back.get(None, Some(handle)).expect("loaded").account;
        assert_eq!(before, after, "{handle}");
    }
    let bot = &back.get(None, Some("quake_alerts_bot")).expect("loaded");
    assert_eq!(bot.account.automated_by.as_deref(), Some("seismo_lab"));
    assert_eq!(bot.account.username_changes, Some(3));
    let clients: Vec<Option<&str>> = bot.tweets.iter().map(|t| t.client.as_deref()).collect();
    assert!(clients.contains(&Some("dlvr.it")), "{clients:?}");

    // A CLI output line (`facts` as the CLI writes them) reads back the same.
    for handle in ["metro_water", "quake_alerts_bot", "not_the_pm"] {
        let a = &back.get(None, Some(handle)).expect("loaded").account;
        let line = serde_json::json!({
            "handle": a.handle, "id": a.id, "score": 50,
            "facts": followback::cli::facts_json(a),
        });
        let again = read_any(&line.to_string()).expect("readable");
        let b = &again.accounts[0];
        assert_eq!(b.verified_type, a.verified_type, "{handle}");
        assert_eq!(b.identity_verified, a.identity_verified, "{handle}");
        assert_eq!(b.automated, a.automated, "{handle}");
        assert_eq!(b.automated_by, a.automated_by, "{handle}");
        assert_eq!(b.parody_label, a.parody_label, "{handle}");
        assert_eq!(b.username_changes, a.username_changes, "{handle}");
        assert_eq!(b.based_in, a.based_in, "{handle}");
        assert_eq!(b.url, a.url, "{handle}");
    }
}
