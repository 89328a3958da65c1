//! A path into a YAML or TOML document (`documents` → `security-test-protocol` → `valid_until`),
//! used to point findings made after parsing at the line they concern.

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl Seg {
    pub fn key(k: &str) -> Seg {
        Seg::Key(k.to_string())
    }
}

/// Builds a path from keys: `path(&["documents", id, "valid_until"])`.
pub fn path(keys: &[&str]) -> Vec<Seg> {
    keys.iter().map(|k| Seg::key(k)).collect()
}

/// A segment borrowed from the caller: no allocation to look a place up. It hashes as the
/// [`Seg`] it stands for (same variants in the same order; `&str` hashes as `String`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegRef<'a> {
    Key(&'a str),
    Index(usize),
}

/// A borrowed path from keys: `segs(["documents", id, "valid_until"])`.
pub fn segs<const N: usize>(keys: [&str; N]) -> [SegRef<'_>; N] {
    keys.map(SegRef::Key)
}

/// What a place in a document can be looked up by: [`Seg`] or [`SegRef`].
pub trait Segment: std::hash::Hash {}

impl Segment for Seg {}
impl Segment for SegRef<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{Hash, Hasher};

    fn hash(x: &impl Hash) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        x.hash(&mut h);
        h.finish()
    }

    #[test]
    fn a_borrowed_segment_hashes_as_the_owned_one() {
        assert_eq!(
            hash(&Seg::key("documents")),
            hash(&SegRef::Key("documents"))
        );
        assert_eq!(hash(&Seg::Index(3)), hash(&SegRef::Index(3)));
        assert_ne!(hash(&SegRef::Key("a")), hash(&SegRef::Key("b")));
        assert_ne!(hash(&SegRef::Index(0)), hash(&SegRef::Key("")));
    }
}
