//! The human report: one table row per dossier, then each dossier's findings in a reviewer's
//! words, then the notes that concern every dossier once.

use super::grid::{Grid, GridCell, paragraph};
use super::printer::{Collect, End};
use super::{CheckReport, kind_name, object_name};
use crate::finding::{Code, Finding, Severity};
use crate::grid::Color;
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::messages::Words;
use crate::outcome::Outcome;
use crate::t;
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

/// How to lay the report out; the binary decides from the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub color: bool,
    /// Table width; `None` lets the content decide.
    pub width: Option<u16>,
    /// Errors and the summary only: no table, no warnings or notes (`check -q`).
    pub quiet: bool,
    /// `check --stage filing`: the table says whether the state body's part is ready.
    pub filing: bool,
}

pub fn render(report: &CheckReport, opts: Options) -> String {
    let mut human = Human::new(opts);
    let mut end = Collect::default();
    for d in &report.dossiers {
        human.add(d, &mut end.later);
    }
    human.finish(&mut end);
    end.text
}

/// The human report built dossier by dossier: the table's rows are kept (laid out at the end,
/// columns fitting the longest cell), each dossier's findings are handed on at once to be
/// printed under the table, and judgments can be dropped as soon as they are added.
pub struct Human {
    opts: Options,
    table: Grid,
    /// The kinds' abbreviations used in the table, with their names.
    legend: Vec<(String, String)>,
    /// Some findings were handed on.
    any_section: bool,
    /// Notes that concern every dossier of an edition, said once at the end.
    once: Vec<String>,
    counts: [usize; 5],
    ready: usize,
}

impl Human {
    pub fn new(opts: Options) -> Human {
        Human {
            opts,
            table: table(opts),
            legend: Vec::new(),
            any_section: false,
            once: Vec::new(),
            counts: [0; 5],
            ready: 0,
        }
    }

    /// Adds a dossier's row; its findings go to `sections`, printed under the table.
    pub fn add(&mut self, d: &DossierReport, sections: &mut String) {
        let (lang, opts) = (self.opts.lang, self.opts);
        self.counts[d.outcome() as usize] += 1;
        let ready = d.judged().map(|j| j.readiness());
        self.ready += usize::from(ready.as_ref().is_some_and(|r| r.ready()));
        if !opts.quiet {
            let mut cells = row(d, lang);
            if opts.filing {
                cells[5] = match &ready {
                    Some(r) if r.ready() => t!(lang, "filing.ready"),
                    Some(r) => {
                        let mut why = Vec::new();
                        if !r.missing.is_empty() {
                            let n = r.missing.len();
                            why.push(t!(lang, "filing.documents", n));
                        }
                        if r.criteria_failed {
                            why.push(t!(lang, "filing.criteria"));
                        }
                        if r.seal_broken {
                            why.push(t!(lang, "filing.seal-broken"));
                        }
                        if r.placeholders > 0 {
                            why.push(t!(lang, "filing.placeholders"));
                        }
                        let why = why.join(", ");
                        t!(lang, "filing.not-ready", why)
                    }
                    None => outcome_word(lang, Outcome::Invalid),
                };
            }
            let outcome = match (&ready, opts.filing) {
                (Some(r), true) if r.ready() => Outcome::Include,
                (Some(_), true) => Outcome::Incomplete,
                _ => d.outcome(),
            };
            self.table.row(row_cells(cells, outcome));
        }
        if let Some(j) = d.judged()
            && let Some(short) = kind_short(j, lang)
        {
            let entry = (short, kind_name(j, lang));
            if !self.legend.contains(&entry) {
                self.legend.push(entry);
            }
        }
        let words = words_for(d, lang);
        let mut shown: Vec<&Finding> = Vec::new();
        for f in d.findings() {
            match f.code {
                // Unstated facts are folded into one line below.
                Code::CriterionFactMissing => {}
                // The edition's note is long and the same for every dossier: one line per run,
                // pointing at where the whole note is (`dossier rules show`).
                Code::EditionAmendedUnits => {
                    let silenced = d
                        .judged()
                        .and_then(|j| j.settings.edition_notes.as_ref())
                        .is_some_and(|n| !n.value);
                    if silenced || opts.quiet {
                        continue;
                    }
                    let by = f
                        .message
                        .args
                        .get("by")
                        .map(|a| words.arg(a))
                        .unwrap_or_default();
                    let edition = d.judged().map_or("", |j| j.edition.id());
                    let text = t!(lang, "human.edition-amended", by, edition);
                    if !self.once.contains(&text) {
                        self.once.push(text);
                    }
                }
                _ if opts.quiet && f.severity != Severity::Error => {}
                _ => shown.push(f),
            }
        }
        let unstated: Vec<String> = if opts.quiet {
            Vec::new()
        } else {
            d.score()
                .iter()
                .flat_map(|s| s.criteria.iter())
                .filter(|c| c.unstated())
                .map(|c| format!("{} ({})", c.fact, c.id))
                .collect()
        };
        if shown.is_empty() && unstated.is_empty() {
            return;
        }
        let mut out = String::new();
        let mut head = paint(opts.color, Style::new().bold(), &super::clean(&d.path));
        if let Some(j) = d.judged() {
            let _ = write!(head, " — {}", object_name(j, lang));
        }
        let _ = write!(head, ": {}", outcome_label(lang, d.outcome(), &grounds(d)));
        // Without the table, the report starts with its first section, not a blank line.
        let blank = if opts.quiet && !self.any_section {
            ""
        } else {
            "\n"
        };
        let _ = writeln!(out, "{blank}{}", paragraph(&head, "", "  ", opts.width));
        for f in shown {
            let place = f
                .place
                .as_ref()
                .and_then(|p| Some((p, p.line?)))
                .map_or(String::new(), |(p, line)| {
                    format!(" ({}:{line})", file_name(&p.file))
                });
            let label = severity_label(lang, f.severity, opts.color);
            let text = format!("{}{place}", words.finding(f));
            let _ = writeln!(
                out,
                "{}",
                paragraph(&text, &format!("  {label} "), "    ", opts.width)
            );
        }
        if !unstated.is_empty() {
            let list = unstated.join(", ");
            let label = severity_label(lang, Severity::Info, opts.color);
            let text = t!(lang, "report.facts-not-stated", list);
            let _ = writeln!(
                out,
                "{}",
                paragraph(&text, &format!("  {label} "), "    ", opts.width)
            );
        }
        sections.push_str(&out);
        self.any_section = true;
    }

    /// The table (with its legend), the findings handed on, the notes said once and the
    /// summary.
    pub fn finish(self, end: &mut dyn End) {
        let (lang, opts) = (self.opts.lang, self.opts);
        let mut out = String::new();
        if !self.table.is_empty() {
            let dropped = self
                .table
                .draw(opts.color, opts.width, &mut |t| end.text(t));
            if !dropped.contains(&t!(lang, "report.header.kind")) && !self.legend.is_empty() {
                let legend: Vec<String> = self
                    .legend
                    .iter()
                    .map(|(short, name)| format!("{short} — {name}"))
                    .collect();
                out.push_str(&paragraph(&legend.join("; "), "", "", opts.width));
                out.push('\n');
            }
            out.push_str(&dropped_note(lang, &dropped, opts.width));
        }
        end.text(&out);
        end.later();
        out.clear();
        for text in &self.once {
            let label = severity_label(lang, Severity::Warning, opts.color);
            let _ = write!(
                out,
                "\n{}\n",
                paragraph(text, &format!("{label} "), "  ", opts.width)
            );
        }
        let c = self.counts;
        if opts.filing {
            let (ready, n) = (self.ready, c.iter().sum::<usize>());
            let _ = write!(
                out,
                "\n{}",
                paragraph(&t!(lang, "filing.summary", ready, n), "", "  ", opts.width)
            );
        }
        let _ = write!(
            out,
            "\n{}\n",
            paragraph(
                &t!(
                    lang,
                    "report.summary",
                    n = c.iter().sum::<usize>(),
                    include = c[Outcome::Include as usize],
                    pending = c[Outcome::Pending as usize],
                    incomplete = c[Outcome::Incomplete as usize],
                    refuse = c[Outcome::Refuse as usize],
                    invalid = c[Outcome::Invalid as usize]
                ),
                "",
                "  ",
                opts.width
            )
        );
        // Without the table or a finding, the report starts with the summary.
        if opts.quiet && !self.any_section {
            out = out.trim_start_matches('\n').to_string();
        }
        end.text(&out);
    }
}

/// The words a dossier's findings are said in: its edition, kind and score when judged.
pub fn words_for(d: &DossierReport, lang: Lang) -> Words<'_> {
    match d.judged() {
        Some(j) => Words::of(lang, &j.edition, &j.file.kind).with_score(j.score.as_ref()),
        None => Words::new(lang),
    }
}

/// A dossier's row of the table: path, object, kind, documents, score, outcome.
fn row(d: &DossierReport, lang: Lang) -> Vec<String> {
    let j = d.judged();
    let docs = j.map_or("—".to_string(), |j| {
        let present = j.documents.iter().filter(|x| x.status.counts()).count();
        format!("{present}/{}", j.documents.len())
    });
    let score = d
        .score()
        .map_or("—".to_string(), |s| format!("{}/{}", s.total, s.max));
    vec![
        super::clean(&d.path).into_owned(),
        j.map_or("—".to_string(), |j| object_name(j, lang)),
        j.map_or_else(
            || d.kind().unwrap_or("—").to_string(),
            |j| kind_short(j, lang).unwrap_or_else(|| kind_name(j, lang)),
        ),
        docs,
        score,
        outcome_label(lang, d.outcome(), &grounds(d)),
    ]
}

fn table(opts: Options) -> Grid {
    let lang = opts.lang;
    let last = if opts.filing {
        t!(lang, "filing.header")
    } else {
        t!(lang, "report.header.outcome")
    };
    // Narrow terminals lose the kind first, then the score, the documents, the object's name.
    Grid::new([
        t!(lang, "report.header.dossier"),
        t!(lang, "report.header.object"),
        t!(lang, "report.header.kind"),
        t!(lang, "report.header.documents"),
        t!(lang, "report.header.score"),
        last,
    ])
    .right(&[3, 4])
    .drop_order(&[2, 4, 3, 1])
}

/// A dossier's cells, its outcome coloured.
fn row_cells(cells: Vec<String>, outcome: Outcome) -> Vec<GridCell> {
    let mut row: Vec<GridCell> = cells.into_iter().map(GridCell::from).collect();
    if let Some(last) = row.last_mut() {
        last.fg = Some(match outcome {
            Outcome::Include => Color::Green,
            Outcome::Pending => Color::Cyan,
            Outcome::Incomplete => Color::Yellow,
            Outcome::Refuse | Outcome::Invalid => Color::Red,
        });
    }
    row
}

/// The kind's abbreviation in the edition's words, when it has one.
fn kind_short(j: &crate::judge::Judged, lang: Lang) -> Option<String> {
    j.edition
        .kind(&j.file.kind)
        .and_then(|k| k.short.as_ref())
        .map(|s| s.get(lang).to_string())
}

/// Under a table that lost columns to the width: which, and how to see them.
pub(crate) fn dropped_note(lang: Lang, dropped: &[String], width: Option<u16>) -> String {
    if dropped.is_empty() {
        return String::new();
    }
    let columns = dropped.join(", ");
    let text = t!(lang, "report.columns-dropped", columns);
    format!("{}\n", paragraph(&text, "", "", width))
}

/// A table laid out at the report's width, with the note on the columns it had to leave out.
pub(crate) fn grid_text(g: &Grid, lang: Lang, color: bool, width: Option<u16>) -> String {
    let (text, dropped) = g.render(color, width);
    format!("{text}\n{}", dropped_note(lang, &dropped, width))
}

pub(crate) fn grounds(d: &DossierReport) -> Vec<&str> {
    d.judged()
        .map(|j| j.grounds.iter().map(|g| g.code.as_str()).collect())
        .unwrap_or_default()
}

/// "refuse (6.1, 6.3)"
pub fn outcome_label(lang: Lang, outcome: Outcome, grounds: &[&str]) -> String {
    let word = outcome_word(lang, outcome);
    if grounds.is_empty() {
        word
    } else {
        format!("{word} ({})", grounds.join(", "))
    }
}

pub fn outcome_word(lang: Lang, outcome: Outcome) -> String {
    match outcome {
        Outcome::Invalid => t!(lang, "outcome.invalid"),
        Outcome::Incomplete => t!(lang, "outcome.incomplete"),
        Outcome::Refuse => t!(lang, "outcome.refuse"),
        Outcome::Pending => t!(lang, "outcome.pending"),
        Outcome::Include => t!(lang, "outcome.include"),
    }
}

pub fn severity_label(lang: Lang, s: Severity, color: bool) -> String {
    let (word, c) = match s {
        Severity::Error => (t!(lang, "severity.error"), AnsiColor::Red),
        Severity::Warning => (t!(lang, "severity.warning"), AnsiColor::Yellow),
        Severity::Info => (t!(lang, "severity.note"), AnsiColor::Cyan),
    };
    paint(color, Style::new().fg_color(Some(c.into())).bold(), &word)
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

fn file_name(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or("dossier.yaml")
}

/// `dossier config`: each value in effect and where it came from.
pub fn settings(
    entries: &[crate::settings::Effective],
    lang: Lang,
    color: bool,
    width: Option<u16>,
) -> String {
    if entries.is_empty() {
        return format!("{}\n", t!(lang, "config.none"));
    }
    let mut g = Grid::new([
        t!(lang, "config.header.setting"),
        t!(lang, "config.header.value"),
        t!(lang, "config.header.from"),
    ]);
    for e in entries {
        let from = match e.source.line {
            Some(line) => format!("{}:{line}", e.source.file.display()),
            None => e.source.file.display().to_string(),
        };
        g.row([e.key.to_string(), e.value.clone(), from]);
    }
    grid_text(&g, lang, color, width)
}
