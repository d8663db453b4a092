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
//! times at each scoring). Count history and interactions are read at scoring.

use std::cell::RefCell;
use std::rc::Rc;

use super::keywords::NormalizedText;
use super::timeline::TimelineStats;
use crate::model::{Account, Source, Tweet};
use crate::prepared::{KeywordList, Matchers};

/// The keyword lists in [`AccountFeatures::bio_hits`] order.
const LISTS: [KeywordList; 4] = [
    KeywordList::Begging,
    KeywordList::Guru,
    KeywordList::Spam,
    KeywordList::Interests,
];

fn list_index(list: KeywordList) -> usize {
    match list {
        KeywordList::Begging => 0,
        KeywordList::Guru => 1,
        KeywordList::Spam => 2,
        KeywordList::Interests => 3,
    }
}

/// What one account's profile and posts show, for one set of keyword lists.
#[derive(Debug, PartialEq)]
pub struct AccountFeatures {
    /// The [`Matchers::generation`] these were built with.
    generation: u64,
    /// The recent-post statistics (`None` without posts), without the
    /// time-to-now figures (both `None`: see the module comment).
    pub timeline: Option<TimelineStats>,
    /// The bio prepared for keyword matching.
    pub bio: Option<NormalizedText>,
    /// The display name prepared for keyword matching.
    pub name: Option<NormalizedText>,
    /// Each keyword list's hits in the bio, as listed in the settings.
    bio_hits: [Vec<String>; 4],
    /// Each keyword list's hits in the name.
    name_hits: [Vec<String>; 4],
    /// The interests found in the posts, distinct, in order of first sight.
    pub interests_in_posts: Vec<String>,
    /// Posts with at least one interest.
    pub posts_with_interests: usize,
    /// The most common source among the posts (X's data when tied or none).
    pub source: Source,
}

impl AccountFeatures {
    /// Computes every feature of `account` and its `tweets` for `matchers`.
    pub fn compute(account: &Account, tweets: &[Tweet], matchers: &Matchers) -> Self {
        let timeline = TimelineStats::with_options(tweets, account, 0, matchers.timeline_options())
            .map(|mut t| {
                t.days_since_last_post = None;
                t.posts_per_day_to_now = None;
                t
            });
        let bio = account.bio.as_deref().map(NormalizedText::new);
        let name = account.name.as_deref().map(NormalizedText::new);
        let hits = |text: &Option<NormalizedText>| -> [Vec<String>; 4] {
            LISTS.map(|list| match text {
                Some(norm) => {
                    let set = matchers.keyword_set(list);
                    if set.is_empty() {
                        Vec::new()
                    } else {
                        set.matches_in(norm)
                            .into_iter()
                            .map(str::to_string)
                            .collect()
                    }
                }
                None => Vec::new(),
            })
        };
        let bio_hits = hits(&bio);
        let name_hits = hits(&name);
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
            bio,
            name,
            bio_hits,
            name_hits,
            interests_in_posts,
            posts_with_interests,
            source: source_of(tweets),
        }
    }

    /// True when built with these matchers (the same keyword lists).
    pub fn fits(&self, matchers: &Matchers) -> bool {
        self.generation == matchers.generation()
    }

    /// The hits of `list` in the bio.
    pub fn bio_hits(&self, list: KeywordList) -> &[String] {
        self.bio_hits
            .get(list_index(list))
            .map_or(&[], Vec::as_slice)
    }

    /// The hits of `list` in the display name.
    pub fn name_hits(&self, list: KeywordList) -> &[String] {
        self.name_hits
            .get(list_index(list))
            .map_or(&[], Vec::as_slice)
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
    pub fn get(
        &self,
        account: &Account,
        tweets: &[Tweet],
        matchers: &Matchers,
    ) -> Rc<AccountFeatures> {
        if let Ok(kept) = self.0.try_borrow() {
            if let Some(f) = kept.as_ref().filter(|f| f.fits(matchers)) {
                return Rc::clone(f);
            }
        }
        let fresh = Rc::new(AccountFeatures::compute(account, tweets, matchers));
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
