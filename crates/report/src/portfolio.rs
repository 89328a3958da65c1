//! `check --format html`: one self-contained page for a department head over a whole tree —
//! outcomes per state body as a chart, the documents as a matrix (dossier × requirement,
//! coloured and marked by status), the documents about to expire, the next statutory deadlines,
//! and each dossier's findings behind a link. Inline CSS and SVG only: no script, nothing
//! fetched; it prints on A4.
//!
//! Each dossier is reduced as it is judged to a compact matrix row, its expiring documents
//! and its due steps (only the earliest are kept); its findings section is handed on at once
//! (the caller keeps it out of memory), so a tree of thousands stays small in memory.

use super::human::{outcome_label, words_for};
use super::printer::End;
use crate::documents::DocStatus;
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::t;
use chrono::NaiveDate;
use dossier_judge::timeline::{Step, StepStatus};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What the page is handed on in, at a time.
const PIECE: usize = 32 << 10;

/// Documents whose validity ends within this many days are listed as expiring.
const EXPIRING_DAYS: i64 = 90;
/// The next deadlines listed.
const DEADLINES_SHOWN: usize = 30;

/// A step still running or overdue: due date, clause, title, status.
type Due = (NaiveDate, String, String, StepStatus);

/// A dossier's row of the matrix, compact: a page over thousands keeps little per dossier.
struct Entry {
    /// The path, the object's name, then one byte per requirement's column with its status
    /// (`status_byte`; 0 where the dossier files nothing), in one allocation.
    data: Box<[u8]>,
    /// Where the path ends in `data`, and where the object's name ends.
    split: u32,
    end: u32,
    outcome: Outcome,
    /// The outcome's words, in `Portfolio::labels`.
    label: u16,
}

const STATUSES: [DocStatus; 5] = [
    DocStatus::Present,
    DocStatus::Missing,
    DocStatus::Invalid,
    DocStatus::Expired,
    DocStatus::ExpiredAllowed,
];

fn status_byte(s: DocStatus) -> u8 {
    STATUSES
        .iter()
        .position(|x| *x == s)
        .map_or(0, |i| i as u8 + 1)
}

impl Entry {
    fn text(&self, range: std::ops::Range<u32>) -> &str {
        self.data
            .get(range.start as usize..range.end as usize)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    fn path(&self) -> &str {
        self.text(0..self.split)
    }

    fn object(&self) -> &str {
        self.text(self.split..self.end)
    }

    /// The status of the requirement in `column` (the same id under two clauses is two
    /// columns: 5(1) and 3(2)), when the dossier files it.
    fn status(&self, column: usize) -> Option<DocStatus> {
        let byte = *self.data.get(self.end as usize + column)?;
        STATUSES.get(usize::from(byte).checked_sub(1)?).copied()
    }
}

/// The anchor of the `n`th dossier's findings (from 0).
fn anchor(n: usize) -> String {
    format!("d{}", n + 1)
}

/// The page, built dossier by dossier.
pub struct Portfolio {
    lang: Lang,
    today: NaiveDate,
    entries: Vec<Entry>,
    /// The outcomes' words met ("refuse (6.1)"), each once.
    labels: Vec<String>,
    /// Outcomes per state body.
    bodies: BTreeMap<String, [usize; 5]>,
    /// (valid until, dossier, requirement's column) of documents expiring or expired.
    expiring: Vec<(NaiveDate, u32, u16)>,
    /// The earliest steps due or overdue, with their dossier: `DEADLINES_SHOWN` at most.
    steps: Vec<(Due, usize)>,
    /// "clause id" in the order first met, with the clause and the title.
    requirements: Vec<(String, String, String)>,
    /// Notes that concern every dossier of an edition (the amendments it lacks), said once.
    once: Vec<String>,
    /// A what-if run's banner.
    what_if: Option<String>,
}

use crate::messages::escape::markup as escape;

fn status_class(s: DocStatus) -> (&'static str, &'static str) {
    match s {
        DocStatus::Present => ("present", "✓"),
        DocStatus::ExpiredAllowed => ("allowed", "✓*"),
        DocStatus::Missing => ("missing", "✗"),
        DocStatus::Invalid => ("invalid", "?"),
        DocStatus::Expired => ("expired", "!"),
    }
}

fn outcome_color(o: Outcome) -> &'static str {
    match o {
        Outcome::Include => "#2e7d32",
        Outcome::Pending => "#0277bd",
        Outcome::Incomplete => "#f9a825",
        Outcome::Refuse => "#c62828",
        Outcome::Invalid => "#6a1b9a",
    }
}

const OUTCOMES: [Outcome; 5] = [
    Outcome::Include,
    Outcome::Pending,
    Outcome::Incomplete,
    Outcome::Refuse,
    Outcome::Invalid,
];

impl Portfolio {
    pub fn new(lang: Lang, today: NaiveDate) -> Portfolio {
        Portfolio {
            lang,
            today,
            entries: Vec::new(),
            labels: Vec::new(),
            bodies: BTreeMap::new(),
            expiring: Vec::new(),
            steps: Vec::new(),
            requirements: Vec::new(),
            once: Vec::new(),
            what_if: None,
        }
    }

    /// A what-if run's banner, on the page and in its print.
    pub fn what_if(mut self, banner: Option<String>) -> Portfolio {
        self.what_if = banner;
        self
    }

    /// Adds a dossier with its statutory steps (none for an invalid one); its findings section
    /// goes to `sections`, printed at the end of the page.
    pub fn add(&mut self, d: &DossierReport, steps: &[Step], sections: &mut String) {
        let lang = self.lang;
        let n = self.entries.len();
        let words = words_for(d, lang);
        let j = d.judged();
        let mut documents = Vec::new();
        if let Some(j) = j {
            for doc in &j.documents {
                let key = format!("{} {}", doc.clause, doc.id);
                let title = || words.arg(&crate::finding::Arg::Requirement(doc.id.clone()));
                let column = match self.requirements.iter().position(|(k, _, _)| k == &key) {
                    Some(i) => i,
                    None => {
                        self.requirements.push((key, doc.clause.clone(), title()));
                        self.requirements.len() - 1
                    }
                };
                if documents.len() <= column {
                    documents.resize(column + 1, 0u8);
                }
                documents[column] = status_byte(doc.status);
                let column = u16::try_from(column).unwrap_or(u16::MAX);
                let until = j
                    .file
                    .documents
                    .get(&doc.id)
                    .and_then(|e| e.valid_until)
                    .map(|d| d.0);
                // Expiring soon, or expired already: an expired document that no longer counts
                // is what refuses the dossier (6(3)) and belongs at the top of this list.
                let expired = doc.status == crate::documents::DocStatus::Expired;
                if let Some(until) = until
                    && (until - self.today).num_days() <= EXPIRING_DAYS
                    && (doc.status.counts() || expired)
                {
                    self.expiring
                        .push((until, u32::try_from(n).unwrap_or(u32::MAX), column));
                }
            }
        }
        let title = |s: &Step| {
            j.and_then(|j| j.edition.deadline(&s.id))
                .map_or_else(|| s.id.clone(), |dl| dl.title.get(lang).to_string())
        };
        self.steps.extend(
            steps
                .iter()
                .filter(|s| matches!(s.status, StepStatus::Due | StepStatus::Overdue))
                .filter_map(|s| Some(((s.due?, s.clause.clone(), title(s), s.status), n))),
        );
        // A stable sort of what is kept and what comes: the same earliest steps, in the same
        // order, as sorting them all at the end.
        self.steps.sort_by_key(|(due, _)| due.0);
        self.steps.truncate(DEADLINES_SHOWN);
        let state_body = j
            .and_then(|j| j.file.state_body.name.as_ref())
            .map_or_else(|| "—".to_string(), |n| n.get(lang).to_string());
        let i = OUTCOMES.iter().position(|o| *o == d.outcome()).unwrap_or(0);
        self.bodies.entry(state_body).or_default()[i] += 1;
        let path = super::clean(&d.path);
        let object = j.map_or_else(String::new, |j| super::object_name(j, lang));
        let label = outcome_label(lang, d.outcome(), &super::human::grounds(d));
        let label = match self.labels.iter().position(|l| *l == label) {
            Some(i) => i,
            None => {
                self.labels.push(label);
                self.labels.len() - 1
            }
        };
        let mut data = Vec::with_capacity(path.len() + object.len() + documents.len());
        data.extend_from_slice(path.as_bytes());
        data.extend_from_slice(object.as_bytes());
        data.extend_from_slice(&documents);
        let entry = Entry {
            data: data.into_boxed_slice(),
            split: u32::try_from(path.len()).unwrap_or(u32::MAX),
            end: u32::try_from(path.len() + object.len()).unwrap_or(u32::MAX),
            outcome: d.outcome(),
            label: u16::try_from(label).unwrap_or(u16::MAX),
        };
        let findings: Vec<_> = d
            .findings()
            .iter()
            .filter(|f| f.code != crate::finding::Code::EditionAmendedUnits)
            .map(|f| (f.severity, words.finding(f)))
            .collect();
        self.section(n, &entry, &findings, sections);
        self.entries.push(entry);
        for f in d
            .findings()
            .iter()
            .filter(|f| f.code == crate::finding::Code::EditionAmendedUnits)
        {
            let text = words.finding(f);
            if !self.once.contains(&text) {
                self.once.push(text);
            }
        }
    }

    /// Outcomes per state body as horizontal stacked bars.
    fn chart(&self) -> String {
        let bodies = &self.bodies;
        let most = bodies
            .values()
            .map(|c| c.iter().sum::<usize>())
            .max()
            .unwrap_or(1)
            .max(1);
        let lines = bodies
            .keys()
            .map(|b| textwrap::wrap(b, 42).len())
            .max()
            .unwrap_or(1) as f64;
        let (label_w, bar_w, row_h) = (260.0, 380.0, 14.0 + 12.0 * lines);
        let height = row_h * bodies.len() as f64 + 40.0;
        let mut svg = format!(
            "<svg role=\"img\" viewBox=\"0 0 {} {height}\" width=\"100%\" aria-label=\"{}\">\n",
            label_w + bar_w + 40.0,
            escape(&t!(self.lang, "portfolio.chart"))
        );
        for (row, (body, counts)) in bodies.iter().enumerate() {
            let y = row as f64 * row_h + 4.0;
            // A long name wraps onto lines of its own, never cut.
            let lines = textwrap::wrap(body, 42);
            let first = y + 15.0 - 6.0 * (lines.len() as f64 - 1.0);
            let spans: String = lines
                .iter()
                .enumerate()
                .map(|(k, l)| {
                    format!(
                        "<tspan x=\"{}\" y=\"{:.1}\">{}</tspan>",
                        label_w - 6.0,
                        first + 12.0 * k as f64,
                        escape(l)
                    )
                })
                .collect();
            let _ = writeln!(
                svg,
                "<text text-anchor=\"end\" font-size=\"11\"><title>{}</title>{spans}</text>",
                escape(body),
            );
            let mut x = label_w;
            for (i, n) in counts.iter().enumerate() {
                if *n == 0 {
                    continue;
                }
                let w = bar_w * *n as f64 / most as f64;
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"><title>{}: {n}</title></rect>",
                    row_h - 8.0,
                    outcome_color(OUTCOMES[i]),
                    escape(&super::human::outcome_word(self.lang, OUTCOMES[i]))
                );
                let _ = writeln!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" fill=\"#fff\" text-anchor=\"middle\">{n}</text>",
                    x + w / 2.0,
                    y + 14.0
                );
                x += w;
            }
        }
        // The legend under the bars.
        let mut x = label_w;
        let y = bodies.len() as f64 * row_h + 14.0;
        for o in OUTCOMES {
            let word = super::human::outcome_word(self.lang, o);
            let _ = writeln!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>",
                outcome_color(o),
                x + 13.0,
                y + 9.0,
                escape(&word)
            );
            x += 16.0 + 6.5 * word.chars().count() as f64;
        }
        svg.push_str("</svg>\n");
        svg
    }

    fn matrix(&self, end: &mut dyn End) {
        let lang = self.lang;
        let mut out = String::from("<table class=\"matrix\">\n<thead><tr><th>");
        out.push_str(&escape(&t!(lang, "report.header.dossier")));
        out.push_str("</th>");
        for (key, _, title) in &self.requirements {
            let _ = write!(
                out,
                "<th title=\"{}\"><span>{}</span></th>",
                escape(title),
                escape(key)
            );
        }
        let _ = writeln!(
            out,
            "<th>{}</th></tr></thead>\n<tbody>",
            escape(&t!(lang, "report.header.outcome"))
        );
        for (n, e) in self.entries.iter().enumerate() {
            if out.len() > PIECE {
                end.text(&out);
                out.clear();
            }
            let _ = write!(
                out,
                "<tr><td><a href=\"#{}\">{}</a><br><small>{}</small></td>",
                anchor(n),
                escape(e.path()),
                escape(e.object())
            );
            for column in 0..self.requirements.len() {
                match e.status(column) {
                    Some(s) => {
                        let (class, mark) = status_class(s);
                        let _ = write!(out, "<td class=\"{class}\">{mark}</td>");
                    }
                    None => out.push_str("<td class=\"na\">·</td>"),
                }
            }
            let _ = writeln!(
                out,
                "<td class=\"o\" style=\"color:{}\">{}</td></tr>",
                outcome_color(e.outcome),
                escape(self.label(e))
            );
        }
        out.push_str("</tbody>\n</table>\n");
        let _ = writeln!(
            out,
            "<p class=\"legend\">{}</p>",
            escape(&t!(lang, "portfolio.matrix-legend"))
        );
        end.text(&out);
    }

    /// The documents expiring or expired, soonest first, handed on in pieces.
    fn expiring(&mut self, end: &mut dyn End) {
        let lang = self.lang;
        // Sorted in place (stable: dossiers in order within a day): no second list of them.
        self.expiring.sort_by_key(|r| r.0);
        if self.expiring.is_empty() {
            end.text(&format!(
                "<p>{}</p>\n",
                escape(&t!(lang, "portfolio.none-expiring"))
            ));
            return;
        }
        let mut out = format!(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
            escape(&t!(lang, "portfolio.valid-until")),
            escape(&t!(lang, "portfolio.state")),
            escape(&t!(lang, "report.header.dossier")),
            escape(&t!(lang, "portfolio.document"))
        );
        for &(until, n, column) in &self.expiring {
            if out.len() > PIECE {
                end.text(&out);
                out.clear();
            }
            let n = n as usize;
            let title = &self.requirements[usize::from(column)].2;
            let state = if until < self.today {
                t!(lang, "portfolio.document-expired")
            } else {
                t!(lang, "portfolio.document-expiring")
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"day\">{until}</td><td class=\"state\">{}</td><td><a href=\"#{}\">{}</a></td><td>{}</td></tr>",
                escape(&state),
                anchor(n),
                escape(self.entries[n].path()),
                escape(title)
            );
        }
        out.push_str("</tbody></table>\n");
        end.text(&out);
    }

    fn deadlines(&self) -> String {
        let lang = self.lang;
        let rows = &self.steps;
        if rows.is_empty() {
            return format!("<p>{}</p>\n", escape(&t!(lang, "timeline.nothing-due")));
        }
        let mut out = format!(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
            escape(&t!(lang, "timeline.header.due")),
            escape(&t!(lang, "portfolio.state")),
            escape(&t!(lang, "report.header.dossier")),
            escape(&t!(lang, "timeline.header.clause")),
            escape(&t!(lang, "timeline.header.step"))
        );
        for ((due, clause, title, status), n) in rows {
            let class = if *status == StepStatus::Overdue {
                " class=\"overdue\""
            } else {
                ""
            };
            // In words as well as in colour: a black-and-white printout keeps it.
            let state = if *status == StepStatus::Overdue {
                t!(lang, "portfolio.step-overdue")
            } else {
                t!(lang, "portfolio.step-due")
            };
            let _ = writeln!(
                out,
                "<tr{class}><td class=\"day\">{due}</td><td class=\"state\">{}</td><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                escape(&state),
                anchor(*n),
                escape(self.entries[*n].path()),
                escape(clause),
                escape(title)
            );
        }
        out.push_str("</tbody></table>\n");
        out
    }

    fn label(&self, e: &Entry) -> &str {
        self.labels
            .get(usize::from(e.label))
            .map_or("", String::as_str)
    }

    /// A dossier's findings, behind the link from its row.
    fn section(
        &self,
        n: usize,
        e: &Entry,
        findings: &[(crate::finding::Severity, String)],
        out: &mut String,
    ) {
        let lang = self.lang;
        let _ = writeln!(
            out,
            "<section id=\"{}\"><h3>{} — {}</h3><p class=\"o\" style=\"color:{}\">{}</p>",
            anchor(n),
            escape(e.path()),
            escape(e.object()),
            outcome_color(e.outcome),
            escape(self.label(e))
        );
        if findings.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape(&t!(lang, "portfolio.no-findings")));
        } else {
            out.push_str("<ul>\n");
            for (severity, text) in findings {
                let (class, word) = match severity {
                    crate::finding::Severity::Error => ("error", t!(lang, "severity.error")),
                    crate::finding::Severity::Warning => ("warning", t!(lang, "severity.warning")),
                    crate::finding::Severity::Info => ("note", t!(lang, "severity.note")),
                };
                let _ = writeln!(
                    out,
                    "<li class=\"{class}\"><b>{}</b> {}</li>",
                    escape(&word),
                    escape(text)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    /// The page, the findings' sections where they belong.
    pub fn finish(&mut self, end: &mut dyn End) {
        let lang = self.lang;
        let mut counts = [0usize; 5];
        for e in &self.entries {
            counts[OUTCOMES.iter().position(|o| *o == e.outcome).unwrap_or(0)] += 1;
        }
        let summary = t!(
            lang,
            "report.summary",
            n = self.entries.len(),
            include = counts[0],
            pending = counts[1],
            incomplete = counts[2],
            refuse = counts[3],
            invalid = counts[4]
        );
        let title = t!(lang, "portfolio.title");
        let today = self.today;
        let notes: String = self
            .once
            .iter()
            .map(|n| format!("<p class=\"edition-note\">{}</p>\n", escape(n)))
            .collect();
        let head = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
{what_if}<h1>{title}</h1>\n<p class=\"date\">{date_word}: {today}</p>\n<p>{summary}</p>\n{notes}\
<h2>{chart_title}</h2>\n{chart}\n<h2>{matrix_title}</h2>\n",
            lang = lang.code(),
            what_if = self.what_if.as_ref().map_or_else(String::new, |b| format!(
                "<p class=\"what-if\" role=\"alert\">{}</p>\n",
                escape(b)
            )),
            title = escape(&title),
            date_word = escape(&t!(lang, "portfolio.date")),
            summary = escape(&summary),
            chart_title = escape(&t!(lang, "portfolio.chart")),
            chart = self.chart(),
            matrix_title = escape(&t!(lang, "portfolio.matrix")),
        );
        end.text(&head);
        self.matrix(end);
        end.text(&format!(
            "\n<h2>{}</h2>\n",
            escape(&t!(lang, "portfolio.expiring", days = EXPIRING_DAYS))
        ));
        self.expiring(end);
        end.text(&format!(
            "\n<h2>{deadlines_title}</h2>\n{deadlines}\n\
<h2>{findings_title}</h2>\n",
            deadlines_title = escape(&t!(lang, "portfolio.deadlines")),
            deadlines = self.deadlines(),
            findings_title = escape(&t!(lang, "portfolio.findings")),
        ));
        end.later();
        end.text("</body>\n</html>\n");
    }
}

const CSS: &str = "p.what-if { border: 2px solid #000; padding: 0.4em 0.6em; font-weight: bold; }
table.matrix { table-layout: fixed; width: 100%; }
table.matrix th span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-size: 9pt; }
table.matrix td, table.matrix th { padding: 2px; overflow-wrap: anywhere; }
table.matrix td:first-child, table.matrix th:first-child { width: 22%; }
td.state { font-weight: bold; }
@media print { table.matrix { font-size: 8pt; } table.matrix th span { font-size: 7pt; } }

@page { size: A4; margin: 15mm; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
tr { break-inside: avoid; }
.matrix th span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: normal; font-size: 8pt; }
.matrix td { text-align: center; font-size: 9pt; }
.matrix td:first-child, .matrix td.o { text-align: left; }
td.present { background: #c8e6c9; }
td.allowed { background: #e6ee9c; }
td.missing { background: #ffcdd2; font-weight: bold; }
td.invalid, td.expired { background: #ffe0b2; font-weight: bold; }
td.na { color: #999; }
tr.overdue td { color: #b71c1c; }
.legend, .date { font-size: 8.5pt; color: #444; }
.edition-note { font-size: 8.5pt; color: #5d4037; border-left: 3px solid #ffb300; padding-left: 2mm; }
td.day { white-space: nowrap; }
li.error b { color: #c62828; } li.warning b { color: #ef6c00; } li.note b { color: #0277bd; }
section { break-inside: avoid; }
a { color: inherit; }
";
