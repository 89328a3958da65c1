//! `check --format csv|tsv`: one row per dossier and requirement (or per dossier with
//! `--summary`) for a spreadsheet, and `--group-by state-body` totals. Column names are stable
//! ids; statuses and outcomes are ids; names and messages are in the report language.

use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::outcome::Outcome;

/// Comma-separated (RFC 4180) or tab-separated values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Tab,
    /// `--excel`: what Russian and Kazakh Excel split a CSV at (their list separator).
    Semicolon,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Tab => '\t',
            Separator::Semicolon => ';',
        }
    }
}

/// One field. A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, from a
/// dossier someone else wrote) is given a leading apostrophe, which shows it as text.
fn field(value: &str, sep: Separator) -> String {
    let numeric = value.parse::<f64>().is_ok();
    let value = if !numeric && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    match sep {
        Separator::Comma | Separator::Semicolon => {
            if value.contains([sep.char(), '"', '\n', '\r']) {
                format!("\"{}\"", value.replace('"', "\"\""))
            } else {
                value
            }
        }
        // TSV has no quoting: a tab or a line break inside a value becomes a space.
        Separator::Tab => value.replace(['\t', '\n', '\r'], " "),
    }
}

fn line(fields: &[String], sep: Separator) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f, sep))
        .collect::<Vec<_>>()
        .join(&sep.char().to_string());
    out.push_str("\r\n");
    out
}

pub const REQUIREMENT_COLUMNS: &[&str] = &[
    "path",
    "object",
    "state_body",
    "kind",
    "edition",
    "outcome",
    "requirement",
    "clause",
    "status",
    "files",
    "pages",
    "valid_until",
    "message",
];

pub const SUMMARY_COLUMNS: &[&str] = &[
    "path",
    "object",
    "state_body",
    "kind",
    "edition",
    "outcome",
    "grounds",
    "documents_present",
    "documents_total",
    "score",
    "score_max",
    "criteria_passed",
    "ready",
    "errors",
    "warnings",
];

pub fn header(summary: bool, sep: Separator) -> String {
    let columns = if summary {
        SUMMARY_COLUMNS
    } else {
        REQUIREMENT_COLUMNS
    };
    line(
        &columns.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        sep,
    )
}

/// The header with a `what_if` column last when the run is a what-if.
pub fn header_marked(summary: bool, sep: Separator, what_if: bool) -> String {
    let header = header(summary, sep);
    if what_if {
        mark_lines(&header, "what_if", sep)
    } else {
        header
    }
}

/// The rows of one dossier, each with the what-if changes last when there are any.
pub fn rows_marked(
    d: &DossierReport,
    lang: Lang,
    summary: bool,
    sep: Separator,
    what_if: Option<&crate::what_if::WhatIf>,
) -> String {
    let rows = rows(d, lang, summary, sep);
    match what_if {
        Some(w) => mark_lines(&rows, &w.describe(), sep),
        None => rows,
    }
}

/// Every line of `text` with one more field.
fn mark_lines(text: &str, value: &str, sep: Separator) -> String {
    let extra = format!("{}{}", sep.char(), field(value, sep));
    text.split_inclusive("\r\n")
        .map(|l| match l.strip_suffix("\r\n") {
            Some(l) => format!("{l}{extra}\r\n"),
            None => format!("{l}{extra}"),
        })
        .collect()
}

/// The columns every row of a dossier starts with.
fn leading(d: &DossierReport, lang: Lang) -> Vec<String> {
    let j = d.judged();
    vec![
        super::clean(&d.path).into_owned(),
        j.map_or(String::new(), |j| super::object_name(j, lang)),
        j.and_then(|j| j.file.state_body.name.as_ref())
            .map_or(String::new(), |n| n.get(lang).to_string()),
        d.kind().unwrap_or_default().to_string(),
        d.edition_id().unwrap_or_default().to_string(),
        d.outcome().id().to_string(),
    ]
}

/// The rows of one dossier: one per requirement, or one in all with `summary`. An invalid
/// dossier has one row, its first error in `errors` (summary) or `message`.
pub fn rows(d: &DossierReport, lang: Lang, summary: bool, sep: Separator) -> String {
    let words = super::human::words_for(d, lang);
    let lead = leading(d, lang);
    let Some(j) = d.judged() else {
        let message = d
            .findings()
            .first()
            .map(|f| words.finding(f))
            .unwrap_or_default();
        let width = if summary {
            SUMMARY_COLUMNS.len()
        } else {
            REQUIREMENT_COLUMNS.len()
        };
        // The error goes where errors go: `errors` in a summary (and `warnings` stays empty),
        // `message` in a requirement row.
        let mut row = lead;
        if summary {
            row.resize(width - 2, String::new());
            row.push(message);
            row.push(String::new());
        } else {
            row.resize(width - 1, String::new());
            row.push(message);
        }
        return line(&row, sep);
    };
    if summary {
        let count =
            |s: crate::finding::Severity| j.findings.iter().filter(|f| f.severity == s).count();
        let mut row = lead;
        row.extend([
            j.grounds
                .iter()
                .map(|g| g.code.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            j.documents
                .iter()
                .filter(|x| x.status.counts())
                .count()
                .to_string(),
            j.documents.len().to_string(),
            j.score
                .as_ref()
                .map_or(String::new(), |s| s.total.to_string()),
            j.score
                .as_ref()
                .map_or(String::new(), |s| s.max.to_string()),
            j.score
                .as_ref()
                .map_or(String::new(), |s| s.passed.to_string()),
            j.readiness().ready().to_string(),
            count(crate::finding::Severity::Error).to_string(),
            count(crate::finding::Severity::Warning).to_string(),
        ]);
        return line(&row, sep);
    }
    let mut out = String::new();
    for doc in &j.documents {
        let mut row = lead.clone();
        let valid_until = j
            .file
            .documents
            .get(&doc.id)
            .and_then(|e| e.valid_until)
            .map_or(String::new(), |d| d.0.to_string());
        row.extend([
            doc.id.clone(),
            doc.clause.clone(),
            doc.status.id().to_string(),
            doc.files.join(" "),
            doc.pages.map_or(String::new(), |p| p.to_string()),
            valid_until,
            doc.notes
                .iter()
                .map(|m| words.message(m))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
        out.push_str(&line(&row, sep));
    }
    out
}

/// `--group-by state-body`: per state body, the dossiers, their outcomes and what is missing.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// State body name → (dossiers, counts by outcome, missing or invalid documents).
    by_body: std::collections::BTreeMap<String, Group>,
}

#[derive(Debug, Clone, Default)]
struct Group {
    dossiers: usize,
    outcomes: [usize; 5],
    missing: usize,
    ready: usize,
}

impl Groups {
    pub fn add(&mut self, d: &DossierReport, lang: Lang) {
        let body = d
            .judged()
            .and_then(|j| j.file.state_body.name.as_ref())
            .map_or_else(|| "—".to_string(), |n| n.get(lang).to_string());
        let g = self.by_body.entry(body).or_default();
        g.dossiers += 1;
        g.outcomes[d.outcome() as usize] += 1;
        if let Some(j) = d.judged() {
            let r = j.readiness();
            g.missing += r.missing.len();
            g.ready += usize::from(r.ready());
        }
    }

    fn columns(lang: Lang) -> Vec<String> {
        vec![
            crate::t!(lang, "group.header.state-body"),
            crate::t!(lang, "group.header.dossiers"),
            crate::t!(lang, "outcome.include"),
            crate::t!(lang, "outcome.pending"),
            crate::t!(lang, "outcome.incomplete"),
            crate::t!(lang, "outcome.refuse"),
            crate::t!(lang, "outcome.invalid"),
            crate::t!(lang, "group.header.missing"),
            crate::t!(lang, "group.header.ready"),
        ]
    }

    fn values(g: &Group) -> Vec<String> {
        let o = |x: Outcome| g.outcomes[x as usize].to_string();
        vec![
            g.dossiers.to_string(),
            o(Outcome::Include),
            o(Outcome::Pending),
            o(Outcome::Incomplete),
            o(Outcome::Refuse),
            o(Outcome::Invalid),
            g.missing.to_string(),
            g.ready.to_string(),
        ]
    }

    /// As a table for people.
    pub fn human(&self, lang: Lang, color: bool, width: Option<u16>) -> String {
        let mut t = super::grid::Grid::new(Self::columns(lang)).right(&[1, 2, 3, 4, 5, 6, 7, 8]);
        for (body, g) in &self.by_body {
            let mut row = vec![body.clone()];
            row.extend(Self::values(g));
            t.row(row);
        }
        super::human::grid_text(&t, lang, color, width)
    }

    /// As JSON: `{"schema": 1, "state_bodies": [{"state_body", "dossiers", "outcomes": {…},
    /// "documents_missing", "ready_to_file"}]}`.
    pub fn json(&self, what_if: Option<&crate::what_if::WhatIf>) -> String {
        let bodies: Vec<serde_json::Value> = self
            .by_body
            .iter()
            .map(|(body, g)| {
                let o = |x: Outcome| g.outcomes[x as usize];
                serde_json::json!({
                    "state_body": body,
                    "dossiers": g.dossiers,
                    "outcomes": {
                        "include": o(Outcome::Include),
                        "pending": o(Outcome::Pending),
                        "incomplete": o(Outcome::Incomplete),
                        "refuse": o(Outcome::Refuse),
                        "invalid": o(Outcome::Invalid),
                    },
                    "documents_missing": g.missing,
                    "ready_to_file": g.ready,
                })
            })
            .collect();
        let mut report = serde_json::json!({
            "schema": 1,
            "state_bodies": bodies,
        });
        if let Some(w) = what_if {
            report["what_if"] = w.json();
        }
        let mut s = serde_json::to_string_pretty(&report).expect("serializes");
        s.push('\n');
        s
    }

    /// As CSV or TSV, with stable column ids.
    pub fn delimited(&self, sep: Separator, what_if: Option<&crate::what_if::WhatIf>) -> String {
        let header: Vec<String> = [
            "state_body",
            "dossiers",
            "include",
            "pending",
            "incomplete",
            "refuse",
            "invalid",
            "documents_missing",
            "ready_to_file",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect();
        let mut out = line(&header, sep);
        for (body, g) in &self.by_body {
            let mut row = vec![body.clone()];
            row.extend(Self::values(g));
            out.push_str(&line(&row, sep));
        }
        match what_if {
            Some(w) => {
                let (head, body) = out.split_at(out.find("\r\n").map_or(out.len(), |i| i + 2));
                mark_lines(head, "what_if", sep) + &mark_lines(body, &w.describe(), sep)
            }
            None => out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_shown_as_text() {
        assert_eq!(field("a,b", Separator::Comma), "\"a,b\"");
        assert_eq!(field("say \"hi\"", Separator::Comma), "\"say \"\"hi\"\"\"");
        assert_eq!(
            field("=HYPERLINK(\"x\")", Separator::Comma),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(field("-5", Separator::Comma), "-5");
        assert_eq!(field("a\tb\nc", Separator::Tab), "a b c");
    }
}
