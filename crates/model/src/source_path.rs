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
