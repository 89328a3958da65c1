//! One self-contained HTML file with print CSS for A4: margins and 14 pt serif as in office
//! paperwork, so printing it from a browser gives the same pages as the PDF.

use super::model::{Align, Block, Doc, Role, Span, role, split_at_tab};
use std::fmt::Write;

const CSS: &str = "@page { size: A4; margin: 20mm 10mm 20mm 30mm; @bottom-center { content: counter(page); font-size: 10pt; } }
@page :first { @bottom-center { content: none; } }
html { font-family: 'Liberation Serif', 'Times New Roman', Times, serif; font-size: 14pt; line-height: 1.35; }
body { max-width: 170mm; margin: 0 auto; color: #000; background: #fff; }
h1 { font-size: 16pt; text-align: center; text-transform: uppercase; margin: 1.2em 0 0.3em; }
h2 { font-size: 14pt; text-align: center; margin: 0.3em 0 1em; }
h3 { font-size: 14pt; margin: 1em 0 0.4em; }
p { margin: 0 0 0.6em; text-align: justify; }
p.right { text-align: right; margin-left: 50%; }
p.caption { font-size: 10pt; text-align: center; margin-top: -0.4em; }
p.note { font-size: 10pt; text-align: left; }
p.sign { display: flex; justify-content: space-between; align-items: flex-end; text-align: left; }
hr.blank { border: 0; border-bottom: 1px solid #000; margin: 1.6em 0 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 12pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
.page-break { break-after: page; page-break-after: always; }
.footnotes { font-size: 10pt; border-top: 1px solid #000; margin-top: 2em; padding-top: 0.4em; }
@media screen { body { margin: 2em auto; } }
";

pub fn write(doc: &Doc, title: &str, lang: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        escape(title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", spans(text));
            }
            Block::Paragraph { text, align } => {
                let class = match (role(text, *align), align) {
                    (Role::Aside, _) => " class=\"right\"",
                    (Role::Caption, _) => " class=\"caption\"",
                    (Role::Note, _) => " class=\"note\"",
                    (Role::Signature, _) => {
                        let (left, right) = split_at_tab(text);
                        let _ = writeln!(
                            out,
                            "<p class=\"sign\"><span>{}</span><span>{}</span></p>",
                            spans(&left),
                            spans(&right)
                        );
                        continue;
                    }
                    (Role::Body, Align::Center) => " style=\"text-align:center\"",
                    _ => "",
                };
                let _ = writeln!(out, "<p{class}>{}</p>", spans(text));
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n");
                if !header.is_empty() {
                    out.push_str("<thead><tr>");
                    for c in header {
                        let _ = write!(out, "<th>{}</th>", spans(c));
                    }
                    out.push_str("</tr></thead>\n");
                }
                out.push_str("<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        let _ = write!(out, "<td>{}</td>", spans(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", spans(item));
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Rule => out.push_str("<hr class=\"blank\">\n"),
            Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    if !doc.footnotes.is_empty() {
        out.push_str("<div class=\"footnotes\">\n");
        for (marker, text) in &doc.footnotes {
            let _ = writeln!(out, "<p>{marker} {}</p>", spans(text));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        let mut t = escape(&s.text).replace('\n', "<br>");
        if s.italic {
            t = format!("<em>{t}</em>");
        }
        if s.bold {
            t = format!("<strong>{t}</strong>");
        }
        out.push_str(&t);
    }
    out
}

pub use crate::messages::escape::markup as escape;
