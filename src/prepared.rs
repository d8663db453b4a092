//! What scoring prepares once instead of once per signal: the keyword sets
//! built from the settings ([`Matchers`], once per settings: the engine and the
//! CLI keep one) and the account's features ([`Prepared`]: recent-post
//! statistics, keyword hits; kept with a remembered account between scorings,
//! see `analysis::features`). Signals read them through the subject when
//! present and build them on the spot otherwise, so results never depend on
//! the path taken.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::analysis::features::AccountFeatures;
use crate::analysis::{KeywordSet, TimelineOptions, TimelineStats};
use crate::model::Source;
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
    /// `client.keywords`, lower-cased (posting apps that are tools).
    client_tools: Vec<String>,
    /// `self_bot.words` (a bot saying so).
    self_bot_words: Vec<String>,
    /// Unique to one [`Matchers::new`] (clones share it): features built with
    /// one generation are valid for every matchers of that generation.
    generation: u64,
}

/// The last generation handed out.
static GENERATION: AtomicU64 = AtomicU64::new(0);

impl Matchers {
    /// Builds every set; costly, so once per settings, not per account.
    pub fn new(s: &Settings) -> Self {
        Matchers {
            begging: KeywordSet::new(&s.begging_keywords),
            guru: KeywordSet::new(&s.guru_keywords),
            spam: KeywordSet::new(&s.spam_keywords),
            interests: KeywordSet::new(&s.interests_keywords),
            timeline: TimelineOptions::new(&s.begging_keywords),
            client_tools: s
                .client_keywords
                .iter()
                .map(|k| crate::case::lower(k))
                .collect(),
            self_bot_words: s.self_bot_words.clone(),
            generation: GENERATION.fetch_add(1, Ordering::Relaxed) + 1,
        }
    }

    /// `client.keywords`, lower-cased.
    pub fn client_tools(&self) -> &[String] {
        &self.client_tools
    }

    /// `self_bot.words`.
    pub fn self_bot_words(&self) -> &[String] {
        &self.self_bot_words
    }

    /// Which [`Matchers::new`] built these (per-account features remember it).
    pub fn generation(&self) -> u64 {
        self.generation
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
    /// The account's features: kept with a remembered account, else built now.
    pub features: Rc<AccountFeatures>,
    /// Build the evidence words (false: the numeric fast path).
    pub explain: bool,
}

impl<'a> Prepared<'a> {
    /// The features of `subject`: kept ones (its memory entry's cache) when
    /// they were built with `matchers`, else computed now (and kept).
    pub fn new(subject: &Subject, matchers: &'a Matchers) -> Self {
        let features = match subject.features {
            Some(cache) => cache.get(subject, matchers),
            None => Rc::new(AccountFeatures::compute(subject, matchers)),
        };
        Prepared {
            matchers,
            features,
            explain: true,
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
            let same = |field: Option<&str>| field.is_some_and(|f| std::ptr::eq(f, text));
            if same(subject.account.bio.as_deref()) {
                p.features.bio_hits(list).map(str::to_string).collect()
            } else if same(subject.account.name.as_deref()) {
                p.features.name_hits(list).map(str::to_string).collect()
            } else {
                owned(set.matches(text))
            }
        }
        None => owned(KeywordSet::new(list.keywords(s)).matches(text)),
    }
}

/// The keywords of `list` found in `text` (only when the words are built:
/// empty on the fast path) and whether any was found (both paths): what a
/// signal needs that only says "found" or "none" in numbers.
pub fn keywords_found(
    subject: &Subject,
    s: &Settings,
    list: KeywordList,
    text: &str,
) -> (Vec<String>, bool) {
    if subject.explain() {
        let words = find_keywords(subject, s, list, text);
        let any = !words.is_empty();
        (words, any)
    } else {
        (Vec::new(), count_keywords(subject, s, list, text) > 0)
    }
}

/// How many keywords of `list` `text` holds: [`find_keywords`]'s length,
/// without a word copied when `text` is the subject's bio or name.
pub fn count_keywords(subject: &Subject, s: &Settings, list: KeywordList, text: &str) -> usize {
    if let Some(p) = subject.prepared {
        let same = |field: Option<&str>| field.is_some_and(|f| std::ptr::eq(f, text));
        if same(subject.account.bio.as_deref()) {
            return p.features.bio_hits(list).count();
        }
        if same(subject.account.name.as_deref()) {
            return p.features.name_hits(list).count();
        }
    }
    find_keywords(subject, s, list, text).len()
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

/// Recent-post statistics, kept with the account's features or measured
/// now: a pointer either way, so handing them from function to function
/// moves 16 bytes, not the ~550 of the statistics themselves.
#[derive(Debug)]
pub enum Stats<'s> {
    /// Kept with the features (prepared).
    Kept(&'s TimelineStats),
    /// Measured for this scoring alone.
    Measured(Box<TimelineStats>),
}

impl std::ops::Deref for Stats<'_> {
    type Target = TimelineStats;

    fn deref(&self) -> &TimelineStats {
        match self {
            Stats::Kept(t) => t,
            Stats::Measured(t) => t,
        }
    }
}

/// The recent-post statistics, prepared or computed now; `None` without
/// posts. The time-to-now figures may be absent (prepared statistics do not
/// keep them): signals use the `_at(now)` methods.
pub fn timeline<'s>(subject: &Subject<'s>, s: &Settings, now: i64) -> Option<Stats<'s>> {
    match subject.prepared {
        Some(p) => p.features.timeline.as_deref().map(Stats::Kept),
        None => {
            TimelineStats::from_tweets(subject.tweets, subject.account, now, &s.begging_keywords)
                .map(|t| Stats::Measured(Box::new(t)))
        }
    }
}

/// The most common source among the posts (X's data when tied or none).
pub fn posts_source(subject: &Subject) -> Source {
    match subject.prepared {
        Some(p) => p.features.source,
        None => crate::analysis::features::source_of(subject.tweets),
    }
}
