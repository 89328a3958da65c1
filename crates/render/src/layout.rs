//! Line breaking and pagination, shared by the text and PDF writers. The PDF library lays out
//! no text; this module decides where every line and page ends.

use super::model::Span;

/// One laid-out line: pieces of styled text and their total width.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub pieces: Vec<Span>,
    pub width: f32,
}

impl Line {
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Breaks `spans` into lines no wider than `width`, measuring with `measure(text, bold)`.
/// Breaks at spaces; a word longer than a line is broken between characters; `\n` forces a
/// break.
pub fn wrap(spans: &[Span], width: f32, measure: &dyn Fn(&str, bool) -> f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line {
        pieces: Vec::new(),
        width: 0.0,
    };
    let mut pending_space: Option<Span> = None;
    for span in spans {
        for (i, segment) in span.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(std::mem::replace(
                    &mut line,
                    Line {
                        pieces: Vec::new(),
                        width: 0.0,
                    },
                ));
                pending_space = None;
            }
            // Words, and within a word the parts after each hyphen: Word and LibreOffice break
            // a line after a hyphen that a letter follows ("ақпараттық-|коммуникациялық").
            let words = segment.split(' ').enumerate().flat_map(|(j, word)| {
                hyphen_parts(word)
                    .into_iter()
                    .enumerate()
                    .map(move |(k, part)| (j > 0 && k == 0, part))
            });
            for (after_space, word) in words {
                if after_space && !line.pieces.is_empty() {
                    pending_space = Some(Span {
                        text: " ".into(),
                        ..span.clone()
                    });
                }
                if word.is_empty() {
                    continue;
                }
                let w = measure(word, span.bold);
                let space_w = pending_space
                    .as_ref()
                    .map_or(0.0, |s| measure(&s.text, s.bold));
                if line.width + space_w + w > width && !line.pieces.is_empty() {
                    lines.push(std::mem::replace(
                        &mut line,
                        Line {
                            pieces: Vec::new(),
                            width: 0.0,
                        },
                    ));
                    pending_space = None;
                }
                if let Some(space) = pending_space.take() {
                    line.width += space_w;
                    append(&mut line, &space);
                }
                if w > width {
                    // A word wider than the line: break it between characters.
                    let mut chunk = String::new();
                    for ch in word.chars() {
                        let mut next = chunk.clone();
                        next.push(ch);
                        if line.width + measure(&next, span.bold) > width && !chunk.is_empty() {
                            let piece = Span {
                                text: std::mem::take(&mut chunk),
                                ..span.clone()
                            };
                            line.width += measure(&piece.text, span.bold);
                            append(&mut line, &piece);
                            lines.push(std::mem::replace(
                                &mut line,
                                Line {
                                    pieces: Vec::new(),
                                    width: 0.0,
                                },
                            ));
                        }
                        chunk.push(ch);
                    }
                    let piece = Span {
                        text: chunk,
                        ..span.clone()
                    };
                    line.width += measure(&piece.text, span.bold);
                    append(&mut line, &piece);
                } else {
                    line.width += w;
                    append(
                        &mut line,
                        &Span {
                            text: word.to_string(),
                            ..span.clone()
                        },
                    );
                }
            }
        }
    }
    if !line.pieces.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A word split after each hyphen that has two letters before it and a letter after it (a
/// prefix of one letter stays whole: «Е-лицензирование» is searched for as one word).
fn hyphen_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        let letters_before = word[start..i].chars().filter(|c| c.is_alphabetic()).count();
        if c == '-' && letters_before >= 2 && next_is_letter {
            parts.push(&word[start..=i]);
            start = i + 1;
        }
    }
    parts.push(&word[start..]);
    parts
}

fn append(line: &mut Line, piece: &Span) {
    if let Some(last) = line.pieces.last_mut()
        && last.bold == piece.bold
        && last.italic == piece.italic
    {
        last.text.push_str(&piece.text);
    } else {
        line.pieces.push(piece.clone());
    }
}

/// Splits a sequence of blocks of given heights into pages of `page_height`, keeping each
/// block whole where it fits on a page; `forced` marks blocks that must start a new page, and
/// `keep` blocks (headings) that must stay on the page of the block after them.
///
/// `lead[i]` is what block `i` brings above itself when it starts a page (a table row repeats
/// its table's header row there).
///
/// `trail[i]` is the space below block `i` that may fall past the foot of a page, as Word and
/// LibreOffice drop a paragraph's space after at a page's end.
pub fn paginate(
    heights: &[f32],
    forced: &[bool],
    keep: &[bool],
    lead: &[f32],
    trail: &[f32],
    page_height: f32,
) -> Vec<Vec<usize>> {
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0.0;
    let kept = |i: usize| keep.get(i).copied().unwrap_or(false);
    let trailing = |i: usize| trail.get(i).copied().unwrap_or(0.0);
    for (i, &h) in heights.iter().enumerate() {
        let current = pages.last_mut().expect("one page");
        // A chain of blocks kept together (a heading and its text, a signature block) needs
        // room for all of it and the start of what follows; checked where the chain starts.
        let need = if kept(i) && (i == 0 || !kept(i - 1)) {
            let end = (i..heights.len())
                .find(|&k| !kept(k))
                .unwrap_or(heights.len());
            let chain: f32 = heights[i..end].iter().sum();
            // Blocks are never split, so the chain needs the whole block after it (as Word
            // keeps a heading with a paragraph whose lines are kept together).
            let after = heights.get(end).copied().unwrap_or(0.0);
            let last = if end < heights.len() { end } else { end - 1 };
            if chain + after - trailing(last) <= page_height {
                chain + after - trailing(last)
            } else {
                h - trailing(i)
            }
        } else {
            h - trailing(i)
        };
        if (forced.get(i).copied().unwrap_or(false) && !current.is_empty())
            || (used + need > page_height && !current.is_empty())
        {
            pages.push(Vec::new());
            used = lead.get(i).copied().unwrap_or(0.0);
        }
        pages.last_mut().expect("one page").push(i);
        used += h;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_block_moves_to_the_next_page_whole() {
        // text, "official" (kept), line (kept), caption: only 25 left on the page.
        let heights = [75.0, 10.0, 10.0, 10.0];
        let keep = [false, true, true, false];
        let pages = paginate(&heights, &[false; 4], &keep, &[], &[], 100.0);
        assert_eq!(pages, vec![vec![0], vec![1, 2, 3]]);
        // A table row that starts a page brings its header's height (lead) with it.
        let pages = paginate(&[60.0, 30.0, 30.0], &[], &[], &[0.0, 0.0, 45.0], &[], 100.0);
        assert_eq!(pages, vec![vec![0, 1], vec![2]]);
        let pages = paginate(
            &[60.0, 30.0, 30.0, 30.0],
            &[],
            &[],
            &[0.0, 0.0, 45.0, 45.0],
            &[],
            100.0,
        );
        assert_eq!(pages, vec![vec![0, 1], vec![2], vec![3]]);
        // With room for it all, it stays.
        let pages = paginate(
            &[60.0, 10.0, 10.0, 10.0],
            &[false; 4],
            &keep,
            &[],
            &[],
            100.0,
        );
        assert_eq!(pages, vec![vec![0, 1, 2, 3]]);
    }

    fn plain(t: &str) -> Vec<Span> {
        vec![Span {
            text: t.into(),
            bold: false,
            italic: false,
            note: None,
        }]
    }

    fn chars(t: &str, _: bool) -> f32 {
        t.chars().count() as f32
    }

    #[test]
    fn breaks_after_a_hyphen_before_a_letter_but_not_before_a_digit() {
        let texts: Vec<String> = wrap(&plain("ақпараттық-коммуникациялық"), 16.0, &chars)
            .iter()
            .map(Line::text)
            .collect();
        assert_eq!(texts, ["ақпараттық-", "коммуникациялық"]);
        assert_eq!(hyphen_parts("AP-IS-000123"), ["AP-", "IS-000123"]);
        assert_eq!(hyphen_parts("-abc"), ["-abc"]);
        assert_eq!(hyphen_parts("«Е-лицензирование»"), ["«Е-лицензирование»"]);
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let lines = wrap(
            &plain("Мемлекеттік органдардың бірыңғай электрондық құжат айналымы жүйесі"),
            24.0,
            &chars,
        );
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(
            texts,
            [
                "Мемлекеттік органдардың",
                "бірыңғай электрондық",
                "құжат айналымы жүйесі"
            ]
        );
        assert!(lines.iter().all(|l| l.width <= 24.0));
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        let lines = wrap(&plain("aaaaaaaaaa bb"), 4.0, &chars);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts, ["aaaa", "aaaa", "aa", "bb"]);
    }

    #[test]
    fn hard_breaks_and_styles_are_kept() {
        let spans = vec![
            Span {
                text: "a ".into(),
                bold: false,
                italic: false,
                note: None,
            },
            Span {
                text: "b\nc".into(),
                bold: true,
                italic: false,
                note: None,
            },
        ];
        let lines = wrap(&spans, 80.0, &chars);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].pieces.len(), 2);
        assert!(lines[1].pieces[0].bold);
    }

    #[test]
    fn the_space_below_the_last_block_may_fall_past_the_foot() {
        // 60 + 45 of which 10 is space below: it fits a page of 96.
        let pages = paginate(&[60.0, 45.0], &[], &[], &[], &[0.0, 10.0], 96.0);
        assert_eq!(pages, vec![vec![0, 1]]);
        let pages = paginate(&[60.0, 45.0], &[], &[], &[], &[], 96.0);
        assert_eq!(pages, vec![vec![0], vec![1]]);
    }

    #[test]
    fn paginates_keeping_blocks_whole() {
        let pages = paginate(
            &[30.0, 30.0, 30.0, 5.0],
            &[false, false, false, true],
            &[],
            &[],
            &[],
            70.0,
        );
        assert_eq!(pages, vec![vec![0, 1], vec![2], vec![3]]);
        // A heading (block 1) that would end a page moves to the next with its table.
        let pages = paginate(
            &[50.0, 10.0, 30.0],
            &[],
            &[false, true, false],
            &[],
            &[],
            70.0,
        );
        assert_eq!(pages, vec![vec![0], vec![1, 2]]);
    }
}
