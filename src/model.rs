//! Plain facts about accounts, tweets and interactions, as the readers found them.
//!
//! Every field the page may not show is an `Option`: `None` means "not seen",
//! never "zero" or "false". Nothing here knows about JSON shapes or the DOM.

use serde::{Deserialize, Serialize};

/// Serde helper: a field at its default value is left out when written
/// (absent fields read back as the default, so nothing is lost).
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Where a fact came from, shown in the breakdown next to the value.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A GraphQL response the x.com page loaded itself.
    #[default]
    Graphql,
    /// Text the content script lifted from the rendered page.
    Page,
    /// A saved file (v1.1 user objects, JSON Lines, an export).
    File,
    /// What the extension remembered from earlier visits.
    Memory,
}

impl Source {
    /// Short human phrase for the breakdown ("from X's data").
    pub fn phrase(self) -> &'static str {
        match self {
            Source::Graphql => "from X's data",
            Source::Page => "from the page",
            Source::File => "from the file",
            Source::Memory => "remembered",
        }
    }
}

/// One account as observed. Counts are what X reported at `observed_at`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, remote = "Self")] // serde impls: read::objects
pub struct Account {
    /// Numeric user id (`rest_id` / `id_str`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Screen name without the `@`, as X spells it.
    pub handle: String,
    /// Display name, as shown beside the handle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Profile bio text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// Free-text location from the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Website link from the profile (expanded when X gives it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Account creation, unix seconds (UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// Followers count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    /// Following count (accounts this one follows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub following: Option<u64>,
    /// Posts count (X's `statuses_count`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tweets: Option<u64>,
    /// Likes given by the account (X's `favourites_count`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likes: Option<u64>,
    /// How many lists the account is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listed: Option<u64>,
    /// Photos and videos posted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<u64>,
    /// The avatar is X's default egg/silhouette.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_avatar: Option<bool>,
    /// Theme and banner never changed (older payloads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<bool>,
    /// Legacy (pre-2023) or organisation verification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Paid checkmark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blue_verified: Option<bool>,
    /// Kind of X's check when it is not the paid one: "Business" (gold),
    /// "Government" (grey), as X names it (`verification.verified_type`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_type: Option<String>,
    /// X verified the person's identity (`verification_info.is_identity_verified`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_verified: Option<bool>,
    /// X labels the account as automated (`AutomatedLabel`, "Automated by @operator").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
    /// The operator handle of an automated account, without `@`, when shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automated_by: Option<String>,
    /// X's parody, commentary or fan label ("Parody", "Commentary", "Fan"), when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parody_label: Option<String>,
    /// How many times the username changed ("About this account").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_changes: Option<u64>,
    /// Where X says the account is based ("About this account").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub based_in: Option<String>,
    /// Posts are protected (only approved followers see them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    /// The account follows the viewer ("Follows you", `followed_by`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follows_you: Option<bool>,
    /// The viewer follows the account (`following`, an "unfollow" button).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub you_follow: Option<bool>,
    /// When these facts were observed, unix seconds, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed_at: Option<i64>,
    /// Where these facts were read from (data, page, CLI input).
    #[serde(skip_serializing_if = "is_default")]
    pub source: Source,
}

impl Account {
    /// An account known only by handle.
    pub fn with_handle(handle: impl Into<String>, source: Source) -> Self {
        Account::of_handle(handle.into(), source)
    }

    /// [`Account::with_handle`] without its conversion: one copy of the
    /// (large) constructor whatever the handle's type.
    fn of_handle(handle: String, source: Source) -> Self {
        Account {
            handle,
            source,
            ..Account::default()
        }
    }

    /// Lower-case handle: joins observations when one of them has no id (an
    /// id, when both have one, decides: see `memory` and `read::merge`).
    pub fn key(&self) -> String {
        self.handle.to_ascii_lowercase()
    }

    /// Fills every fact this account lacks from `other` (same person, another
    /// source). Facts already present win: call it on the better source.
    pub fn fill_from(&mut self, other: &Account) {
        fn fill<T: Clone>(a: &mut Option<T>, b: &Option<T>) {
            if a.is_none() {
                a.clone_from(b);
            }
        }
        if self.handle.is_empty() {
            self.handle.clone_from(&other.handle);
        }
        fill(&mut self.id, &other.id);
        fill(&mut self.name, &other.name);
        fill(&mut self.bio, &other.bio);
        fill(&mut self.location, &other.location);
        fill(&mut self.url, &other.url);
        fill(&mut self.created_at, &other.created_at);
        fill(&mut self.followers, &other.followers);
        fill(&mut self.following, &other.following);
        fill(&mut self.tweets, &other.tweets);
        fill(&mut self.likes, &other.likes);
        fill(&mut self.listed, &other.listed);
        fill(&mut self.media, &other.media);
        fill(&mut self.default_avatar, &other.default_avatar);
        fill(&mut self.default_profile, &other.default_profile);
        fill(&mut self.verified, &other.verified);
        fill(&mut self.blue_verified, &other.blue_verified);
        fill(&mut self.verified_type, &other.verified_type);
        fill(&mut self.identity_verified, &other.identity_verified);
        fill(&mut self.automated, &other.automated);
        fill(&mut self.automated_by, &other.automated_by);
        fill(&mut self.parody_label, &other.parody_label);
        fill(&mut self.username_changes, &other.username_changes);
        fill(&mut self.based_in, &other.based_in);
        fill(&mut self.protected, &other.protected);
        fill(&mut self.follows_you, &other.follows_you);
        fill(&mut self.you_follow, &other.you_follow);
        fill(&mut self.observed_at, &other.observed_at);
    }
}

/// What kind of post a tweet is, from the author's point of view.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
#[serde(rename_all = "snake_case")]
pub enum TweetKind {
    /// A post of its own.
    #[default]
    Original,
    /// A reply to another post.
    Reply,
    /// A repost of someone else's post, without comment.
    Repost,
    /// A post quoting another post.
    Quote,
}

/// One post by an account.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, remote = "Self")] // serde impls: read::objects
pub struct Tweet {
    /// X's post id (`rest_id`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Numeric user id of the author, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_id: Option<String>,
    /// Author's handle without `@`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_handle: Option<String>,
    /// Full text as posted (for a repost: the reposted text).
    pub text: String,
    /// Unix seconds (UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// Original, reply, repost or quote.
    #[serde(skip_serializing_if = "is_default")]
    pub kind: TweetKind,
    /// Handle replied to, without `@`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// Expanded URLs the post links to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    /// The app the post was sent from (a tweet's top-level `source`, its
    /// link text: "Twitter for iPhone", "Buffer", "dlvr.it"), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// Where the post was read from.
    #[serde(skip_serializing_if = "is_default")]
    pub source: Source,
}

/// Something an account did to the viewer.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    /// Started following the viewer.
    Followed,
    /// Liked one of the viewer's posts.
    Liked,
    /// Reposted one of the viewer's posts.
    Reposted,
    /// Replied to the viewer.
    Replied,
    /// Mentioned the viewer.
    Mentioned,
    /// Sent the viewer a direct message.
    Messaged,
}

/// One interaction of an account with the viewer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(remote = "Self")] // serde impls: read::objects
pub struct Interaction {
    /// The acting account's handle, without `@`.
    pub handle: String,
    /// What the account did.
    pub kind: InteractionKind,
    /// Unix seconds, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<i64>,
    /// Where the interaction was read from.
    #[serde(default, skip_serializing_if = "is_default")]
    pub source: Source,
    /// X's id of the notification this came from (`TimelineNotification.id`),
    /// when read from data: the same notification read again (X updates an
    /// aggregated one's time as more people act) is not a new interaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
}

/// Counts of an account at one moment, kept across visits to see change.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(default, remote = "Self")] // serde impls: read::objects
pub struct Snapshot {
    /// Unix seconds.
    pub at: i64,
    /// Followers count then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    /// Following count then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub following: Option<u64>,
    /// Posts count then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tweets: Option<u64>,
}

/// Everything one reader call found.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default)]
pub struct Observations {
    /// Accounts found, one entry per observation (not yet merged).
    pub accounts: Vec<Account>,
    /// Posts found, by any author.
    pub tweets: Vec<Tweet>,
    /// Interactions with the viewer found (notifications, DMs).
    pub interactions: Vec<Interaction>,
    /// User results that were `UserUnavailable` (suspended, withheld): skipped.
    pub unavailable: usize,
    /// Parts that were skipped, each in one sentence.
    pub warnings: Vec<String>,
    /// The logged-in account, when a payload carries it (X's viewer wrappers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub viewer: Option<Viewer>,
}

/// The logged-in account as a payload names it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Viewer {
    /// The viewer's handle, without `@`.
    pub handle: String,
    /// The viewer's numeric user id, when the payload gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Observations {
    /// Appends everything from `other`.
    pub fn extend(&mut self, other: Observations) {
        self.accounts.extend(other.accounts);
        self.tweets.extend(other.tweets);
        self.interactions.extend(other.interactions);
        self.unavailable += other.unavailable;
        self.warnings.extend(other.warnings);
        if self.viewer.is_none() {
            self.viewer = other.viewer;
        }
    }

    /// True when nothing usable was found.
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty() && self.tweets.is_empty() && self.interactions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_from_keeps_present_facts_and_fills_missing_ones() {
        let mut a = Account {
            followers: Some(10),
            ..Account::with_handle("Ann", Source::Graphql)
        };
        let b = Account {
            followers: Some(99),
            bio: Some("hi".into()),
            ..Account::with_handle("ann", Source::Page)
        };
        a.fill_from(&b);
        assert_eq!(a.followers, Some(10));
        assert_eq!(a.bio.as_deref(), Some("hi"));
        assert_eq!(a.handle, "Ann");
        assert_eq!(a.key(), "ann");
    }
}
