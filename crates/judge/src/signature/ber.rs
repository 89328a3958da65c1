//! Two passes over a signature's ASN.1 before the `cms` decoder sees it: BER as streaming
//! signers write it (`openssl cms -sign -stream`: indefinite lengths, an OCTET STRING in
//! chunks) made DER, and the element counts bounded, so that no nesting, element count or SET OF
//! (which the decoder checks for order, in time that grows with the square of its size) can run
//! away. Both walk the bytes iteratively within `limits`.

use crate::limits::{MAX_DER_DEPTH, MAX_DER_ELEMENTS, MAX_SET_ELEMENTS};

/// A tag and a length as read: (tag bytes, constructed, length or `None` for indefinite, the
/// offset of the contents).
fn header(b: &[u8], at: usize) -> Option<(&[u8], bool, Option<usize>, usize)> {
    let first = *b.get(at)?;
    let mut p = at + 1;
    if first & 0x1f == 0x1f {
        // A high tag number: bytes with the top bit set, then one without.
        loop {
            let c = *b.get(p)?;
            p += 1;
            if c & 0x80 == 0 {
                break;
            }
            if p - at > 5 {
                return None;
            }
        }
    }
    let tag = &b[at..p];
    let l = *b.get(p)?;
    p += 1;
    let len = match l {
        0x80 => None,
        l if l < 0x80 => Some(usize::from(l)),
        l => {
            let n = usize::from(l & 0x7f);
            if n > 4 {
                return None;
            }
            let mut v = 0usize;
            for _ in 0..n {
                v = (v << 8) | usize::from(*b.get(p)?);
                p += 1;
            }
            Some(v)
        }
    };
    Some((tag, first & 0x20 != 0, len, p))
}

/// Whether the bytes use an indefinite length anywhere on the way down (BER, not DER).
pub fn is_indefinite(b: &[u8]) -> bool {
    let mut stack = vec![(0usize, b.len())];
    let mut seen = 0usize;
    while let Some((mut at, end)) = stack.pop() {
        while at < end {
            seen += 1;
            if seen > MAX_DER_ELEMENTS {
                return false;
            }
            let Some((_, constructed, len, body)) = header(b, at) else {
                return false;
            };
            let Some(len) = len else {
                return true;
            };
            let Some(next) = body.checked_add(len).filter(|n| *n <= end) else {
                return false;
            };
            if constructed && stack.len() < MAX_DER_DEPTH {
                stack.push((body, next));
            }
            at = next;
        }
    }
    false
}

/// The DER of BER bytes: definite lengths everywhere, a chunked OCTET STRING joined. `None`
/// when the bytes are not well-formed BER or exceed the bounds.
pub fn to_der(b: &[u8]) -> Option<Vec<u8>> {
    let mut budget = MAX_DER_ELEMENTS;
    let (out, _) = convert(b, 0, 0, &mut budget)?;
    Some(out)
}

/// One element at `at`: its DER, and the offset after it.
fn convert(b: &[u8], at: usize, depth: usize, budget: &mut usize) -> Option<(Vec<u8>, usize)> {
    if depth > MAX_DER_DEPTH || *budget == 0 {
        return None;
    }
    *budget -= 1;
    let (tag, constructed, len, body) = header(b, at)?;
    if !constructed {
        let end = body.checked_add(len?)?;
        let content = b.get(body..end)?;
        return Some((element(tag, content), end));
    }
    // The children, to the end of a definite length or to the end-of-contents marker.
    let mut children: Vec<Vec<u8>> = Vec::new();
    let mut p = body;
    let end = match len {
        Some(len) => {
            let end = body.checked_add(len)?;
            while p < end {
                let (child, next) = convert(b, p, depth + 1, budget)?;
                children.push(child);
                p = next;
            }
            (p == end).then_some(end)?
        }
        None => loop {
            if b.get(p..p + 2)? == [0, 0] {
                break p + 2;
            }
            let (child, next) = convert(b, p, depth + 1, budget)?;
            children.push(child);
            p = next;
        },
    };
    if tag == [0x24] {
        // A constructed OCTET STRING: DER has one primitive string of the chunks joined.
        let mut joined = Vec::new();
        for c in &children {
            let (t, _, l, body) = header(c, 0)?;
            if t != [0x04] {
                return None;
            }
            joined.extend_from_slice(c.get(body..body + l?)?);
        }
        return Some((element(&[0x04], &joined), end));
    }
    Some((element(tag, &children.concat()), end))
}

/// A DER element: the tag, the definite length, the contents.
fn element(tag: &[u8], content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 8);
    out.extend_from_slice(tag);
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes = n.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// `Some` when DER bytes stay within the bounds: nesting, elements in all, and elements of any
/// SET (or implicitly tagged set, as a CMS's certificates are).
pub fn within_bounds(b: &[u8]) -> Option<()> {
    let mut stack = vec![(0usize, b.len(), 0usize)];
    let mut seen = 0usize;
    while let Some((mut at, end, depth)) = stack.pop() {
        if depth > MAX_DER_DEPTH {
            return None;
        }
        let mut children = 0usize;
        while at < end {
            seen += 1;
            children += 1;
            if seen > MAX_DER_ELEMENTS {
                return None;
            }
            let (tag, constructed, len, body) = header(b, at)?;
            let next = body.checked_add(len?)?;
            if next > end {
                // Padding after the element (a PDF's /Contents) is not part of it.
                return (depth == 0).then_some(());
            }
            if constructed {
                let set_like = tag[0] == 0x31 || tag[0] & 0xc0 == 0x80;
                if set_like && count_children(b, body, next)? > MAX_SET_ELEMENTS {
                    return None;
                }
                stack.push((body, next, depth + 1));
            }
            at = next;
        }
        let _ = children;
    }
    Some(())
}

/// How many elements lie between `at` and `end`.
fn count_children(b: &[u8], mut at: usize, end: usize) -> Option<usize> {
    let mut n = 0usize;
    while at < end {
        let (_, _, len, body) = header(b, at)?;
        at = body.checked_add(len?)?;
        n += 1;
        if n > MAX_SET_ELEMENTS {
            return Some(n);
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indefinite_lengths_and_a_chunked_string_become_der() {
        // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { "ab", "c" } }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00, 0x00,
            0x00,
        ];
        assert!(is_indefinite(&ber));
        assert_eq!(
            to_der(&ber).unwrap(),
            [0x30, 0x05, 0x04, 0x03, b'a', b'b', b'c']
        );
        assert!(!is_indefinite(&[0x30, 0x05, 0x04, 0x03, b'a', b'b', b'c']));
    }

    #[test]
    fn a_huge_set_or_deep_nesting_is_out_of_bounds() {
        let mut set = vec![0x31, 0x82];
        let n = MAX_SET_ELEMENTS + 1;
        set.extend_from_slice(&((n * 3) as u16).to_be_bytes());
        for _ in 0..n {
            set.extend_from_slice(&[0x02, 0x01, 0x01]);
        }
        assert!(within_bounds(&set).is_none());
        let mut deep = Vec::new();
        for _ in 0..(MAX_DER_DEPTH + 2) {
            deep.insert(0, 0x80);
            deep.insert(0, 0x30);
        }
        assert!(to_der(&deep).is_none());
        assert!(within_bounds(&[0x30, 0x03, 0x02, 0x01, 0x01]).is_some());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_are_read_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256)) {
            let _ = is_indefinite(&bytes);
            let _ = to_der(&bytes);
            let _ = within_bounds(&bytes);
        }
    }
}
