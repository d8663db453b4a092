//! Per-account features computed once, not at every scoring: the recent-post
//! statistics, the bio and name prepared for keyword matching, each keyword
//! list's hits in them, the interests found in the posts and where the posts
//! came from. Scoring reads them as numbers; they change only when the
//! account's profile or posts change (the memory clears its [`FeatureCache`])
//! or when the keyword lists change (each [`AccountFeatures`] remembers the
//! [`Matchers`] generation it was built with, and a cache built with other
//! matchers is rebuilt before use, never served stale).
//!
//! What depends on `now` is not cached: the two time-to-now figures of the
//! timeline are left out here ([`TimelineStats::days_since_last_post_at`] and
//! [`TimelineStats::posts_per_day_to_now_at`] compute them from the stored
//! times at each scoring). The count history's swings are kept too (the
//! history changes only with the profile); interactions are read at scoring.

use std::cell::RefCell;
use std::rc::Rc;

use super::churn::ChurnStats;
use super::keywords::NormalizedText;
use super::timeline::TimelineStats;
use crate::model::{Source, Tweet};
use crate::prepared::{KeywordList, Matchers};
use crate::signals::{client_counts, self_bot, SelfBot, Subject};

/// Every keyword list, each matched once in the bio and the name.
const LISTS: [KeywordList; 4] = [
    KeywordList::Begging,
    KeywordList::Guru,
    KeywordList::Spam,
    KeywordList::Interests,
];

/// Where a keyword was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Bio,
    Name,
}

/// One keyword of one list found in the bio or the name.
#[derive(Debug, PartialEq)]
struct Hit {
    list: KeywordList,
    field: Field,
    /// As listed in the settings.
    word: String,
}

/// What one account's profile and posts show, for one set of keyword lists.
#[derive(Debug, PartialEq)]
pub struct AccountFeatures {
    /// The [`Matchers::generation`] these were built with.
    generation: u64,
    /// The recent-post statistics (`None` without posts), without the
    /// time-to-now figures (both `None`: see the module comment).
    pub timeline: Option<Box<TimelineStats>>,
    /// Every list's hits in the bio and the name, per list and field in
    /// match order (most accounts: none, so no allocation).
    hits: Vec<Hit>,
    /// The interests found in the posts, distinct, in order of first sight.
    pub interests_in_posts: Vec<String>,
    /// Posts with at least one interest.
    pub posts_with_interests: usize,
    /// The most common source among the posts (X's data when tied or none).
    pub source: Source,
    /// Own posts naming an app, and those from a tool (`client.keywords`).
    pub clients: Clients,
    /// Whether the handle, name or bio says "bot" (`self_bot.words`).
    pub self_bot: SelfBot,
    /// Following-count swings over the count history (`None` without history).
    pub churn: Option<Box<ChurnStats>>,
    /// The bio is blank once trimmed (`None`: no bio seen).
    pub bio_blank: Option<bool>,
}

/// The posting-app counts the fast path needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clients {
    /// Own posts (not reposts) naming an app.
    pub own: usize,
    /// Of those, posts from a tool.
    pub tooled: usize,
}

impl AccountFeatures {
    /// Computes every feature of `account` and its `tweets` for `matchers`.
    pub fn compute(subject: &Subject, matchers: &Matchers) -> Self {
        let (account, tweets) = (subject.account, subject.tweets);
        let timeline = TimelineStats::with_options(tweets, account, 0, matchers.timeline_options())
            .map(|mut t| {
                t.days_since_last_post = None;
                t.posts_per_day_to_now = None;
                Box::new(t)
            });
        let mut hits = Vec::new();
        for (field, text) in [(Field::Bio, &account.bio), (Field::Name, &account.name)] {
            let Some(text) = text.as_deref() else {
                continue;
            };
            let norm = NormalizedText::new(text);
            for list in LISTS {
                let set = matchers.keyword_set(list);
                if set.is_empty() {
                    continue;
                }
                hits.extend(set.matches_in(&norm).into_iter().map(|w| Hit {
                    list,
                    field,
                    word: w.to_string(),
                }));
            }
        }
        let interests = matchers.keyword_set(KeywordList::Interests);
        let mut interests_in_posts: Vec<String> = Vec::new();
        let mut posts_with_interests = 0;
        if !interests.is_empty() {
            for t in tweets {
                let norm = NormalizedText::new(&t.text);
                let found = interests.matches_in(&norm);
                if !found.is_empty() {
                    posts_with_interests += 1;
                }
                for h in found {
                    if !interests_in_posts.iter().any(|f| f == h) {
                        interests_in_posts.push(h.to_string());
                    }
                }
            }
        }
        AccountFeatures {
            generation: matchers.generation(),
            timeline,
            hits,
            interests_in_posts,
            posts_with_interests,
            source: source_of(tweets),
            clients: {
                let c = client_counts(tweets, matchers.client_tools());
                Clients {
                    own: c.own,
                    tooled: c.tooled,
                }
            },
            self_bot: self_bot(account, matchers.self_bot_words()),
            bio_blank: account.bio.as_deref().map(|b| b.trim().is_empty()),
            churn: (!subject.history.is_empty())
                .then(|| Box::new(ChurnStats::from_history(subject.history, account))),
        }
    }

    /// True when built with these matchers (the same keyword lists).
    pub fn fits(&self, matchers: &Matchers) -> bool {
        self.generation == matchers.generation()
    }

    /// The hits of `list` in the bio, as listed in the settings, in match order.
    pub fn bio_hits(&self, list: KeywordList) -> impl Iterator<Item = &str> {
        self.hits_in(list, Field::Bio)
    }

    /// The hits of `list` in the display name.
    pub fn name_hits(&self, list: KeywordList) -> impl Iterator<Item = &str> {
        self.hits_in(list, Field::Name)
    }

    fn hits_in(&self, list: KeywordList, field: Field) -> impl Iterator<Item = &str> {
        self.hits
            .iter()
            .filter(move |h| h.list == list && h.field == field)
            .map(|h| h.word.as_str())
    }
}

/// The most common source among `tweets` (X's data when tied or empty).
pub fn source_of(tweets: &[Tweet]) -> Source {
    const ALL: [Source; 4] = [Source::Graphql, Source::Page, Source::File, Source::Memory];
    let mut counts = [0usize; 4];
    for t in tweets {
        if let Some(i) = ALL.iter().position(|s| *s == t.source) {
            if let Some(c) = counts.get_mut(i) {
                *c += 1;
            }
        }
    }
    // The first of the most common: earlier entries win ties.
    let mut best = 0;
    for (i, &c) in counts.iter().enumerate() {
        if c > counts.get(best).copied().unwrap_or(0) {
            best = i;
        }
    }
    ALL.get(best).copied().unwrap_or_default()
}

/// An account's features, computed when first needed and kept until the
/// account's profile or posts change ([`FeatureCache::clear`]). Not saved
/// anywhere: it is derived. Equal to any other cache (it holds no facts).
#[derive(Clone, Debug, Default)]
pub struct FeatureCache(RefCell<Option<Rc<AccountFeatures>>>);

impl PartialEq for FeatureCache {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl FeatureCache {
    /// The features for `matchers`: the kept ones when they were built with
    /// the same matchers, else computed now and kept.
    pub fn get(&self, subject: &Subject, matchers: &Matchers) -> Rc<AccountFeatures> {
        if let Ok(kept) = self.0.try_borrow() {
            if let Some(f) = kept.as_ref().filter(|f| f.fits(matchers)) {
                return Rc::clone(f);
            }
        }
        let fresh = Rc::new(AccountFeatures::compute(subject, matchers));
        if let Ok(mut slot) = self.0.try_borrow_mut() {
            *slot = Some(Rc::clone(&fresh));
        }
        fresh
    }

    /// Forgets the features: the profile or the posts changed.
    pub fn clear(&mut self) {
        *self.0.get_mut() = None;
    }

    /// True when features are kept for `matchers`.
    pub fn holds(&self, matchers: &Matchers) -> bool {
        self.0
            .try_borrow()
            .is_ok_and(|k| k.as_ref().is_some_and(|f| f.fits(matchers)))
    }
}
