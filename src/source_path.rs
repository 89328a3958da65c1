//! A path into a YAML or TOML document (`documents` → `security-test-protocol` → `valid_until`),
//! used to point findings made after parsing at the line they concern.

use std::fmt;

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

/// Shows a path the way a user reads it: `documents.security-test-protocol.files[1]`.
pub struct Display<'a>(pub &'a [Seg]);

impl fmt::Display for Display<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}
