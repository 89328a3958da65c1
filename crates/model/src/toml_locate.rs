//! Finds where a value sits in a TOML document, so that errors found after parsing (a criterion
//! naming an undefined group) still point at their line.

use crate::source_path::Seg;
use toml::de::{DeTable, DeValue};

/// The byte range of the value at `path`, or of the deepest part of the path that exists.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let root = DeTable::parse(text).ok()?;
    let mut best = None;
    let mut table = root.get_ref();
    let mut value: Option<&toml::Spanned<DeValue>> = None;
    for seg in path {
        let next = match (seg, value) {
            (Seg::Key(k), None) => table.get(k.as_str()),
            (Seg::Key(k), Some(v)) => match v.get_ref() {
                DeValue::Table(t) => t.get(k.as_str()),
                _ => None,
            },
            (Seg::Index(i), Some(v)) => match v.get_ref() {
                DeValue::Array(a) => a.get(*i),
                _ => None,
            },
            (Seg::Index(_), None) => None,
        };
        let Some(next) = next else { break };
        best = Some((next.span().start, next.span().end));
        if let DeValue::Table(t) = next.get_ref() {
            table = t;
        }
        value = Some(next);
    }
    best
}
