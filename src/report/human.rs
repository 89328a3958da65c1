//! The human report: one table row per dossier, then each dossier's findings in a reviewer's
//! words, then the notes that concern every dossier once.

use super::{CheckReport, kind_name, object_name};
use crate::finding::{Code, Finding, Severity};
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::messages::Words;
use crate::outcome::Outcome;
use crate::t;
use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use std::fmt::Write;

/// How to lay the report out; the binary decides from the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub color: bool,
    /// Table width; `None` lets the content decide.
    pub width: Option<u16>,
}

pub fn render(report: &CheckReport, opts: Options) -> String {
    let mut human = Human::new(opts);
    for d in &report.dossiers {
        human.add(d);
    }
    human.finish()
}

/// The human report built dossier by dossier, keeping only what it prints (a table row and the
/// findings' lines): judgments can be dropped as soon as they are added.
pub struct Human {
    opts: Options,
    rows: Vec<(Vec<String>, Outcome)>,
    sections: String,
    /// Notes that concern every dossier of an edition, said once at the end.
    once: Vec<String>,
    counts: [usize; 5],
}

impl Human {
    pub fn new(opts: Options) -> Human {
        Human {
            opts,
            rows: Vec::new(),
            sections: String::new(),
            once: Vec::new(),
            counts: [0; 5],
        }
    }

    pub fn add(&mut self, d: &DossierReport) {
        let (lang, opts) = (self.opts.lang, self.opts);
        self.counts[d.outcome() as usize] += 1;
        self.rows.push((row(d, lang), d.outcome()));
        let words = words_for(d, lang);
        let mut shown: Vec<&Finding> = Vec::new();
        for f in d.findings() {
            match f.code {
                // Unstated facts are folded into one line below.
                Code::CriterionFactMissing => {}
                // The edition's note is long and the same for every dossier: one line per run,
                // pointing at where the whole note is (`dossier rules show`).
                Code::EditionAmendedUnits => {
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
                _ => shown.push(f),
            }
        }
        let unstated: Vec<String> = d
            .score()
            .iter()
            .flat_map(|s| s.criteria.iter())
            .filter(|c| c.unstated())
            .map(|c| format!("{} ({})", c.fact, c.id))
            .collect();
        if shown.is_empty() && unstated.is_empty() {
            return;
        }
        let out = &mut self.sections;
        let _ = write!(
            out,
            "\n{}",
            paint(opts.color, Style::new().bold(), &super::clean(&d.path))
        );
        if let Some(j) = d.judged() {
            let _ = write!(out, " — {}", object_name(j, lang));
        }
        let _ = writeln!(out, ": {}", outcome_label(lang, d.outcome(), &grounds(d)));
        for f in shown {
            let place = f
                .place
                .as_ref()
                .and_then(|p| Some((p, p.line?)))
                .map_or(String::new(), |(p, line)| {
                    format!(" ({}:{line})", file_name(&p.file))
                });
            let _ = writeln!(
                out,
                "  {} {}{}",
                severity_label(lang, f.severity, opts.color),
                words.finding(f),
                place
            );
        }
        if !unstated.is_empty() {
            let list = unstated.join(", ");
            let _ = writeln!(
                out,
                "  {} {}",
                severity_label(lang, Severity::Info, opts.color),
                t!(lang, "report.facts-not-stated", list)
            );
        }
    }

    pub fn finish(self) -> String {
        let (lang, opts) = (self.opts.lang, self.opts);
        let mut out = String::new();
        if !self.rows.is_empty() {
            out.push_str(&table(&self.rows, opts).to_string());
            out.push('\n');
        }
        out.push_str(&self.sections);
        for text in &self.once {
            let _ = write!(
                out,
                "\n{} {text}\n",
                severity_label(lang, Severity::Warning, opts.color)
            );
        }
        let c = self.counts;
        let _ = write!(
            out,
            "\n{}\n",
            t!(
                lang,
                "report.summary",
                n = c.iter().sum::<usize>(),
                include = c[Outcome::Include as usize],
                pending = c[Outcome::Pending as usize],
                incomplete = c[Outcome::Incomplete as usize],
                refuse = c[Outcome::Refuse as usize],
                invalid = c[Outcome::Invalid as usize]
            )
        );
        out
    }
}

/// The words a dossier's findings are said in: its edition, kind and score when judged.
pub fn words_for(d: &DossierReport, lang: Lang) -> Words<'_> {
    match d.judged() {
        Some(j) => Words::of(lang, &j.edition, &j.file.kind).with_score(j.score.as_ref()),
        None => Words::new(lang),
    }
}

/// A table in the house style: styled only when colour is on, as wide as the terminal.
pub(crate) fn new_table(color: bool, width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
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
            |j| kind_name(j, lang),
        ),
        docs,
        score,
        outcome_label(lang, d.outcome(), &grounds(d)),
    ]
}

fn table(rows: &[(Vec<String>, Outcome)], opts: Options) -> Table {
    let lang = opts.lang;
    let mut t = new_table(opts.color, opts.width);
    t.set_header(
        [
            t!(lang, "report.header.dossier"),
            t!(lang, "report.header.object"),
            t!(lang, "report.header.kind"),
            t!(lang, "report.header.documents"),
            t!(lang, "report.header.score"),
            t!(lang, "report.header.outcome"),
        ]
        .into_iter()
        .map(Cell::new),
    );
    for (cells, outcome) in rows {
        let mut row: Vec<Cell> = cells.iter().map(Cell::new).collect();
        row[3] = Cell::new(&cells[3]).set_alignment(CellAlignment::Right);
        row[4] = Cell::new(&cells[4]).set_alignment(CellAlignment::Right);
        if opts.color {
            row[5] = Cell::new(&cells[5]).fg(match outcome {
                Outcome::Include => Color::Green,
                Outcome::Pending => Color::Cyan,
                Outcome::Incomplete => Color::Yellow,
                Outcome::Refuse | Outcome::Invalid => Color::Red,
            });
        }
        t.add_row(row);
    }
    t
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

/// `dossier config`: each setting in effect and the file it came from.
pub fn settings(
    settings: &crate::settings::Settings,
    lang: Lang,
    color: bool,
    width: Option<u16>,
) -> String {
    let entries = settings.entries();
    if entries.is_empty() {
        return format!("{}\n", t!(lang, "config.none"));
    }
    let mut t = new_table(color, width);
    t.set_header([
        t!(lang, "config.header.setting"),
        t!(lang, "config.header.value"),
        t!(lang, "config.header.from"),
    ]);
    for (k, v, f) in &entries {
        t.add_row(vec![k.to_string(), v.clone(), f.display().to_string()]);
    }
    format!("{t}\n")
}
