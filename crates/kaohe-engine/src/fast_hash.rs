//! A small, fast, non-cryptographic hasher (the "Fx" multiply-rotate hash used inside rustc) for
//! the engine's lookup tables, whose keys come from the roster and the profile, never from an
//! attacker. The standard SipHash made hashing the largest cost of a million-person run.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i.into());
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i.into());
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

pub fn map_with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, Default::default())
}

/// Finds a person's index by ID; the map behind it is built on first use.
pub struct Lookup<'a> {
    ids: &'a [&'a str],
    map: std::cell::OnceCell<FastMap<&'a str, u32>>,
}

impl<'a> Lookup<'a> {
    pub fn new(ids: &'a [&'a str]) -> Lookup<'a> {
        Lookup { ids, map: std::cell::OnceCell::new() }
    }

    /// The first person with this ID.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.map
            .get_or_init(|| {
                let mut m = map_with_capacity(self.ids.len());
                for (i, id) in self.ids.iter().enumerate() {
                    m.entry(*id).or_insert(i as u32);
                }
                m
            })
            .get(id)
            .copied()
    }
}

/// A roster's per-person records grouped by person index, without copying them: `of(i)` is
/// person i's records in roster order. Records of IDs not in the roster are left out.
pub struct ByPerson<'a, T> {
    offsets: Vec<u32>,
    items: Vec<&'a T>,
}

impl<'a, T> ByPerson<'a, T> {
    /// Records usually come grouped by person in roster order, so the person of the previous
    /// record (or the next one) is tried before the map: a hit costs one short comparison
    /// instead of a random memory access, and the map is only built when a record is out of order.
    pub fn new(records: &'a [T], people: &Lookup, key: impl Fn(&'a T) -> &'a str) -> ByPerson<'a, T> {
        let ids = people.ids;
        let mut guess = 0usize;
        let owner: Vec<Option<u32>> = records
            .iter()
            .map(|r| {
                let k = key(r);
                if ids.get(guess).is_some_and(|id| same(id, k)) {
                    return Some(guess as u32);
                }
                if ids.get(guess + 1).is_some_and(|id| same(id, k)) {
                    guess += 1;
                    return Some(guess as u32);
                }
                let found = people.find(k);
                if let Some(i) = found {
                    guess = i as usize;
                }
                found
            })
            .collect();
        let mut offsets = vec![0u32; ids.len() + 1];
        for &o in owner.iter().flatten() {
            offsets[o as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut items: Vec<Option<&T>> = vec![None; offsets[ids.len()] as usize];
        for (r, o) in records.iter().zip(owner) {
            if let Some(o) = o {
                items[fill[o as usize] as usize] = Some(r);
                fill[o as usize] += 1;
            }
        }
        ByPerson { offsets, items: items.into_iter().flatten().collect() }
    }

    pub fn of(&self, person: usize) -> &[&'a T] {
        &self.items[self.offsets[person] as usize..self.offsets[person + 1] as usize]
    }
}

/// String equality for short keys such as ID numbers, eight bytes at a time and inlined; the
/// library comparison calls `memcmp`, which dominated grouping a million people's records.
#[inline]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        let mut wx = [0u8; 8];
        let mut wy = [0u8; 8];
        wx.copy_from_slice(x);
        wy.copy_from_slice(y);
        if u64::from_ne_bytes(wx) != u64::from_ne_bytes(wy) {
            return false;
        }
    }
    ca.remainder() == cb.remainder()
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn same_compares_whole_strings() {
        assert!(same("11010519491231002X", "11010519491231002X"));
        assert!(!same("11010519491231002X", "110105194912310021"));
        assert!(!same("110105194912310021", "210105194912310021"));
        assert!(!same("1101051949123100", "11010519491231002X"));
        assert!(same("", ""));
    }
}
