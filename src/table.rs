//! Finds strings among a list the caller owns: their positions in a small open-addressed FNV table.

use std::hash::Hasher;

use crate::model::Fnv;

/// The positions of distinct strings in a list, found by hash.
///
/// The table keeps positions only, never the strings: each call passes `key_of`, which reads
/// the string at a position from the caller's list, as a `dyn` closure, so that the object
/// keys, ids and questions looked up share one copy of the table's code. Slots are probed linearly and kept at most
/// half full. This replaces std's `HashMap`, whose generic tables (one copy per key type) cost
/// the WebAssembly build about 5 KB for three small uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Positions {
    /// Each slot holds a position plus one, or 0 when empty; the length is 0 or a power of two.
    slots: Vec<usize>,
    /// How many positions are recorded.
    len: usize,
}

impl Positions {
    /// The position of `key`, if it is in the table.
    pub(crate) fn get<'k>(&self, key: &str, key_of: &dyn Fn(usize) -> &'k str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.probe(key, key_of)] {
            0 => None,
            slot => Some(slot - 1),
        }
    }

    /// Records that `key` is at `position`, unless it is in the table already: then returns
    /// the position it was first recorded at and records nothing. `key_of` must read the
    /// strings of the positions recorded so far; `position` itself need not be in the list yet.
    pub(crate) fn insert<'k>(
        &mut self,
        key: &str,
        position: usize,
        key_of: &dyn Fn(usize) -> &'k str,
    ) -> Option<usize> {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow(key_of);
        }
        let slot = self.probe(key, key_of);
        match self.slots[slot] {
            0 => {
                self.slots[slot] = position + 1;
                self.len += 1;
                None
            }
            first => Some(first - 1),
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn probe<'k>(&self, key: &str, key_of: &dyn Fn(usize) -> &'k str) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = hash(key) & mask;
        while self.slots[slot] != 0 && key_of(self.slots[slot] - 1) != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// Doubles the slots (to 8 at first) and puts every recorded position back.
    fn grow<'k>(&mut self, key_of: &dyn Fn(usize) -> &'k str) {
        let size = (self.slots.len() * 2).max(8);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = self.slots.len() - 1;
        for recorded in old.into_iter().filter(|&slot| slot != 0) {
            let mut slot = hash(key_of(recorded - 1)) & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = recorded;
        }
    }
}

/// FNV-1a of `key`, its high half folded into the low bits the mask keeps: on its own, FNV's
/// low bits depend only on the low bits of each byte.
fn hash(key: &str) -> usize {
    let mut hasher = Fnv::default();
    hasher.write(key.as_bytes());
    let hash = hasher.finish();
    (hash ^ (hash >> 32)) as usize
}

#[cfg(test)]
mod tests {
    use super::Positions;

    fn words(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("w{i}")).collect()
    }

    #[test]
    fn every_string_is_found_at_its_position_and_no_other_string_is_found() {
        for n in [0, 1, 7, 8, 9, 100, 1000] {
            let list = words(n);
            let mut positions = Positions::default();
            for (i, word) in list.iter().enumerate() {
                assert_eq!(positions.insert(word, i, &|i| &list[i]), None, "{word} of {n}");
            }
            for (i, word) in list.iter().enumerate() {
                assert_eq!(positions.get(word, &|i| &list[i]), Some(i), "{word} of {n}");
            }
            assert_eq!(positions.get("absent", &|i| &list[i]), None);
            assert_eq!(positions.get("", &|i| &list[i]), None);
        }
    }

    #[test]
    fn inserting_a_string_again_returns_where_it_was_first_and_keeps_that() {
        let list = ["a", "b", "a", "c", "b", "a"];
        let mut positions = Positions::default();
        let firsts: Vec<Option<usize>> = list
            .iter()
            .enumerate()
            .map(|(i, key)| positions.insert(key, i, &|i| list[i]))
            .collect();
        assert_eq!(firsts, [None, None, Some(0), None, Some(1), Some(0)]);
        assert_eq!(positions.get("a", &|i| list[i]), Some(0));
        assert_eq!(positions.get("c", &|i| list[i]), Some(3));
    }

    #[test]
    fn strings_that_share_a_slot_are_told_apart_by_probing() {
        // Four ids that land in one slot of the first 8: three recorded, one absent.
        let ids = words(200);
        let slot = |key: &str| super::hash(key) & 7;
        let crowd: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|k| slot(k) == slot("w0"))
            .take(4)
            .collect();
        assert_eq!(crowd.len(), 4, "200 ids fill each of 8 slots many times over");
        let present = &crowd[..3];
        let mut positions = Positions::default();
        for (i, key) in present.iter().enumerate() {
            assert_eq!(positions.insert(key, i, &|i| present[i]), None);
        }
        assert_eq!(positions.slots.len(), 8, "three positions fit in the first 8 slots");
        for (i, key) in present.iter().enumerate() {
            assert_eq!(positions.get(key, &|i| present[i]), Some(i), "{key}");
        }
        assert_eq!(positions.get(crowd[3], &|i| present[i]), None);
    }
}
