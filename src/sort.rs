//! Sorting with one copy of the sorting algorithm for the whole crate.
//!
//! Every `slice::sort_by_key` (or `sort_unstable`) call site is its own copy
//! of std's sort, about 4-5 KB of wasm each: 19 stable and 7 unstable copies
//! made about 99 KB of the wasm's 870 KB of code. These helpers sort a list of
//! indices with one non-generic sort behind a `dyn` comparison, then move the
//! elements into that order, which costs a few hundred bytes per call site.
//! All of them are stable: equal elements keep their order, as with
//! `sort_by_key`; where `sort_unstable` sorted plain values (which cannot be
//! told apart when equal) [`values`] gives the same result.

use std::cmp::Ordering;

/// Sorts `v` by `key`, stable (as `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` with `cmp`, stable (as `slice::sort_by`).
pub fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let items: &[T] = v;
    // `order` only asks for indices below `n`: `get` instead of indexing
    // keeps a panic (its message and place) out of every instance.
    let order = order(
        items.len(),
        &mut ByIndex(|a: usize, b: usize| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        }),
    );
    permute(v, order);
}

/// Sorts values ascending (as `slice::sort` or `sort_unstable`).
pub fn values<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// Sorts by a key computed once per element (as `slice::sort_by_cached_key`).
pub fn by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = order(
        keys.len(),
        &mut ByIndex(|a: usize, b: usize| match (keys.get(a), keys.get(b)) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => Ordering::Equal,
        }),
    );
    permute(v, order);
}

/// The indices `0..n` in the stable order `cmp` gives them: the one copy of
/// the sort (std's, on indices) that every helper above shares.
fn order(n: usize, cmp: &mut dyn IndexCmp) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|a, b| cmp.cmp(*a, *b));
    idx
}

/// A comparison of two indices, as a trait of its own: the vtable of a
/// `dyn FnMut` also holds a `call_once` shim, a second copy of every
/// comparison closure.
trait IndexCmp {
    fn cmp(&mut self, a: usize, b: usize) -> Ordering;
}

/// A closure comparing indices, as an [`IndexCmp`].
struct ByIndex<F>(F);

impl<F: FnMut(usize, usize) -> Ordering> IndexCmp for ByIndex<F> {
    fn cmp(&mut self, a: usize, b: usize) -> Ordering {
        (self.0)(a, b)
    }
}

/// Moves the elements so that the new `v[i]` is the old `v[order[i]]`
/// (`order` is a permutation of `0..v.len()`), one cycle at a time.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len().min(order.len()) {
        let mut j = start;
        // Every `get_mut` finds its slot (`order` is a permutation); a
        // missing one ends the cycle instead of panicking.
        while let Some(slot) = order.get_mut(j) {
            let k = std::mem::replace(slot, DONE);
            if k == DONE || k == start || k >= v.len() {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_like_std_and_keeps_equal_keys_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        by_key(&mut v, |p| std::cmp::Reverse(p.0));
        assert_eq!(v, vec![(3, 'a'), (3, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<i64> = Vec::new();
        values(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![String::from("x")];
        by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, vec!["x".to_string()]);
    }

    proptest! {
        #[test]
        fn by_key_equals_std(v in proptest::collection::vec((0u8..8, any::<u32>()), 0..200)) {
            let mut ours = v.clone();
            let mut std_sorted = v.clone();
            by_key(&mut ours, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn by_and_cached_key_equal_std(v in proptest::collection::vec((0u8..8, any::<u32>()), 0..200)) {
            let mut ours = v.clone();
            let mut cached = v.clone();
            let mut std_sorted = v.clone();
            by(&mut ours, |a, b| b.0.cmp(&a.0));
            by_cached_key(&mut cached, |p| std::cmp::Reverse(p.0));
            std_sorted.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(&ours, &std_sorted);
            prop_assert_eq!(&cached, &std_sorted);
        }

        #[test]
        fn values_equal_std(v in proptest::collection::vec(any::<i64>(), 0..300)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            values(&mut ours);
            std_sorted.sort_unstable();
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
