//! A fast path for `SourceMap` when `fast` gave up: most such files are still plain block
//! YAML (keys, nested keys, `- ` items, one-line flow lists and maps, comments). For those,
//! the places of keys and values are found by one scan of the lines, without a second YAML
//! parse. Anything else (a multi-line flow collection, a tag, an anchor, a key in a list item,
//! a null value, tabs, carriage returns) returns `None`, and the full parser builds the map.
//! Debug builds check every quick map against the full one.

use super::yaml::{ROOT_HASH, SourceMap, child_hash};
use crate::source_path::SegRef;

struct Frame {
    indent: usize,
    /// The hash of the frame's path (see `yaml::path_hash`).
    path: u64,
    seq: Option<usize>,
}

/// The map of a plain block document, or `None` when the document is not plain.
pub fn build(text: &str) -> Option<SourceMap> {
    if text.contains(['\r', '\t']) || text.starts_with("%") {
        return None;
    }
    let mut map = SourceMap::default();
    let mut frames: Vec<Frame> = vec![Frame {
        indent: 0,
        path: ROOT_HASH,
        seq: None,
    }];
    // A key whose value is a block below it: its path and indent, until the block starts.
    let mut pending: Option<(u64, usize, (usize, usize))> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start_matches(' ').len();
        let rest = &body[indent..];
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if rest.starts_with("---") || rest.starts_with("...") {
            return None;
        }
        let at = start + indent;
        if map.is_empty() {
            // The document itself starts at its first content.
            if indent != 0 {
                return None;
            }
            map.insert(ROOT_HASH, None, (at, text.len()));
        }
        if let Some(item) = rest
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            // A sequence item: the block of a pending key, or the next item of a sequence.
            while frames.len() > 1 && frames.last()?.indent > indent {
                frames.pop();
            }
            if let Some((path, key_indent, key)) = pending.take() {
                if indent < key_indent {
                    return None;
                }
                // A list at its key's own indent starts, for the parser, at its first value.
                let start = if indent == key_indent {
                    at + rest.len() - item.trim_start_matches(' ').len()
                } else {
                    at
                };
                map.insert(path, Some(key), (start, at + rest.len()));
                frames.push(Frame {
                    indent,
                    path,
                    seq: Some(0),
                });
            }
            let frame = frames.last_mut()?;
            let n = frame.seq.filter(|_| frame.indent == indent)?;
            frame.seq = Some(n + 1);
            let path = child_hash(frame.path, &SegRef::Index(n));
            let value = item.trim_start_matches(' ');
            if value.is_empty() || looks_like_key(value) {
                return None;
            }
            let v_at = at + (rest.len() - item.len()) + (item.len() - value.len());
            scalar_or_flow(&mut map, path, None, value, v_at)?;
            continue;
        }
        // A key.
        let (key, after) = split_key(rest)?;
        if let Some((path, key_indent, key_span)) = pending.take() {
            if indent <= key_indent {
                // `key:` with nothing under it is a null: the full parser says where.
                return None;
            }
            map.insert(path, Some(key_span), (at, at + rest.len()));
            frames.push(Frame {
                indent,
                path,
                seq: None,
            });
        }
        while frames.len() > 1
            && (frames.last()?.indent > indent
                || (frames.last()?.indent == indent && frames.last()?.seq.is_some()))
        {
            frames.pop();
        }
        let frame = frames.last()?;
        if frame.indent != indent || frame.seq.is_some() {
            return None;
        }
        let path = child_hash(frame.path, &SegRef::Key(key));
        let key_span = (at, at + key_len(rest));
        let value = after.trim_start_matches(' ');
        let value = strip_comment(value);
        if value.is_empty() {
            pending = Some((path, indent, key_span));
            continue;
        }
        if value.starts_with(['|', '>']) {
            return None;
        }
        let v_at =
            at + (rest.len() - after.len()) + (after.len() - after.trim_start_matches(' ').len());
        scalar_or_flow(&mut map, path, Some(key_span), value, v_at)?;
    }
    if pending.is_some() {
        return None;
    }
    Some(map)
}

/// Records a one-line value: a scalar, or a flow list or map whose items are scalars.
fn scalar_or_flow(
    map: &mut SourceMap,
    path: u64,
    key: Option<(usize, usize)>,
    value: &str,
    at: usize,
) -> Option<()> {
    let value = value.trim_end_matches(' ');
    // An anchor, alias, tag, block scalar or reserved indicator: the parser places those.
    if value.starts_with(['&', '*', '!', '?', '@', '`', '%', '|', '>']) {
        return None;
    }
    map.insert(path, key, (at, at + value.len()));
    let (open, close) = match value.as_bytes()[0] {
        b'[' => ('[', ']'),
        b'{' => ('{', '}'),
        _ => {
            // A plain or quoted scalar: it must end on this line.
            if value.starts_with('"') && !closes_quote(value, '"') {
                return None;
            }
            if value.starts_with('\'') && !closes_quote(value, '\'') {
                return None;
            }
            return Some(());
        }
    };
    let inner = value.strip_prefix(open)?.strip_suffix(close)?;
    let mut pos = 1;
    for (i, part) in split_top(inner)?.into_iter().enumerate() {
        let trimmed = part.trim_matches(' ');
        let lead = part.len() - part.trim_start_matches(' ').len();
        let part_at = at + pos + lead;
        pos += part.len() + 1;
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with(['[', '{', '&', '*', '!', '?']) {
            return None;
        }
        if open == '[' {
            let p = child_hash(path, &SegRef::Index(i));
            map.insert(p, None, (part_at, part_at + trimmed.len()));
        } else {
            let (k, v) = split_key(trimmed)?;
            let v_lead = v.len() - v.trim_start_matches(' ').len();
            let v = v.trim_matches(' ');
            if v.is_empty() || v.starts_with(['[', '{', '&', '*', '!', '?']) {
                return None;
            }
            let p = child_hash(path, &SegRef::Key(k));
            let v_at = part_at + (trimmed.len() - split_key(trimmed)?.1.len()) + v_lead;
            map.insert(
                p,
                Some((part_at, part_at + key_len(trimmed))),
                (v_at, v_at + v.len()),
            );
        }
    }
    Some(())
}

/// Splits a flow collection's inside at its top-level commas (none inside quotes).
fn split_top(inner: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let (mut quote, mut from) = (None, 0);
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '[' | '{' | ']' | '}') => return None,
            (None, ',') => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    if quote.is_some() {
        return None;
    }
    parts.push(&inner[from..]);
    Some(parts)
}

fn closes_quote(value: &str, q: char) -> bool {
    let body = &value[1..];
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if q == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == q && !escaped {
            // Only a comment may follow the closing quote.
            let tail = body[i + 1..].trim_matches(' ');
            return tail.is_empty() || tail.starts_with('#');
        }
        escaped = false;
    }
    false
}

/// `key: value` → (key, after the colon); a quoted or plain key.
fn split_key(rest: &str) -> Option<(&str, &str)> {
    let len = key_len(rest);
    if len == 0 {
        return None;
    }
    let after = rest[len..].strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let key = &rest[..len];
    let key = key
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
        // A plain key ends at its last non-blank character, as YAML trims it.
        .unwrap_or_else(|| key.trim_end_matches(' '));
    if key.is_empty() {
        return None;
    }
    if key.contains(['\\', '"', '\'', '#', '{', '}', '[', ']', '&', '*', '!']) {
        return None;
    }
    Some((key, after))
}

/// The length of the key at the start of `rest` (0 when there is none).
fn key_len(rest: &str) -> usize {
    if let Some(q @ ('"' | '\'')) = rest.chars().next() {
        return rest[1..].find(q).map_or(0, |i| i + 2);
    }
    rest.find(": ")
        .or_else(|| rest.strip_suffix(':').map(str::len))
        .filter(|&i| i > 0 && !rest[..i].starts_with(['-', '[', '{', '#']))
        .unwrap_or(0)
}

fn looks_like_key(value: &str) -> bool {
    split_key(value).is_some()
}

/// A value without its trailing `# comment` (a `#` after a space, outside quotes).
fn strip_comment(value: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in value.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if prev == ' ' || i == 0 => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' => return value[..i].trim_end_matches(' '),
            _ => {}
        }
        prev = c;
    }
    value.trim_end_matches(' ')
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_samples_take_the_quick_path() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sample-dossiers");
        for name in [
            "e-archive",
            "e-licensing",
            "esedo",
            "gbd-fl",
            "internet-gateway",
        ] {
            let text = std::fs::read_to_string(root.join(name).join("dossier.yaml")).unwrap();
            assert!(super::build(&text).is_some(), "{name}");
        }
    }

    /// What an attack found in files both fast paths leave (here through `{t: .5}` or `2,`): a
    /// value or key with U+00A0 at its edge (not blank to YAML), a list at its key's own
    /// indent, a block scalar as a list item.
    #[test]
    fn the_quick_map_places_what_the_parser_places() {
        // (file, whether the quick map reads it; when it does, it must agree).
        for (text, quick) in [
            (
                "schema: 1\nkind: \u{a0}k\nobject: {name: x}\nfacts: {t: .5}\n",
                true,
            ),
            (
                "schema: 1\nkind: k\nobject: {name: x}\nfacts:\n  s\u{a0}: .5\n",
                true,
            ),
            (
                "schema: 1\nkind: k\nobject: {name: x}\nfacts: {t: .5}\ndocuments:\n  n:\n  - a\n",
                true,
            ),
            (
                "schema: 1\nkind: m\nobject:\n name:\n  kk: 1\nfacts:\n t: 2,\ndocuments:\n  n:\n  - >\n  o: /",
                false,
            ),
        ] {
            assert_eq!(
                crate::dossier::yaml::quick_map_agrees(text),
                Ok(quick),
                "{text:?}"
            );
        }
    }
}
