//! Print-ready plain text: wrapped to 78 columns, A4 pages of 60 lines separated by form feeds.

use super::layout::{self, Line};
use super::model::{Align, Block, Doc, Role, Span, role, split_at_tab};

pub const COLUMNS: usize = 78;
pub const LINES_PER_PAGE: usize = 60;

fn chars(t: &str, _: bool) -> f32 {
    t.chars().count() as f32
}

pub fn write(doc: &Doc) -> String {
    // Each block becomes lines; blocks are then laid out on pages.
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut forced = Vec::new();
    let mut keep = Vec::new();
    for block in &doc.blocks {
        forced.push(matches!(block, Block::PageBreak));
        keep.push(matches!(block, Block::Heading { .. }));
        blocks.push(block_lines(block));
    }
    if !doc.footnotes.is_empty() {
        let mut notes = vec![String::new(), "_".repeat(20)];
        for spans in doc.footnote_paragraphs() {
            notes.extend(lines(&spans, COLUMNS, Align::Left));
        }
        forced.push(false);
        keep.push(false);
        blocks.push(notes);
    }
    let heights: Vec<f32> = blocks.iter().map(|b| b.len() as f32).collect();
    let pages = layout::paginate(&heights, &forced, &keep, &[], &[], LINES_PER_PAGE as f32);
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        if n > 0 {
            out.push('\u{c}');
        }
        let mut count = 0;
        for &i in page {
            for line in &blocks[i] {
                // A block taller than a page spills over; keep every page at most 60 lines.
                if count == LINES_PER_PAGE {
                    out.push('\u{c}');
                    count = 0;
                }
                out.push_str(line.trim_end());
                out.push('\n');
                count += 1;
            }
        }
    }
    out
}

fn block_lines(block: &Block) -> Vec<String> {
    let mut out = match block {
        Block::Heading { level, text } => {
            let text: Vec<Span> = text
                .iter()
                .map(|s| Span {
                    bold: true,
                    ..s.clone()
                })
                .collect();
            let upper = *level == 1;
            let mut l = lines(
                &text,
                COLUMNS,
                if *level <= 2 {
                    Align::Center
                } else {
                    Align::Left
                },
            );
            if upper {
                l = l.into_iter().map(|s| s.to_uppercase()).collect();
            }
            l
        }
        Block::Paragraph {
            text,
            align: Align::Right,
        } => lines(text, COLUMNS / 2, Align::Right),
        Block::Paragraph { text, align } if role(text, *align) == Role::Signature => {
            let (left, right) = split_at_tab(text);
            let mut out = lines(&left, COLUMNS * 3 / 5, Align::Left);
            let right = lines(&right, COLUMNS * 2 / 5, Align::Left).join(" ");
            let last = out.pop().unwrap_or_default();
            let pad = COLUMNS.saturating_sub(last.chars().count() + right.chars().count());
            out.push(format!("{last}{}{right}", " ".repeat(pad.max(1))));
            out
        }
        Block::Paragraph { text, align } => lines(text, COLUMNS, *align),
        Block::Table { header, rows } => table(header, rows),
        Block::List { ordered, items } => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_string()
                };
                let body = lines(item, COLUMNS - marker.len(), Align::Left);
                for (j, l) in body.into_iter().enumerate() {
                    let lead = if j == 0 {
                        marker.clone()
                    } else {
                        " ".repeat(marker.len())
                    };
                    out.push(format!("{lead}{l}"));
                }
            }
            out
        }
        Block::Rule => vec!["_".repeat(40)],
        Block::PageBreak => return Vec::new(),
    };
    out.push(String::new());
    out
}

fn lines(spans: &[Span], width: usize, align: Align) -> Vec<String> {
    layout::wrap(spans, width as f32, &chars)
        .iter()
        .map(|l: &Line| {
            let text = l.text();
            let pad = width.saturating_sub(text.chars().count());
            match align {
                Align::Left => text,
                Align::Center => format!("{}{text}", " ".repeat(pad / 2)),
                // Right-aligned blocks (a form's header) sit in the right half of the page.
                Align::Right => format!("{}{text}", " ".repeat(COLUMNS - width)),
            }
        })
        .collect()
}

fn table(header: &[Vec<Span>], rows: &[Vec<Vec<Span>>]) -> Vec<String> {
    let cell = |c: &Vec<Span>| c.iter().map(|s| s.text.as_str()).collect::<String>();
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::ASCII_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(COLUMNS as u16);
    if !header.is_empty() {
        t.set_header(header.iter().map(cell));
    }
    for r in rows {
        t.add_row(r.iter().map(cell));
    }
    t.to_string().lines().map(str::to_string).collect()
}
