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

/// A roster's per-person records grouped by person index, without copying them: `of(i)` is
/// person i's records in roster order. Records of IDs not in the roster are left out.
pub struct ByPerson<'a, T> {
    offsets: Vec<u32>,
    items: Vec<&'a T>,
}

impl<'a, T> ByPerson<'a, T> {
    /// `ids[i]` is person i's ID and `people` maps IDs back to i. Records usually come grouped
    /// by person in roster order, so the person of the previous record (or the next one) is
    /// tried before the map: a hit costs one short comparison instead of a random memory access.
    pub fn new(records: &'a [T], ids: &[&str], people: &FastMap<&str, u32>, key: impl Fn(&'a T) -> &'a str) -> ByPerson<'a, T> {
        let mut guess = 0usize;
        let owner: Vec<Option<u32>> = records
            .iter()
            .map(|r| {
                let k = key(r);
                if ids.get(guess) == Some(&k) {
                    return Some(guess as u32);
                }
                if ids.get(guess + 1) == Some(&k) {
                    guess += 1;
                    return Some(guess as u32);
                }
                let found = people.get(k).copied();
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

