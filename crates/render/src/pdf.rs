//! PDF, natively: A4, Liberation Serif embedded (SIL OFL; every Kazakh letter), selectable text,
//! PDF/A-2b, identical bytes for identical input. Lines and pages are ours (`layout`); krilla
//! only draws the positioned text.

use super::layout::{self, Line};
use super::model::{Align, Block, Doc, Role, Span, role, split_at_tab};
use crate::error::{Error, Result};
use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::sync::OnceLock;

pub const REGULAR: &[u8] = include_bytes!("fonts/LiberationSerif-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("fonts/LiberationSerif-Bold.ttf");
/// The face a character the body font lacks is drawn from (₸, ✓, ★, ⚠…): DejaVu Sans,
/// under the Bitstream Vera licence, which allows embedding.
pub const FALLBACK: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");

/// A4 in points, and office margins: 30 mm left, 10 mm right, 20 mm top and bottom.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MM: f32 = 72.0 / 25.4;
const LEFT: f32 = 30.0 * MM;
const RIGHT: f32 = 10.0 * MM;
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = 20.0 * MM;
/// The width text and tables take on an A4 page between the margins, in points (the Word
/// writer uses the same margins).
pub(super) const TEXT_WIDTH: f32 = PAGE_W - LEFT - RIGHT;
/// The geometry every paged writer shares (the Word writer takes these same figures in twips).
pub(super) const BODY_PT: f32 = 14.0;
pub(super) const SMALL_PT: f32 = 10.0;
/// An aside (the right-hand block) and table text.
pub(super) const ASIDE_PT: f32 = BODY_PT - 2.0;
pub(super) const TABLE_PT: f32 = BODY_PT - 2.0;
/// Line height as a multiple of the font size.
pub(super) const LEADING: f32 = 1.3;
/// Space after a paragraph, a heading and a list (no block has space above it).
pub(super) const GAP: f32 = BODY_PT * 0.5;
/// Space after a table.
pub(super) const AFTER_TABLE: f32 = BODY_PT * 0.6;
/// A table cell's padding on every side.
pub(super) const CELL_PAD: f32 = 3.0;
/// Where a list item's text starts (its marker sits at the margin).
pub(super) const LIST_INDENT: f32 = BODY_PT * 1.6;
/// A rule's block: its height, and where the line is drawn from its top.
const RULE_H: f32 = BODY_PT * 1.6;
const RULE_AT: f32 = BODY_PT * 1.6;

pub(super) fn heading_size(level: u8) -> f32 {
    if level == 1 { BODY_PT + 2.0 } else { BODY_PT }
}

/// A rule as one empty line whose foot is where the PDF draws the line, and the space below
/// it: a block as tall as the PDF's.
pub(super) fn rule_line() -> (f32, f32) {
    (RULE_AT, RULE_H - RULE_AT)
}

/// Glyph ids and advances of one face, read once.
struct Metrics {
    upem: f32,
    advances: std::collections::HashMap<char, f32>,
    glyph_ids: std::collections::HashMap<char, u32>,
    fallback: f32,
}

impl Metrics {
    fn load(data: &'static [u8]) -> Metrics {
        let font = skrifa::FontRef::new(data).expect("the embedded font parses");
        let upem = font
            .head()
            .map(|h| f32::from(h.units_per_em()))
            .unwrap_or(2048.0);
        let glyphs = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let charmap = font.charmap();
        let mut advances = std::collections::HashMap::new();
        let mut glyph_ids = std::collections::HashMap::new();
        for (cp, gid) in charmap.mappings() {
            if let Some(ch) = char::from_u32(cp) {
                advances.insert(ch, glyphs.advance_width(gid).unwrap_or(0.0));
                glyph_ids.insert(ch, gid.to_u32());
            }
        }
        let fallback = advances.get(&'n').copied().unwrap_or(upem / 2.0);
        Metrics {
            upem,
            advances,
            glyph_ids,
            fallback,
        }
    }

    /// The glyphs of `text`, one per character with its advance: the layout measured text
    /// with these same advances, and Latin, Cyrillic and Kazakh need no shaping, so the page
    /// is drawn exactly as laid out without shaping every line again.
    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let id = self.glyph_ids.get(&c).copied().unwrap_or(0);
                let advance = self.advances.get(&c).copied().unwrap_or(self.fallback);
                KrillaGlyph::new(
                    GlyphId::new(id),
                    advance / self.upem,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// The same, with `extra` (in ems) added to the advance of each space.
    fn glyphs_spread(&self, text: &str, extra: f32) -> Vec<KrillaGlyph> {
        let mut glyphs = self.glyphs(text);
        if extra > 0.0 {
            for (g, c) in glyphs.iter_mut().zip(text.chars()) {
                if c == ' ' {
                    g.x_advance += extra;
                }
            }
        }
        glyphs
    }

    /// The width of `text` as drawn: a character this face lacks takes the fallback face's
    /// advance.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| match self.advances.get(&c) {
                Some(a) => a / self.upem,
                None => fallback_face()
                    .advances
                    .get(&c)
                    .map_or(self.fallback / self.upem, |a| a / fallback_face().upem),
            })
            .sum::<f32>()
            * size
    }

    fn has(&self, c: char) -> bool {
        self.glyph_ids.contains_key(&c)
    }
}

use skrifa::raw::TableProvider;

fn fallback_face() -> &'static Metrics {
    static F: OnceLock<Metrics> = OnceLock::new();
    F.get_or_init(|| Metrics::load(FALLBACK))
}

/// Whether a character can be drawn in a style: from the body face, else the fallback face.
pub fn can_draw(ch: char, bold: bool) -> bool {
    ch.is_whitespace() || metrics(bold).has(ch) || fallback_face().has(ch)
}

/// The characters every style can draw, as ranges of code points: the generated table in
/// `dossier_model::glyphs`, so a judging crate can warn before anything is drafted.
pub fn drawable_ranges() -> Vec<(u32, u32)> {
    let mut points: Vec<u32> = metrics(false)
        .glyph_ids
        .keys()
        .filter(|c| metrics(true).has(**c))
        .chain(fallback_face().glyph_ids.keys())
        .map(|c| u32::from(*c))
        .collect();
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for p in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == p => *end = p,
            _ => ranges.push((p, p)),
        }
    }
    ranges
}

/// `text` cut into runs each drawn from one face: `true` for the fallback face.
fn runs_by_face(text: &str, bold: bool) -> Vec<(bool, &str)> {
    let body = metrics(bold);
    let mut runs: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let fallback = !body.has(c) && fallback_face().has(c);
        match current {
            Some(f) if f == fallback => {}
            Some(f) => {
                runs.push((f, &text[start..i]));
                start = i;
                current = Some(fallback);
            }
            None => current = Some(fallback),
        }
    }
    if let Some(f) = current {
        runs.push((f, &text[start..]));
    }
    runs
}

fn metrics(bold: bool) -> &'static Metrics {
    static R: OnceLock<Metrics> = OnceLock::new();
    static B: OnceLock<Metrics> = OnceLock::new();
    if bold {
        B.get_or_init(|| Metrics::load(BOLD))
    } else {
        R.get_or_init(|| Metrics::load(REGULAR))
    }
}

/// Whether the embedded body font has a glyph for `ch`.
pub fn has_glyph(ch: char, bold: bool) -> bool {
    metrics(bold).advances.contains_key(&ch)
}

/// What is drawn: a run of text at a position, or a horizontal line.
enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
        /// Points added to each space (a justified line).
        spread: f32,
    },
    Line {
        x1: f32,
        x2: f32,
        y: f32,
    },
}

/// A block laid out at the top of an imaginary page: its items and its height.
struct Placed {
    items: Vec<Item>,
    height: f32,
    page_break: bool,
    /// Stays on the page of the unit after it (a heading, a table's header row).
    keep_with_next: bool,
    /// A table row: how many units back its table's header row is, repeated atop a new page.
    header_back: Option<usize>,
    /// The space at its foot, which may fall past the foot of a page.
    trail: f32,
}

impl Placed {
    /// A unit `height` tall whose last `trail` points are the space below it.
    fn spaced(items: Vec<Item>, height: f32, trail: f32) -> Placed {
        Placed {
            trail,
            ..Placed::new(items, height)
        }
    }

    fn new(items: Vec<Item>, height: f32) -> Placed {
        Placed {
            items,
            height,
            page_break: false,
            keep_with_next: false,
            header_back: None,
            trail: 0.0,
        }
    }
}

/// The embedded fonts, parsed once per process and shared by every document (a `Font` is a
/// cheap handle on shared data).
fn fonts() -> Result<(Font, Font, Font)> {
    static FONTS: OnceLock<Option<(Font, Font, Font)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some((
                Font::new(REGULAR.to_vec().into(), 0)?,
                Font::new(BOLD.to_vec().into(), 0)?,
                Font::new(FALLBACK.to_vec().into(), 0)?,
            ))
        })
        .clone()
        .ok_or_else(|| render_error("the embedded font"))
}

/// The document laid out: its placed blocks, and the blocks of each page.
fn lay_out(doc: &Doc) -> (Vec<Placed>, Vec<Vec<usize>>) {
    let width = TEXT_WIDTH;
    let mut placed: Vec<Placed> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let mut p = place(block, width);
        // The signature block never stands alone: the paragraph before a signature line and
        // the line itself stay with what follows.
        let before_rule = matches!(doc.blocks.get(i + 1), Some(Block::Rule));
        if (before_rule || matches!(block, Block::Rule))
            && let Some(last) = p.last_mut()
        {
            last.keep_with_next = true;
        }
        placed.extend(p);
    }
    if !doc.footnotes.is_empty() {
        let mut items = vec![Item::Line {
            x1: 0.0,
            x2: 40.0 * MM,
            y: SMALL_PT,
        }];
        let mut y = SMALL_PT * 1.6;
        for spans in doc.footnote_paragraphs() {
            let (mut its, h) = paragraph(&spans, width, SMALL_PT, Align::Left, y);
            items.append(&mut its);
            y += h;
        }
        placed.push(Placed::new(items, y));
    }
    let heights: Vec<f32> = placed.iter().map(|p| p.height).collect();
    let forced: Vec<bool> = placed.iter().map(|p| p.page_break).collect();
    let keep: Vec<bool> = placed.iter().map(|p| p.keep_with_next).collect();
    let header_of = |i: usize| placed[i].header_back.map(|back| i - back);
    let lead: Vec<f32> = (0..placed.len())
        .map(|i| header_of(i).map_or(0.0, |h| placed[h].height))
        .collect();
    let trail: Vec<f32> = placed.iter().map(|p| p.trail).collect();
    let pages = layout::paginate(
        &heights,
        &forced,
        &keep,
        &lead,
        &trail,
        PAGE_H - TOP - BOTTOM,
    );
    (placed, pages)
}

/// How many A4 pages the document takes, as `write` lays it out.
pub fn page_count(doc: &Doc) -> usize {
    lay_out(doc).1.len()
}

/// How many pages follow the first forced page break (a letter's annex), as laid out.
pub fn pages_after_break(doc: &Doc) -> Option<usize> {
    let (placed, pages) = lay_out(doc);
    let first = pages
        .iter()
        .position(|p| p.iter().any(|&i| placed[i].page_break))?;
    Some(pages.len() - first)
}

/// `date` is the document's own date: PDF/A needs one, and it keeps the bytes reproducible.
pub fn write(doc: &Doc, title: &str, lang: &str, date: chrono::NaiveDate) -> Result<Vec<u8>> {
    use chrono::Datelike;
    let width = TEXT_WIDTH;
    let (placed, pages) = lay_out(doc);
    let header_of = |i: usize| placed[i].header_back.map(|back| i - back);
    let (regular, bold, fallback) = fonts()?;
    // PDF/A-2b: archival, with every font embedded; the fonts' licence allows embedding.
    let configuration = krilla::configure::ConfigurationBuilder::new()
        .with_archival_validator(krilla::configure::Archival::A2_B)
        .finish()
        .map_err(|e| render_error(&format!("PDF/A configuration: {e:?}")))?;
    let settings = krilla::SerializeSettings {
        configuration,
        ..Default::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_string())
            .language(lang.to_string())
            .creator("dossier".to_string())
            .creation_date(
                krilla::metadata::DateTime::new(date.year() as u16)
                    .month(date.month() as u8)
                    .day(date.day() as u8),
            ),
    );
    let total = pages.len();
    for (number, page_blocks) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| render_error("the page size"))?,
        );
        let mut surface = page.surface();
        let mut y0 = TOP;
        // A table continued from the page before starts with its header row again.
        let repeat = page_blocks
            .first()
            .filter(|_| number > 0)
            .and_then(|&first| header_of(first));
        for i in repeat.into_iter().chain(page_blocks) {
            for item in &placed[i].items {
                match item {
                    Item::Text {
                        x,
                        y,
                        size,
                        bold: b,
                        text,
                        spread,
                    } => {
                        // Each run from the face that has its characters.
                        let mut at = LEFT + x;
                        for (from_fallback, run) in runs_by_face(text, *b) {
                            let (face, font) = match (from_fallback, *b) {
                                (true, _) => (fallback_face(), fallback.clone()),
                                (false, true) => (metrics(true), bold.clone()),
                                (false, false) => (metrics(false), regular.clone()),
                            };
                            surface.draw_glyphs(
                                Point::from_xy(at, y0 + y),
                                &face.glyphs_spread(run, *spread / *size),
                                font,
                                run,
                                *size,
                                false,
                            );
                            at += metrics(*b).width(run, *size)
                                + *spread * run.matches(' ').count() as f32;
                        }
                    }
                    Item::Line { x1, x2, y } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(LEFT + x1, y0 + y);
                        pb.line_to(LEFT + x2, y0 + y);
                        if let Some(path) = pb.finish() {
                            surface.set_stroke(Some(krilla::paint::Stroke {
                                width: 0.6,
                                ..Default::default()
                            }));
                            surface.draw_path(&path);
                            // The stroke would otherwise outline all later text too.
                            surface.set_stroke(None);
                        }
                    }
                }
            }
            y0 += placed[i].height;
        }
        // Page numbers from the second page on, centred below (the first page of an official
        // document is not numbered; the Word file's footer does the same).
        if total > 1 && number > 0 {
            let text = (number + 1).to_string();
            let x = LEFT + (width - metrics(false).width(&text, SMALL_PT)) / 2.0;
            surface.draw_glyphs(
                Point::from_xy(x, PAGE_H - BOTTOM / 2.0),
                &metrics(false).glyphs(&text),
                regular.clone(),
                &text,
                SMALL_PT,
                false,
            );
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| render_error(&format!("the PDF could not be written: {e:?}")))
}

fn render_error(what: &str) -> Error {
    Error::Internal(format!("cannot produce the PDF: {what}"))
}

fn measure(size: f32) -> impl Fn(&str, bool) -> f32 {
    move |t: &str, bold: bool| metrics(bold).width(t, size)
}

/// Lays out wrapped text starting at `top`; returns its items and height.
fn paragraph(spans: &[Span], width: f32, size: f32, align: Align, top: f32) -> (Vec<Item>, f32) {
    lines_of(spans, width, size, align, false, top)
}

/// Body text: every line but the last filled to both margins, as the Word file sets it.
fn justified(spans: &[Span], width: f32, size: f32, top: f32) -> (Vec<Item>, f32) {
    lines_of(spans, width, size, Align::Left, true, top)
}

fn lines_of(
    spans: &[Span],
    width: f32,
    size: f32,
    align: Align,
    justify: bool,
    top: f32,
) -> (Vec<Item>, f32) {
    let lines = layout::wrap(spans, width, &measure(size));
    let line_h = size * LEADING;
    let mut items = Vec::new();
    let last = lines.len().saturating_sub(1);
    for (n, line) in lines.iter().enumerate() {
        let x = match align {
            Align::Left => 0.0,
            Align::Center => (width - line.width) / 2.0,
            Align::Right => width - line.width,
        };
        let baseline = top + line_h * (n as f32 + 1.0) - (line_h - size);
        if justify && n < last {
            push_spread(&mut items, line, width, baseline, size);
        } else {
            push_line(&mut items, line, x, baseline, size);
        }
    }
    (items, line_h * lines.len() as f32)
}

/// A line whose spaces are widened to fill `width`, drawn as runs of real text (a space stays
/// a space for copying and searching). No-break spaces keep their width: they bind.
fn push_spread(items: &mut Vec<Item>, line: &Line, width: f32, baseline: f32, size: f32) {
    let spaces: usize = line
        .pieces
        .iter()
        .map(|p| p.text.matches(' ').count())
        .sum();
    if spaces == 0 {
        push_line(items, line, 0.0, baseline, size);
        return;
    }
    let spread = ((width - line.width) / spaces as f32).max(0.0);
    let mut cursor = 0.0;
    for piece in &line.pieces {
        items.push(Item::Text {
            x: cursor,
            y: baseline,
            size,
            bold: piece.bold,
            text: piece.text.clone(),
            spread,
        });
        cursor += metrics(piece.bold).width(&piece.text, size)
            + spread * piece.text.matches(' ').count() as f32;
    }
}

fn push_line(items: &mut Vec<Item>, line: &Line, x: f32, baseline: f32, size: f32) {
    let mut cursor = x;
    for piece in &line.pieces {
        items.push(Item::Text {
            x: cursor,
            y: baseline,
            size,
            bold: piece.bold,
            text: piece.text.clone(),
            spread: 0.0,
        });
        cursor += metrics(piece.bold).width(&piece.text, size);
    }
}

/// An item moved right by `dx`.
fn shifted(item: Item, dx: f32) -> Item {
    match item {
        Item::Text {
            x,
            y,
            size,
            bold,
            text,
            spread,
        } => Item::Text {
            x: x + dx,
            y,
            size,
            bold,
            text,
            spread,
        },
        Item::Line { x1, x2, y } => Item::Line {
            x1: x1 + dx,
            x2: x2 + dx,
            y,
        },
    }
}

/// Lays out one block as the units pagination moves: one, or one per table row.
fn place(block: &Block, width: f32) -> Vec<Placed> {
    let gap = GAP;
    match block {
        Block::Heading { level, text } => {
            let size = heading_size(*level);
            let spans: Vec<Span> = text
                .iter()
                .map(|s| Span {
                    text: if *level == 1 {
                        s.text.to_uppercase()
                    } else {
                        s.text.clone()
                    },
                    bold: true,
                    ..s.clone()
                })
                .collect();
            let align = if *level <= 2 {
                Align::Center
            } else {
                Align::Left
            };
            // Space below only: Word and LibreOffice disagree on adding the space above one
            // paragraph to the space below the one before, so no block has space above.
            let (items, h) = paragraph(&spans, width, size, align, 0.0);
            vec![Placed {
                keep_with_next: true,
                ..Placed::spaced(items, h + gap, gap)
            }]
        }
        Block::Paragraph { text, align } => {
            let (size, align, w, x) = match role(text, *align) {
                Role::Caption => (SMALL_PT, Align::Center, width, 0.0),
                Role::Note => (SMALL_PT, Align::Left, width, 0.0),
                Role::Aside => (ASIDE_PT, Align::Left, width / 2.0, width / 2.0),
                Role::Signature => {
                    // The position at the left, the name at the right of its last line.
                    let (left, right) = split_at_tab(text);
                    let (mut items, lh) = paragraph(&left, width * 0.6, BODY_PT, Align::Left, 0.0);
                    let (right_items, rh) = paragraph(
                        &right,
                        width * 0.4,
                        BODY_PT,
                        Align::Right,
                        (lh - BODY_PT * LEADING).max(0.0),
                    );
                    items.extend(right_items.into_iter().map(|it| shifted(it, width * 0.6)));
                    return vec![Placed::spaced(items, lh.max(rh) + gap, gap)];
                }
                Role::Body if *align == Align::Left => {
                    let (items, h) = justified(text, width, BODY_PT, 0.0);
                    return vec![Placed::spaced(items, h + gap, gap)];
                }
                Role::Body => (BODY_PT, *align, width, 0.0),
            };
            let (mut items, h) = paragraph(text, w, size, align, 0.0);
            for item in &mut items {
                if let Item::Text { x: ix, .. } = item {
                    *ix += x;
                }
            }
            vec![Placed::spaced(items, h + gap, gap)]
        }
        Block::Rule => vec![Placed::spaced(
            vec![Item::Line {
                x1: 0.0,
                x2: width,
                y: RULE_AT,
            }],
            RULE_H,
            RULE_H - RULE_AT,
        )],
        Block::PageBreak => vec![Placed {
            page_break: true,
            ..Placed::new(Vec::new(), 0.0)
        }],
        Block::List { ordered, items } => {
            // One unit per item: a list continues on the next page as Word's paragraphs do.
            let indent = LIST_INDENT;
            let count = items.len();
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "–".to_string()
                    };
                    let mut out = vec![Item::Text {
                        x: 0.0,
                        y: BODY_PT,
                        size: BODY_PT,
                        bold: false,
                        text: marker,
                        spread: 0.0,
                    }];
                    let (its, h) = justified(item, width - indent, BODY_PT, 0.0);
                    out.extend(its.into_iter().map(|it| shifted(it, indent)));
                    let after = if i + 1 == count { gap } else { 0.0 };
                    Placed::spaced(out, h + after, after)
                })
                .collect()
        }
        Block::Table { header, rows } => table(header, rows, width),
    }
}

/// A table row that stays on the page of the row after it: the header, a group's heading row
/// (every cell bold), and the row before the last, so no last row or group heading stands
/// alone under a repeated header. The Word writer keeps the same rows.
pub(super) fn keeps_with_next(row: &[Vec<Span>], is_header: bool, n: usize, count: usize) -> bool {
    let group = row.iter().any(|c| !c.is_empty())
        && row
            .iter()
            .flatten()
            .all(|s| s.bold || s.text.trim().is_empty());
    is_header || group || n + 2 == count
}

/// A table as one unit per row, so a long table continues on the next page; the header row
/// stays with the first body row.
fn table(header: &[Vec<Span>], rows: &[Vec<Vec<Span>>], width: f32) -> Vec<Placed> {
    let size = TABLE_PT;
    let pad = CELL_PAD;
    let widths = column_widths(header, rows, width, size, pad);
    let mut placed = Vec::new();
    let all_rows: Vec<(&[Vec<Span>], bool)> = std::iter::once((header, true))
        .filter(|(h, _)| !h.is_empty())
        .chain(rows.iter().map(|r| (r.as_slice(), false)))
        .collect();
    let count = all_rows.len();
    for (n, (row, is_header)) in all_rows.into_iter().enumerate() {
        let keep = keeps_with_next(row, is_header, n, count);
        let mut items = Vec::new();
        let mut x = 0.0;
        let mut row_h: f32 = size * LEADING;
        let mut cells = Vec::new();
        for (c, w) in widths.iter().enumerate() {
            let spans: Vec<Span> = row
                .get(c)
                .map(|cell| {
                    cell.iter()
                        .map(|s| Span {
                            bold: s.bold || is_header,
                            ..s.clone()
                        })
                        .collect()
                })
                .unwrap_or_default();
            let (its, h) = paragraph(&spans, w - 2.0 * pad, size, Align::Left, pad);
            row_h = row_h.max(h + 2.0 * pad);
            cells.push((x, its));
            x += w;
        }
        for (cx, its) in cells {
            items.extend(its.into_iter().map(|it| match it {
                // A cell's text moves right to its column; its rules stay where they are.
                text @ Item::Text { .. } => shifted(text, cx + pad),
                other => other,
            }));
        }
        // Rules above and below each row, so a row that starts a page is closed too.
        items.push(Item::Line {
            x1: 0.0,
            x2: x,
            y: 0.0,
        });
        items.push(Item::Line {
            x1: 0.0,
            x2: x,
            y: row_h,
        });
        let header_back = (!header.is_empty() && !is_header).then_some(placed.len());
        placed.push(Placed {
            keep_with_next: keep,
            header_back,
            ..Placed::new(items, row_h)
        });
    }
    if let Some(last) = placed.last_mut() {
        last.height += AFTER_TABLE;
        last.trail = AFTER_TABLE;
    }
    placed
}

/// Column widths in points for a table `width` wide: each follows its longest unbroken content
/// (headers measured bold), and when they do not fit, wide columns shrink first. The Word
/// writer uses the same widths, so both formats lay a table out alike.
pub(super) fn column_widths(
    header: &[Vec<Span>],
    rows: &[Vec<Vec<Span>>],
    width: f32,
    size: f32,
    pad: f32,
) -> Vec<f32> {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    // Column widths follow the longest unbroken content, within the page width.
    // Headers are drawn bold, so they are measured bold.
    let cell_width = |cell: &Vec<Span>, bold: bool| -> f32 {
        cell.iter()
            .map(|s| metrics(s.bold || bold).width(&s.text, size))
            .sum()
    };
    let natural: Vec<f32> = (0..columns)
        .map(|c| {
            let head = header.get(c).map_or(0.0, |h| cell_width(h, true));
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell_width(cell, false))
                .fold(head.max(20.0), f32::max)
                + 2.0 * pad
        })
        .collect();
    let total: f32 = natural.iter().sum();
    if total <= width {
        natural
    } else {
        // Shrink wide columns first: each gets its share of what is left after narrow ones.
        let fair = width / columns as f32;
        let narrow: f32 = natural.iter().filter(|w| **w <= fair).sum();
        let wide: f32 = natural.iter().filter(|w| **w > fair).sum();
        natural
            .iter()
            .map(|w| {
                if *w <= fair {
                    *w
                } else {
                    w / wide * (width - narrow)
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod coverage {
    /// `dossier_model::glyphs` is generated from the embedded faces; `UPDATE_GENERATED=1`
    /// writes it again after a font changes.
    #[test]
    fn the_drawable_table_is_the_embedded_faces() {
        let ranges = super::drawable_ranges();
        let mut src = String::from(
            "// Generated from the faces `dossier render` embeds (Liberation Serif regular and bold,\n// DejaVu Sans as the fallback) by a test in crates/render/src/pdf.rs: the characters every\n// style of a PDF draft can draw. Run `UPDATE_GENERATED=1 cargo test -p dossier-render` after\n// a font changes.\n\n/// Inclusive ranges of code points, in order.\npub const DRAWABLE: &[(u32, u32)] = &[\n",
        );
        for (a, b) in &ranges {
            src.push_str(&format!("    (0x{a:04X}, 0x{b:04X}),\n"));
        }
        src.push_str("];\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/src/glyphs_table.rs");
        if std::env::var_os("UPDATE_GENERATED").is_some() {
            std::fs::write(path, &src).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap_or_default(),
            src,
            "crates/model/src/glyphs_table.rs is stale: run UPDATE_GENERATED=1 cargo test -p dossier-render"
        );
        for c in ['₸', '✓', '★', '⚠', 'Ә', 'ң', 'ү'] {
            assert!(dossier_model::glyphs::drawable(c), "{c}");
        }
        assert!(!dossier_model::glyphs::drawable('中'));
    }
}
