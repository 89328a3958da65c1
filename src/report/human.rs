//! The human report: one table row per dossier, then each dossier's findings in a reviewer's
//! words, then the notes that concern every dossier once.

use super::CheckReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::outcome::Outcome;
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
    let lang = opts.lang;
    let mut out = String::new();
    if !report.dossiers.is_empty() {
        out.push_str(&table(&report.dossiers, opts).to_string());
        out.push('\n');
    }
    let mut once: Vec<&Diagnostic> = Vec::new();
    for d in &report.dossiers {
        let shown: Vec<&Diagnostic> = d
            .diagnostics
            .iter()
            .filter(|x| {
                // Unstated facts are folded into one line below.
                if x.code == "criterion.fact-missing" {
                    return false;
                }
                if x.code == "edition.amended-units" {
                    if !once.iter().any(|o| o.message == x.message) {
                        once.push(x);
                    }
                    false
                } else {
                    true
                }
            })
            .collect();
        let unstated: Vec<String> = d
            .score
            .iter()
            .flat_map(|s| s.criteria.iter())
            .filter(|c| c.unstated())
            .map(|c| format!("{} ({})", c.fact, c.id))
            .collect();
        if shown.is_empty() && unstated.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{}", paint(opts.color, Style::new().bold(), &d.path));
        if let Some(name) = &d.object_name {
            let _ = write!(out, " — {name}");
        }
        let _ = writeln!(out, ": {}", outcome_label(lang, d.outcome, &grounds(d)));
        for x in shown {
            let place = x
                .line
                .map_or(String::new(), |line| format!(" ({}:{line})", file_name(x)));
            let _ = writeln!(
                out,
                "  {} {}{}",
                severity_label(lang, x.severity, opts.color),
                x.message,
                place
            );
        }
        if !unstated.is_empty() {
            let list = unstated.join(", ");
            let line = crate::tr!(lang,
                en: "facts not stated, their rows score 0 until they are: {list}",
                ru: "не указаны факты, их строки дают 0, пока они не указаны: {list}",
                kk: "фактілер көрсетілмеген, олар көрсетілгенше жолдары 0 береді: {list}");
            let _ = writeln!(
                out,
                "  {} {line}",
                severity_label(lang, Severity::Info, opts.color)
            );
        }
    }
    for x in once {
        let _ = write!(
            out,
            "\n{} {}\n",
            severity_label(lang, x.severity, opts.color),
            x.message
        );
    }
    let _ = write!(out, "\n{}\n", summary(report, lang));
    out
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

fn table(dossiers: &[DossierReport], opts: Options) -> Table {
    let lang = opts.lang;
    let mut t = new_table(opts.color, opts.width);
    let h = headers(lang);
    t.set_header(h.iter().map(Cell::new));
    for d in dossiers {
        let docs = d.documents.as_ref().map_or("—".to_string(), |docs| {
            let present = docs.iter().filter(|x| x.status.counts()).count();
            format!("{present}/{}", docs.len())
        });
        let score = d
            .score
            .as_ref()
            .map_or("—".to_string(), |s| format!("{}/{}", s.total, s.max));
        let mut outcome = Cell::new(outcome_label(lang, d.outcome, &grounds(d)));
        if opts.color {
            outcome = outcome.fg(match d.outcome {
                Outcome::Include => Color::Green,
                Outcome::Pending => Color::Cyan,
                Outcome::Incomplete => Color::Yellow,
                Outcome::Refuse | Outcome::Invalid => Color::Red,
            });
        }
        t.add_row(vec![
            Cell::new(&d.path),
            Cell::new(d.object_name.as_deref().unwrap_or("—")),
            Cell::new(d.kind_name.as_deref().or(d.kind.as_deref()).unwrap_or("—")),
            Cell::new(docs).set_alignment(CellAlignment::Right),
            Cell::new(score).set_alignment(CellAlignment::Right),
            outcome,
        ]);
    }
    t
}

fn grounds(d: &DossierReport) -> Vec<&str> {
    d.grounds.iter().map(|g| g.code.as_str()).collect()
}

fn headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["Dossier", "Object", "Kind", "Documents", "Score", "Outcome"],
        Lang::Ru => ["Досье", "Объект", "Вид", "Документы", "Баллы", "Итог"],
        Lang::Kk => ["Досье", "Объект", "Түрі", "Құжаттар", "Балл", "Нәтиже"],
    }
}

/// "refuse (6.1, 6.3)"
pub fn outcome_label(lang: Lang, outcome: Outcome, grounds: &[&str]) -> String {
    let word = match (lang, outcome) {
        (Lang::En, o) => o.id(),
        (Lang::Ru, Outcome::Invalid) => "ошибка в досье",
        (Lang::Ru, Outcome::Incomplete) => "неполное",
        (Lang::Ru, Outcome::Refuse) => "отказ",
        (Lang::Ru, Outcome::Pending) => "ожидает рекомендации",
        (Lang::Ru, Outcome::Include) => "включить",
        (Lang::Kk, Outcome::Invalid) => "досьеде қате",
        (Lang::Kk, Outcome::Incomplete) => "толық емес",
        (Lang::Kk, Outcome::Refuse) => "бас тарту",
        (Lang::Kk, Outcome::Pending) => "ұсынымды күтуде",
        (Lang::Kk, Outcome::Include) => "енгізу",
    };
    if grounds.is_empty() {
        word.to_string()
    } else {
        format!("{word} ({})", grounds.join(", "))
    }
}

fn severity_label(lang: Lang, s: Severity, color: bool) -> String {
    let (word, c) = match (lang, s) {
        (Lang::En, Severity::Error) => ("error:", AnsiColor::Red),
        (Lang::En, Severity::Warning) => ("warning:", AnsiColor::Yellow),
        (Lang::En, Severity::Info) => ("note:", AnsiColor::Cyan),
        (Lang::Ru, Severity::Error) => ("ошибка:", AnsiColor::Red),
        (Lang::Ru, Severity::Warning) => ("предупреждение:", AnsiColor::Yellow),
        (Lang::Ru, Severity::Info) => ("примечание:", AnsiColor::Cyan),
        (Lang::Kk, Severity::Error) => ("қате:", AnsiColor::Red),
        (Lang::Kk, Severity::Warning) => ("ескерту:", AnsiColor::Yellow),
        (Lang::Kk, Severity::Info) => ("ескертпе:", AnsiColor::Cyan),
    };
    paint(color, Style::new().fg_color(Some(c.into())).bold(), word)
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

fn file_name(d: &Diagnostic) -> &str {
    d.file
        .as_deref()
        .and_then(|f| f.rsplit('/').next())
        .unwrap_or("dossier.yaml")
}

fn summary(report: &CheckReport, lang: Lang) -> String {
    let count = |o: Outcome| report.dossiers.iter().filter(|d| d.outcome == o).count();
    let n = report.dossiers.len();
    let (inc, pend, incomplete, refuse, invalid) = (
        count(Outcome::Include),
        count(Outcome::Pending),
        count(Outcome::Incomplete),
        count(Outcome::Refuse),
        count(Outcome::Invalid),
    );
    match lang {
        Lang::En => format!(
            "{n} dossiers: {inc} include, {pend} pending, {incomplete} incomplete, {refuse} refuse, {invalid} invalid"
        ),
        Lang::Ru => format!(
            "досье: {n}; включить: {inc}, ожидают рекомендации: {pend}, неполных: {incomplete}, отказ: {refuse}, с ошибками: {invalid}"
        ),
        Lang::Kk => format!(
            "досье: {n}; енгізу: {inc}, ұсынымды күтуде: {pend}, толық емес: {incomplete}, бас тарту: {refuse}, қатесі бар: {invalid}"
        ),
    }
}

/// `dossier config`: each setting in effect and the file it came from.
pub fn settings(settings: &crate::settings::Settings, color: bool, width: Option<u16>) -> String {
    let entries = settings.entries();
    if entries.is_empty() {
        return "No dossier.toml applies here; every setting has its default.\n".to_string();
    }
    let mut t = new_table(color, width);
    t.set_header(["Setting", "Value", "From"]);
    for (k, v, f) in &entries {
        t.add_row(vec![k.to_string(), v.clone(), f.display().to_string()]);
    }
    format!("{t}\n")
}
