//! Joining observations of the same account within one read: by id when
//! known, by case-insensitive handle only when one side has no id (ids win:
//! a handle held by a different id is another account, and the handle moves
//! to the newer holder); the first observation's facts win, later ones fill gaps.

use std::collections::HashMap;

use crate::model::Account;

/// Accounts in first-seen order, indexed by id and lower-case handle.
#[derive(Default, Debug)]
pub(crate) struct AccountIndex {
    pub accounts: Vec<Account>,
    by_id: HashMap<String, usize>,
    by_handle: HashMap<String, usize>,
}

impl AccountIndex {
    /// Position of the account with this id; else of the account holding
    /// this handle now, unless that one has a different id.
    pub fn find(&self, id: Option<&str>, handle: Option<&str>) -> Option<usize> {
        let id = id.filter(|i| !i.is_empty());
        if let Some(&i) = id.and_then(|id| self.by_id.get(id)) {
            return Some(i);
        }
        let i = *handle
            .filter(|h| !h.is_empty())
            .and_then(|h| self.by_handle.get(&h.to_ascii_lowercase()))?;
        let holder_id = self.accounts.get(i).and_then(|a| a.id.as_deref());
        match (id, holder_id) {
            (Some(mine), Some(theirs)) if mine != theirs => None,
            _ => Some(i),
        }
    }

    /// Adds or merges an account; returns its position, or `None` for an
    /// account with neither handle nor id.
    pub fn add(&mut self, account: Account) -> Option<usize> {
        if account.handle.is_empty() && account.id.is_none() {
            return None;
        }
        let found = self.find(account.id.as_deref(), Some(&account.handle));
        let index = match found {
            Some(i) => {
                if let Some(existing) = self.accounts.get_mut(i) {
                    existing.fill_from(&account);
                }
                i
            }
            None => {
                self.accounts.push(account);
                self.accounts.len() - 1
            }
        };
        let merged = self.accounts.get(index)?;
        if let Some(id) = &merged.id {
            self.by_id.insert(id.clone(), index);
        }
        if !merged.handle.is_empty() {
            self.by_handle.insert(merged.key(), index);
        }
        Some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    #[test]
    fn joins_by_id_then_handle() {
        let mut ix = AccountIndex::default();
        let a = Account {
            id: Some("1".into()),
            followers: Some(3),
            ..Account::with_handle("Ann", Source::File)
        };
        let b = Account {
            followers: Some(9),
            tweets: Some(4),
            ..Account::with_handle("ANN", Source::File)
        };
        let c = Account {
            id: Some("1".into()),
            ..Account::with_handle("renamed", Source::File)
        };
        assert_eq!(ix.add(a), Some(0));
        assert_eq!(ix.add(b), Some(0));
        assert_eq!(ix.add(c), Some(0));
        assert_eq!(ix.add(Account::default()), None);
        assert_eq!(ix.accounts.len(), 1);
        assert_eq!(ix.accounts[0].followers, Some(3));
        assert_eq!(ix.accounts[0].tweets, Some(4));
        assert_eq!(ix.find(None, Some("ann")), Some(0));
        assert_eq!(ix.find(Some("1"), None), Some(0));
    }

    #[test]
    fn a_handle_held_by_another_id_is_another_account() {
        let mut ix = AccountIndex::default();
        let one = Account {
            id: Some("1".into()),
            followers: Some(10),
            ..Account::with_handle("ann", Source::Graphql)
        };
        let two = Account {
            id: Some("2".into()),
            followers: Some(5000),
            ..Account::with_handle("Ann", Source::Graphql)
        };
        assert_eq!(ix.add(one), Some(0));
        assert_eq!(ix.add(two), Some(1), "a different id is never merged");
        assert_eq!(ix.accounts[0].followers, Some(10));
        assert_eq!(ix.accounts[1].followers, Some(5000));
        // The handle moved to its newer holder; id-less observations join it.
        assert_eq!(ix.find(None, Some("ann")), Some(1));
        assert_eq!(ix.add(Account::with_handle("ANN", Source::Page)), Some(1));
        assert_eq!(ix.find(Some("1"), Some("ann")), Some(0));
        assert_eq!(ix.find(Some("3"), Some("ann")), None);
    }
}
