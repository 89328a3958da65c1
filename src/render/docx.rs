//! Word: A4, Liberation Serif named (14 pt), headings as Word heading styles and tables as
//! Word tables, so reviewers can edit the draft before signing.

use super::model::{Align, Block, Doc, Span};
use crate::error::{Error, Result};
use docx_rs::{
    AlignmentType, BreakType, Docx, PageMargin, Paragraph, Run, RunFonts, Style, StyleType, Table,
    TableCell, TableRow,
};

const FONT: &str = "Liberation Serif";
/// Sizes are in half-points.
const BODY: usize = 28;
const SMALL: usize = 20;
/// A4 in twentieths of a point; margins 30/10/20/20 mm.
const A4_W: u32 = 11906;
const A4_H: u32 = 16838;
const MM: f32 = 56.692;

pub fn write(doc: &Doc) -> Result<Vec<u8>> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut d = Docx::new()
        .page_size(A4_W, A4_H)
        .page_margin(
            PageMargin::new()
                .top((20.0 * MM) as i32)
                .bottom((20.0 * MM) as i32)
                .left((30.0 * MM) as i32)
                .right((10.0 * MM) as i32),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        // A fixed date keeps identical input giving identical bytes.
        .created_at("2000-01-01T00:00:00Z")
        .add_style(heading_style("Heading1", "heading 1", BODY + 4))
        .add_style(heading_style("Heading2", "heading 2", BODY))
        .add_style(heading_style("Heading3", "heading 3", BODY));
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let mut p = runs(Paragraph::new(), text, true, None, *level == 1)
                    .style(&format!("Heading{level}"));
                if *level <= 2 {
                    p = p.align(AlignmentType::Center);
                }
                d = d.add_paragraph(p);
            }
            Block::Paragraph { text, align } => {
                let caption = !text.is_empty() && text.iter().all(|s| s.italic);
                let size = if caption || *align == Align::Right {
                    Some(SMALL + 4)
                } else {
                    None
                };
                let mut p = runs(Paragraph::new(), text, false, size, false);
                p = match (caption, align) {
                    (true, _) => p.align(AlignmentType::Center),
                    (_, Align::Right) => p.align(AlignmentType::Right),
                    (_, Align::Center) => p.align(AlignmentType::Center),
                    _ => p.align(AlignmentType::Both),
                };
                d = d.add_paragraph(p);
            }
            Block::Table { header, rows } => {
                let mut trs = Vec::new();
                if !header.is_empty() {
                    trs.push(row(header, true));
                }
                trs.extend(rows.iter().map(|r| row(r, false)));
                d = d.add_table(Table::new(trs));
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}. ", i + 1)
                    } else {
                        "– ".to_string()
                    };
                    let mut spans = vec![Span {
                        text: marker,
                        bold: false,
                        italic: false,
                    }];
                    spans.extend(item.iter().cloned());
                    d = d.add_paragraph(runs(Paragraph::new(), &spans, false, None, false));
                }
            }
            Block::Rule => {
                d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_text("_".repeat(48))));
            }
            Block::PageBreak => {
                d = d
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            }
        }
    }
    if !doc.footnotes.is_empty() {
        d = d.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text("_".repeat(20)).size(SMALL)),
        );
        for spans in doc.footnote_paragraphs() {
            d = d.add_paragraph(runs(Paragraph::new(), &spans, false, Some(SMALL), false));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut out)
        .map_err(|e| Error::Internal(format!("cannot produce the Word file: {e}")))?;
    Ok(out.into_inner())
}

fn heading_style(id: &str, name: &str, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .bold()
        .size(size)
}

fn runs(
    mut p: Paragraph,
    spans: &[Span],
    bold: bool,
    size: Option<usize>,
    upper: bool,
) -> Paragraph {
    for s in spans {
        for (i, part) in s.text.split('\n').enumerate() {
            let mut run = Run::new();
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            let text = if upper {
                part.to_uppercase()
            } else {
                part.to_string()
            };
            run = run.add_text(text);
            if s.bold || bold {
                run = run.bold();
            }
            if s.italic {
                run = run.italic();
            }
            if let Some(size) = size {
                run = run.size(size);
            }
            p = p.add_run(run);
        }
    }
    p
}

fn row(cells: &[Vec<Span>], header: bool) -> TableRow {
    TableRow::new(
        cells
            .iter()
            .map(|c| {
                TableCell::new().add_paragraph(runs(
                    Paragraph::new(),
                    c,
                    header,
                    Some(BODY - 4),
                    false,
                ))
            })
            .collect(),
    )
}
