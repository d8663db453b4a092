//! A fake of the worker's three IndexedDB object stores (accounts, tweets,
//! interactions), keyed by the memory key in key order, applying each save
//! (`memory::Changes`) as memory-store.js does. Shared by the memory record
//! tests (memory_records, memory_compact).

use std::collections::BTreeMap;

use followback::memory::Changes;

/// Three object stores, keyed by the memory key, as memory-store.js keeps them.
#[derive(Default, Debug, Clone)]
pub struct Store {
    pub accounts: BTreeMap<String, String>,
    pub tweets: BTreeMap<String, String>,
    pub interactions: BTreeMap<String, String>,
}

impl Store {
    pub fn apply(&mut self, c: &Changes) {
        if c.clear {
            *self = Store::default();
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
