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
