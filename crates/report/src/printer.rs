//! `check`'s printers behind one interface, as ripgrep's printers each implement one sink: a
//! printer is chosen once from the options, begun, given each judged dossier in order, and
//! finished. Judging runs in parallel chunks; what a printer needs of a judgment is made on the
//! worker that judged it (`Preparer::prepare`: the JSON entry, the CSV rows, the JUnit suite,
//! or the judgment itself for a gathered table or page), and the judgment is then dropped.

use crate::judge::{DossierReport, Judgment};
use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::tabular::{self, Groups, Separator};
use crate::{ci, human, json, junit, portfolio::Portfolio};
use chrono::NaiveDate;
use dossier_judge::timeline::Step;
use dossier_model::calendar::Calendar;
use dossier_model::finding::Message;

/// The formats `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Csv,
    Tsv,
    Junit,
    Html,
    Sarif,
    Github,
    Gitlab,
    Xlsx,
}

impl Format {
    /// Whether `--group-by` has a form in this format (totals per group).
    pub fn groups(self) -> bool {
        matches!(
            self,
            Format::Human | Format::Json | Format::Csv | Format::Tsv
        )
    }

    fn id(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Junit => "junit",
            Format::Html => "html",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Everything a printer is told, resolved once.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub lang: Lang,
    pub today: NaiveDate,
    pub color: bool,
    /// The width tables are laid out at; none when the report goes to a file.
    pub width: Option<u16>,
    pub quiet: bool,
    /// `--stage filing`.
    pub filing: bool,
    /// `--summary`: one CSV row per dossier.
    pub summary: bool,
    /// `--group-by state-body`.
    pub grouped: bool,
    /// A what-if run: every format says so.
    pub what_if: Option<crate::what_if::WhatIf>,
    /// The tool's name and version, for the SARIF log.
    pub tool: String,
    /// `--excel`: CSV as Russian and Kazakh Excel open it (a BOM, `;` between fields).
    pub excel: bool,
}

/// What a worker keeps of one judgment.
pub struct Prepared {
    pub outcome: Outcome,
    /// Ready to file (`--stage filing`).
    pub ready: bool,
    /// Text of a streamed format.
    text: Option<String>,
    /// The judgment, when a gathered report needs it or it is invalid (its errors go to
    /// stderr).
    report: Option<DossierReport>,
    /// The statutory steps, for the HTML page.
    steps: Vec<Step>,
}

impl Prepared {
    /// The judgment of an invalid dossier, whose errors the caller prints.
    pub fn invalid(&self) -> Option<&DossierReport> {
        self.report
            .as_ref()
            .filter(|d| matches!(d.judgment, Judgment::Invalid(_)))
    }
}

/// Makes a `Prepared` of each judgment on the worker that judged it.
pub struct Preparer {
    options: Options,
    calendar: Calendar,
}

impl Preparer {
    pub fn prepare(&self, d: DossierReport) -> Prepared {
        let o = &self.options;
        let text = if o.grouped {
            None
        } else {
            let what_if = o.what_if.as_ref();
            match o.format {
                Format::Json => Some(json::entry_marked(&d, o.lang, what_if)),
                Format::Csv | Format::Tsv => Some(tabular::rows_marked(
                    &d,
                    o.lang,
                    o.summary,
                    separator(o.format, o.excel),
                    what_if,
                )),
                Format::Junit => Some(junit::suite_marked(&d, o.lang, what_if)),
                Format::Sarif => Some(ci::sarif_results(&d, o.lang).join(",\n        ")),
                Format::Gitlab => Some(ci::gitlab(&d, o.lang).join(",\n  ")),
                Format::Github => Some(ci::github(&d, o.lang)),
                Format::Human | Format::Html | Format::Xlsx => None,
            }
        };
        let steps = match (o.format, d.judged()) {
            (Format::Html, Some(j)) if !o.grouped => {
                dossier_judge::timeline::steps(j, &j.settings.calendar(&self.calendar), o.today)
            }
            _ => Vec::new(),
        };
        let keep = text.is_none() || matches!(d.judgment, Judgment::Invalid(_));
        Prepared {
            outcome: d.outcome(),
            ready: d.judged().is_some_and(|j| j.readiness().ready()),
            text,
            report: keep.then_some(d),
            steps,
        }
    }
}

/// Where a printer writes as the run goes.
#[derive(Debug, Default)]
pub struct Out {
    /// Printed at once.
    pub now: String,
    /// Printed at the end, after what `finish` puts before it (the findings under a table
    /// laid out last): the caller keeps it out of memory beyond a bound.
    pub later: String,
}

/// Where `finish` writes, in pieces, so a table or page of thousands of rows is never held
/// whole.
pub trait End {
    fn text(&mut self, text: &str);
    /// Everything put in `Out::later`, here (once; at the end if `finish` never says).
    fn later(&mut self);
}

/// An `End` gathering the text into a string, with what was kept for later.
#[derive(Debug, Default)]
pub struct Collect {
    pub text: String,
    pub later: String,
}

impl End for Collect {
    fn text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn later(&mut self) {
        let later = std::mem::take(&mut self.later);
        self.text.push_str(&later);
    }
}

/// One printer of `check`'s report. Its output is what `begin` and each `add` put in `now`,
/// then what `finish` writes, with everything put in `later` where it says.
pub trait Printer {
    /// What opens the report, before any dossier.
    fn begin(&mut self, _out: &mut Out) {}
    /// One dossier, in order.
    fn add(&mut self, d: &Prepared, out: &mut Out);
    /// What is left: a gathered table or page, a closing bracket or tag.
    fn finish(self: Box<Self>, end: &mut dyn End);
    /// A binary format's bytes, gathered: taken once, before `finish`.
    fn take_binary(&mut self) -> Option<Result<Vec<u8>, String>> {
        None
    }
}

/// The printer the options ask for, and the preparer its workers use; a combination the format
/// has no form for is refused, naming both.
pub fn printer(options: Options) -> Result<(Preparer, Box<dyn Printer>), Message> {
    let o = &options;
    if o.grouped && !o.format.groups() {
        return Err(Message::new("usage.group-by-format").arg("format", o.format.id()));
    }
    let what_if = o.what_if.clone();
    let printer: Box<dyn Printer> = match (o.grouped, o.format) {
        (true, format) => Box::new(Grouped {
            groups: Groups::default(),
            format,
            lang: o.lang,
            color: o.color,
            width: o.width,
            what_if,
            excel: o.excel,
        }),
        (false, Format::Json) => Box::new(Json(json::Stream::marked(what_if.as_ref()))),
        (false, Format::Csv | Format::Tsv) => Box::new(Delimited {
            bom: o.excel,
            summary: o.summary,
            separator: separator(o.format, o.excel),
            what_if: what_if.is_some(),
        }),
        (false, Format::Junit) => Box::new(Junit),
        (false, Format::Human) => Box::new(Table(
            human::Human::new(human::Options {
                lang: o.lang,
                color: o.color,
                width: o.width,
                quiet: o.quiet,
                filing: o.filing,
            }),
            what_if.map(|w| banner(&w, o.lang)),
        )),
        (false, Format::Sarif) => Box::new(Joined {
            head: ci::SARIF_HEAD.to_string(),
            separator: ",\n        ",
            first: "\n        ",
            tail: ci::sarif_tail(o.lang, &o.tool, what_if.as_ref()),
            any: false,
        }),
        (false, Format::Gitlab) => Box::new(Joined {
            head: "[".to_string(),
            separator: ",\n  ",
            first: "\n  ",
            tail: "\n]\n".to_string(),
            any: false,
        }),
        (false, Format::Github) => Box::new(Joined {
            head: what_if
                .as_ref()
                .map(|w| format!("::warning title=what-if::{}\n", banner(w, o.lang)))
                .unwrap_or_default(),
            separator: "",
            first: "",
            tail: String::new(),
            any: false,
        }),
        (false, Format::Xlsx) => Box::new(Sheets(crate::xlsx::Book::new(what_if.as_ref()), o.lang)),
        (false, Format::Html) => Box::new(Page(
            Portfolio::new(o.lang, o.today).what_if(what_if.map(|w| banner(&w, o.lang))),
        )),
    };
    let preparer = Preparer {
        options,
        calendar: Calendar::built_in(),
    };
    Ok((preparer, printer))
}

/// The line that heads a what-if report: it is not the judgment of the dossiers as filed.
pub fn banner(what_if: &crate::what_if::WhatIf, lang: Lang) -> String {
    dossier_words::t!(lang, "report.what-if-banner", changes = what_if.describe())
}

fn separator(format: Format, excel: bool) -> Separator {
    match format {
        Format::Tsv => Separator::Tab,
        _ if excel => Separator::Semicolon,
        _ => Separator::Comma,
    }
}

/// The contract's JSON, one entry per dossier as it comes.
struct Json(json::Stream);

impl Printer for Json {
    fn add(&mut self, d: &Prepared, out: &mut Out) {
        if let Some(text) = &d.text {
            self.0.push(text, &mut out.now);
        }
    }

    fn finish(self: Box<Self>, end: &mut dyn End) {
        end.text(&self.0.close());
    }
}

/// Items as they come, joined: a SARIF log's results, a Code Quality array, workflow commands.
struct Joined {
    head: String,
    separator: &'static str,
    first: &'static str,
    tail: String,
    any: bool,
}

impl Printer for Joined {
    fn begin(&mut self, out: &mut Out) {
        out.now.push_str(&self.head);
    }

    fn add(&mut self, d: &Prepared, out: &mut Out) {
        let Some(text) = d.text.as_deref().filter(|t| !t.is_empty()) else {
            return;
        };
        out.now
            .push_str(if self.any { self.separator } else { self.first });
        out.now.push_str(text);
        self.any = true;
    }

    fn finish(self: Box<Self>, end: &mut dyn End) {
        if !self.any && self.tail.starts_with("\n]") {
            // An empty array stays on one line.
            end.text("]\n");
            return;
        }
        end.text(&self.tail);
    }
}

/// CSV or TSV rows as they come, under one header.
struct Delimited {
    /// A UTF-8 byte-order mark first, by which Excel knows the encoding.
    bom: bool,
    summary: bool,
    separator: Separator,
    /// A what-if run: a `what_if` column on every row.
    what_if: bool,
}

impl Printer for Delimited {
    fn begin(&mut self, out: &mut Out) {
        if self.bom {
            out.now.push('\u{feff}');
        }
        out.now.push_str(&tabular::header_marked(
            self.summary,
            self.separator,
            self.what_if,
        ));
    }

    fn add(&mut self, d: &Prepared, out: &mut Out) {
        out.now.push_str(d.text.as_deref().unwrap_or_default());
    }

    fn finish(self: Box<Self>, _end: &mut dyn End) {}
}

/// JUnit XML: one test suite per dossier as it comes.
struct Junit;

impl Printer for Junit {
    fn begin(&mut self, out: &mut Out) {
        out.now.push_str(junit::HEAD);
    }

    fn add(&mut self, d: &Prepared, out: &mut Out) {
        out.now.push_str(d.text.as_deref().unwrap_or_default());
    }

    fn finish(self: Box<Self>, end: &mut dyn End) {
        end.text(junit::TAIL);
    }
}

/// The human table and findings, laid out at the end (columns fit the longest cell); a
/// what-if run's banner above them.
struct Table(human::Human, Option<String>);

impl Printer for Table {
    fn begin(&mut self, out: &mut Out) {
        if let Some(banner) = &self.1 {
            out.now.push_str(&format!("{banner}\n\n"));
        }
    }

    fn add(&mut self, d: &Prepared, out: &mut Out) {
        if let Some(report) = &d.report {
            self.0.add(report, &mut out.later);
        }
    }

    fn finish(self: Box<Self>, end: &mut dyn End) {
        self.0.finish(end);
    }
}

/// The workbook: rows gathered as they come, the bytes made at the end.
struct Sheets(crate::xlsx::Book, Lang);

impl Printer for Sheets {
    fn add(&mut self, d: &Prepared, _out: &mut Out) {
        if let Some(report) = &d.report {
            self.0.add(report, self.1);
        }
    }

    fn finish(self: Box<Self>, _end: &mut dyn End) {}

    fn take_binary(&mut self) -> Option<Result<Vec<u8>, String>> {
        let book = std::mem::take(&mut self.0);
        Some(book.finish().map_err(|e| e.to_string()))
    }
}

/// The HTML portfolio page.
struct Page(Portfolio);

impl Printer for Page {
    fn add(&mut self, d: &Prepared, out: &mut Out) {
        if let Some(report) = &d.report {
            self.0.add(report, &d.steps, &mut out.later);
        }
    }

    fn finish(mut self: Box<Self>, end: &mut dyn End) {
        self.0.finish(end);
    }
}

/// Totals per group (`--group-by`), in the table, JSON, CSV or TSV.
struct Grouped {
    groups: Groups,
    format: Format,
    lang: Lang,
    color: bool,
    width: Option<u16>,
    what_if: Option<crate::what_if::WhatIf>,
    excel: bool,
}

impl Printer for Grouped {
    fn add(&mut self, d: &Prepared, _out: &mut Out) {
        if let Some(report) = &d.report {
            self.groups.add(report, self.lang);
        }
    }

    fn finish(self: Box<Self>, end: &mut dyn End) {
        let what_if = self.what_if.as_ref();
        end.text(&match self.format {
            Format::Csv | Format::Tsv => {
                let bom = if self.excel { "\u{feff}" } else { "" };
                bom.to_string()
                    + &self
                        .groups
                        .delimited(separator(self.format, self.excel), what_if)
            }
            Format::Json => self.groups.json(what_if),
            _ => {
                let banner = what_if.map(|w| format!("{}\n\n", banner(w, self.lang)));
                banner.unwrap_or_default() + &self.groups.human(self.lang, self.color, self.width)
            }
        });
    }
}
