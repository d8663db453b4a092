//! User objects: GraphQL user results of all three generations, v1.1 / `legacy`
//! user objects, and account-shaped objects from our own exports.
//!
//! Every field is read from the newest place first, falling back to older ones
//! (see [`USER_PATHS`]); an absent or empty value is "not seen".

use serde_json::{Map, Value};

use super::json::{
    at, count, first, first_text_or_empty, flag, handle, ident, str_of, text, timestamp, typename,
    Path,
};
use crate::model::{Account, Source};

/// Where each user fact lives, newest generation first (generation 3: no
/// `legacy`; generation 2: `core`, `avatar`, ... beside a slimmer `legacy`;
/// generation 1 and v1.1: everything in `legacy`). The one JSON path table for users.
pub(crate) struct UserPaths {
    pub id: &'static [Path],
    pub handle: &'static [Path],
    pub name: &'static [Path],
    pub created_at: &'static [Path],
    pub bio: &'static [Path],
    pub location: &'static [Path],
    pub url: &'static [Path],
    pub avatar: &'static [Path],
    pub followers: &'static [Path],
    pub following: &'static [Path],
    pub tweets: &'static [Path],
    pub media: &'static [Path],
    pub likes: &'static [Path],
    pub listed: &'static [Path],
    pub default_profile: &'static [Path],
    pub default_avatar: &'static [Path],
    pub verified: &'static [Path],
    pub blue_verified: &'static [Path],
    pub protected: &'static [Path],
    pub follows_you: &'static [Path],
    pub you_follow: &'static [Path],
    pub observed_at: &'static [Path],
    /// Lists of `{url, expanded_url}` for the t.co links in the bio.
    pub bio_urls: &'static [Path],
    pub verified_type: &'static [Path],
    pub identity_verified: &'static [Path],
    /// X's highlighted label object (automated, business affiliation).
    pub label: &'static [Path],
    pub parody_label: &'static [Path],
    pub username_changes: &'static [Path],
    pub based_in: &'static [Path],
}

pub(crate) const USER_PATHS: UserPaths = UserPaths {
    id: &[&["rest_id"], &["legacy", "id_str"], &["legacy", "id"]],
    handle: &[&["core", "screen_name"], &["legacy", "screen_name"]],
    name: &[&["core", "name"], &["legacy", "name"]],
    created_at: &[&["core", "created_at"], &["legacy", "created_at"]],
    bio: &[&["profile_bio", "description"], &["legacy", "description"]],
    location: &[&["location", "location"], &["legacy", "location"]],
    // `website.url` and `legacy.url` are t.co wrappers: the real address first.
    url: &[
        &[
            "profile_bio",
            "entities",
            "url",
            "urls",
            "0",
            "expanded_url",
        ],
        &["legacy", "entities", "url", "urls", "0", "expanded_url"],
        &["website", "url"],
        &["legacy", "url"],
    ],
    avatar: &[
        &["avatar", "image_url"],
        &["legacy", "profile_image_url_https"],
        &["legacy", "profile_image_url"],
    ],
    followers: &[
        &["relationship_counts", "followers"],
        &["legacy", "followers_count"],
    ],
    following: &[
        &["relationship_counts", "following"],
        &["legacy", "friends_count"],
    ],
    tweets: &[&["tweet_counts", "tweets"], &["legacy", "statuses_count"]],
    media: &[
        &["tweet_counts", "media_tweets"],
        &["legacy", "media_count"],
    ],
    likes: &[
        &["action_counts", "favorites_count"],
        &["legacy", "favourites_count"],
    ],
    listed: &[&["legacy", "listed_count"]],
    default_profile: &[&["legacy", "default_profile"]],
    default_avatar: &[&["legacy", "default_profile_image"]],
    verified: &[&["verification", "verified"], &["legacy", "verified"]],
    blue_verified: &[&["is_blue_verified"], &["legacy", "is_blue_verified"]],
    protected: &[&["privacy", "protected"], &["legacy", "protected"]],
    follows_you: &[
        &["relationship_perspectives", "followed_by"],
        &["legacy", "followed_by"],
    ],
    you_follow: &[
        &["relationship_perspectives", "following"],
        &["legacy", "following"],
    ],
    observed_at: &[&["legacy", "status", "created_at"]],
    bio_urls: &[
        &["profile_bio", "entities", "description", "urls"],
        &["legacy", "entities", "description", "urls"],
    ],
    verified_type: &[
        &["verification", "verified_type"],
        &["legacy", "verified_type"],
    ],
    identity_verified: &[
        &["verification_info", "is_identity_verified"],
        &["legacy", "verification_info", "is_identity_verified"],
    ],
    label: &[
        &["affiliates_highlighted_label", "label"],
        &["legacy", "affiliates_highlighted_label", "label"],
    ],
    parody_label: &[
        &["parody_commentary_fan_label"],
        &["legacy", "parody_commentary_fan_label"],
    ],
    username_changes: &[&["about_profile", "username_changes", "count"]],
    based_in: &[&["about_profile", "account_based_in"]],
};

/// Inside a highlighted label: its kind, and where an automated account's
/// operator is named ("Automated by @operator").
pub(crate) struct LabelPaths {
    pub kind: Path,
    pub entities: Path,
    /// Within one entity: the operator's user result, or its bare screen name.
    pub operator_user: Path,
    pub operator_handle: Path,
    pub text: Path,
}

pub(crate) const LABEL_PATHS: LabelPaths = LabelPaths {
    kind: &["userLabelType"],
    entities: &["longDescription", "entities"],
    operator_user: &["ref", "mention_results", "result"],
    operator_handle: &["ref", "screen_name"],
    text: &["longDescription", "text"],
};

/// `userLabelType` of X's "Automated" label.
const AUTOMATED_LABEL: &str = "AutomatedLabel";

/// Top-level keys of a GraphQL user object that hold its own facts (read by
/// [`USER_PATHS`]); every other child is walked, as it may wrap more users
/// (the viewer around `notification_timeline`, a list owner around members).
pub(crate) const USER_FACT_KEYS: &[&str] = &[
    "__typename",
    "id",
    "rest_id",
    "legacy",
    "core",
    "avatar",
    "location",
    "privacy",
    "verification",
    "verification_info",
    "relationship_perspectives",
    "profile_bio",
    "relationship_counts",
    "tweet_counts",
    "action_counts",
    "website",
    "banner",
    "is_blue_verified",
    "affiliates_highlighted_label",
    "parody_commentary_fan_label",
    "about_profile",
];

/// True for a key [`walk`](super::walk) must not descend into on a user object.
pub(crate) fn is_fact_key(key: &str) -> bool {
    super::pull::index_of(USER_FACT_KEYS, key).is_some()
}

/// Marker in X's default avatar URLs.
const DEFAULT_AVATAR_MARK: &str = "default_profile_images";

/// True when an avatar URL is X's default picture.
pub(crate) fn is_default_avatar_url(url: &str) -> bool {
    super::find_text(url, DEFAULT_AVATAR_MARK).is_some()
}

/// Looks like a GraphQL user result: `__typename: "User"` with `rest_id`, or a
/// screen name in `legacy` or `core`.
pub(crate) fn is_graphql_user(v: &Value) -> bool {
    let Value::Object(m) = v else { return false };
    (typename(m) == Some("User") && m.get("rest_id").and_then(ident).is_some())
        || at(v, &["legacy", "screen_name"]).and_then(handle).is_some()
        || at(v, &["core", "screen_name"]).and_then(handle).is_some()
}

/// Looks like a v1.1 user object (or a generation-1 `legacy`): a screen name
/// plus a count, or plus an id and a creation date.
pub(crate) fn is_legacy_user(m: &Map<String, Value>) -> bool {
    if m.get("screen_name").and_then(handle).is_none() {
        return false;
    }
    let has = |k: &str| m.get(k).is_some_and(|v| !v.is_null());
    ["followers_count", "friends_count", "statuses_count"]
        .iter()
        .any(|k| has(k))
        || ((has("id_str") || has("id")) && has("created_at"))
}

/// The bio with its t.co links replaced by the addresses they stand for.
fn expand_links(bio: String, v: &Value) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for path in USER_PATHS.bio_urls {
        if let Some(Value::Array(items)) = at(v, path) {
            for item in items {
                let short = item.get("url").and_then(text);
                let long = item.get("expanded_url").and_then(text);
                if let (Some(short), Some(long)) = (short, long) {
                    push_link(&mut pairs, short, long);
                }
            }
        }
    }
    apply_links(bio, pairs)
}

/// Adds a t.co link and its address, unless that link is already known or is not a link.
pub(crate) fn push_link(pairs: &mut Vec<(String, String)>, short: String, long: String) {
    if short.starts_with("http") && !pairs.iter().any(|(s, _)| *s == short) {
        pairs.push((short, long));
    }
}

/// `bio` with each link of `pairs` replaced by its address.
pub(crate) fn apply_links(bio: String, mut pairs: Vec<(String, String)>) -> String {
    // Longest first, so `t.co/ab` never rewrites part of `t.co/abc`.
    crate::sort::by_key(&mut pairs, |(short, _)| std::cmp::Reverse(short.len()));
    pairs
        .iter()
        .fold(bio, |bio, (short, long)| bio.replace(short.as_str(), long))
}

/// X's check kind, in X's spelling: "Business" (gold), "Government" (grey);
/// "None" and the paid "Blue" are no kind. Unknown kinds are kept as given.
pub(crate) fn check_kind(v: &Value) -> Option<String> {
    check_kind_str(&text(v)?)
}

/// [`check_kind`] of a string (also what the page shows).
pub(crate) fn check_kind_str(kind: &str) -> Option<String> {
    let kind = kind.trim();
    if kind.is_empty() {
        return None;
    }
    match kind.to_ascii_lowercase().as_str() {
        "business" => Some("Business".into()),
        "government" => Some("Government".into()),
        "none" | "blue" => None,
        _ => Some(kind.to_string()),
    }
}

/// True for a check kind that means X verified an organisation (not the paid check).
pub(crate) fn is_organisation_check(kind: &str) -> bool {
    matches!(kind, "Business" | "Government")
}

/// X's parody / commentary / fan label; "None" is no label.
pub(crate) fn parody_kind(v: &Value) -> Option<String> {
    parody_kind_str(&text(v)?)
}

/// [`parody_kind`] of a string: X's value, or the page's label text, whose
/// English words ("Parody account") name the kind; other text is kept as shown.
pub(crate) fn parody_kind_str(kind: &str) -> Option<String> {
    let kind = kind.trim();
    // X's value for most users: no copy, no lower-casing (no other char
    // lower-cases to these four letters).
    if kind.is_empty() || kind.eq_ignore_ascii_case("none") {
        return None;
    }
    let lower = crate::case::lower(kind);
    let has_word = |w: &str| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    if has_word("parody") {
        Some("Parody".into())
    } else if has_word("commentary") {
        Some("Commentary".into())
    } else if has_word("fan") {
        Some("Fan".into())
    } else {
        Some(kind.to_string())
    }
}

/// A handle as it may follow `@` in a label's text: letters, digits, `_`, at most 15.
pub(crate) fn handle_after_at(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..)?.iter().position(|b| *b == b'@') {
        let start = from + at + 1;
        let len = bytes
            .get(start..)?
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if (1..=15).contains(&len) {
            return s.get(start..start + len).map(str::to_string);
        }
        from = start;
    }
    None
}

/// Whether X labels the account as automated, and its operator when named.
/// A label of another kind (a business affiliation) is "not automated"; an
/// empty `affiliates_highlighted_label` says nothing.
pub(crate) fn automated(v: &Value) -> (Option<bool>, Option<String>) {
    let l = &LABEL_PATHS;
    let Some(label) = USER_PATHS.label.iter().find_map(|p| at(v, p)) else {
        return (None, None);
    };
    match at(label, l.kind).and_then(str_of) {
        Some(AUTOMATED_LABEL) => {}
        Some(_) => return (Some(false), None),
        None => return (None, None),
    }
    let from_entities = match at(label, l.entities) {
        Some(Value::Array(entities)) => entities.iter().find_map(|e| {
            at(e, l.operator_user)
                .and_then(|u| first(u, USER_PATHS.handle, handle))
                .or_else(|| at(e, l.operator_handle).and_then(handle))
        }),
        _ => None,
    };
    let operator =
        from_entities.or_else(|| at(label, l.text).and_then(str_of).and_then(handle_after_at));
    (Some(true), operator)
}

/// Reads a GraphQL user result of any generation.
pub(crate) fn from_graphql(v: &Value, source: Source) -> Account {
    let p = &USER_PATHS;
    let verified_type = first(v, p.verified_type, check_kind);
    // `verification.verified` is false for everyone in 2026 data: an
    // organisation's check kind is what says it was verified.
    let verified = if verified_type.as_deref().is_some_and(is_organisation_check) {
        Some(true)
    } else {
        first(v, p.verified, flag)
    };
    let (automated, automated_by) = automated(v);
    let avatar = first(v, p.avatar, text);
    let flagged = first(v, p.default_avatar, flag);
    let from_url = avatar.as_deref().map(is_default_avatar_url);
    let default_avatar = if flagged == Some(true) || from_url == Some(true) {
        Some(true)
    } else {
        flagged.or(from_url)
    };
    Account {
        id: first(v, p.id, ident),
        handle: first(v, p.handle, handle).unwrap_or_default(),
        name: first(v, p.name, text),
        bio: first_text_or_empty(v, p.bio).map(|b| expand_links(b, v)),
        location: first_text_or_empty(v, p.location),
        url: first(v, p.url, text),
        created_at: first(v, p.created_at, timestamp),
        followers: first(v, p.followers, count),
        following: first(v, p.following, count),
        tweets: first(v, p.tweets, count),
        likes: first(v, p.likes, count),
        listed: first(v, p.listed, count),
        media: first(v, p.media, count),
        default_avatar,
        default_profile: first(v, p.default_profile, flag),
        verified,
        blue_verified: first(v, p.blue_verified, flag),
        verified_type,
        identity_verified: first(v, p.identity_verified, flag),
        automated,
        automated_by,
        parody_label: first(v, p.parody_label, parody_kind),
        username_changes: first(v, p.username_changes, count),
        based_in: first(v, p.based_in, text),
        protected: first(v, p.protected, flag),
        follows_you: first(v, p.follows_you, flag),
        you_follow: first(v, p.you_follow, flag),
        // A v1.1 object's embedded latest post: the account was seen no earlier.
        observed_at: first(v, p.observed_at, timestamp),
        source,
    }
}

/// Reads a bare v1.1 user object (the same fields a generation-1 `legacy` holds).
pub(crate) fn from_legacy(m: &Map<String, Value>, source: Source) -> Account {
    let mut wrapper = Map::new();
    wrapper.insert("legacy".to_string(), Value::Object(m.clone()));
    from_graphql(&Value::Object(wrapper), source)
}

/// Reads an account-shaped object as this crate writes it (an exported
/// `Account`, the `facts` of a CLI output line, a remembered `account`).
/// `outer` (a CLI line holding `facts`) supplies `handle` and `id` first.
pub(crate) fn from_facts(
    facts: &Map<String, Value>,
    outer: Option<&Map<String, Value>>,
    source: Source,
) -> Account {
    let get = |k: &str| facts.get(k);
    let outer_get = |k: &str| outer.and_then(|o| o.get(k));
    let c = |k: &str| get(k).and_then(count);
    let b = |k: &str| get(k).and_then(flag);
    let t = |k: &str| get(k).and_then(text);
    let mut account = Account {
        id: outer_get("id")
            .and_then(ident)
            .or_else(|| get("id").and_then(ident)),
        handle: outer_get("handle")
            .and_then(handle)
            .or_else(|| get("handle").and_then(handle))
            .unwrap_or_default(),
        name: t("name"),
        // Empty strings are facts here too ("no bio"), as in the payload readers.
        bio: get("bio").and_then(Value::as_str).map(str::to_string),
        location: get("location").and_then(Value::as_str).map(str::to_string),
        url: t("url"),
        created_at: get("created_at").and_then(timestamp),
        followers: c("followers"),
        following: c("following"),
        tweets: c("tweets"),
        likes: c("likes"),
        listed: c("listed"),
        media: c("media"),
        default_avatar: b("default_avatar"),
        default_profile: b("default_profile"),
        verified: b("verified"),
        blue_verified: b("blue_verified"),
        verified_type: t("verified_type"),
        identity_verified: b("identity_verified"),
        automated: b("automated"),
        automated_by: t("automated_by"),
        parody_label: t("parody_label"),
        username_changes: c("username_changes"),
        based_in: t("based_in"),
        protected: b("protected"),
        follows_you: b("follows_you"),
        you_follow: b("you_follow"),
        observed_at: get("observed_at").and_then(timestamp),
        source,
    };
    if account.default_avatar.is_none() {
        account.default_avatar = get("avatar_url")
            .and_then(text)
            .map(|u| is_default_avatar_url(&u));
    }
    account
}

/// Keys that mark an object as an exported `Account` when it has a `handle`.
const ACCOUNT_KEYS: [&str; 6] = [
    "followers",
    "following",
    "tweets",
    "likes",
    "created_at",
    "id",
];

/// An object with a `handle` and at least one account fact: an exported `Account`.
pub(crate) fn is_account_shaped(m: &Map<String, Value>) -> bool {
    m.get("handle").and_then(handle).is_some() && ACCOUNT_KEYS.iter().any(|k| m.contains_key(*k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn newest_place_wins_and_empty_is_missing() {
        let v = json!({
            "__typename": "User", "rest_id": "7",
            "core": {"screen_name": "new_name", "name": ""},
            "legacy": {"screen_name": "old_name", "name": "Old", "followers_count": 5},
            "relationship_counts": {"followers": 9},
            "avatar": {"image_url": "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"}
        });
        assert!(is_graphql_user(&v));
        let a = from_graphql(&v, Source::Graphql);
        assert_eq!(a.handle, "new_name");
        assert_eq!(a.name.as_deref(), Some("Old"));
        assert_eq!(a.followers, Some(9));
        assert_eq!(a.default_avatar, Some(true));
        assert_eq!(a.id.as_deref(), Some("7"));
    }

    #[test]
    fn every_top_level_fact_key_is_kept_from_the_walk() {
        let p = &USER_PATHS;
        let tables = [
            p.id,
            p.handle,
            p.name,
            p.created_at,
            p.bio,
            p.location,
            p.url,
            p.avatar,
            p.followers,
            p.following,
            p.tweets,
            p.media,
            p.likes,
            p.listed,
            p.default_profile,
            p.default_avatar,
            p.verified,
            p.blue_verified,
            p.protected,
            p.follows_you,
            p.you_follow,
            p.observed_at,
            p.bio_urls,
            p.verified_type,
            p.identity_verified,
            p.label,
            p.parody_label,
            p.username_changes,
            p.based_in,
        ];
        for path in tables.iter().flat_map(|t| t.iter()) {
            let key = path.first().copied().unwrap_or_default();
            assert!(
                is_fact_key(key),
                "{key} is read as a fact but would be walked"
            );
        }
        assert!(!is_fact_key("notification_timeline"));
        assert!(!is_fact_key("timeline"));
    }

    #[test]
    fn label_words_and_kinds() {
        assert_eq!(check_kind_str(" business ").as_deref(), Some("Business"));
        assert_eq!(check_kind_str("Government").as_deref(), Some("Government"));
        assert_eq!(check_kind_str("Blue"), None);
        assert_eq!(check_kind_str("None"), None);
        assert_eq!(check_kind_str("Press").as_deref(), Some("Press"));
        assert_eq!(parody_kind_str("Parody account").as_deref(), Some("Parody"));
        assert_eq!(parody_kind_str("Fan account").as_deref(), Some("Fan"));
        assert_eq!(
            parody_kind_str("Fantasy league").as_deref(),
            Some("Fantasy league")
        );
        assert_eq!(parody_kind_str("None"), None);
        assert_eq!(parody_kind_str(" NONE "), None);
        assert_eq!(parody_kind_str(""), None);
        assert_eq!(parody_kind_str("Noné").as_deref(), Some("Noné"));
        assert_eq!(
            handle_after_at("Automated by @op_1.").as_deref(),
            Some("op_1")
        );
        assert_eq!(handle_after_at("Automatizado por @ nadie"), None);
        assert_eq!(handle_after_at("no operator"), None);
    }

    /// `handle_after_at` as it was (split at `@`, chars taken while valid).
    fn handle_after_at_before(s: &str) -> Option<String> {
        s.split('@').skip(1).find_map(|rest| {
            let h: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!h.is_empty() && h.len() <= 15).then_some(h)
        })
    }

    #[test]
    fn handles_after_at_are_found_as_before() {
        const PARTS: &[&str] = &["@", "a", "Z9", "_", " ", ".", "é", "日", "abcdefgh", "@@"];
        let mut next = crate::read::test_rng(0x9e37_79b9_7f4a_7c15u64);
        let mut found = 0;
        for _ in 0..20_000 {
            let s: String = (0..next(12))
                .map(|_| PARTS[next(PARTS.len() as u64) as usize])
                .collect();
            assert_eq!(handle_after_at(&s), handle_after_at_before(&s), "{s:?}");
            found += usize::from(handle_after_at(&s).is_some());
        }
        assert!(found > 1_000, "only {found} texts held a handle");
        assert_eq!(
            handle_after_at("@abcdefghabcdefgh @op").as_deref(),
            Some("op")
        );
    }

    #[test]
    fn legacy_detection_needs_more_than_a_mention() {
        let mention = json!({"screen_name": "x", "id_str": "1", "name": "X", "indices": [0, 2]});
        let user = json!({"screen_name": "x", "id": 1, "followers_count": 3});
        assert!(!is_legacy_user(mention.as_object().unwrap_or(&Map::new())));
        assert!(is_legacy_user(user.as_object().unwrap_or(&Map::new())));
    }
}
