//! Tables and paragraphs that fit a width: every table of the human reports is built here.
//!
//! A table is laid out by us, not by the table crate: each column gets at least its longest
//! word, the rest of the width is shared by how much more each column would like, and cells are
//! wrapped at word boundaries to their column's width. Columns that cannot fit even at their
//! longest word are dropped in the order the caller states (the report says which, under the
//! table). Without a width, the content decides.
//!
//! It is drawn by us as well, line by line into the output, so a table of thousands of rows
//! costs its text and nothing more.

use anstyle::{AnsiColor, Style};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// The colour of a cell's text, shown only when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Green,
    Cyan,
    Yellow,
    Red,
    DarkGrey,
}

impl Color {
    fn style(self) -> Style {
        Style::new().fg_color(Some(
            match self {
                Color::Green => AnsiColor::Green,
                Color::Cyan => AnsiColor::Cyan,
                Color::Yellow => AnsiColor::Yellow,
                Color::Red => AnsiColor::Red,
                Color::DarkGrey => AnsiColor::BrightBlack,
            }
            .into(),
        ))
    }
}

/// One cell: its text, and a colour used only when colour is on.
#[derive(Debug, Clone, Default)]
pub struct GridCell {
    pub text: String,
    pub fg: Option<Color>,
}

impl<T: Into<String>> From<T> for GridCell {
    fn from(t: T) -> GridCell {
        GridCell {
            text: t.into(),
            fg: None,
        }
    }
}

impl GridCell {
    pub fn fg(mut self, color: Color) -> GridCell {
        self.fg = Some(color);
        self
    }
}

/// A table before it is laid out.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    headers: Vec<String>,
    rows: Vec<Row>,
    right: Vec<usize>,
    /// Columns that may be left out when the width is short, first to go first.
    drop_order: Vec<usize>,
}

/// What `Grid::draw` hands on at a time.
const PIECE: usize = 32 << 10;

/// A row, compact: a table of thousands keeps one allocation per row for its text.
#[derive(Debug, Clone, Default)]
struct Row {
    /// The cells' texts one after another.
    text: Box<str>,
    /// Where each cell's text ends in `text`.
    ends: Box<[u32]>,
    /// The cells with a colour.
    fg: Box<[(u16, Color)]>,
}

impl Row {
    fn cell(&self, c: usize) -> &str {
        let start = match c {
            0 => 0,
            _ => self
                .ends
                .get(c - 1)
                .map_or(self.text.len(), |e| *e as usize),
        };
        let end = self.ends.get(c).map_or(start, |e| *e as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    fn fg(&self, c: usize) -> Option<Color> {
        self.fg
            .iter()
            .find(|(i, _)| usize::from(*i) == c)
            .map(|(_, fg)| *fg)
    }
}

/// `│ a ┆ b │`: one border before each column, one after the last, a space either side.
fn overhead(columns: usize) -> usize {
    3 * columns + 1
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.width())
        .max()
        .unwrap_or(0)
}

fn longest_line(text: &str) -> usize {
    text.lines().map(|l| l.width()).max().unwrap_or(0)
}

impl Grid {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Grid {
        Grid {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Grid::default()
        }
    }

    pub fn row<C: Into<GridCell>>(&mut self, cells: impl IntoIterator<Item = C>) {
        let (mut text, mut ends, mut fg) = (String::new(), Vec::new(), Vec::new());
        for (i, cell) in cells.into_iter().map(Into::<GridCell>::into).enumerate() {
            text.push_str(&cell.text);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            if let Some(color) = cell.fg {
                fg.push((u16::try_from(i).unwrap_or(u16::MAX), color));
            }
        }
        self.rows.push(Row {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
            fg: fg.into_boxed_slice(),
        });
    }

    /// Right-aligns these columns (numbers).
    pub fn right(mut self, columns: &[usize]) -> Grid {
        self.right = columns.to_vec();
        self
    }

    /// The columns that may be dropped for width, in the order they go.
    pub fn drop_order(mut self, columns: &[usize]) -> Grid {
        self.drop_order = columns.to_vec();
        self
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The columns kept at `width`, and their widths.
    fn layout(&self, width: Option<u16>) -> (Vec<usize>, Vec<usize>) {
        let n = self.headers.len();
        let cells = |c: usize| {
            std::iter::once(self.headers[c].as_str())
                .chain(self.rows.iter().map(move |r| r.cell(c)))
        };
        let min: Vec<usize> = (0..n)
            .map(|c| cells(c).map(longest_word).max().unwrap_or(0).max(1))
            .collect();
        let max: Vec<usize> = (0..n)
            .map(|c| cells(c).map(longest_line).max().unwrap_or(0).max(1))
            .collect();
        let mut kept: Vec<usize> = (0..n).collect();
        let Some(width) = width.map(usize::from) else {
            return (kept, max);
        };
        let fits = |kept: &[usize]| {
            overhead(kept.len()) + kept.iter().map(|c| min[*c]).sum::<usize>() <= width
        };
        for c in &self.drop_order {
            if fits(&kept) || kept.len() == 1 {
                break;
            }
            kept.retain(|k| k != c);
        }
        let room = width.saturating_sub(overhead(kept.len()));
        let want: usize = kept.iter().map(|c| max[*c]).sum();
        if want <= room {
            return (kept.clone(), kept.iter().map(|c| max[*c]).collect());
        }
        // Each column gets its longest word, and a share of what is left in proportion to how
        // much wider it would like to be.
        let base: usize = kept.iter().map(|c| min[*c]).sum();
        let spare = room.saturating_sub(base);
        let extra: usize = kept.iter().map(|c| max[*c] - min[*c]).sum();
        let mut widths: Vec<usize> = kept
            .iter()
            .map(|c| min[*c] + (max[*c] - min[*c]) * spare / extra.max(1))
            .collect();
        // What the rounding left over goes to the columns that still want it, left first.
        let mut left = room.saturating_sub(widths.iter().sum());
        for (i, c) in kept.iter().enumerate() {
            if left == 0 {
                break;
            }
            let more = (max[*c] - widths[i]).min(left);
            widths[i] += more;
            left -= more;
        }
        (kept, widths)
    }

    /// The table as text, at most `width` columns wide where its longest words allow, and the
    /// headers of the columns left out.
    pub fn render(&self, color: bool, width: Option<u16>) -> (String, Vec<String>) {
        let mut text = String::new();
        let dropped = self.draw(color, width, &mut |t| text.push_str(t));
        // Callers end the table's last line.
        text.pop();
        (text, dropped)
    }

    /// [`Grid::render`] handed to `emit` in pieces of a few KiB, ending with a newline.
    pub fn draw(&self, color: bool, width: Option<u16>, emit: &mut dyn FnMut(&str)) -> Vec<String> {
        let (kept, widths) = self.layout(width);
        let wrap = |text: &str, w: usize| -> Vec<String> {
            if width.is_none() {
                return text.lines().map(str::to_string).collect();
            }
            text.lines()
                .flat_map(|line| {
                    textwrap::wrap(line, options(w.max(1)))
                        .into_iter()
                        .map(|l| l.into_owned())
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        // A column is as wide as its widest line once wrapped (a first pass, measuring only).
        let wrap_at = widths;
        let widths: Vec<usize> = kept
            .iter()
            .zip(&wrap_at)
            .map(|(c, w)| {
                std::iter::once(self.headers[*c].as_str())
                    .chain(self.rows.iter().map(|r| r.cell(*c)))
                    .flat_map(|text| wrap(text, *w))
                    .map(|l| l.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // `┌─┬─┐`, `╞═╪═╡`, `└─┴─┘`: a rule across the columns.
        let rule = |out: &mut String, [left, fill, cross, right]: [char; 4]| {
            out.push(left);
            for (i, w) in widths.iter().enumerate() {
                if i > 0 {
                    out.push(cross);
                }
                out.extend(std::iter::repeat_n(fill, w + 2));
            }
            out.push(right);
            out.push('\n');
        };
        // One row: each cell wrapped to its column, the row as tall as its tallest cell.
        let line = |out: &mut String, cells: Vec<(Vec<String>, bool, Option<Color>)>| {
            let height = cells.iter().map(|c| c.0.len()).max().unwrap_or(0).max(1);
            for l in 0..height {
                out.push('│');
                for (i, ((lines, right, fg), w)) in cells.iter().zip(&widths).enumerate() {
                    if i > 0 {
                        out.push('┆');
                    }
                    let text = lines.get(l).map_or("", String::as_str);
                    let pad = w.saturating_sub(text.width());
                    out.push(' ');
                    if *right {
                        out.extend(std::iter::repeat_n(' ', pad));
                    }
                    match fg {
                        Some(fg) if color && !text.is_empty() => {
                            let style = fg.style();
                            let _ = write!(out, "{}{text}{}", style.render(), style.render_reset());
                        }
                        _ => out.push_str(text),
                    }
                    if !*right {
                        out.extend(std::iter::repeat_n(' ', pad));
                    }
                    out.push(' ');
                }
                out.push_str("│\n");
            }
        };
        let mut out = String::new();
        rule(&mut out, ['┌', '─', '┬', '┐']);
        line(
            &mut out,
            kept.iter()
                .zip(&wrap_at)
                .map(|(c, w)| (wrap(&self.headers[*c], *w), false, None))
                .collect(),
        );
        rule(&mut out, ['╞', '═', '╪', '╡']);
        for r in &self.rows {
            if out.len() > PIECE {
                emit(&out);
                out.clear();
            }
            line(
                &mut out,
                kept.iter()
                    .zip(&wrap_at)
                    .map(|(c, w)| (wrap(r.cell(*c), *w), self.right.contains(c), r.fg(*c)))
                    .collect(),
            );
        }
        rule(&mut out, ['└', '─', '┴', '┘']);
        emit(&out);
        (0..self.headers.len())
            .filter(|c| !kept.contains(c))
            .map(|c| self.headers[c].clone())
            .collect()
    }
}

/// Breaks only at spaces, never inside a word or at its hyphen ("Е-лицензирование").
fn options<'a>(width: usize) -> textwrap::Options<'a> {
    textwrap::Options::new(width)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// A paragraph wrapped at word boundaries: the first line after `first`, the others after
/// `rest` (a hanging indent). Without a width, one line.
pub fn paragraph(text: &str, first: &str, rest: &str, width: Option<u16>) -> String {
    let Some(width) = width else {
        return format!("{first}{text}");
    };
    let opts = options(usize::from(width))
        .initial_indent(first)
        .subsequent_indent(rest);
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let opts = if i == 0 {
                opts.clone()
            } else {
                opts.clone().initial_indent(rest)
            };
            textwrap::fill(line, opts)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every line of `text` wider than `width` that is not part of a table, wrapped at word
/// boundaries under its own indent (a list item's text hangs under its first word).
pub fn fit_text(text: &str, width: Option<u16>) -> String {
    let Some(w) = width else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let table = body.starts_with(['┌', '│', '╞', '├', '└', '╘']);
        if table || textwrap::core::display_width(body) <= usize::from(w) {
            out.push_str(line);
            continue;
        }
        let indent = &body[..body.len() - body.trim_start().len()];
        let bullet = ["- ", "* ", "• "]
            .iter()
            .find(|b| body.trim_start().starts_with(**b))
            .map_or(0, |b| b.len());
        let rest = format!("{indent}{}", " ".repeat(bullet.max(2)));
        out.push_str(&paragraph(body.trim_start(), indent, &rest, width));
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(text: &str) -> usize {
        text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
    }

    #[test]
    fn a_table_fits_its_width_and_never_splits_a_word() {
        let mut g = Grid::new(["Dossier", "Object", "Kind", "Outcome"]).drop_order(&[2]);
        g.row([
            "sample-dossiers/internet-gateway",
            "ЕСЭДО — Единая система электронного документооборота государственных органов",
            "information system",
            "include",
        ]);
        let (text, dropped) = g.render(false, Some(80));
        assert!(widest(&text) <= 80, "{text}");
        assert!(text.contains("документооборота"), "{text}");
        assert!(dropped.is_empty());
        // Too narrow for every column at its longest word: the stated one goes.
        let (text, dropped) = g.render(false, Some(70));
        assert_eq!(dropped, ["Kind"]);
        assert!(widest(&text) <= 70, "{text}");
        // Without a width, one line per row.
        let (text, _) = g.render(false, None);
        assert!(widest(&text) > 100);
    }

    #[test]
    fn a_paragraph_hangs_under_its_label() {
        let p = paragraph(
            "criterion 1.2: the dossier does not state all_subordinate_units_are_users",
            "  note: ",
            "        ",
            Some(40),
        );
        assert!(p.lines().all(|l| l.width() <= 40), "{p}");
        assert!(p.contains("all_subordinate_units_are_users"), "{p}");
        assert!(p.lines().skip(1).all(|l| l.starts_with("        ")), "{p}");
    }
}
