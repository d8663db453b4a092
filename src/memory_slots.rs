//! The table under the memory's indexes: 32-bit key hashes to 32-bit slots,
//! open addressing with linear probing in one array of pairs.
//!
//! The indexes ([`super::compact::Index`]) key it by hashes that are spread
//! already (FNV-1a of a folded handle, a multiplied numeric id), and look it
//! up for every account a page, a restore or a verdict touches. A std
//! `HashMap<u32, u32>` costs a call per probe where the compiler keeps
//! hashbrown's code out of line (the wasm is built for size), and a copy of
//! that code; this table is a few small loops the compiler inlines, eight
//! bytes a cell, at most 7/8 full (what hashbrown allows too), so it holds no
//! more bytes than the map it replaces.

/// A hash-to-slot table; the hash is the key (each hash at most once).
#[derive(Clone, Debug, Default)]
pub(super) struct HashSlots {
    /// `(hash, slot + 1)`; a second half of 0 marks an empty cell. Empty, or
    /// a power of two long.
    cells: Vec<(u32, u32)>,
    /// Cells in use.
    len: usize,
}

/// Where a probe for a hash ended: at the cell holding it, or at the empty
/// cell where it would go.
enum Probe {
    Found(usize),
    Vacant(usize),
}

impl HashSlots {
    /// The cell a hash's probe starts at (Fibonacci hashing: the multiply's
    /// top bits, so hashes that differ only in high bits spread too).
    #[inline(always)]
    fn home(&self, h: u32) -> usize {
        let spread = u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (spread >> 32) as usize & (self.cells.len() - 1)
    }

    /// The probe for `h`; the table must have a cell (not empty).
    #[inline(always)]
    fn probe(&self, h: u32) -> Probe {
        let mask = self.cells.len() - 1;
        let mut i = self.home(h);
        loop {
            let (key, stored) = self.cells[i];
            if stored == 0 {
                return Probe::Vacant(i);
            }
            if key == h {
                return Probe::Found(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The slot kept for `h`.
    #[inline]
    pub(super) fn get(&self, h: u32) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        match self.probe(h) {
            Probe::Found(i) => Some(self.cells[i].1 - 1),
            Probe::Vacant(_) => None,
        }
    }

    /// Keeps `slot` for `h`; the slot it kept before, if any. A slot of
    /// `u32::MAX` cannot be kept (the memory's capacity is far below it) and
    /// is refused: nothing changes and `None` is returned.
    pub(super) fn insert(&mut self, h: u32, slot: u32) -> Option<u32> {
        let stored = slot.checked_add(1)?;
        self.reserve(1);
        match self.probe(h) {
            Probe::Found(i) => Some(std::mem::replace(&mut self.cells[i].1, stored) - 1),
            Probe::Vacant(i) => {
                self.cells[i] = (h, stored);
                self.len += 1;
                None
            }
        }
    }

    /// Forgets `h`; the slot it kept, if any. The cells after it in its run
    /// move back where their own probes would find them (no tombstones).
    pub(super) fn remove(&mut self, h: u32) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        let Probe::Found(mut hole) = self.probe(h) else {
            return None;
        };
        let removed = self.cells[hole].1 - 1;
        let mask = self.cells.len() - 1;
        let mut i = hole;
        loop {
            i = (i + 1) & mask;
            let (key, stored) = self.cells[i];
            if stored == 0 {
                break;
            }
            // The cell at `i` may fill the hole unless its home lies
            // cyclically in (hole, i]: then its probe never passes the hole.
            let home = self.home(key);
            let stays = if hole <= i {
                hole < home && home <= i
            } else {
                hole < home || home <= i
            };
            if !stays {
                self.cells[hole] = self.cells[i];
                hole = i;
            }
        }
        self.cells[hole] = (0, 0);
        self.len -= 1;
        Some(removed)
    }

    /// Room for `more` hashes beyond those kept, without growing.
    pub(super) fn reserve(&mut self, more: usize) {
        let wanted = self.len.saturating_add(more);
        if wanted <= self.cells.len() / 8 * 7 && !self.cells.is_empty() {
            return;
        }
        let mut cells = self.cells.len().max(8);
        while wanted > cells / 8 * 7 {
            cells = cells.saturating_mul(2);
        }
        let old = std::mem::replace(&mut self.cells, vec![(0, 0); cells]);
        for (key, stored) in old {
            if stored != 0 {
                if let Probe::Vacant(i) = self.probe(key) {
                    self.cells[i] = (key, stored);
                }
            }
        }
    }

    /// How many hashes are kept.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn keeps_replaces_and_forgets() {
        let mut t = HashSlots::default();
        assert_eq!(t.get(7), None);
        assert_eq!(t.remove(7), None);
        assert_eq!(t.insert(7, 0), None);
        assert_eq!(t.insert(7, 3), Some(0));
        assert_eq!(t.get(7), Some(3));
        assert_eq!(t.insert(u32::MAX, 1), None);
        assert_eq!(t.get(u32::MAX), Some(1));
        assert_eq!(t.remove(7), Some(3));
        assert_eq!(t.get(7), None);
        assert_eq!(t.len(), 1);
        assert_eq!(t.insert(9, u32::MAX), None, "a slot of u32::MAX is refused");
        assert_eq!(t.get(9), None);
    }

    #[test]
    fn hashes_with_one_home_survive_removals_in_their_run() {
        // Hashes whose probes start at one cell: a run the removals must mend.
        let mut t = HashSlots::default();
        t.reserve(1000);
        let home = t.home(1);
        let same: Vec<u32> = (2..u32::MAX)
            .filter(|&h| t.home(h) == home)
            .take(12)
            .collect();
        for (s, &h) in same.iter().enumerate() {
            t.insert(h, s as u32);
        }
        for &h in same.iter().step_by(3) {
            assert!(t.remove(h).is_some());
        }
        for (s, &h) in same.iter().enumerate() {
            let want = if s % 3 == 0 { None } else { Some(s as u32) };
            assert_eq!(t.get(h), want, "hash {h}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Random inserts and removals over a small key space (so runs and
        /// wrap-arounds happen) agree with a HashMap at every step.
        #[test]
        fn agrees_with_a_hash_map(ops in prop::collection::vec((0u8..3, 0u32..64, 0u32..1000), 0..400), wide in any::<bool>()) {
            let mut t = HashSlots::default();
            let mut m: HashMap<u32, u32> = HashMap::new();
            for (op, k, slot) in ops {
                // Two key shapes: the high bits only, and spread ones. A table
                // up to 7/8 full of 64 keys has long runs either way.
                let h = if wide { k.wrapping_mul(0x0100_0193) } else { k << 26 };
                match op {
                    0 | 1 => prop_assert_eq!(t.insert(h, slot), m.insert(h, slot)),
                    _ => prop_assert_eq!(t.remove(h), m.remove(&h)),
                }
                prop_assert_eq!(t.len(), m.len());
            }
            for k in 0..64u32 {
                let h = if wide { k.wrapping_mul(0x0100_0193) } else { k << 26 };
                prop_assert_eq!(t.get(h), m.get(&h).copied());
            }
        }
    }
}
