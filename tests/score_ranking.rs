//! Ranking on profile facts alone: hand-made archetype accounts, modelled on
//! what the public labelled sets describe (genuine people and organisations;
//! fake followers, follow-back beggars, spambots, egg accounts, churners).
//! Every genuine archetype must score above every bot archetype, and the clear
//! cases must land in the expected level.

use followback::score::score;
use followback::{Account, Level, Settings, Source, Subject, Verdict};

const NOW: i64 = 1_767_225_600; // 2026-01-01
const DAY: i64 = 86_400;

fn days_ago(d: i64) -> Option<i64> {
    Some(NOW - d * DAY)
}

struct Archetype {
    name: &'static str,
    account: Account,
}

fn acct(handle: &str) -> Account {
    Account::with_handle(handle, Source::Graphql)
}

fn genuine() -> Vec<Archetype> {
    vec![
        Archetype {
            name: "genuine active person",
            account: Account {
                name: Some("Maria Lopez".into()),
                bio: Some("Teacher in Leeds. Birds, books and bad puns.".into()),
                location: Some("Leeds".into()),
                created_at: days_ago(8 * 365),
                followers: Some(820),
                following: Some(540),
                tweets: Some(9_400),
                likes: Some(14_000),
                listed: Some(12),
                default_avatar: Some(false),
                verified: Some(false),
                follows_you: Some(true),
                ..acct("marialopez_lds")
            },
        },
        Archetype {
            name: "quiet but real person",
            account: Account {
                name: Some("Tom Becker".into()),
                bio: Some("Cyclist, dad, occasional photographer.".into()),
                location: Some("".into()),
                created_at: days_ago(9 * 365),
                followers: Some(150),
                following: Some(210),
                tweets: Some(310),
                likes: Some(2_300),
                listed: Some(2),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("tbecker")
            },
        },
        Archetype {
            name: "small new genuine account",
            account: Account {
                name: Some("Priya".into()),
                bio: Some("Just started drawing every day. Ink + watercolour.".into()),
                location: Some("Pune".into()),
                created_at: days_ago(70),
                followers: Some(38),
                following: Some(160),
                tweets: Some(140),
                likes: Some(420),
                listed: Some(0),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("priya_draws")
            },
        },
        Archetype {
            name: "organisation",
            account: Account {
                name: Some("City Library".into()),
                bio: Some(
                    "Official account of the City Library. Events, new books, opening hours."
                        .into(),
                ),
                location: Some("Springfield".into()),
                created_at: days_ago(12 * 365),
                followers: Some(24_000),
                following: Some(610),
                tweets: Some(15_800),
                likes: Some(3_100),
                listed: Some(410),
                default_avatar: Some(false),
                verified: Some(true),
                ..acct("CityLibrary")
            },
        },
        Archetype {
            name: "page-only person (no likes, no lists, no post count)",
            account: Account {
                name: Some("Sam Title".into()),
                bio: Some("Chief Executive Cofficer at The Coffice.".into()),
                location: Some("Sydney".into()),
                created_at: days_ago(5 * 365),
                followers: Some(1_900),
                following: Some(1_100),
                default_avatar: Some(false),
                verified: Some(false),
                follows_you: Some(true),
                source: Source::Page,
                ..acct("thecoffice")
            },
        },
    ]
}

fn bots() -> Vec<Archetype> {
    vec![
        Archetype {
            name: "fake follower",
            account: Account {
                name: Some("alessia".into()),
                bio: Some("".into()),
                location: Some("".into()),
                created_at: days_ago(400),
                followers: Some(21),
                following: Some(830),
                tweets: Some(4),
                likes: Some(0),
                listed: Some(0),
                default_avatar: Some(true),
                verified: Some(false),
                ..acct("alessia_ra")
            },
        },
        Archetype {
            name: "follow-back beggar",
            account: Account {
                name: Some("Mike #TFB".into()),
                bio: Some(
                    "#TeamFollowBack #F4F 100% follow back! Follow me and I follow back".into(),
                ),
                location: Some("USA".into()),
                created_at: days_ago(3 * 365),
                followers: Some(4_700),
                following: Some(4_950),
                tweets: Some(21_000),
                likes: Some(300),
                listed: Some(30),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("mikefollows")
            },
        },
        Archetype {
            name: "high-rate spambot",
            account: Account {
                name: Some("Giulia Bianchi".into()),
                bio: Some("Amo la vita, il mare e la buona musica".into()),
                location: Some("Roma".into()),
                created_at: days_ago(600),
                followers: Some(900),
                following: Some(1_500),
                tweets: Some(38_000),
                likes: Some(1),
                listed: Some(3),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("giulia_b_88")
            },
        },
        Archetype {
            name: "social spambot at a human rate",
            account: Account {
                name: Some("Laura Conti".into()),
                bio: Some("Mamma, blogger, amante dei viaggi".into()),
                location: Some("Milano".into()),
                created_at: days_ago(3 * 365),
                followers: Some(1_200),
                following: Some(1_350),
                tweets: Some(6_800),
                likes: Some(1),
                listed: Some(4),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("lauraconti77")
            },
        },
        Archetype {
            name: "link-spam bot",
            account: Account {
                name: Some("Best Deals".into()),
                bio: Some("Hot deals every day!".into()),
                location: Some("".into()),
                created_at: days_ago(300),
                followers: Some(30),
                following: Some(640),
                tweets: Some(2_900),
                likes: Some(0),
                listed: Some(0),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("deals83920174")
            },
        },
        Archetype {
            name: "egg account",
            account: Account {
                name: Some("user".into()),
                bio: Some("".into()),
                location: Some("".into()),
                created_at: days_ago(10),
                followers: Some(2),
                following: Some(55),
                tweets: Some(0),
                likes: Some(0),
                listed: Some(0),
                default_avatar: Some(true),
                verified: Some(false),
                ..acct("user84729561")
            },
        },
        Archetype {
            name: "churner at 5,000",
            account: Account {
                name: Some("Growth Guy".into()),
                bio: Some("Growth hacker | Social media expert | DM for collabs".into()),
                location: Some("Miami".into()),
                created_at: days_ago(4 * 365),
                followers: Some(1_250),
                following: Some(4_998),
                tweets: Some(6_100),
                likes: Some(90),
                listed: Some(5),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("growthguy")
            },
        },
        Archetype {
            name: "mass-following new bot",
            account: Account {
                name: Some("Jenny".into()),
                bio: Some("love life".into()),
                location: Some("".into()),
                created_at: days_ago(20),
                followers: Some(40),
                following: Some(1_900),
                tweets: Some(35),
                likes: Some(3),
                listed: Some(0),
                default_avatar: Some(false),
                verified: Some(false),
                ..acct("jenny4829103")
            },
        },
    ]
}

fn verdict(a: &Archetype) -> Verdict {
    score(&Subject::profile(&a.account), &Settings::default(), NOW)
}

#[test]
fn every_genuine_archetype_ranks_above_every_bot_archetype() {
    let g: Vec<(&str, Verdict)> = genuine().iter().map(|a| (a.name, verdict(a))).collect();
    let b: Vec<(&str, Verdict)> = bots().iter().map(|a| (a.name, verdict(a))).collect();
    for (gn, gv) in &g {
        for (bn, bv) in &b {
            assert!(
                gv.score > bv.score,
                "{gn} ({}) should rank above {bn} ({})",
                gv.score,
                bv.score
            );
        }
    }
}

#[test]
fn clear_cases_land_in_the_expected_level() {
    let by_name = |list: Vec<Archetype>, name: &str| {
        let a = list.into_iter().find(|a| a.name == name);
        verdict(&a.unwrap_or_else(|| panic!("no archetype {name}")))
    };
    for name in ["genuine active person", "organisation"] {
        let v = by_name(genuine(), name);
        assert_eq!(v.level, Level::FollowBack, "{name}: {}", v.score);
    }
    // A high lifetime posting rate alone is no longer evidence of automation
    // (issue 15: busy people outnumber bots above 24 posts a day), so the
    // high-rate spambot only has to rank below every genuine account.
    for name in [
        "fake follower",
        "follow-back beggar",
        "link-spam bot",
        "egg account",
        "churner at 5,000",
        "mass-following new bot",
    ] {
        let v = by_name(bots(), name);
        assert_eq!(v.level, Level::Skip, "{name}: {}", v.score);
    }
    for name in ["quiet but real person", "small new genuine account"] {
        let v = by_name(genuine(), name);
        assert!(
            matches!(v.level, Level::FollowBack | Level::Maybe),
            "{name}: {} {:?}",
            v.score,
            v.level
        );
    }
}

#[test]
fn every_archetype_adds_up_and_says_why() {
    for a in genuine().iter().chain(bots().iter()) {
        let v = verdict(a);
        let sum: i32 = v.evidence.iter().map(|e| e.points).sum();
        assert_eq!(v.base + sum, i32::from(v.score), "{}", a.name);
        assert!(
            v.evidence.iter().all(|e| !e.reason.is_empty()),
            "{}",
            a.name
        );
        if std::env::var("FOLLOWBACK_SHOW").is_ok() {
            println!(
                "{:>4} {:?} {:.2} {}",
                v.score, v.level, v.confidence.value, a.name
            );
            for e in &v.evidence {
                println!(
                    "      {:+} {} [{}] {:?}",
                    e.points, e.signal, e.threshold, e.seen
                );
            }
        }
    }
}
