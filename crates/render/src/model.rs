//! The one document model every writer renders: headings, paragraphs, tables, lists,
//! footnotes, rules and page breaks, parsed from the Markdown the templates produce.
//!
//! Conventions the templates follow, so one template serves every format:
//! - `#` is the centred title, `##` a centred subtitle, `###` a left-aligned section heading;
//! - a block quote (`>`) is a right-aligned block (the appendix header of a form);
//! - `*(text)*` in its own paragraph is a caption under a blank, any other all-italic paragraph a
//!   small note at the left (the executor line);
//! - a tab in a paragraph splits it: the text before at the left, the text after at the right
//!   of the same line (a signature: the position, then the initials and surname);
//! - `---` is a line for a signature or a blank; `<!-- page-break -->` starts a new page;
//! - footnotes (`[^1]`) carry the corrections and notes that stand outside a prescribed form.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// A footnote reference: the footnote's number (`text` is its marker, ¹ ² ³).
    pub note: Option<usize>,
}

/// A table cell: its styled text.
pub type Cell = Vec<Span>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1: the title; 2: a centred subtitle; 3: a section heading.
    Heading {
        level: u8,
        text: Vec<Span>,
    },
    Paragraph {
        text: Vec<Span>,
        align: Align,
    },
    Table {
        header: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Span>>,
    },
    /// A line to sign on or fill in.
    Rule,
    PageBreak,
}

/// What a paragraph is on the page; every writer lays it out by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Body,
    /// Small and centred under a blank: all italic, in parentheses.
    Caption,
    /// Small at the left: all italic otherwise (the executor line).
    Note,
    /// In the right half of the page (a form's appendix header, an addressee).
    Aside,
    /// Left and right parts of one line, split at a tab.
    Signature,
}

/// The role of a paragraph of `text` aligned `align`.
pub fn role(text: &[Span], align: Align) -> Role {
    if align == Align::Right {
        return Role::Aside;
    }
    if !text.is_empty() && text.iter().all(|s| s.italic) {
        let opens = text
            .first()
            .is_some_and(|s| s.text.trim_start().starts_with('('));
        return if opens { Role::Caption } else { Role::Note };
    }
    if text.iter().any(|s| s.text.contains('\t')) {
        return Role::Signature;
    }
    Role::Body
}

/// A signature paragraph's two parts: before and after its first tab.
pub fn split_at_tab(text: &[Span]) -> (Vec<Span>, Vec<Span>) {
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut past = false;
    for s in text {
        if past {
            right.push(s.clone());
            continue;
        }
        match s.text.split_once('\t') {
            Some((a, b)) => {
                past = true;
                for (part, side) in [(a, &mut left), (b, &mut right)] {
                    let part = part.trim();
                    if !part.is_empty() {
                        side.push(Span {
                            text: part.replace('\t', " "),
                            ..s.clone()
                        });
                    }
                }
            }
            None => left.push(s.clone()),
        }
    }
    (left, right)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// Footnotes in the order of their first reference: (marker, text).
    pub footnotes: Vec<(String, Vec<Span>)>,
}

impl Doc {
    /// Each footnote as one paragraph: its marker, a space, its text.
    pub fn footnote_paragraphs(&self) -> Vec<Vec<Span>> {
        self.footnotes
            .iter()
            .map(|(marker, text)| {
                let mut spans = vec![Span {
                    text: format!("{marker} "),
                    ..Span::default()
                }];
                spans.extend(text.iter().cloned());
                spans
            })
            .collect()
    }
}

impl Block {
    /// The block's text without formatting, for tests and plain views.
    pub fn plain(&self) -> String {
        let join = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => join(text),
            Block::Table { header, rows } => std::iter::once(header)
                .chain(rows.iter())
                .map(|r| r.iter().map(|c| join(c)).collect::<Vec<_>>().join(" | "))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::List { items, .. } => {
                items.iter().map(|i| join(i)).collect::<Vec<_>>().join("\n")
            }
            Block::Rule | Block::PageBreak => String::new(),
        }
    }
}

/// The marker of the n-th footnote (1-based): a superscript digit for 1–9, `[n]` beyond
/// (the embedded font has no superscript zero).
pub fn footnote_marker(n: usize) -> String {
    const SUP: [char; 9] = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    match n {
        1..=9 => SUP[n - 1].to_string(),
        _ => format!("[{n}]"),
    }
}

/// Parses the Markdown of a rendered template.
pub fn parse(markdown: &str) -> Doc {
    let mut doc = Doc::default();
    let mut labels: Vec<String> = Vec::new();
    let mut definitions: Vec<(String, Vec<Span>)> = Vec::new();

    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut quote_depth = 0u32;
    let mut heading: Option<u8> = None;
    let mut in_footnote: Option<String> = None;
    // (header cells, body rows) of the table being read.
    let mut table: Option<(Vec<Cell>, Vec<Vec<Cell>>)> = None;
    let mut row: Vec<Cell> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Span>>)> = None;

    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                })
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = heading.take().unwrap_or(3);
                doc.blocks.push(Block::Heading {
                    level,
                    text: std::mem::take(&mut spans),
                });
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                let text = std::mem::take(&mut spans);
                if let Some(label) = &in_footnote {
                    match definitions.iter_mut().find(|(l, _)| l == label) {
                        Some((_, t)) => t.extend(text),
                        None => definitions.push((label.clone(), text)),
                    }
                } else if let Some((_, items)) = &mut list {
                    if let Some(last) = items.last_mut() {
                        last.extend(text);
                    }
                } else {
                    let align = if quote_depth > 0 {
                        Align::Right
                    } else {
                        Align::Left
                    };
                    doc.blocks.push(Block::Paragraph { text, align });
                }
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => push(&mut spans, &t, bold > 0, italic > 0),
            Event::SoftBreak => push(&mut spans, " ", bold > 0, italic > 0),
            Event::HardBreak => push(&mut spans, "\n", bold > 0, italic > 0),
            Event::FootnoteReference(label) => {
                let label = label.to_string();
                let n = match labels.iter().position(|l| *l == label) {
                    Some(i) => i + 1,
                    None => {
                        labels.push(label);
                        labels.len()
                    }
                };
                spans.push(Span {
                    text: footnote_marker(n),
                    note: Some(n),
                    ..Span::default()
                });
            }
            Event::Start(Tag::FootnoteDefinition(label)) => in_footnote = Some(label.to_string()),
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = None,
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new())),
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = &mut table {
                    t.0 = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = &mut table {
                    t.1.push(std::mem::take(&mut row));
                }
            }
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut spans)),
            Event::End(TagEnd::Table) => {
                if let Some((header, rows)) = table.take() {
                    doc.blocks.push(Block::Table { header, rows });
                }
            }
            Event::Start(Tag::List(start)) => list = Some((start.is_some(), Vec::new())),
            Event::Start(Tag::Item) => {
                if let Some((_, items)) = &mut list {
                    items.push(Vec::new());
                }
            }
            Event::End(TagEnd::Item) => {
                // Tight lists carry their text without a paragraph.
                if let Some((_, items)) = &mut list
                    && let Some(last) = items.last_mut()
                {
                    last.extend(std::mem::take(&mut spans));
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((ordered, items)) = list.take() {
                    doc.blocks.push(Block::List { ordered, items });
                }
            }
            Event::Rule => doc.blocks.push(Block::Rule),
            Event::Html(h) | Event::InlineHtml(h) if h.contains("page-break") => {
                doc.blocks.push(Block::PageBreak)
            }
            _ => {}
        }
    }
    for (i, label) in labels.iter().enumerate() {
        let text = definitions
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        doc.footnotes.push((footnote_marker(i + 1), text));
    }
    // Headings of level 1 and 2 are centred; a paragraph that is only a caption stays left.
    doc
}

/// Binds what must not break across lines with no-break spaces: the groups of a number
/// ("100 000") and "№" with its number.
fn bind(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(' ') {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let group = prev.is_some_and(|p| p.is_ascii_digit())
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if c == ' ' && (group || prev == Some('№')) {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn push(spans: &mut Vec<Span>, text: &str, bold: bool, italic: bool) {
    let text = &*bind(text);
    if let Some(last) = spans.last_mut()
        && last.bold == bold
        && last.italic == italic
        && last.note.is_none()
    {
        last.text.push_str(text);
        return;
    }
    spans.push(Span {
        text: text.to_string(),
        bold,
        italic,
        note: None,
    });
}

/// Escapes text for Markdown, so values from a dossier never become markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraphs_take_their_role_from_italics_parentheses_and_a_tab() {
        let doc = super::parse(
            "*(подпись)*\n\n*Исп.: Иванов, тел. 1*\n\nВице-министр\tЕ. Сейткали\n\n> Кому\n\nТекст\n",
        );
        let roles: Vec<super::Role> = doc
            .blocks
            .iter()
            .map(|b| match b {
                super::Block::Paragraph { text, align } => super::role(text, *align),
                _ => panic!("{b:?}"),
            })
            .collect();
        use super::Role::*;
        assert_eq!(roles, [Caption, Note, Signature, Aside, Body]);
        let super::Block::Paragraph { text, .. } = &doc.blocks[2] else {
            panic!()
        };
        let (left, right) = super::split_at_tab(text);
        assert_eq!(
            (left[0].text.as_str(), right[0].text.as_str()),
            ("Вице-министр", "Е. Сейткали")
        );
    }

    use super::*;

    #[test]
    fn parses_the_conventions() {
        let md = "> Ережелерге 1-қосымша\n\n# ӨТІНІШ\n\n## **қосу**\n\nМәтін[^a] **қалың**.\n\n*(атауы)*\n\n---\n\n<!-- page-break -->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n1. бір\n2. екі\n\n[^a]: Ескерту.\n";
        let doc = parse(md);
        assert_eq!(
            doc.blocks[0],
            Block::Paragraph {
                text: vec![Span {
                    text: "Ережелерге 1-қосымша".into(),
                    bold: false,
                    italic: false,
                    note: None
                }],
                align: Align::Right
            }
        );
        assert!(matches!(doc.blocks[1], Block::Heading { level: 1, .. }));
        assert!(matches!(doc.blocks[2], Block::Heading { level: 2, .. }));
        assert_eq!(doc.blocks[3].plain(), "Мәтін¹ қалың.");
        assert!(matches!(&doc.blocks[4], Block::Paragraph { text, .. } if text[0].italic));
        assert_eq!(doc.blocks[5], Block::Rule);
        assert_eq!(doc.blocks[6], Block::PageBreak);
        assert_eq!(doc.blocks[7].plain(), "a | b\n1 | 2");
        assert_eq!(doc.blocks[8].plain(), "бір\nекі");
        assert_eq!(
            doc.footnotes,
            vec![(
                "¹".to_string(),
                vec![Span {
                    text: "Ескерту.".into(),
                    bold: false,
                    italic: false,
                    note: None
                }]
            )]
        );
    }

    #[test]
    fn escaped_values_stay_text() {
        let doc = parse(&escape("*ЕСЭДО* [1] <b> #2 a_b"));
        assert_eq!(doc.blocks[0].plain(), "*ЕСЭДО* [1] <b> #2 a_b");
    }
}
