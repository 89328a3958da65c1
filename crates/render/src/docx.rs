//! Word (WordprocessingML, ECMA-376 transitional), written directly: every property in the
//! schema's order, tables with a grid and widths, real footnotes and numbered lists, page
//! numbers in the footer, the header row repeated on each page, the signature block kept with
//! the paragraph before it, and the language set. `docx-rs` 0.4 wrote properties out of
//! schema order (Word then drops them or opens the file read-only) and had no table grid, so
//! the XML is ours and the ZIP is the `zip` crate's.
//!
//! The font is named "Times New Roman", which every Windows has; LibreOffice and the PDF use
//! its metric twin, Liberation Serif, so lines break alike.

use super::model::{Align, Block, Doc, Role, Span, role};
use super::pdf;
use crate::error::{Error, Result};
use std::fmt::Write as _;
use std::io::Write as _;

const FONT: &str = "Times New Roman";
/// Sizes are in half-points.
const BODY: usize = 28;
const SMALL: usize = 20;
/// A4 in twentieths of a point; margins 30/10/20/20 mm.
const A4_W: u32 = 11906;
const A4_H: u32 = 16838;
const TWIPS_PER_MM: f32 = 56.692;
const LEFT_MM: f32 = 30.0;
const RIGHT_MM: f32 = 10.0;
const TOP_MM: f32 = 20.0;
const BOTTOM_MM: f32 = 20.0;

pub fn write(doc: &Doc, title: &str, lang: &str, date: chrono::NaiveDate) -> Result<Vec<u8>> {
    let lang_tag = match lang {
        "kk" => "kk-KZ",
        "ru" => "ru-RU",
        _ => "en-GB",
    };
    let mut body = Body::default();
    for (i, block) in doc.blocks.iter().enumerate() {
        // A signature line stays with the paragraph before it and the caption after it.
        let keep_next = matches!(doc.blocks.get(i + 1), Some(Block::Rule));
        body.block(block, keep_next);
    }
    let stamp = format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core(title, lang_tag, &stamp)),
        ("docProps/app.xml", APP.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/document.xml", document(&body.xml)),
        ("word/styles.xml", styles(lang_tag)),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/numbering.xml", numbering(body.lists)),
        ("word/footnotes.xml", footnotes(doc)),
        ("word/footer1.xml", FOOTER.to_string()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed time keeps identical input giving identical bytes.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let fail =
        |e: &dyn std::fmt::Display| Error::Internal(format!("cannot write the Word file: {e}"));
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(xml.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

/// The body's XML, and how many numbered lists it started (each restarts at 1).
#[derive(Default)]
struct Body {
    xml: String,
    lists: usize,
}

/// A paragraph's properties, written in the schema's order. Its spacing and line height are
/// the PDF's (`pdf::Geometry`), in twips, so Word and LibreOffice break lines and pages where
/// the PDF does.
struct Para<'a> {
    style: Option<&'a str>,
    keep_next: bool,
    num: Option<usize>,
    /// A line across the (empty) paragraph: a blank to sign on or fill in.
    border_bottom: bool,
    /// A right tab stop at the text's right edge (a signature line).
    tab_right: bool,
    after: u32,
    /// Exact line height.
    line: u32,
    /// Left indent, and the hanging part of it (a list's marker).
    indent: Option<(u32, u32)>,
    jc: Option<&'a str>,
}

impl Default for Para<'_> {
    fn default() -> Self {
        Para {
            style: None,
            keep_next: false,
            num: None,
            border_bottom: false,
            tab_right: false,
            after: twips(pdf::GAP),
            line: line_twips(pdf::BODY_PT),
            indent: None,
            jc: None,
        }
    }
}

fn twips(points: f32) -> u32 {
    (points * 20.0).round() as u32
}

/// The PDF's line height for a font size, in twips.
fn line_twips(size: f32) -> u32 {
    twips(size * pdf::LEADING)
}

/// A run's direct properties, written in the schema's order.
#[derive(Default, Clone, Copy)]
struct RunProps {
    bold: bool,
    italic: bool,
    size: Option<usize>,
    upper: bool,
}

impl Body {
    fn block(&mut self, block: &Block, keep_next: bool) {
        match block {
            Block::Heading { level, text } => {
                let style = match level {
                    1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                let jc = (*level <= 2).then_some("center");
                let props = RunProps {
                    upper: *level == 1,
                    ..RunProps::default()
                };
                self.paragraph(
                    &Para {
                        style: Some(style),
                        keep_next: true,
                        after: twips(pdf::GAP),
                        line: line_twips(pdf::heading_size(*level)),
                        jc,
                        ..Para::default()
                    },
                    text,
                    props,
                );
            }
            Block::Paragraph { text, align } => {
                let role = role(text, *align);
                let size = match role {
                    Role::Caption | Role::Note => pdf::SMALL_PT,
                    Role::Aside => pdf::ASIDE_PT,
                    Role::Body | Role::Signature => pdf::BODY_PT,
                };
                let jc = match (role, align) {
                    (Role::Caption, _) | (Role::Body, Align::Center) => "center",
                    (Role::Aside | Role::Note | Role::Signature, _) => "left",
                    (Role::Body, Align::Right) => "right",
                    (Role::Body, _) => "both",
                };
                // An aside takes the right half of the text width, as in the PDF.
                let indent = (role == Role::Aside).then(|| (twips(pdf::TEXT_WIDTH / 2.0), 0));
                self.paragraph(
                    &Para {
                        keep_next,
                        tab_right: role == Role::Signature,
                        line: line_twips(size),
                        indent,
                        jc: Some(jc),
                        ..Para::default()
                    },
                    text,
                    RunProps {
                        size: Some(half_points(size)),
                        ..RunProps::default()
                    },
                );
            }
            Block::Table { header, rows } => self.table(header, rows),
            Block::List { ordered, items } => {
                self.lists += 1;
                let num = if *ordered { self.lists * 2 } else { 1 };
                let indent = twips(pdf::LIST_INDENT);
                for (i, item) in items.iter().enumerate() {
                    let last = i + 1 == items.len();
                    self.paragraph(
                        &Para {
                            style: Some("ListParagraph"),
                            num: Some(num),
                            after: if last { twips(pdf::GAP) } else { 0 },
                            indent: Some((indent, indent)),
                            jc: Some("both"),
                            ..Para::default()
                        },
                        item,
                        RunProps::default(),
                    );
                }
            }
            Block::Rule => {
                // The PDF's rule: a line at the foot of an empty line, as tall as its block.
                let (line, after) = pdf::rule_line();
                self.paragraph(
                    &Para {
                        keep_next: true,
                        border_bottom: true,
                        line: twips(line),
                        after: twips(after),
                        ..Para::default()
                    },
                    &[],
                    RunProps::default(),
                );
            }
            Block::PageBreak => self
                .xml
                .push_str(r#"<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#),
        }
    }

    fn paragraph(&mut self, p: &Para, spans: &[Span], props: RunProps) {
        self.xml.push_str("<w:p><w:pPr>");
        if let Some(style) = p.style {
            let _ = write!(self.xml, r#"<w:pStyle w:val="{style}"/>"#);
        }
        if p.keep_next {
            self.xml.push_str("<w:keepNext/>");
        }
        // The PDF never breaks a paragraph across pages.
        self.xml.push_str("<w:keepLines/>");
        if let Some(num) = p.num {
            let _ = write!(
                self.xml,
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>"#
            );
        }
        // A rule is a tab to the right margin led by underscores: a border would add its
        // width to the paragraph's height, which the PDF's rule does not have.
        if p.border_bottom {
            let _ = write!(
                self.xml,
                r#"<w:tabs><w:tab w:val="right" w:leader="underscore" w:pos="{}"/></w:tabs>"#,
                twips(pdf::TEXT_WIDTH)
            );
        } else if p.tab_right {
            let _ = write!(
                self.xml,
                r#"<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs>"#,
                twips(pdf::TEXT_WIDTH)
            );
        }
        let _ = write!(
            self.xml,
            r#"<w:spacing w:before="0" w:after="{}" w:line="{}" w:lineRule="exact"/>"#,
            p.after, p.line
        );
        if let Some((left, hanging)) = p.indent {
            let _ = write!(
                self.xml,
                r#"<w:ind w:left="{left}" w:hanging="{hanging}"/>"#
            );
        }
        if let Some(jc) = p.jc {
            let _ = write!(self.xml, r#"<w:jc w:val="{jc}"/>"#);
        }
        self.xml.push_str("</w:pPr>");
        if p.border_bottom {
            self.xml.push_str("<w:r><w:tab/></w:r>");
        }
        runs(&mut self.xml, spans, props);
        self.xml.push_str("</w:p>");
    }

    fn table(&mut self, header: &[Vec<Span>], rows: &[Vec<Vec<Span>>]) {
        // The PDF's column widths and padding, so cells wrap where the PDF's do.
        let widths: Vec<u32> =
            pdf::column_widths(header, rows, pdf::TEXT_WIDTH, pdf::TABLE_PT, pdf::CELL_PAD)
                .iter()
                .map(|w| twips(*w))
                .collect();
        let total: u32 = widths.iter().sum();
        let pad = twips(pdf::CELL_PAD);
        // Word and LibreOffice take the borders' width from the text area too: half a point
        // less padding at the sides keeps a cell's longest word where the PDF has it.
        let side = twips(pdf::CELL_PAD - 0.5);
        let _ = write!(
            self.xml,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{pad}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/><w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        );
        for w in &widths {
            let _ = write!(self.xml, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.xml.push_str("</w:tblGrid>");
        let all: Vec<(&[Vec<Span>], bool)> = std::iter::once((header, true))
            .filter(|(h, _)| !h.is_empty())
            .chain(rows.iter().map(|r| (r.as_slice(), false)))
            .collect();
        let count = all.len();
        let line = line_twips(pdf::TABLE_PT);
        for (n, (cells, is_header)) in all.into_iter().enumerate() {
            let keep = if pdf::keeps_with_next(cells, is_header, n, count) {
                "<w:keepNext/>"
            } else {
                ""
            };
            self.xml.push_str("<w:tr><w:trPr><w:cantSplit/>");
            if is_header {
                self.xml.push_str("<w:tblHeader/>");
            }
            self.xml.push_str("</w:trPr>");
            for (c, w) in widths.iter().enumerate() {
                let _ = write!(
                    self.xml,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/><w:jc w:val="left"/></w:pPr>"#
                );
                let cell = cells.get(c).map_or(&[][..], Vec::as_slice);
                runs(
                    &mut self.xml,
                    cell,
                    RunProps {
                        bold: is_header,
                        size: Some(half_points(pdf::TABLE_PT)),
                        ..RunProps::default()
                    },
                );
                self.xml.push_str("</w:p></w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows it: the PDF's space after
        // a table.
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/></w:pPr></w:p>"#,
            twips(pdf::AFTER_TABLE)
        );
    }
}

/// A font size in points as Word's half-points.
fn half_points(points: f32) -> usize {
    (points * 2.0).round() as usize
}

fn runs(xml: &mut String, spans: &[Span], props: RunProps) {
    for s in spans {
        if let Some(n) = s.note {
            let _ = write!(
                xml,
                r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>"#
            );
            continue;
        }
        let run = RunProps {
            bold: props.bold || s.bold,
            italic: props.italic || s.italic,
            ..props
        };
        for (i, part) in s.text.split('\n').enumerate() {
            xml.push_str("<w:r>");
            run_props(xml, run);
            if i > 0 {
                xml.push_str("<w:br/>");
            }
            let text = if run.upper {
                part.to_uppercase()
            } else {
                part.to_string()
            };
            // A tab is its own element: the signature's jump to the right tab stop.
            for (j, piece) in text.split('\t').enumerate() {
                if j > 0 {
                    xml.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    let _ = write!(xml, r#"<w:t xml:space="preserve">{}</w:t>"#, escape(piece));
                }
            }
            xml.push_str("</w:r>");
        }
    }
}

fn run_props(xml: &mut String, r: RunProps) {
    if !(r.bold || r.italic || r.size.is_some()) {
        return;
    }
    xml.push_str("<w:rPr>");
    if r.bold {
        xml.push_str("<w:b/><w:bCs/>");
    }
    if r.italic {
        xml.push_str("<w:i/><w:iCs/>");
    }
    if let Some(sz) = r.size {
        let _ = write!(xml, r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#);
    }
    xml.push_str("</w:rPr>");
}

/// XML text: the five predefined entities, and no character XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn document(body: &str) -> String {
    let twips = |mm: f32| (mm * TWIPS_PER_MM).round() as u32;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="{A4_W}" w:h="{A4_H}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/><w:titlePg/></w:sectPr></w:body></w:document>"#,
        twips(TOP_MM),
        twips(RIGHT_MM),
        twips(BOTTOM_MM),
        twips(LEFT_MM),
    )
}

fn styles(lang: &str) -> String {
    let heading = |id: &str, name: &str, level: u8, size: usize| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="140"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#,
            level - 1
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/><w:sz w:val="{BODY}"/><w:szCs w:val="{BODY}"/><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="364" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>{}{}{}<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="{SMALL}"/><w:szCs w:val="{SMALL}"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="{SMALL}"/><w:szCs w:val="{SMALL}"/></w:rPr></w:style></w:styles>"#,
        heading("Heading1", "heading 1", 1, BODY + 4),
        heading("Heading2", "heading 2", 2, BODY),
        heading("Heading3", "heading 3", 3, BODY),
    )
}

/// One bullet list definition (num 1) and a decimal one restarted for every numbered list
/// (num 2, 4, 6…), so each list counts from 1.
fn numbering(lists: usize) -> String {
    let level = |fmt: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="425"/></w:pPr></w:lvl>"#
        )
    };
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>{}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        level("bullet", "–"),
        level("decimal", "%1."),
    );
    for i in 1..=lists {
        let _ = write!(
            xml,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            i * 2
        );
    }
    xml.push_str("</w:numbering>");
    xml
}

fn footnotes(doc: &Doc) -> String {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for (i, (_, text)) in doc.footnotes.iter().enumerate() {
        let _ = write!(
            xml,
            r#"<w:footnote w:id="{}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>"#,
            i + 1
        );
        runs(&mut xml, text, RunProps::default());
        xml.push_str("</w:p></w:footnote>");
    }
    xml.push_str("</w:footnotes>");
    xml
}

fn core(title: &str, lang: &str, stamp: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:language>{lang}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#,
        escape(title)
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>dossier</Application></Properties>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// The page number, centred, on every page.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#;
