//! The fast path's own reading of the plainest files: block mappings and `- ` lists, one line
//! per value, one-line flow lists and maps of scalars, quoted scalars without line breaks, and
//! comments — the shape every sample and nearly every real `dossier.yaml` has. One pass over
//! the lines gives the same tree, and the same places, as the YAML parser's events (spans
//! included: a block collection ends where the next line at a lower indent starts, or at the
//! end of the text).
//!
//! It accepts strictly less than YAML: a tab, a carriage return, a control character, a
//! document marker or directive, an anchor, alias or tag, a block scalar, a multi-line scalar
//! or flow collection, a nested flow collection, a mapping inside a list item, a key without a
//! value, an escape other than the common ones, a plain scalar that YAML would read differently
//! in any way (`a: b`, `- x` as a value, a leading indicator) — anything at all outside the
//! shape gives `None`, and the parser's events are read instead. Debug builds compare every
//! file read this way with serde-saphyr, places and all.

use super::{MAX_FAST_NODES, Node, key_for_the_parser};
use crate::dossier::yaml::{ROOT_HASH, SourceMap, child_hash};
use crate::limits::MAX_YAML_DEPTH;
use crate::source_path::SegRef;
use serde_saphyr::granit_parser::ScalarStyle;
use std::borrow::Cow;

/// How far (in bytes) an implicit key's colon may be from the key's start.
const MAX_KEY_REACH: usize = 1024;

/// A collection being read, with the indent of its lines.
struct Open<'a> {
    indent: usize,
    path: u64,
    kind: Kind<'a>,
}

enum Kind<'a> {
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
    Seq(Vec<Node<'a>>),
}

/// A key whose value is a block on the lines below it.
struct Pending<'a> {
    key: Cow<'a, str>,
    plain: bool,
    span: (usize, usize),
    indent: usize,
}

struct Reader<'a> {
    map: SourceMap,
    stack: Vec<Open<'a>>,
    nodes: usize,
}

/// The tree and the places of `text`, or `None` when it is not in the shape this reads.
pub(super) fn tree(text: &str) -> Option<(Node<'_>, SourceMap)> {
    if !printable(text.as_bytes()) {
        return None;
    }
    let mut r = Reader {
        map: SourceMap::default(),
        stack: Vec::new(),
        nodes: 0,
    };
    let mut pending: Option<Pending> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.strip_suffix('\n').unwrap_or(line);
        let rest = body.trim_start_matches(' ');
        let indent = body.len() - rest.len();
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if indent == 0 && (rest.starts_with("---") || rest.starts_with("...")) {
            return None;
        }
        let at = start + indent;
        if r.stack.is_empty() {
            // The document: a block mapping from its first line.
            if indent != 0 {
                return None;
            }
            r.map.insert(ROOT_HASH, None, (at, at));
            r.stack.push(Open {
                indent: 0,
                path: ROOT_HASH,
                kind: Kind::Map(Vec::new()),
            });
        }
        let item = rest == "-" || rest.starts_with("- ");
        if let Some(p) = pending.take() {
            // The block of the key above: deeper than the key, or a list at the key's indent.
            if indent < p.indent || (indent == p.indent && !item) {
                return None;
            }
            // A list at the key's own indent starts, for the parser, at its first value.
            let start = if item && indent == p.indent {
                at + rest.len() - rest[1..].trim_start_matches(' ').len()
            } else {
                at
            };
            r.open_block(p, indent, start, item)?;
        }
        // Close what this line is outside of: deeper collections, and a list at this indent
        // when the line is a key.
        while let Some(top) = r.stack.last() {
            let outside = top.indent > indent
                || (top.indent == indent && !item && matches!(top.kind, Kind::Seq(_)));
            if !outside {
                break;
            }
            r.close(at)?;
        }
        let top = r.stack.last()?;
        if top.indent != indent {
            return None;
        }
        if item {
            if !matches!(top.kind, Kind::Seq(_)) {
                return None;
            }
            let after = &rest[1..];
            let value = after.trim_start_matches(' ');
            let v_at = at + 1 + (after.len() - value.len());
            // A nested list, a mapping in the item, an empty item: the parser reads those.
            if value.is_empty() || value.starts_with('#') || value.starts_with("- ") || value == "-"
            {
                return None;
            }
            if split_key(value).is_some() {
                return None;
            }
            r.value(None, value, v_at)?;
            continue;
        }
        if !matches!(top.kind, Kind::Map(_)) {
            return None;
        }
        let (key, key_len, plain, after) = split_key(rest)?;
        let span = (at, at + key_len);
        let value = after.trim_start_matches(' ');
        if value.is_empty() || value.starts_with('#') {
            pending = Some(Pending {
                key,
                plain,
                span,
                indent,
            });
            continue;
        }
        r.value(
            Some((key, plain, span)),
            value,
            at + rest.len() - value.len(),
        )?;
    }
    if pending.is_some() {
        return None;
    }
    while r.stack.len() > 1 {
        r.close(text.len())?;
    }
    let root = r.stack.pop()?;
    r.map.close(ROOT_HASH, text.len());
    match root.kind {
        Kind::Map(entries) => Some((Node::Map(entries), r.map)),
        Kind::Seq(_) => None,
    }
}

impl<'a> Reader<'a> {
    /// The path of the next value in the open collection (after `key`, in a mapping).
    fn next(&self, key: Option<(&str, (usize, usize))>) -> Option<(u64, Option<(usize, usize)>)> {
        let top = self.stack.last()?;
        match (&top.kind, key) {
            (Kind::Seq(items), None) => {
                Some((child_hash(top.path, &SegRef::Index(items.len())), None))
            }
            (Kind::Map(_), Some((k, span))) => {
                Some((child_hash(top.path, &SegRef::Key(k)), Some(span)))
            }
            _ => None,
        }
    }

    /// Counts a node against the budget.
    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes < MAX_FAST_NODES).then_some(())
    }

    /// Checks a key of the open mapping, as the parser's path does: `None` for what
    /// serde-saphyr decides (a null, merge, number-like or duplicate key, too many keys).
    fn check_key(&mut self, key: &str, plain: bool) -> Option<()> {
        let Kind::Map(entries) = &self.stack.last()?.kind else {
            return None;
        };
        if key_for_the_parser(key, plain, entries) {
            return None;
        }
        self.count()
    }

    /// Opens the block collection that is the value of the pending key, at its first line:
    /// the key goes into the open mapping now, with its value filled in when the block closes.
    fn open_block(&mut self, p: Pending<'a>, indent: usize, at: usize, list: bool) -> Option<()> {
        self.check_key(&p.key, p.plain)?;
        let (path, _) = self.next(Some((&p.key, p.span)))?;
        if self.stack.len() >= MAX_YAML_DEPTH {
            return None;
        }
        self.map.insert(path, Some(p.span), (at, at));
        let Kind::Map(entries) = &mut self.stack.last_mut()?.kind else {
            return None;
        };
        entries.push((p.key, Node::Seq(Vec::new())));
        self.stack.push(Open {
            indent,
            path,
            kind: if list {
                Kind::Seq(Vec::new())
            } else {
                Kind::Map(Vec::new())
            },
        });
        Some(())
    }

    /// Ends the innermost collection at `end` and puts it where it belongs.
    fn close(&mut self, end: usize) -> Option<()> {
        let open = self.stack.pop()?;
        self.map.close(open.path, end);
        let node = match open.kind {
            Kind::Map(entries) => Node::Map(entries),
            Kind::Seq(items) => Node::Seq(items),
        };
        self.count()?;
        match &mut self.stack.last_mut()?.kind {
            Kind::Map(entries) => entries.last_mut()?.1 = node,
            Kind::Seq(_) => return None,
        }
        Some(())
    }

    /// A value on the rest of a line (after `key: ` or `- `): a scalar or a one-line flow
    /// collection, with only a comment after it.
    fn value(
        &mut self,
        key: Option<(Cow<'a, str>, bool, (usize, usize))>,
        value: &'a str,
        at: usize,
    ) -> Option<()> {
        if let Some((k, plain, _)) = &key {
            self.check_key(k, *plain)?;
        }
        let (path, key_span) = self.next(key.as_ref().map(|(k, _, s)| (&**k, *s)))?;
        let node = match value.as_bytes()[0] {
            b'[' | b'{' => {
                if self.stack.len() >= MAX_YAML_DEPTH {
                    return None;
                }
                let (node, len) = self.flow(path, value, at)?;
                trailing(&value[len..])?;
                self.map.insert(path, key_span, (at, at + 1));
                self.map.close(path, at + len);
                node
            }
            _ => {
                let (text, style, len) = scalar(value, false)?;
                trailing(&value[len..])?;
                self.map.insert(path, key_span, (at, at + len));
                Node::Scalar(text, style)
            }
        };
        self.count()?;
        match &mut self.stack.last_mut()?.kind {
            Kind::Map(entries) => entries.push((key?.0, node)),
            Kind::Seq(items) => items.push(node),
        }
        Some(())
    }

    /// A flow list or map of scalars on one line, from its bracket: the node and its length.
    fn flow(&mut self, path: u64, value: &'a str, at: usize) -> Option<(Node<'a>, usize)> {
        let map = value.starts_with('{');
        let close = if map { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut entries: Vec<(Cow<'a, str>, Node<'a>)> = Vec::new();
        let mut pos = 1;
        let skip = |pos: &mut usize| {
            while value.as_bytes().get(*pos) == Some(&b' ') {
                *pos += 1;
            }
        };
        skip(&mut pos);
        if value.as_bytes().get(pos) == Some(&close) {
            let node = if map {
                Node::Map(entries)
            } else {
                Node::Seq(items)
            };
            return Some((node, pos + 1));
        }
        loop {
            let (first, style, len) = scalar(&value[pos..], true)?;
            let first_pos = pos;
            let first_at = at + pos;
            pos += len;
            skip(&mut pos);
            if map {
                // `key: value`: the colon after the key (within reach), a space after it.
                if value.as_bytes().get(pos) != Some(&b':') || pos - first_pos >= MAX_KEY_REACH {
                    return None;
                }
                if len == 0 || value.as_bytes().get(pos + 1) != Some(&b' ') {
                    return None;
                }
                pos += 1;
                skip(&mut pos);
                if key_for_the_parser(&first, style == ScalarStyle::Plain, &entries) {
                    return None;
                }
                self.count()?;
                let (v, v_style, v_len) = scalar(&value[pos..], true)?;
                if v_len == 0 {
                    return None;
                }
                let v_at = at + pos;
                let p = child_hash(path, &SegRef::Key(&first));
                self.map
                    .insert(p, Some((first_at, first_at + len)), (v_at, v_at + v_len));
                pos += v_len;
                entries.push((first, Node::Scalar(v, v_style)));
            } else {
                if len == 0 {
                    return None;
                }
                let p = child_hash(path, &SegRef::Index(items.len()));
                self.map.insert(p, None, (first_at, first_at + len));
                items.push(Node::Scalar(first, style));
            }
            self.count()?;
            skip(&mut pos);
            match value.as_bytes().get(pos) {
                Some(b',') => {
                    pos += 1;
                    skip(&mut pos);
                    // A comma before the bracket, or an empty item: the parser decides.
                    if matches!(value.as_bytes().get(pos), Some(b',' | b']' | b'}') | None) {
                        return None;
                    }
                }
                Some(&c) if c == close => {
                    let node = if map {
                        Node::Map(entries)
                    } else {
                        Node::Seq(items)
                    };
                    return Some((node, pos + 1));
                }
                _ => return None,
            }
        }
    }
}

/// Only spaces and a comment after a value.
fn trailing(rest: &str) -> Option<()> {
    let t = rest.trim_start_matches(' ');
    (t.is_empty() || (t.starts_with('#') && t.len() < rest.len())).then_some(())
}

/// `key: …` at the start of `rest`: the key, the length of its token, whether it is plain,
/// and what follows the colon (empty, or starting with a space).
fn split_key(rest: &str) -> Option<(Cow<'_, str>, usize, bool, &str)> {
    let (key, len, plain) = match rest.as_bytes()[0] {
        b'"' | b'\'' => {
            let (key, _, len) = scalar(rest, false)?;
            (key, len, false)
        }
        _ => {
            let colon = rest
                .find(": ")
                .or_else(|| rest.strip_suffix(':').map(str::len))?;
            let key = rest[..colon].trim_end_matches(' ');
            if key.is_empty() || !plain_ok(key, false) {
                return None;
            }
            (Cow::Borrowed(key), key.len(), true)
        }
    };
    let after = rest[len..].trim_start_matches(' ');
    // An implicit key is on one line, its colon within 1,024 characters of its start (the
    // parser refuses a farther one; counted here in bytes, which is stricter).
    if rest.len() - after.len() >= MAX_KEY_REACH {
        return None;
    }
    let after = after.strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some((key, len, plain, after))
}

/// A scalar at the start of `s`: its text, style and the length of its token. In a flow
/// collection (`flow`) a plain scalar also ends at `,`, `]` and `}`.
fn scalar(s: &str, flow: bool) -> Option<(Cow<'_, str>, ScalarStyle, usize)> {
    match s.as_bytes().first()? {
        b'"' => double_quoted(s),
        b'\'' => single_quoted(s),
        _ => {
            // Up to a comment, the end of the line or (in a flow) a separator; a flow map's
            // key ends at its colon.
            let b = s.as_bytes();
            let end = (0..b.len())
                .find(|&i| {
                    (b[i] == b'#' && i > 0 && b[i - 1] == b' ')
                        || (flow && matches!(b[i], b',' | b'[' | b']' | b'{' | b'}' | b':'))
                })
                .unwrap_or(b.len());
            let text = s[..end].trim_end_matches(' ');
            if text.is_empty() {
                return Some((Cow::Borrowed(""), ScalarStyle::Plain, 0));
            }
            if !plain_ok(text, flow) {
                return None;
            }
            Some((Cow::Borrowed(text), ScalarStyle::Plain, text.len()))
        }
    }
}

/// Whether YAML reads `text` (already cut at a comment) as one plain scalar, exactly.
fn plain_ok(text: &str, flow: bool) -> bool {
    let b = text.as_bytes();
    let first_ok = match b[0] {
        // `-5`, `-x`: a dash before a non-blank starts a plain scalar.
        b'-' => b.get(1).is_some_and(|c| *c != b' '),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' => false,
        _ => true,
    };
    // A `: ` or a final `:` would be a mapping; in a flow a `:` at all is left to the parser.
    let mapping = text.contains(": ") || text.ends_with(':') || (flow && text.contains(':'));
    first_ok && !mapping && !text.contains(" #")
}

/// A double-quoted scalar closed on this line, with the common escapes only.
fn double_quoted(s: &str) -> Option<(Cow<'_, str>, ScalarStyle, usize)> {
    let body = &s[1..];
    let mut owned: Option<String> = None;
    let mut from = 0;
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                return Some((
                    unquoted(body, owned, from, i),
                    ScalarStyle::DoubleQuoted,
                    i + 2,
                ));
            }
            '\\' => {
                let o = owned.get_or_insert_with(String::new);
                o.push_str(&body[from..i]);
                let (_, e) = chars.next()?;
                let ch = match e {
                    '\\' => '\\',
                    '"' => '"',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    'u' => {
                        let hex = body.get(i + 2..i + 6)?;
                        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        for _ in 0..4 {
                            chars.next();
                        }
                        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                    }
                    _ => return None,
                };
                o.push(ch);
                from = i + 1 + e.len_utf8() + if e == 'u' { 4 } else { 0 };
            }
            _ => {}
        }
    }
    None
}

/// The text of a quoted scalar whose body ends at `end`: borrowed when it had no escape, else
/// what was unescaped so far (`owned`, up to `from`) and the rest.
fn unquoted(body: &str, owned: Option<String>, from: usize, end: usize) -> Cow<'_, str> {
    match owned {
        Some(mut o) => {
            o.push_str(&body[from..end]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(&body[..end]),
    }
}

/// A single-quoted scalar closed on this line (`''` is a quote).
fn single_quoted(s: &str) -> Option<(Cow<'_, str>, ScalarStyle, usize)> {
    let body = &s[1..];
    let b = body.as_bytes();
    let mut owned: Option<String> = None;
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' {
            if b.get(i + 1) == Some(&b'\'') {
                let o = owned.get_or_insert_with(String::new);
                o.push_str(&body[from..=i]);
                i += 2;
                from = i;
                continue;
            }
            return Some((
                unquoted(body, owned, from, i),
                ScalarStyle::SingleQuoted,
                i + 2,
            ));
        }
        i += 1;
    }
    None
}

/// No byte YAML treats specially or refuses outside the shape: tabs, carriage returns, other
/// controls, DEL, C1 controls (NEL among them), the line and paragraph separators, a
/// byte-order mark, U+FFFE and U+FFFF.
fn printable(b: &[u8]) -> bool {
    let mut i = 0;
    // Nearly every byte is fine by itself: a table says so, and only a lead byte of a refused
    // character has the bytes after it looked at.
    while let Some(off) = b[i..].iter().position(|c| BYTES[usize::from(*c)] != FINE) {
        i += off;
        let refused = match b[i] {
            0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
            0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)),
            0xEF => {
                (b.get(i + 1) == Some(&0xBB) && b.get(i + 2) == Some(&0xBF))
                    || (b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)))
            }
            _ => true,
        };
        if refused {
            return false;
        }
        i += 1;
    }
    true
}

/// `printable`'s table: a byte fine by itself, refused (a control but the line feed, DEL), or
/// the lead byte of a character that may be refused (C1 controls, U+2028/U+2029, U+FEFF,
/// U+FFFE/U+FFFF).
const FINE: u8 = 0;
const BYTES: [u8; 256] = {
    let mut t = [FINE; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = 1;
        c += 1;
    }
    t[b'\n' as usize] = FINE;
    t[0x7F] = 1;
    t[0xC2] = 2;
    t[0xE2] = 2;
    t[0xEF] = 2;
    t
};

#[cfg(test)]
mod tests {
    use super::printable;

    /// The definition, byte by byte, that the table must agree with.
    fn printable_by_match(b: &[u8]) -> bool {
        (0..b.len()).all(|i| match b[i] {
            b'\n' => true,
            0..0x20 | 0x7F => false,
            0xC2 => !matches!(b.get(i + 1), Some(0x80..=0x9F)),
            0xE2 => !(b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9))),
            0xEF => {
                !((b.get(i + 1) == Some(&0xBB) && b.get(i + 2) == Some(&0xBF))
                    || (b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF))))
            }
            _ => true,
        })
    }

    #[test]
    fn the_table_agrees_with_the_definition() {
        let interesting = [
            0x00, 0x09, b'\n', 0x0D, 0x1F, b' ', b'a', 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xA8,
            0xA9, 0xBB, 0xBE, 0xBF, 0xC2, 0xD0, 0xE2, 0xEF, 0xFF,
        ];
        for &a in &interesting {
            for &b in &interesting {
                for &c in &interesting {
                    for text in [
                        vec![a],
                        vec![a, b],
                        vec![a, b, c],
                        vec![b'x', a, b, c, b'y'],
                    ] {
                        assert_eq!(printable(&text), printable_by_match(&text), "{text:02X?}");
                    }
                }
            }
        }
        let sample = "name: Единая система\n  kk: Мемлекеттік\n".as_bytes();
        assert!(printable(sample) && printable_by_match(sample));
    }
}
