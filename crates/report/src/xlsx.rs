//! `check --format xlsx`: one workbook with a sheet per view — the dossiers, the document matrix
//! (a row per dossier and requirement) and the findings — written with `rust_xlsxwriter`. Dates
//! are dates, counts are numbers, yes/no are booleans; each sheet has a frozen header row,
//! column widths, a filter, and no formula (a value that looks like one is a string).

use crate::finding::Severity;
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::what_if::WhatIf;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// One cell's value, typed.
#[derive(Debug, Clone)]
enum Cell {
    Text(String),
    Number(f64),
    Flag(bool),
    Date(NaiveDate),
    Empty,
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::from(s.to_string())
    }
}

fn number(n: Option<u32>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Number(f64::from(n)))
}

fn date(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

/// The rows of the three sheets, gathered dossier by dossier.
#[derive(Debug, Default)]
pub struct Book {
    dossiers: Vec<Vec<Cell>>,
    documents: Vec<Vec<Cell>>,
    findings: Vec<Vec<Cell>>,
    what_if: Option<String>,
}

const DOSSIER_COLUMNS: &[(&str, f64)] = &[
    ("path", 32.0),
    ("object", 44.0),
    ("state_body", 36.0),
    ("kind", 22.0),
    ("edition", 16.0),
    ("outcome", 12.0),
    ("grounds", 10.0),
    ("documents_present", 10.0),
    ("documents_total", 10.0),
    ("score", 8.0),
    ("score_max", 8.0),
    ("criteria_passed", 10.0),
    ("ready", 8.0),
    ("errors", 8.0),
    ("warnings", 8.0),
    ("application_date", 12.0),
    ("received", 12.0),
    ("decision", 12.0),
];
const DOCUMENT_COLUMNS: &[(&str, f64)] = &[
    ("path", 32.0),
    ("requirement", 26.0),
    ("clause", 8.0),
    ("status", 14.0),
    ("files", 40.0),
    ("pages", 8.0),
    ("valid_until", 12.0),
    ("message", 60.0),
];
const FINDING_COLUMNS: &[(&str, f64)] = &[
    ("path", 32.0),
    ("severity", 10.0),
    ("code", 28.0),
    ("message", 80.0),
    ("file", 36.0),
    ("line", 8.0),
];

impl Book {
    pub fn new(what_if: Option<&WhatIf>) -> Book {
        Book {
            what_if: what_if.map(WhatIf::describe),
            ..Book::default()
        }
    }

    pub fn add(&mut self, d: &DossierReport, lang: Lang) {
        let words = crate::human::words_for(d, lang);
        let path = crate::clean(&d.path).into_owned();
        let j = d.judged();
        let count = |s: Severity| d.findings().iter().filter(|f| f.severity == s).count() as f64;
        let review_date = |get: fn(&crate::dossier::Review) -> Option<crate::dossier::Date>| {
            date(j.and_then(|j| get(&j.file.review)).map(|d| d.0))
        };
        let mut row: Vec<Cell> = vec![
            Cell::from(path.clone()),
            Cell::from(j.map_or(String::new(), |j| crate::object_name(j, lang))),
            Cell::from(
                j.and_then(|j| j.file.state_body.name.as_ref())
                    .map_or(String::new(), |n| n.get(lang).to_string()),
            ),
            Cell::from(d.kind().unwrap_or_default()),
            Cell::from(d.edition_id().unwrap_or_default()),
            Cell::from(d.outcome().id()),
            Cell::from(j.map_or(String::new(), |j| {
                j.grounds
                    .iter()
                    .map(|g| g.code.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })),
            number(j.map(|j| j.documents.iter().filter(|x| x.status.counts()).count() as u32)),
            number(j.map(|j| j.documents.len() as u32)),
            number(j.and_then(|j| j.score.as_ref()).map(|s| s.total)),
            number(j.and_then(|j| j.score.as_ref()).map(|s| s.max)),
            j.and_then(|j| j.score.as_ref())
                .map_or(Cell::Empty, |s| Cell::Flag(s.passed)),
            j.map_or(Cell::Empty, |j| Cell::Flag(j.readiness().ready())),
            Cell::Number(count(Severity::Error)),
            Cell::Number(count(Severity::Warning)),
            date(
                j.and_then(|j| j.file.application.as_ref())
                    .and_then(|a| a.date)
                    .map(|d| d.0),
            ),
            review_date(|r| r.received),
            review_date(|r| r.decision),
        ];
        if let Some(w) = &self.what_if {
            row.push(Cell::from(w.clone()));
        }
        self.dossiers.push(row);
        if let Some(j) = j {
            for doc in &j.documents {
                self.documents.push(vec![
                    Cell::from(path.clone()),
                    Cell::from(doc.id.clone()),
                    Cell::from(doc.clause.clone()),
                    Cell::from(doc.status.id()),
                    Cell::from(doc.files.join(" ")),
                    number(doc.pages),
                    date(
                        j.file
                            .documents
                            .get(&doc.id)
                            .and_then(|e| e.valid_until)
                            .map(|d| d.0),
                    ),
                    Cell::from(
                        doc.notes
                            .iter()
                            .map(|m| words.message(m))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ]);
            }
        }
        for f in d.findings() {
            let place = f.place.as_deref();
            self.findings.push(vec![
                Cell::from(path.clone()),
                Cell::from(match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                }),
                Cell::from(f.code.as_str()),
                Cell::from(words.finding(f)),
                Cell::from(place.map_or(String::new(), |p| p.file.clone())),
                number(place.and_then(|p| p.line).map(|l| l as u32)),
            ]);
        }
    }

    /// The workbook's bytes.
    pub fn finish(self) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let what_if = self.what_if.is_some();
        let mut dossier_columns: Vec<(&str, f64)> = DOSSIER_COLUMNS.to_vec();
        if what_if {
            dossier_columns.push(("what_if", 40.0));
        }
        sheet(
            book.add_worksheet(),
            "dossiers",
            &dossier_columns,
            &self.dossiers,
        )?;
        sheet(
            book.add_worksheet(),
            "documents",
            DOCUMENT_COLUMNS,
            &self.documents,
        )?;
        sheet(
            book.add_worksheet(),
            "findings",
            FINDING_COLUMNS,
            &self.findings,
        )?;
        book.save_to_buffer()
    }
}

fn sheet(
    ws: &mut Worksheet,
    name: &str,
    columns: &[(&str, f64)],
    rows: &[Vec<Cell>],
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let header = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    for (c, (title, width)) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *title, &header)?;
        ws.set_column_width(c, *width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                // Strings are stored as strings: "=SUM(…)" from a dossier is text, never a formula.
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Flag(b) => {
                    ws.write_boolean(r, c, *b)?;
                }
                Cell::Date(d) => {
                    let value =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, &value, &day)?;
                }
                Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let last_row = rows.len() as u32;
    ws.autofilter(0, 0, last_row, columns.len().saturating_sub(1) as u16)?;
    Ok(())
}
