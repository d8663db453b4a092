//! What scoring prepares once instead of once per signal: the keyword sets
//! built from the settings ([`Matchers`], once per settings: the engine and the
//! CLI keep one) and the recent-post statistics ([`Prepared`], once per
//! account). Signals read them through the subject when present and build
//! them on the spot otherwise, so results never depend on the path taken.

use std::borrow::Cow;

use crate::analysis::{KeywordSet, NormalizedText, TimelineOptions, TimelineStats};
use crate::settings::Settings;
use crate::signals::Subject;

/// Which keyword list of the settings a signal matches against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeywordList {
    /// Follow-back begging words (bio, name, posts).
    Begging,
    /// Guru and marketer words (bio).
    Guru,
    /// Spam words (bio, name).
    Spam,
    /// The viewer's own interests (bio, posts).
    Interests,
}

impl KeywordList {
    fn keywords(self, s: &Settings) -> &[String] {
        match self {
            KeywordList::Begging => &s.begging_keywords,
            KeywordList::Guru => &s.guru_keywords,
            KeywordList::Spam => &s.spam_keywords,
            KeywordList::Interests => &s.interests_keywords,
        }
    }
}

/// Every keyword set the signals match against, built from one `Settings`.
#[derive(Clone, Debug)]
pub struct Matchers {
    begging: KeywordSet,
    guru: KeywordSet,
    spam: KeywordSet,
    interests: KeywordSet,
    timeline: TimelineOptions,
}

impl Matchers {
    /// Builds every set; costly, so once per settings, not per account.
    pub fn new(s: &Settings) -> Self {
        Matchers {
            begging: KeywordSet::new(&s.begging_keywords),
            guru: KeywordSet::new(&s.guru_keywords),
            spam: KeywordSet::new(&s.spam_keywords),
            interests: KeywordSet::new(&s.interests_keywords),
            timeline: TimelineOptions::new(&s.begging_keywords),
        }
    }

    /// The set for one list.
    pub fn keyword_set(&self, list: KeywordList) -> &KeywordSet {
        match list {
            KeywordList::Begging => &self.begging,
            KeywordList::Guru => &self.guru,
            KeywordList::Spam => &self.spam,
            KeywordList::Interests => &self.interests,
        }
    }

    /// The phrase sets the recent-post statistics use.
    pub fn timeline_options(&self) -> &TimelineOptions {
        &self.timeline
    }
}

/// What one account's scoring computes once for all its signals.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The keyword sets, shared by every account.
    pub matchers: &'a Matchers,
    /// `None` when the account has no recent posts.
    pub timeline: Option<TimelineStats>,
    /// Build the evidence words (false: the numeric fast path).
    pub explain: bool,
    /// The bio prepared once for every keyword list (begging, guru twice,
    /// spam, interests) instead of once per list.
    pub bio: Option<NormalizedText>,
    /// The display name, prepared once (begging, spam).
    pub name: Option<NormalizedText>,
}

impl<'a> Prepared<'a> {
    /// Computes the recent-post statistics of `subject` once.
    pub fn new(subject: &Subject, matchers: &'a Matchers, now: i64) -> Self {
        Prepared {
            matchers,
            timeline: TimelineStats::with_options(
                subject.tweets,
                subject.account,
                now,
                matchers.timeline_options(),
            ),
            explain: true,
            bio: subject.account.bio.as_deref().map(NormalizedText::new),
            name: subject.account.name.as_deref().map(NormalizedText::new),
        }
    }
}

/// The keywords of `list` found in `text`, as listed in the settings. When
/// `text` is the account's own bio or name (the same string, not a copy), the
/// text prepared once is used: the result is the same, only faster.
pub fn find_keywords(
    subject: &Subject,
    s: &Settings,
    list: KeywordList,
    text: &str,
) -> Vec<String> {
    let owned = |found: Vec<&str>| found.into_iter().map(str::to_string).collect();
    match subject.prepared {
        Some(p) => {
            let set = p.matchers.keyword_set(list);
            if set.is_empty() {
                return Vec::new();
            }
            match prepared_text(subject, p, text) {
                Some(norm) => owned(set.matches_in(norm)),
                None => owned(set.matches(text)),
            }
        }
        None => owned(KeywordSet::new(list.keywords(s)).matches(text)),
    }
}

/// The prepared form of `text` when it is the subject's bio or name itself.
fn prepared_text<'p>(subject: &Subject, p: &'p Prepared, text: &str) -> Option<&'p NormalizedText> {
    let same = |field: Option<&str>| field.is_some_and(|f| std::ptr::eq(f, text));
    if same(subject.account.bio.as_deref()) {
        p.bio.as_ref()
    } else if same(subject.account.name.as_deref()) {
        p.name.as_ref()
    } else {
        None
    }
}

/// The keyword set of `list`, prepared or built now.
pub fn keyword_set<'s>(
    subject: &Subject<'s>,
    s: &Settings,
    list: KeywordList,
) -> Cow<'s, KeywordSet> {
    match subject.prepared {
        Some(p) => Cow::Borrowed(p.matchers.keyword_set(list)),
        None => Cow::Owned(KeywordSet::new(list.keywords(s))),
    }
}

/// The recent-post statistics, prepared or computed now; `None` without posts.
pub fn timeline<'s>(
    subject: &Subject<'s>,
    s: &Settings,
    now: i64,
) -> Option<Cow<'s, TimelineStats>> {
    match subject.prepared {
        Some(p) => p.timeline.as_ref().map(Cow::Borrowed),
        None => {
            TimelineStats::from_tweets(subject.tweets, subject.account, now, &s.begging_keywords)
                .map(Cow::Owned)
        }
    }
}
