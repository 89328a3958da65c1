//! Which characters a PDF draft can draw: the embedded faces' coverage, as data the judging
//! crates can read (`check` warns about a text no face can draw before anything is drafted).

include!("glyphs_table.rs");

/// Whether every style of a PDF draft can draw `c`. Line breaks and tabs are layout, not
/// glyphs.
pub fn drawable(c: char) -> bool {
    if matches!(c, '\n' | '\t' | ' ') {
        return true;
    }
    let p = u32::from(c);
    // Latin and Cyrillic, what nearly every text is made of, from a bitmap of the same table.
    if let Some(word) = LOW.get((p / 64) as usize) {
        return word >> (p % 64) & 1 == 1;
    }
    DRAWABLE
        .binary_search_by(|&(a, b)| {
            if p < a {
                std::cmp::Ordering::Greater
            } else if p > b {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `DRAWABLE` below U+0800 as bits, made from the table when the crate is compiled.
const LOW: [u64; 32] = {
    let mut bits = [0u64; 32];
    let mut i = 0;
    while i < DRAWABLE.len() {
        let (a, b) = DRAWABLE[i];
        let mut p = a;
        while p <= b && p < 64 * 32 {
            bits[(p / 64) as usize] |= 1 << (p % 64);
            p += 1;
        }
        i += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    /// The bitmap answers as the table does for every character it covers.
    #[test]
    fn the_low_bitmap_is_the_table() {
        for p in 0..64 * 32 {
            let Some(c) = char::from_u32(p) else { continue };
            let in_table = super::DRAWABLE.iter().any(|&(a, b)| (a..=b).contains(&p));
            assert_eq!(
                super::drawable(c),
                in_table || matches!(c, '\n' | '\t' | ' '),
                "U+{p:04X}"
            );
        }
    }
}
