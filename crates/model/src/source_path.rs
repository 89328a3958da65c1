//! A path into a YAML or TOML document (`documents` → `security-test-protocol` → `valid_until`),
//! used to point findings made after parsing at the line they concern: owned (`Seg`) where a
//! problem keeps it (the editions' TOML), borrowed (`SegRef`) where a place of `dossier.yaml`
//! is looked up.

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

/// A borrowed path from a list of keys of any length: `path(&keys)`.
pub fn path<'a>(keys: &[&'a str]) -> Vec<SegRef<'a>> {
    keys.iter().map(|k| SegRef::Key(k)).collect()
}

/// A segment borrowed from the caller: no allocation to look a place up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegRef<'a> {
    Key(&'a str),
    Index(usize),
}

/// A borrowed path from keys: `segs(["documents", id, "valid_until"])`.
pub fn segs<const N: usize>(keys: [&str; N]) -> [SegRef<'_>; N] {
    keys.map(SegRef::Key)
}
