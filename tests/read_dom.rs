//! Tables of DOM strings: abbreviated locale-formatted counts and join-date
//! lines in several languages, plus `account_from_dom`.

use followback::read::dom::{account_from_dom, parse_count, parse_joined, DomFacts};
use followback::time::month_start;
use followback::Source;

const COUNTS: &[(&str, Option<u64>)] = &[
    // plain numbers and grouping
    ("0", Some(0)),
    ("7", Some(7)),
    ("999", Some(999)),
    ("1,234", Some(1_234)),
    ("1.234", Some(1_234)),        // de, es, pt, it grouping
    ("1 234", Some(1_234)),        // fr with a plain space
    ("1\u{a0}234", Some(1_234)),   // no-break space
    ("1\u{202f}234", Some(1_234)), // fr narrow no-break space
    ("12\u{202f}345\u{202f}678", Some(12_345_678)),
    ("1'234", Some(1_234)), // de-CH
    ("1,234,567", Some(1_234_567)),
    ("1.234.567", Some(1_234_567)),
    ("1,234.5K", Some(1_234_500)),
    ("1.234,5 k", Some(1_234_500)),
    // abbreviations
    ("12.5K", Some(12_500)),
    ("12,5K", Some(12_500)),
    ("1,2 k", Some(1_200)),
    ("12,5 k", Some(12_500)),
    ("999K", Some(999_000)),
    ("1.2M", Some(1_200_000)),
    ("1,2 M", Some(1_200_000)),
    ("1,2 Mio.", Some(1_200_000)),      // de
    ("12,3 Tsd.", Some(12_300)),        // de (older)
    ("12,5 mil", Some(12_500)),         // es/pt: mil = thousand
    ("1,2 mi", Some(1_200_000)),        // pt: million
    ("1,2 mil M", Some(1_200_000_000)), // es: billion
    ("1.2B", Some(1_200_000_000)),
    ("1,2 Md", Some(1_200_000_000)), // fr
    ("3 Mrd.", Some(3_000_000_000)), // de
    ("1.2万", Some(12_000)),         // ja/zh
    ("12万", Some(120_000)),
    ("1.2萬", Some(12_000)), // zh-Hant
    ("1.2億", Some(120_000_000)),
    ("3.4천", Some(3_400)),  // ko
    ("1.2만", Some(12_000)), // ko
    ("2억", Some(200_000_000)),
    ("1,5 млн", Some(1_500_000)), // ru
    // trailing and leading words
    ("12.5K Followers", Some(12_500)),
    ("1,234 Following", Some(1_234)),
    ("1 234 abonnés", Some(1_234)),
    ("12,5 k Abonnés", Some(12_500)),
    ("1.2万 フォロワー", Some(12_000)),
    ("3,4 mil seguidores", Some(3_400)),
    ("2.345 Follower", Some(2_345)),
    ("Followers 812", Some(812)),
    ("\u{200e}1,234\u{200e}", Some(1_234)), // direction marks
    ("  42  ", Some(42)),
    // garbage
    ("", None),
    ("Followers", None),
    ("K", None),
    ("abc", None),
    ("-5", None),
    ("1,5", None), // a fraction without a multiplier is not a count
    ("1.2.3", None),
    ("1,23,4", None),
    ("99999999999999999999999999", None),
    ("9999999999999B", None),
];

#[test]
fn count_table() {
    let mut failures = Vec::new();
    for (text, expected) in COUNTS {
        let got = parse_count(text);
        if got != *expected {
            failures.push(format!("{text:?}: got {got:?}, expected {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn month(y: i64, m: u32) -> Option<i64> {
    month_start(y, m)
}

#[test]
fn joined_table() {
    let cases: &[(&str, Option<i64>)] = &[
        ("Joined March 2011", month(2011, 3)),
        ("Joined December 2006", month(2006, 12)),
        ("joined may 2020", month(2020, 5)),
        ("Seit März 2011 bei X", month(2011, 3)),
        ("Beigetreten März 2011", month(2011, 3)),
        ("Seit Mai 2019 bei X", month(2019, 5)),
        ("Beigetreten Dezember 2022", month(2022, 12)),
        ("A rejoint X en mars 2011", month(2011, 3)),
        ("Inscrit en mars 2011", month(2011, 3)),
        ("A rejoint X en février 2015", month(2015, 2)),
        ("Inscrit en août 2018", month(2018, 8)),
        ("Se unió en marzo de 2011", month(2011, 3)),
        ("Se unió en septiembre de 2009", month(2009, 9)),
        ("Ingressou em março de 2011", month(2011, 3)),
        ("Ingressou em dezembro de 2021", month(2021, 12)),
        ("Iscritto a marzo 2011", month(2011, 3)),
        ("Lid sinds maart 2011", month(2011, 3)),
        ("2011年3月からXを利用しています", month(2011, 3)),
        ("2011年3月に登録", month(2011, 3)),
        ("2009年12月加入", month(2009, 12)),
        ("가입일: 2011년 3월", month(2011, 3)),
        ("\u{200e}Joined March 2011", month(2011, 3)),
        // not join dates
        ("", None),
        ("Joined", None),
        ("Joined 2011", None),
        ("Joined March", None),
        ("Joined Marchy 2011", None),
        ("Joined March 1066", None),
        ("2011年13月", None),
    ];
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = parse_joined(text);
        if got != *expected {
            failures.push(format!("{text:?}: got {got:?}, expected {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert_eq!(month(2011, 3), Some(1_298_937_600));
}

#[test]
fn account_from_dom_profile_header() {
    let facts: DomFacts = serde_json::from_str(
        r#"{
            "handle": "@maria_okafor", "id": "1350001", "name": "Maria Okafor",
            "bio": "Science writer <b>not markup</b>", "location": "", "url": "mariaokafor.example.com",
            "followersText": "2,345", "followingText": "512", "joinedText": "Joined January 2011",
            "followsYou": true, "youFollow": false, "verified": false, "blueVerified": false,
            "avatarUrl": "https://pbs.twimg.com/profile_images/13500010/maria_okafor_normal.jpg"
        }"#,
    )
    .expect("DomFacts JSON");
    let a = account_from_dom(&facts);
    assert_eq!(a.handle, "maria_okafor");
    assert_eq!(a.id.as_deref(), Some("1350001"));
    assert_eq!(a.followers, Some(2_345));
    assert_eq!(a.following, Some(512));
    assert_eq!(a.created_at, month(2011, 1));
    assert_eq!(a.follows_you, Some(true));
    assert_eq!(a.you_follow, Some(false));
    assert_eq!(a.default_avatar, Some(false));
    assert_eq!(a.location, None);
    assert_eq!(a.bio.as_deref(), Some("Science writer <b>not markup</b>"));
    assert_eq!(a.source, Source::Page);
    assert_eq!(a.tweets, None, "the header shows no tweet count here");
}

#[test]
fn account_from_dom_tolerates_missing_and_bad_values() {
    let facts: DomFacts = serde_json::from_str(
        r#"{"handle":"jsmith84029317","followersText":"lots","defaultAvatar":true}"#,
    )
    .expect("DomFacts JSON");
    let a = account_from_dom(&facts);
    assert_eq!(a.handle, "jsmith84029317");
    assert_eq!(a.followers, None);
    assert_eq!(a.default_avatar, Some(true));
    assert_eq!(a.created_at, None);
    let empty = account_from_dom(&DomFacts::default());
    assert_eq!(empty.handle, "");
    assert_eq!(empty.followers, None);
}

#[test]
fn labels_from_the_page() {
    let from = |json: &str| {
        account_from_dom(&serde_json::from_str::<DomFacts>(json).expect("DomFacts JSON"))
    };
    // A gold check: the page may also mark it as a paid (blue) one; it is X's
    // verification of an organisation either way.
    let org = from(
        r#"{"handle":"acme_tools","verifiedType":"Business","blueVerified":true,"verified":false}"#,
    );
    assert_eq!(org.verified_type.as_deref(), Some("Business"));
    assert_eq!(org.verified, Some(true));
    assert_eq!(org.blue_verified, Some(true));
    let gov = from(r#"{"handle":"metro_water","verifiedType":"government"}"#);
    assert_eq!(gov.verified_type.as_deref(), Some("Government"));
    assert_eq!(gov.verified, Some(true));
    // The paid check alone stays the paid check.
    let paid = from(r#"{"handle":"ana_reyes","blueVerified":true,"verifiedType":"  "}"#);
    assert_eq!((paid.verified_type, paid.verified), (None, None));
    assert_eq!(paid.blue_verified, Some(true));

    let bot = from(
        r#"{"handle":"quake_alerts_bot","automated":true,"automatedBy":"\u2066@seismo_lab\u2069"}"#,
    );
    assert_eq!(bot.automated, Some(true));
    assert_eq!(bot.automated_by.as_deref(), Some("seismo_lab"));
    let by_text = from(r#"{"handle":"f1_fan_page","automatedBy":"Automated by @pit_wall_ops"}"#);
    assert_eq!(
        by_text.automated,
        Some(true),
        "an operator means the label is there"
    );
    assert_eq!(by_text.automated_by.as_deref(), Some("pit_wall_ops"));
    let bad = from(r#"{"handle":"x","automated":true,"automatedBy":"<img src=x>"}"#);
    assert_eq!((bad.automated, bad.automated_by), (Some(true), None));
    let not = from(r#"{"handle":"ana_reyes","automated":false}"#);
    assert_eq!((not.automated, not.automated_by), (Some(false), None));

    for (shown, kind) in [
        ("Parody account", Some("Parody")),
        ("Commentary account", Some("Commentary")),
        ("Fan account", Some("Fan")),
        ("Cuenta de parodia", Some("Cuenta de parodia")),
        ("", None),
    ] {
        let json = serde_json::json!({"handle": "p", "parodyLabel": shown}).to_string();
        assert_eq!(from(&json).parody_label.as_deref(), kind, "{shown}");
    }
}

#[test]
fn dom_facts_serialise_in_camel_case() {
    let facts = DomFacts {
        handle: "a".into(),
        followers_text: Some("1".into()),
        ..DomFacts::default()
    };
    let json = serde_json::to_string(&facts).expect("serialise");
    assert!(json.contains("\"followersText\":\"1\""), "{json}");
    assert!(json.contains("\"blueVerified\":null"), "{json}");
}

mod never_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn parse_count_any_text(s in "\\PC{0,24}") {
            let _ = parse_count(&s);
        }

        #[test]
        fn parse_count_numberish(s in "[0-9.,  \u{a0}\u{202f}'kKmMbB万億천만]{0,16}") {
            let _ = parse_count(&s);
        }

        #[test]
        fn parse_joined_any_text(s in "\\PC{0,40}") {
            let _ = parse_joined(&s);
        }

        #[test]
        fn whole_counts_with_grouping_round_trip(n in 0u64..10_000_000_000) {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            prop_assert_eq!(parse_count(&grouped), Some(n));
            prop_assert_eq!(parse_count(&grouped.replace(',', "\u{202f}")), Some(n));
        }
    }
}
