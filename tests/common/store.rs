//! A fake of the worker's three IndexedDB object stores (accounts, tweets,
//! interactions), keyed by the memory key in key order, applying each save
//! (`memory::Changes`) as memory-store.js does (a compaction's pages
//! unpacked into the three stores). Shared by the memory record
//! tests (memory_records, memory_compact).

use std::collections::BTreeMap;

use followback::memory::Changes;

/// Three object stores, keyed by the memory key, as memory-store.js keeps them.
#[derive(Default, Debug, Clone)]
pub struct Store {
    pub accounts: BTreeMap<String, Vec<u8>>,
    pub tweets: BTreeMap<String, Vec<u8>>,
    pub interactions: BTreeMap<String, Vec<u8>>,
}

impl Store {
    /// Every record as one batch, in key order, as memory-store.js reads it.
    #[allow(dead_code)]
    pub fn records(&self) -> followback::memory::Records<'_> {
        fn list(m: &BTreeMap<String, Vec<u8>>) -> Vec<(String, &[u8])> {
            m.iter().map(|(k, v)| (k.clone(), v.as_slice())).collect()
        }
        followback::memory::Records {
            accounts: list(&self.accounts),
            tweets: list(&self.tweets),
            interactions: list(&self.interactions),
        }
    }

    pub fn apply(&mut self, c: &Changes) {
        if c.clear {
            *self = Store::default();
        }
        // A compaction's pages, kept here unpacked: their records restore as
        // the pages do (tests/memory_pages.rs models the pages store itself).
        for page in c.pages.iter().flatten() {
            let records = followback::memory::read_page(page).expect("a page the core wrote");
            for (map, list) in [
                (&mut self.accounts, records.accounts),
                (&mut self.tweets, records.tweets),
                (&mut self.interactions, records.interactions),
            ] {
                for (k, v) in list {
                    map.insert(k, v.to_vec());
                }
            }
        }
        for k in &c.deleted {
            self.accounts.remove(k);
            self.tweets.remove(k);
            self.interactions.remove(k);
        }
        for (k, v) in &c.accounts {
            self.accounts.insert(k.clone(), v.clone());
        }
        for (map, list) in [
            (&mut self.tweets, &c.tweets),
            (&mut self.interactions, &c.interactions),
        ] {
            for (k, v) in list {
                match v {
                    Some(v) => map.insert(k.clone(), v.clone()),
                    None => map.remove(k),
                };
            }
        }
    }
}
