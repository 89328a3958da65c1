//! The JSON report, field for field as the contract fixes it. Extra fields are additions.
//! Everything except `message` (and localized names) is the same in every language.

use super::CheckReport;
use crate::documents::{DocStatus, DocumentResult};
use crate::finding::{Args, Finding, Severity};
use crate::judge::{DossierReport, Judgment};
use crate::lang::Lang;
use crate::messages::Words;
use crate::outcome::Outcome;
use crate::score::{CriterionStatus, Score};
use serde::Serialize;

#[derive(Serialize)]
pub struct Dossier<'a> {
    path: &'a str,
    /// The object's name as `dossier.yaml` gives it (one string, or per language).
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<&'a crate::dossier::LocalText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<&'a str>,
    outcome: Outcome,
    grounds: Vec<&'a str>,
    /// The state body's part is complete (`check --stage filing`); absent for an invalid one.
    #[serde(skip_serializing_if = "Option::is_none")]
    ready: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<Vec<Document<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<ScoreJson<'a>>,
    diagnostics: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct Document<'a> {
    id: &'a str,
    clause: &'a str,
    status: DocStatus,
    files: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<u32>,
    /// Worksheets of a spreadsheet, which has no page count.
    #[serde(skip_serializing_if = "Option::is_none")]
    sheets: Option<u32>,
    /// Signatures on its files: signers, digest verified or not (the chain is never checked).
    #[serde(skip_serializing_if = "<[crate::signature::Signature]>::is_empty")]
    signatures: &'a [crate::signature::Signature],
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    total: u32,
    max: u32,
    passed: bool,
    groups: Vec<GroupJson<'a>>,
    criteria: Vec<CriterionJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_pass: Option<&'a [Vec<String>]>,
    /// False when `to_pass` holds one set found greedily (too many rows to try them all).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    to_pass_partial: bool,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    points: u32,
}

#[derive(Serialize)]
struct CriterionJson<'a> {
    id: &'a str,
    points: u32,
    status: CriterionStatus,
    basis: String,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    severity: Severity,
    code: crate::finding::Code,
    /// Always present, so every finding has `code` and `args`.
    args: &'a Args,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

fn finding<'a>(f: &'a Finding, words: &Words) -> FindingJson<'a> {
    let place = f.place.as_ref();
    FindingJson {
        severity: f.severity,
        code: f.code,
        args: f.args(),
        message: words.finding(f),
        file: place.map(|p| p.file.as_str()),
        line: place.and_then(|p| p.line),
        column: place.and_then(|p| p.column),
        help: f.help.as_ref().map(|h| words.message(h)),
    }
}

/// The object for one dossier (what `dossier score` prints alone for one dossier).
pub fn dossier<'a>(d: &'a DossierReport, lang: Lang) -> Dossier<'a> {
    match &d.judgment {
        Judgment::Invalid(i) => {
            let words = Words::new(lang);
            Dossier {
                path: &d.path,
                object: None,
                kind: i.kind.as_deref(),
                edition: i.edition.as_deref(),
                outcome: Outcome::Invalid,
                grounds: Vec::new(),
                ready: None,
                documents: None,
                score: None,
                diagnostics: i.errors.iter().map(|f| finding(f, &words)).collect(),
            }
        }
        Judgment::Judged(j) => {
            let words = Words::of(lang, &j.edition, &j.file.kind).with_score(j.score.as_ref());
            Dossier {
                path: &d.path,
                object: Some(&j.file.object.name),
                kind: Some(&j.file.kind),
                edition: Some(j.edition.id()),
                outcome: j.outcome,
                grounds: j.grounds.iter().map(|g| g.code.as_str()).collect(),
                ready: Some(j.readiness().ready()),
                documents: Some(j.documents.iter().map(|x| document(x, &words)).collect()),
                score: j.score.as_ref().map(|s| score(s, &words)),
                diagnostics: j.findings.iter().map(|f| finding(f, &words)).collect(),
            }
        }
    }
}

fn document<'a>(d: &'a DocumentResult, words: &Words) -> Document<'a> {
    Document {
        id: &d.id,
        clause: &d.clause,
        status: d.status,
        files: &d.files,
        pages: d.pages,
        sheets: d.sheets,
        signatures: &d.signatures,
        message: (!d.notes.is_empty()).then(|| {
            d.notes
                .iter()
                .map(|m| words.message(m))
                .collect::<Vec<_>>()
                .join("; ")
        }),
    }
}

fn score<'a>(s: &'a Score, words: &Words) -> ScoreJson<'a> {
    ScoreJson {
        total: s.total,
        max: s.max,
        passed: s.passed,
        groups: s
            .groups
            .iter()
            .map(|g| GroupJson {
                id: &g.id,
                points: g.points,
            })
            .collect(),
        criteria: s
            .criteria
            .iter()
            .map(|c| CriterionJson {
                id: &c.id,
                points: c.points,
                status: c.status,
                basis: words.basis(c),
            })
            .collect(),
        // Contract §6: present when the criteria are not passed.
        to_pass: (!s.passed).then_some(s.to_pass.as_slice()),
        to_pass_partial: !s.to_pass_complete,
    }
}

/// One dossier object alone, as `dossier score` prints it for a single dossier.
pub fn render_one(d: &DossierReport, lang: Lang) -> String {
    let mut s = serde_json::to_string_pretty(&dossier(d, lang)).expect("the report serializes");
    s.push('\n');
    s
}

/// `{"schema": 1, "dossiers": [...]}`, pretty-printed, with a final newline.
pub fn render(report: &CheckReport, lang: Lang) -> String {
    let mut out = Stream::default();
    let mut text = String::new();
    for d in &report.dossiers {
        out.push(&entry(d, lang), &mut text);
    }
    text.push_str(&out.close());
    text
}

/// One dossier object as an entry of the wrapped report: pretty-printed and indented for the
/// `dossiers` list. Entries can be made in parallel and written in order by a `Stream`.
pub fn entry(d: &DossierReport, lang: Lang) -> String {
    entry_marked(d, lang, None)
}

/// A dossier of a what-if run carries the changes it was computed with, first.
#[derive(Serialize)]
struct Marked<'a> {
    what_if: &'a crate::what_if::WhatIf,
    #[serde(flatten)]
    dossier: Dossier<'a>,
}

/// `entry`, marked with a what-if run's changes when there are any.
pub fn entry_marked(
    d: &DossierReport,
    lang: Lang,
    what_if: Option<&crate::what_if::WhatIf>,
) -> String {
    let mut out = Vec::with_capacity(8 << 10);
    out.extend_from_slice(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested::default());
    let written = match what_if {
        Some(what_if) => Marked {
            what_if,
            dossier: dossier(d, lang),
        }
        .serialize(&mut ser),
        None => dossier(d, lang).serialize(&mut ser),
    };
    written.expect("the report serializes");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's pretty layout (two spaces a level) for a value that sits two levels deep, in
/// the report's `dossiers` list: written straight into the entry, byte for byte what
/// `to_string_pretty` makes with four spaces after each line break.
struct Nested {
    /// The depth of the value being written, counting the two levels around the entry.
    level: usize,
    /// Whether the collection being written has a value yet (an empty one stays `[]`, `{}`).
    has_value: bool,
}

impl Default for Nested {
    fn default() -> Self {
        Nested {
            level: 2,
            has_value: false,
        }
    }
}

impl Nested {
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8] = b"\n                                                                ";
        let want = 1 + 2 * self.level;
        if want <= SPACES.len() {
            w.write_all(&SPACES[..want])
        } else {
            w.write_all(b"\n")?;
            (0..self.level).try_for_each(|_| w.write_all(b"  "))
        }
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w)?;
        }
        w.write_all(b)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The wrapped report written entry by entry, byte for byte what `render` makes at once.
#[derive(Debug, Default)]
pub struct Stream {
    entries: usize,
    /// `"what_if": {…},` after the schema, for a what-if run.
    what_if: String,
}

impl Stream {
    /// A stream whose report says, at its top, the what-if changes it was computed with.
    pub fn marked(what_if: Option<&crate::what_if::WhatIf>) -> Stream {
        Stream {
            entries: 0,
            what_if: what_if.map_or_else(String::new, |w| {
                let value = serde_json::to_string_pretty(&w.json()).expect("a what-if serializes");
                format!("  \"what_if\": {},\n", value.replace('\n', "\n  "))
            }),
        }
    }

    /// Adds to `out` the text that puts `entry` in the list (with the opening of the report
    /// before the first).
    pub fn push(&mut self, entry: &str, out: &mut String) {
        self.entries += 1;
        if self.entries == 1 {
            out.push_str("{\n  \"schema\": 1,\n");
            out.push_str(&self.what_if);
            out.push_str("  \"dossiers\": [\n");
        } else {
            out.push_str(",\n");
        }
        out.push_str(entry);
    }

    /// The text that ends the report.
    pub fn close(&self) -> String {
        if self.entries == 0 {
            format!(
                "{{\n  \"schema\": 1,\n{}  \"dossiers\": []\n}}\n",
                self.what_if
            )
        } else {
            "\n  ]\n}\n".to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Nested;
    use serde::Serialize;

    /// `Nested` writes what `to_string_pretty` writes with four spaces after each line break,
    /// for empty and nested collections and for depths beyond its table of spaces.
    #[test]
    fn nested_layout_is_the_pretty_layout_indented_by_two_levels() {
        let mut deep = serde_json::json!({"leaf": [1, {}, []]});
        for i in 0..40 {
            deep = serde_json::json!({ format!("k{i}"): [deep, "x\ny", [], {}] });
        }
        let values = [
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": [], "b": {}, "c": [[], [{}]], "d": "e"}),
            deep,
        ];
        for value in values {
            let mut out = b"    ".to_vec();
            value
                .serialize(&mut serde_json::Serializer::with_formatter(
                    &mut out,
                    Nested::default(),
                ))
                .unwrap();
            let want = format!(
                "    {}",
                serde_json::to_string_pretty(&value)
                    .unwrap()
                    .replace('\n', "\n    ")
            );
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
