//! All YAML code: reading `dossier.yaml` with limits, turning parse errors into located
//! diagnostics, and an index of where each value sits, for findings made after parsing.
//!
//! The parser is `serde-saphyr`: pure Rust, maintained, with character-based line/column on
//! every error, byte offsets for string input, and budgets against alias bombs.

use super::{DocumentEntry, DossierFile, FactValue, LocalText};
use crate::finding::{Code, Finding, Message, Place, Severity};
use crate::source_path::SegRef;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Error as YamlError;
use serde_saphyr::granit_parser::{Event, Parser};
use std::fmt;

pub use crate::limits::MAX_YAML_BYTES;

/// Why the bytes of `dossier.yaml` are not its text.
#[derive(Debug)]
pub enum ReadError {
    TooLarge(u64),
    NotUtf8(Message),
}

/// Our deserializers mark their own errors with this prefix, so the message can be worded in
/// the report language (`yaml.type.<what>`), not in the YAML library's English.
const MARK: &str = "dossier:";

use crate::limits;

/// Parses the text of `dossier.yaml` (already known to be small and UTF-8, without a BOM).
pub fn parse(text: &str, file: &str) -> Result<(DossierFile, SourceMap), Finding> {
    if let Some((dossier, map)) = super::fast::parse(text) {
        #[cfg(debug_assertions)]
        if let Err(why) = fast_path_agrees(text, &dossier, &map) {
            panic!("{why}");
        }
        return Ok((dossier, map));
    }
    let dossier: DossierFile = serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| to_finding(&e, text, file))?;
    let map = SourceMap::build(text);
    if let Some(span) = map.tagged {
        return Err(
            Finding::with(Severity::Error, Code::YamlSyntax, "yaml.syntax")
                .arg("detail", Message::new("yaml.syntax.tag"))
                .at_span(file, text, Some(span)),
        );
    }
    Ok((dossier, map))
}

/// What the fast path read is what `serde-saphyr` reads (debug builds check every file; a
/// test checks the samples and variants of them in any build).
pub fn fast_path_agrees(text: &str, fast: &DossierFile, map: &SourceMap) -> Result<(), String> {
    let places = SourceMap::parse(text);
    if *map != places {
        return Err(format!(
            "the fast path placed {map:?}\nthe parser's events place {places:?}\n{text}"
        ));
    }
    match serde_saphyr::from_str_with_options::<DossierFile>(text, options()) {
        Ok(full) if format!("{full:?}") == format!("{fast:?}") => Ok(()),
        Ok(full) => Err(format!(
            "the fast path read {fast:?}\nserde-saphyr read {full:?}\n{text}"
        )),
        Err(e) => Err(format!(
            "the fast path read a file serde-saphyr refuses ({e})\n{text}"
        )),
    }
}

/// How `dossier.yaml` is read: strict, bounded, one document.
pub(super) fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        // `yes`/`no`/`on` stay strings, so a flag written `yes` is reported, not guessed.
        strict_booleans: true,
        with_snippet: false,
        duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::Error,
        // A merge key is a hidden duplicate; a tag changes what a value means: neither is
        // part of the format.
        merge_keys: serde_saphyr::options::MergeKeyPolicy::Error,
        reject_unsupported_tags: true,
        budget: budget(),
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: limits::MAX_YAML_REPLAYED_EVENTS,
            max_replay_stack_depth: limits::MAX_YAML_REPLAY_DEPTH,
            max_alias_expansions_per_anchor: limits::MAX_YAML_EXPANSIONS_PER_ANCHOR,
        },
    }
}

fn budget() -> Option<serde_saphyr::Budget> {
    serde_saphyr::budget! {
        max_aliases: limits::MAX_YAML_ALIASES,
        max_anchors: limits::MAX_YAML_ANCHORS,
        max_depth: limits::MAX_YAML_DEPTH,
        max_nodes: limits::MAX_YAML_NODES,
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

/// A parse error of the YAML library as a finding: its code and wording from the error's
/// variant, its place from the error's location.
fn to_finding(e: &YamlError, text: &str, file: &str) -> Finding {
    let mut f = classify(e);
    let loc = e.location();
    let span = loc.and_then(|loc| {
        let start = loc.span().byte_offset()? as usize;
        let len = loc.span().byte_len().unwrap_or(1).max(1) as usize;
        Some((start, (start + len).min(text.len())))
    });
    f = f.at_span(file, text, span);
    if span.is_none()
        && let Some(loc) = loc
        && loc.line() > 0
    {
        f.place = Some(Box::new(Place {
            file: file.to_string(),
            line: Some(loc.line() as usize),
            column: Some(loc.column().max(1) as usize),
            span: None,
        }));
    }
    f
}

fn classify(e: &YamlError) -> Finding {
    let err = |code, key| Finding::with(Severity::Error, code, key);
    let list = |v: &[&'static str]| {
        crate::finding::Arg::List(v.iter().map(|s| format!("`{s}`")).collect())
    };
    match e {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let f = err(Code::YamlUnknownKey, "yaml.unknown-key")
                .arg("key", field)
                .arg("expected", list(expected));
            match suggest(field, expected) {
                Some(near) => f.help(Message::new("help.did-you-mean").arg("name", near)),
                None => f,
            }
        }
        YamlError::SerdeMissingField { field, .. } => {
            err(Code::YamlMissingKey, "yaml.missing-key").arg("key", *field)
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            err(Code::YamlDuplicateKey, "yaml.duplicate-key")
                .arg("key", key.clone().unwrap_or_default())
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => err(Code::YamlUnknownValue, "yaml.unknown-value")
            .arg("value", variant)
            .arg("expected", list(expected)),
        YamlError::Message { msg, .. } | YamlError::SerdeVariantId { msg, .. }
            if msg.contains(MARK) =>
        {
            own(msg)
        }
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => {
            if let Some(what) = expected.strip_prefix(MARK) {
                return own_expected(what);
            }
            err(Code::YamlType, "yaml.type")
                .arg("expected", expected)
                .arg("found", unexpected)
        }
        YamlError::InvalidScalar { ty, .. } => {
            err(Code::YamlType, "yaml.type.scalar").arg("expected", *ty)
        }
        YamlError::Unexpected { expected, .. } => {
            err(Code::YamlType, "yaml.type.expected").arg("expected", *expected)
        }
        YamlError::NullIntoString { .. } => err(Code::YamlType, "yaml.type.null"),
        YamlError::InvalidBooleanStrict { .. } => err(Code::YamlType, "yaml.type.boolean"),
        YamlError::Budget { breach, .. } => err(Code::YamlLimits, "yaml.limits")
            .arg("detail", format!("{breach:?}"))
            .help(Message::new("help.yaml-limits")),
        YamlError::AliasReplayCounterOverflow { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => err(Code::YamlLimits, "yaml.limits")
            .arg("detail", "aliases")
            .help(Message::new("help.yaml-limits")),
        YamlError::UnknownAnchor { .. } => err(Code::YamlSyntax, "yaml.syntax")
            .arg("detail", Message::new("yaml.syntax.unknown-anchor")),
        YamlError::Eof { .. } => {
            err(Code::YamlSyntax, "yaml.syntax").arg("detail", Message::new("yaml.syntax.eof"))
        }
        YamlError::MultipleDocuments { .. } => err(Code::YamlSyntax, "yaml.syntax")
            .arg("detail", Message::new("yaml.syntax.documents")),
        #[allow(deprecated)]
        YamlError::AliasError { error, .. } => classify(error),
        other => {
            // The scanner's own text (a tab in indentation, an unclosed quote…), without the
            // place it appends: the finding shows the place itself.
            let full = other.to_string();
            let detail = match full.rsplit_once(" at line ") {
                Some((head, tail)) if tail.contains("column") => head.to_string(),
                _ => full,
            };
            err(Code::YamlSyntax, "yaml.syntax").arg("detail", detail)
        }
    }
}

/// A message of our own deserializers: `dossier:<what>:<value>`.
fn own(msg: &str) -> Finding {
    let rest = &msg[msg.find(MARK).map_or(0, |i| i + MARK.len())..];
    let (what, value) = rest.split_once(':').unwrap_or((rest, ""));
    let key = match what {
        "date" => "yaml.type.date",
        _ => "yaml.type.too-large",
    };
    Finding::with(Severity::Error, Code::YamlType, key).arg("value", value)
}

/// A type mismatch against one of our visitors' `expecting` (`dossier:<what>`).
fn own_expected(what: &str) -> Finding {
    let key = match what {
        "text" => "yaml.type.text",
        "fact" => "yaml.type.fact",
        "date" => "yaml.type.scalar",
        _ => "yaml.type.document",
    };
    let f = Finding::with(Severity::Error, Code::YamlType, key);
    if what == "date" {
        f.arg("expected", "YYYY-MM-DD")
    } else {
        f
    }
}

/// The nearest expected key to a typo, when it is near enough.
fn suggest<'a>(typo: &str, expected: &[&'a str]) -> Option<&'a str> {
    let best = expected
        .iter()
        .map(|c| (strsim::damerau_levenshtein(typo, c), *c))
        .min()?;
    (best.0 <= 2).then_some(best.1)
}

/// Where each value of the document sits: byte ranges of the key and the value.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SourceMap {
    /// By the hash of the path (`path_hash`): no path is allocated to index or to look up.
    nodes: rustc_hash::FxHashMap<u64, Node>,
    /// Where the first explicit tag (`!!binary`, `!foo`) is, if the document has one.
    pub tagged: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
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

/// Whether the quick map of `text`, when it takes the quick path, agrees with the parser's, for
/// a text the tool reads (a map is only built then): the fuzz harness checks it on every case,
/// in debug and release builds alike. `Ok(false)`: the text is not read, or not plain block
/// YAML, and the parser alone builds its map.
pub fn quick_map_agrees(text: &str) -> Result<bool, String> {
    let read = serde_saphyr::from_str_with_options::<DossierFile>(text, options());
    if read.is_err() {
        return Ok(false);
    }
    match super::quick_map::build(text) {
        Some(quick) => quick.agrees(&SourceMap::parse(text), text).map(|()| true),
        None => Ok(false),
    }
}

impl SourceMap {
    /// The map of `text`: by a scan of its lines when it is plain block YAML (the common case,
    /// no second parse; measured 27% of `check`'s time on 2,000 dossiers), else by the parser's
    /// events. Debug builds check the two agree; `quick_map_agrees` lets any build check it.
    pub fn build(text: &str) -> SourceMap {
        match super::quick_map::build(text) {
            Some(quick) => {
                #[cfg(debug_assertions)]
                if let Err(why) = quick.agrees(&SourceMap::parse(text), text) {
                    panic!("{why}");
                }
                quick
            }
            None => SourceMap::parse(text),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub(super) fn insert(&mut self, path: u64, key: Option<(usize, usize)>, value: (usize, usize)) {
        self.nodes.insert(path, Node { key, value });
    }

    /// A collection at `path` ends at `end`.
    pub(super) fn close(&mut self, path: u64, end: usize) {
        if let Some(node) = self.nodes.get_mut(&path) {
            node.value.1 = end.max(node.value.0);
        }
    }

    /// Every place of the quick map is where the parser says (lines and columns of starts).
    fn agrees(&self, full: &SourceMap, text: &str) -> Result<(), String> {
        let lines = crate::error::LineIndex::new(text);
        let lc = |o: usize| lines.locate(text, o);
        for (path, node) in &self.nodes {
            let Some(other) = full.nodes.get(path) else {
                return Err(format!(
                    "quick map has a path the parser does not (at {:?})\n{text}",
                    lc(node.value.0)
                ));
            };
            if lc(node.value.0) != lc(other.value.0) {
                return Err(format!("value at {:?}\n{text}", lc(node.value.0)));
            }
            if let (Some(k), Some(o)) = (node.key, other.key)
                && lc(k.0) != lc(o.0)
            {
                return Err(format!("key at {:?}\n{text}", lc(k.0)));
            }
        }
        for (path, node) in &full.nodes {
            if !self.nodes.contains_key(path) {
                return Err(format!(
                    "quick map lacks the node at {:?}\n{text}",
                    lc(node.value.0)
                ));
            }
        }
        Ok(())
    }

    /// Walks the parser's events once. Aliases are not expanded here, so this is linear.
    pub(super) fn parse(text: &str) -> SourceMap {
        let mut map = SourceMap::default();
        let mut frames: Vec<Frame> = Vec::new();
        let mut open: Vec<u64> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let start = span.start.byte_offset().unwrap_or(0);
            let end = span.end.byte_offset().unwrap_or(start);
            let tag = match &event {
                Event::Scalar(.., tag)
                | Event::MappingStart(_, _, tag)
                | Event::SequenceStart(_, _, tag) => tag.is_some(),
                _ => false,
            };
            if tag && map.tagged.is_none() {
                map.tagged = Some((start, end.max(start + 1)));
            }
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

    fn record(&mut self, frames: &[Frame], start: usize, end: usize) -> u64 {
        let path = current_hash(frames);
        let key = match frames.last() {
            Some(Frame::Map {
                key: Some((_, span)),
            }) => Some(*span),
            _ => None,
        };
        self.nodes.insert(
            path,
            Node {
                key,
                value: (start, end),
            },
        );
        path
    }

    /// The byte range of the value at `path`, or of its nearest ancestor that exists.
    pub fn value(&self, path: &[SegRef]) -> Option<(usize, usize)> {
        self.deepest(path).map(|n| n.value)
    }

    /// Whether the document has a value exactly at `path`.
    pub fn has(&self, path: &[SegRef]) -> bool {
        self.nodes.contains_key(&path_hash(path))
    }

    /// The byte range of the key of `path` (the value's, when it has no key).
    pub fn key(&self, path: &[SegRef]) -> Option<(usize, usize)> {
        self.deepest(path).map(|n| n.key.unwrap_or(n.value))
    }

    /// The node at the longest prefix of `path` the document has (the root at least).
    fn deepest(&self, path: &[SegRef]) -> Option<&Node> {
        let mut h = ROOT_HASH;
        let mut found = self.nodes.get(&h);
        for seg in path {
            h = child_hash(h, seg);
            if let Some(node) = self.nodes.get(&h) {
                found = Some(node);
            }
        }
        found
    }
}

/// The hash of a path, one segment at a time from the root's: `path_hash(&[])` is the root.
pub(super) fn child_hash(parent: u64, seg: &SegRef) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    parent.hash(&mut h);
    seg.hash(&mut h);
    h.finish()
}

pub(super) const ROOT_HASH: u64 = 0x9e37_79b9_7f4a_7c15;

pub(super) fn path_hash(path: &[SegRef]) -> u64 {
    path.iter().fold(ROOT_HASH, |h, seg| child_hash(h, seg))
}

fn current_hash(frames: &[Frame]) -> u64 {
    frames.iter().fold(ROOT_HASH, |h, f| match f {
        Frame::Map { key } => {
            child_hash(h, &SegRef::Key(key.as_ref().map_or("", |k| k.0.as_str())))
        }
        Frame::Seq { next } => child_hash(h, &SegRef::Index(*next)),
    })
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
                f.write_str("dossier:text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LocalText, E> {
                Ok(LocalText::Same(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LocalText, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct PerLang {
                    kk: Option<String>,
                    ru: Option<String>,
                }
                let p = PerLang::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if p.kk.is_none() && p.ru.is_none() {
                    return Err(de::Error::custom(
                        "a text per language needs `kk`, `ru` or both",
                    ));
                }
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
                f.write_str("dossier:fact")
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
                    .map_err(|_| E::custom("dossier:too-large:"))
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
                f.write_str("dossier:document")
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
                #[serde(untagged, expecting = "dossier:document")]
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
        strict_date(&s)
            .map(super::Date)
            .ok_or_else(|| de::Error::custom(format!("dossier:date:{s}")))
    }
}

/// Exactly `YYYY-MM-DD`, digits only, a real day, years 1900–2199 (no sign, no spaces, no
/// year 0).
pub fn strict_date(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    let (y, m, d) = (
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    );
    if !(1900..=2199).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_path::{SegRef, path};

    #[test]
    fn dates_are_exactly_yyyy_mm_dd() {
        assert!(strict_date("2026-05-01").is_some());
        for bad in [
            "-0001-05-01",
            "  28-05-01",
            "2028- 5- 1",
            "0000-05-01",
            "2026-02-30",
            "2026-5-01",
            "2300-01-01",
        ] {
            assert!(strict_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn source_map_finds_nested_values() {
        let text =
            "a: 1\ndocuments:\n  x:\n    files: [p.pdf, q.pdf]\n    valid_until: 2025-01-01\n";
        let map = SourceMap::build(text);
        let at = |p: &[SegRef]| {
            let (s, _) = map.value(p).unwrap();
            crate::error::line_column(text, s).0
        };
        assert_eq!(at(&path(&["documents", "x", "valid_until"])), 5);
        let mut files = path(&["documents", "x", "files"]);
        files.push(SegRef::Index(1));
        let (s, e) = map.value(&files).unwrap();
        assert_eq!(&text[s..e], "q.pdf");
        // A missing key falls back to its parent.
        assert_eq!(at(&path(&["documents", "x", "issued"])), 4);
    }

    #[test]
    fn suggests_the_nearest_key() {
        let expected = ["schema", "kind", "object", "state_body"];
        assert_eq!(suggest("objct", &expected), Some("object"));
        assert_eq!(suggest("zzzzzzz", &expected), None);
    }
}
