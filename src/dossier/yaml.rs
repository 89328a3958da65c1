//! All YAML code: reading `dossier.yaml` with limits, turning parse errors into located
//! diagnostics, and an index of where each value sits, for findings made after parsing.
//!
//! The parser is `serde-saphyr`: pure Rust, maintained, with character-based line/column on
//! every error, byte offsets for string input, and budgets against alias bombs.

use super::{DocumentEntry, DossierFile, FactValue, LocalText};
use crate::error::SourceError;
use crate::source_path::Seg;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::granit_parser::{Event, Parser};
use std::collections::HashMap;
use std::fmt;

/// `dossier.yaml` larger than this is refused before it is read (contract: a huge file gets its
/// own plain message).
pub const MAX_YAML_BYTES: u64 = 1024 * 1024;

/// Why `dossier.yaml` could not be read; each becomes a diagnostic of its own.
#[derive(Debug)]
pub enum ReadError {
    TooLarge(u64),
    NotUtf8(String),
    Parse(Box<SourceError>),
}

/// Parses the text of `dossier.yaml` (already known to be small and UTF-8).
pub fn parse(text: &str, file: &str) -> Result<(DossierFile, SourceMap), ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = serde_saphyr::options! {
        // `yes`/`no`/`on` stay strings, so a flag written `yes` is reported, not guessed.
        strict_booleans: true,
        with_snippet: false,
        duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::Error,
        budget: budget(),
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 10_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 100,
        },
    };
    let dossier: DossierFile = serde_saphyr::from_str_with_options(text, options)
        .map_err(|e| ReadError::Parse(Box::new(to_source_error(&e, text, file))))?;
    Ok((dossier, SourceMap::build(text)))
}

fn budget() -> Option<serde_saphyr::Budget> {
    serde_saphyr::budget! {
        max_aliases: 1_000,
        max_anchors: 1_000,
        max_depth: 64,
        max_nodes: 100_000,
        max_documents: 1,
    }
}

/// Reads bytes as `dossier.yaml` text: size and encoding first, with a plain message each.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.len() as u64 > MAX_YAML_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map_err(|e| ReadError::NotUtf8(crate::encoding::describe(e.as_bytes())))
}

fn to_source_error(e: &serde_saphyr::Error, text: &str, file: &str) -> SourceError {
    let full = e.to_string();
    // The message carries " at line L, column C"; the diagnostic shows the place itself.
    let message = match full.rsplit_once(" at line ") {
        Some((head, tail)) if tail.contains("column") => head.to_string(),
        _ => full,
    };
    // serde-saphyr's hint names its own API, which means nothing to a dossier's author.
    let message = match message.split_once(", set DuplicateKeyPolicy") {
        Some((head, _)) => head.to_string(),
        None => message,
    };
    let span = e.location().and_then(|loc| {
        let start = loc.span().byte_offset()? as usize;
        let len = loc.span().byte_len().unwrap_or(1).max(1) as usize;
        Some((start, (start + len).min(text.len())))
    });
    let lower = message.to_ascii_lowercase();
    let (code, help) = if lower.contains("unknown field") {
        ("yaml.unknown-key", suggest_key(&message))
    } else if lower.contains("budget") || lower.contains("alias") {
        (
            "yaml.limits",
            Some("dossier.yaml may not expand aliases this much; write the values out".into()),
        )
    } else if lower.contains("missing field") {
        ("yaml.missing-key", None)
    } else if lower.contains("duplicate") {
        ("yaml.duplicate-key", None)
    } else if lower.contains("unknown variant") {
        ("yaml.unknown-value", None)
    } else if span.is_some() && (lower.contains("expected") || lower.contains("invalid")) {
        ("yaml.type", None)
    } else {
        ("yaml.syntax", None)
    };
    SourceError {
        code,
        message: message.clone(),
        file: file.to_string(),
        source_text: text.to_string(),
        span,
        label: message,
        help,
    }
}

/// "did you mean `object`?" for an unknown key, from serde's list of expected keys.
fn suggest_key(message: &str) -> Option<String> {
    let rest = message.split_once("unknown field `")?.1;
    let (typo, expected) = rest.split_once('`')?;
    let expected = expected.split_once("expected")?.1;
    let candidates = expected
        .split([',', ' '])
        .map(|s| s.trim_matches(|c: char| c == '`' || c == ':'))
        .filter(|s| !s.is_empty() && *s != "one" && *s != "of" && *s != "or");
    let best = candidates
        .map(|c| (strsim::damerau_levenshtein(typo, c), c))
        .min()?;
    (best.0 <= 2).then(|| format!("did you mean `{}`?", best.1))
}

/// Where each value of the document sits: byte ranges of the key and the value.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    nodes: HashMap<Vec<Seg>, Node>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    key: Option<(usize, usize)>,
    value: (usize, usize),
}

enum Frame {
    Map {
        key: Option<(String, (usize, usize))>,
    },
    Seq {
        next: usize,
    },
}

impl SourceMap {
    /// Walks the parser's events once. Aliases are not expanded here, so this is linear.
    pub fn build(text: &str) -> SourceMap {
        let mut map = SourceMap::default();
        let mut frames: Vec<Frame> = Vec::new();
        let mut open: Vec<Vec<Seg>> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let start = span.start.byte_offset().unwrap_or(0);
            let end = span.end.byte_offset().unwrap_or(start);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map { key }) = frames.last_mut()
                        && key.is_none()
                    {
                        *key = Some((value.to_string(), (start, end)));
                        continue;
                    }
                    map.record(&frames, start, end);
                    advance(&mut frames);
                }
                Event::Alias(_) => {
                    map.record(&frames, start, end);
                    advance(&mut frames);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if let Some(Frame::Map { key: None }) = frames.last() {
                        // A complex key: not used by dossier.yaml; index nothing under it.
                        frames.push(Frame::Map {
                            key: Some((String::new(), (start, end))),
                        });
                    }
                    let path = map.record(&frames, start, end);
                    open.push(path);
                    frames.push(match event {
                        Event::MappingStart(..) => Frame::Map { key: None },
                        _ => Frame::Seq { next: 0 },
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    frames.pop();
                    if let Some(path) = open.pop()
                        && let Some(node) = map.nodes.get_mut(&path)
                    {
                        node.value.1 = end.max(node.value.0);
                    }
                    advance(&mut frames);
                }
                _ => {}
            }
        }
        map
    }

    fn record(&mut self, frames: &[Frame], start: usize, end: usize) -> Vec<Seg> {
        let path = current_path(frames);
        let key = match frames.last() {
            Some(Frame::Map {
                key: Some((_, span)),
            }) => Some(*span),
            _ => None,
        };
        self.nodes.insert(
            path.clone(),
            Node {
                key,
                value: (start, end),
            },
        );
        path
    }

    /// The byte range of the value at `path`, or of its nearest ancestor that exists.
    pub fn value(&self, path: &[Seg]) -> Option<(usize, usize)> {
        (0..=path.len())
            .rev()
            .find_map(|n| self.nodes.get(&path[..n]))
            .map(|n| n.value)
    }

    /// Whether the document has a value exactly at `path`.
    pub fn has(&self, path: &[Seg]) -> bool {
        self.nodes.contains_key(path)
    }

    /// The byte range of the key of `path` (the value's, when it has no key).
    pub fn key(&self, path: &[Seg]) -> Option<(usize, usize)> {
        (0..=path.len())
            .rev()
            .find_map(|n| self.nodes.get(&path[..n]))
            .map(|n| n.key.unwrap_or(n.value))
    }
}

fn current_path(frames: &[Frame]) -> Vec<Seg> {
    frames
        .iter()
        .map(|f| match f {
            Frame::Map { key } => Seg::Key(key.as_ref().map(|k| k.0.clone()).unwrap_or_default()),
            Frame::Seq { next } => Seg::Index(*next),
        })
        .collect()
}

fn advance(frames: &mut [Frame]) {
    match frames.last_mut() {
        Some(Frame::Map { key }) => *key = None,
        Some(Frame::Seq { next }) => *next += 1,
        None => {}
    }
}

// --- Deserializers for the forms the contract allows -------------------------------------

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LocalText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or {kk: \"...\", ru: \"...\"}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LocalText, E> {
                Ok(LocalText::Same(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LocalText, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct PerLang {
                    kk: String,
                    ru: String,
                }
                let p = PerLang::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(LocalText::PerLang { kk: p.kk, ru: p.ru })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, or true or false")
            }
            fn visit_bool<E>(self, v: bool) -> Result<FactValue, E> {
                Ok(FactValue::Flag(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<FactValue, E> {
                Ok(FactValue::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FactValue, E> {
                i64::try_from(v)
                    .map(FactValue::Integer)
                    .map_err(|_| E::custom("the number is too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<FactValue, E> {
                Ok(FactValue::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for DocumentEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DocumentEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a path, a list of paths, or a map with `files`")
            }
            fn visit_str<E>(self, v: &str) -> Result<DocumentEntry, E> {
                Ok(DocumentEntry {
                    files: vec![v.to_string()],
                    ..Default::default()
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DocumentEntry, A::Error> {
                let mut files = Vec::new();
                while let Some(f) = seq.next_element::<String>()? {
                    files.push(f);
                }
                Ok(DocumentEntry {
                    files,
                    ..Default::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DocumentEntry, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Detailed {
                    files: Files,
                    issued: Option<super::Date>,
                    valid_until: Option<super::Date>,
                    note: Option<String>,
                }
                #[derive(Deserialize)]
                #[serde(untagged, expecting = "a path or a list of paths")]
                enum Files {
                    One(String),
                    Many(Vec<String>),
                }
                let d = Detailed::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(DocumentEntry {
                    files: match d.files {
                        Files::One(f) => vec![f],
                        Files::Many(v) => v,
                    },
                    issued: d.issued,
                    valid_until: d.valid_until,
                    note: d.note,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for super::Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .ok()
            .filter(|_| s.len() == 10)
            .map(super::Date)
            .ok_or_else(|| de::Error::custom(format!("`{s}` is not a date in the form YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_path::path;

    #[test]
    fn source_map_finds_nested_values() {
        let text =
            "a: 1\ndocuments:\n  x:\n    files: [p.pdf, q.pdf]\n    valid_until: 2025-01-01\n";
        let map = SourceMap::build(text);
        let at = |p: &[Seg]| {
            let (s, _) = map.value(p).unwrap();
            crate::error::line_column(text, s).0
        };
        assert_eq!(at(&path(&["documents", "x", "valid_until"])), 5);
        let mut files = path(&["documents", "x", "files"]);
        files.push(Seg::Index(1));
        let (s, e) = map.value(&files).unwrap();
        assert_eq!(&text[s..e], "q.pdf");
        // A missing key falls back to its parent.
        assert_eq!(at(&path(&["documents", "x", "issued"])), 4);
    }

    #[test]
    fn suggests_the_nearest_key() {
        let m = "unknown field `objct`, expected one of schema, kind, object, state_body";
        assert_eq!(suggest_key(m).as_deref(), Some("did you mean `object`?"));
    }
}
