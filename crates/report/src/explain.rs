//! `dossier score` for people: one dossier's score explained row by row, or a portfolio table.

use super::grid::{Grid, GridCell};
use super::{CheckReport, kind_name, object_name};
use crate::edition::{Criterion, Edition, FactType, Op, Threshold};
use crate::facts::Value;
use crate::grid::Color;
use crate::judge::{DossierReport, Judged, WhatIf};
use crate::lang::Lang;
use crate::messages::Words;
use crate::score::{CriterionResult, CriterionStatus, Failure, Score};
use crate::t;
use std::fmt::Write;

#[derive(Debug, Clone)]
pub struct Options<'a> {
    pub lang: Lang,
    pub color: bool,
    pub width: Option<u16>,
    /// Full wording of each row instead of one shortened line.
    pub long: bool,
    pub what_if: &'a WhatIf,
}

/// The explanation of one dossier, or the portfolio of several.
pub fn render(report: &CheckReport, single: bool, opts: &Options) -> String {
    let text = if single && let Some(d) = report.dossiers.first() {
        explain(d, opts)
    } else {
        portfolio(report, opts)
    };
    super::grid::fit_text(&text, opts.width)
}

fn explain(d: &DossierReport, opts: &Options) -> String {
    let lang = opts.lang;
    let mut out = String::new();
    let Some(j) = d.judged() else {
        let _ = writeln!(out, "{}", super::clean(&d.path));
        let _ = writeln!(out, "{}", t!(lang, "explain.the-dossier-is-invalid"));
        return out;
    };
    let edition: &Edition = &j.edition;
    let _ = writeln!(
        out,
        "{} — {} ({}, {})",
        super::clean(&d.path),
        object_name(j, lang),
        kind_name(j, lang),
        edition.id()
    );
    let Some(score) = j.score.as_ref() else {
        let _ = writeln!(out, "{}", t!(lang, "explain.this-kind-is-not"));
        return out;
    };
    out.push_str(&criteria_table(edition, j, score, opts));
    let _ = writeln!(out, "{}", total_line(lang, score));
    let _ = writeln!(out, "{}", verdict(lang, edition, score));

    if let Some(before) = &j.baseline {
        out.push('\n');
        out.push_str(&what_if_section(
            lang,
            edition,
            before,
            score,
            j,
            opts.what_if,
        ));
    }

    let unknown: Vec<String> = score
        .criteria
        .iter()
        .filter(|c| c.unstated())
        .map(|c| format!("{} ({})", c.fact, c.id))
        .collect();
    if !unknown.is_empty() {
        let head = t!(lang, "explain.still-to-state-under");
        let _ = writeln!(out, "\n{head} {}", unknown.join(", "));
    }

    out.push('\n');
    if score.passed {
        out.push_str(&margin_line(lang, &score.margin));
    } else {
        out.push_str(&to_pass_section(lang, edition, score));
    }
    if lang == Lang::Ru && edition.edition.russian_unofficial {
        let _ = writeln!(out, "\n{}", t!(lang, "explain.russian-unofficial"));
    }
    out
}

/// The rows of the criteria by group: wording, fact, test, status, points, and subtotals.
fn criteria_table(edition: &Edition, j: &Judged, score: &Score, opts: &Options) -> String {
    let lang = opts.lang;
    let words = Words::of(lang, edition, &j.file.kind);

    // Narrow terminals lose the fact's name first, then the test.
    let mut t = Grid::new([
        t!(lang, "explain.header.row"),
        t!(lang, "explain.header.criterion"),
        t!(lang, "explain.header.fact"),
        t!(lang, "explain.header.test"),
        t!(lang, "explain.header.status"),
        t!(lang, "explain.header.points"),
    ])
    .right(&[5])
    .drop_order(&[2, 3]);
    for g in &edition.groups {
        t.row([
            g.id.clone(),
            shorten(g.title.get(lang), opts.long),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        for c in score.criteria.iter().filter(|c| c.group == g.id) {
            let Some(row) = edition.criterion(&c.id) else {
                continue;
            };
            let status = GridCell::from(status_word(lang, c.status)).fg(match c.status {
                CriterionStatus::Met => Color::Green,
                CriterionStatus::NotMet => Color::Red,
                CriterionStatus::Unknown => Color::Yellow,
                CriterionStatus::NotApplicable => Color::DarkGrey,
            });
            let mut wording = shorten(row.wording.get(lang), opts.long);
            if c.overridden {
                wording = format!("{wording}\n{}", words.basis(c));
            }
            t.row([
                GridCell::from(c.id.as_str()),
                GridCell::from(wording),
                GridCell::from(c.fact.as_str()),
                GridCell::from(test(lang, edition, row, c)),
                status,
                GridCell::from(c.points.to_string()),
            ]);
        }
        if let Some(gs) = score.groups.iter().find(|x| x.id == g.id) {
            let id = &g.id;
            let label = t!(lang, "explain.group-subtotal", id);
            t.row([
                String::new(),
                label,
                String::new(),
                String::new(),
                String::new(),
                format!("{}/{}", gs.points, gs.max),
            ]);
        }
    }
    super::human::grid_text(&t, lang, opts.color, opts.width)
}

/// One line of the wording, unless the whole is asked for.
fn shorten(text: &str, long: bool) -> String {
    const MAX: usize = 64;
    if long || text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ' ', '(']))
}

fn status_word(lang: Lang, s: CriterionStatus) -> String {
    crate::messages::criterion_status(s, lang)
}

fn yes_no(lang: Lang, b: bool) -> String {
    Words::new(lang).arg(&crate::finding::Arg::Flag(b))
}

/// "4200 > 1000", "yes", "not stated (> 1000)".
fn test(lang: Lang, edition: &Edition, row: &Criterion, c: &CriterionResult) -> String {
    let needs = needs(lang, edition, row);
    match (c.status, c.value) {
        (CriterionStatus::NotApplicable, _) => "—".to_string(),
        (_, _) if c.overridden => {
            t!(lang, "explain.reviewers-override")
        }
        (_, Some(Value::Number(v))) => {
            let unit = unit(edition, row);
            format!(
                "{}{unit} {} {}{unit}",
                number(lang, v),
                row.op.symbol(),
                threshold(lang, row.threshold)
            )
        }
        (_, Some(Value::Flag(b))) => yes_no(lang, b),
        (_, None) => {
            t!(lang, "explain.not-stated", needs)
        }
    }
}

/// "> 1,000", "≥ 50%" or "yes".
fn needs(lang: Lang, edition: &Edition, row: &Criterion) -> String {
    match row.threshold {
        Threshold::Flag(b) => yes_no(lang, b),
        Threshold::Number(_) => format!(
            "{} {}{}",
            row.op.symbol(),
            threshold(lang, row.threshold),
            unit(edition, row)
        ),
    }
}

/// `%` after values of a percent fact.
fn unit(edition: &Edition, row: &Criterion) -> &'static str {
    match edition.fact(&row.fact) {
        Some(f) if f.kind == FactType::Percent => "%",
        _ => "",
    }
}

fn threshold(lang: Lang, t: Threshold) -> String {
    match t {
        Threshold::Flag(b) => yes_no(lang, b),
        Threshold::Number(n) => number(lang, n),
    }
}

/// Groups thousands the way each language writes them: 100,000 / 100 000.
pub fn number(lang: Lang, n: f64) -> String {
    let plain = crate::facts::format_number(n);
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let sep = if lang == Lang::En { ',' } else { ' ' };
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, ch) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && ch.is_ascii_digit() {
            grouped.push(sep);
        }
        grouped.push(*ch);
    }
    match frac {
        Some(f) if lang == Lang::En => format!("{grouped}.{f}"),
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

fn total_line(lang: Lang, s: &Score) -> String {
    let (total, max) = (s.total, s.max);
    t!(lang, "explain.total-of", total, max)
}

/// Names the condition of the pass rule that failed (R3), or says it passes.
fn verdict(lang: Lang, edition: &Edition, s: &Score) -> String {
    let clause = &edition.scoring.clause;
    let min = edition.scoring.min_total;
    let per = edition.scoring.min_group_points;
    if s.passed {
        let (total, max) = (s.total, s.max);
        return t!(
            lang,
            "explain.verdict-passes-clause-of",
            clause,
            total,
            max,
            min,
            per
        );
    }
    let reasons: Vec<String> = s
        .failures
        .iter()
        .map(|f| match f {
            Failure::TotalBelow { total, min } => {
                t!(lang, "explain.the-total-is-below", total, min)
            }
            Failure::GroupBelow { group, points, min } => {
                let title = edition
                    .groups
                    .iter()
                    .find(|g| &g.id == group)
                    .map_or("", |g| g.title.get(lang));
                let title = shorten(title, false);
                t!(
                    lang,
                    "explain.group-has-points-at",
                    group,
                    title,
                    points,
                    min
                )
            }
        })
        .collect();
    let reasons = reasons.join("; ");
    t!(lang, "explain.verdict-fails-clause", clause, reasons)
}

fn to_pass_section(lang: Lang, edition: &Edition, s: &Score) -> String {
    let mut out = if let [set] = s.to_pass.as_slice() {
        if set.len() == 1 {
            t!(lang, "explain.to-pass-meet-one")
        } else {
            t!(lang, "explain.to-pass-meet-set")
        }
    } else if s.to_pass.iter().all(|set| set.len() == 1) {
        t!(lang, "explain.to-pass-meet-any")
    } else {
        t!(lang, "explain.to-pass-meet-all")
    };
    let explain_row = |id: &String| -> String {
        match (
            edition.criterion(id),
            s.criteria.iter().find(|c| &c.id == id),
        ) {
            (Some(row), Some(c)) => format!("{id} — {}", distance(lang, edition, row, c)),
            _ => id.clone(),
        }
    };
    for set in &s.to_pass {
        if let [only] = set.as_slice() {
            let _ = writeln!(out, "  • {}", explain_row(only));
            continue;
        }
        let and = t!(lang, "explain.and");
        let _ = writeln!(out, "  • {}", set.join(&and));
        for id in set {
            let _ = writeln!(out, "      {}", explain_row(id));
        }
    }
    if s.to_pass.is_empty() {
        out = t!(lang, "explain.no-combination-of-the");
    } else if !s.to_pass_complete {
        let _ = writeln!(out, "  {}", t!(lang, "explain.to-pass-greedy"));
    }
    out
}

/// "active registered users: 950, needs > 1,000: 51 more"
fn distance(lang: Lang, edition: &Edition, row: &Criterion, c: &CriterionResult) -> String {
    let fact = edition.fact(&row.fact);
    let label = fact.map_or(row.fact.as_str(), |f| f.label.get(lang));
    let needs = needs(lang, edition, row);
    match (c.value, row.threshold) {
        _ if c.overridden => {
            let basis = Words::of(lang, edition, "").basis(c);
            t!(lang, "explain.needs-to-be-met", basis)
        }
        (Some(Value::Number(v)), Threshold::Number(t)) => {
            let whole = fact.is_some_and(|f| f.kind == FactType::Count);
            let gap = match row.op {
                Op::Greater if whole => t.floor() + 1.0 - v,
                Op::Greater => t - v,
                Op::AtLeast | Op::Equal => t - v,
            };
            // A percent keeps its sign on both numbers: "41.5% more", never "41.5 more".
            let unit = unit(edition, row);
            let (v, gap) = (
                format!("{}{unit}", number(lang, v)),
                format!("{}{unit}", number(lang, (gap * 100.0).round() / 100.0)),
            );
            if row.op == Op::Greater && !whole {
                t!(lang, "explain.needs-more-than-more", label, v, needs, gap)
            } else {
                t!(lang, "explain.needs-more", label, v, needs, gap)
            }
        }
        (Some(Value::Flag(b)), _) => {
            let now = yes_no(lang, b);
            t!(lang, "explain.needs", label, now, needs)
        }
        _ => {
            t!(lang, "explain.not-stated-needs", label, needs)
        }
    }
}

fn margin_line(lang: Lang, margin: &[String]) -> String {
    if margin.is_empty() {
        t!(lang, "explain.margin-losing-any-single")
    } else if let [row] = margin {
        t!(lang, "explain.margin-it-would-fail-one", row)
    } else {
        let rows = margin.join(", ");
        t!(lang, "explain.margin-it-would-fail", rows)
    }
}

fn what_if_section(
    lang: Lang,
    edition: &Edition,
    before: &Score,
    after: &Score,
    j: &Judged,
    what_if: &WhatIf,
) -> String {
    let mut changes: Vec<String> = what_if
        .facts
        .iter()
        .map(|(k, v)| format!("--fact {k}={v}"))
        .collect();
    changes.extend(
        what_if
            .criteria
            .iter()
            .map(|(k, v)| format!("--set {k}={}", if *v { "yes" } else { "no" })),
    );
    let changes = changes.join(", ");
    let mut out = t!(lang, "explain.whatif-nothing-on-disk", changes);
    for (b, a) in before.criteria.iter().zip(&after.criteria) {
        if b.status != a.status || b.points != a.points {
            let _ = writeln!(
                out,
                "  {}: {} → {} ({} → {})",
                a.id,
                status_word(lang, b.status),
                status_word(lang, a.status),
                b.points,
                a.points
            );
        }
    }
    if !j.what_if.not_applicable.is_empty() {
        let rows = j.what_if.not_applicable.join(", ");
        let _ = writeln!(
            out,
            "  {}",
            t!(lang, "explain.not-applicable-to-this", rows)
        );
    }
    let word = |passed: bool| {
        if passed {
            t!(lang, "explain.passes")
        } else {
            t!(lang, "explain.fails")
        }
    };
    let (b, a, bt, at, max) = (
        word(before.passed),
        word(after.passed),
        before.total,
        after.total,
        after.max,
    );
    let clause = &edition.scoring.clause;
    let _ = writeln!(
        out,
        "  {}",
        t!(
            lang,
            "explain.verdict-on-clause-total",
            clause,
            b,
            a,
            bt,
            at,
            max
        )
    );
    out
}

fn portfolio(report: &CheckReport, opts: &Options) -> String {
    let lang = opts.lang;
    let mut rows: Vec<&DossierReport> = report.dossiers.iter().collect();
    // Best first: by outcome, then by total, then by path.
    rows.sort_by(|a, b| {
        b.outcome()
            .cmp(&a.outcome())
            .then_with(|| total(b).cmp(&total(a)))
            .then_with(|| a.path.cmp(&b.path))
    });
    let group_ids: Vec<String> = {
        let mut ids: Vec<String> = report
            .editions
            .iter()
            .flat_map(|e| e.groups.iter().map(|g| g.id.clone()))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let mut header: Vec<String> = vec![
        t!(lang, "report.header.dossier"),
        t!(lang, "report.header.object"),
        t!(lang, "report.header.kind"),
    ];
    for g in &group_ids {
        header.push(t!(lang, "explain.header.group", g));
    }
    header.extend([
        t!(lang, "explain.header.total"),
        t!(lang, "explain.header.passes"),
        t!(lang, "report.header.outcome"),
    ]);
    let groups = group_ids.len();
    // Narrow terminals lose the kind, the object's name, then the groups' points.
    let mut drop = vec![2, 1];
    drop.extend(3..3 + groups);
    let mut t = Grid::new(header)
        .right(&(3..4 + groups).collect::<Vec<_>>())
        .drop_order(&drop);
    for d in &rows {
        let mut cells: Vec<GridCell> = vec![
            super::clean(&d.path).into_owned().into(),
            d.judged()
                .map_or("—".to_string(), |j| object_name(j, lang))
                .into(),
            d.judged()
                .map_or_else(
                    || d.kind().unwrap_or("—").to_string(),
                    |j| kind_name(j, lang),
                )
                .into(),
        ];
        for g in &group_ids {
            let points = d.score().and_then(|s| s.groups.iter().find(|x| &x.id == g));
            cells.push(
                points
                    .map_or("—".to_string(), |p| format!("{}/{}", p.points, p.max))
                    .into(),
            );
        }
        cells.push(
            d.score()
                .map_or("—".to_string(), |s| format!("{}/{}", s.total, s.max))
                .into(),
        );
        let mut passes = GridCell::from(
            d.score()
                .map_or("—".to_string(), |s| yes_no(lang, s.passed)),
        );
        if let Some(s) = d.score() {
            passes = passes.fg(if s.passed { Color::Green } else { Color::Red });
        }
        cells.push(passes);
        cells
            .push(super::human::outcome_label(lang, d.outcome(), &super::human::grounds(d)).into());
        t.row(cells);
    }
    let mut out = super::human::grid_text(&t, lang, opts.color, opts.width);
    let scored: Vec<&&DossierReport> = rows.iter().filter(|d| d.score().is_some()).collect();
    let pass = scored
        .iter()
        .filter(|d| d.score().is_some_and(|s| s.passed))
        .count();
    let n = scored.len();
    let _ = write!(
        out,
        "\n{}",
        t!(lang, "explain.of-scored-dossiers-pass", pass, n)
    );
    if !opts.what_if.is_empty() {
        let before = scored
            .iter()
            .filter(|d| {
                d.judged()
                    .and_then(|j| j.baseline.as_ref().or(j.score.as_ref()))
                    .is_some_and(|s| s.passed)
            })
            .count();
        let _ = write!(out, "{}", t!(lang, "explain.before-the-whatif", before));
    }
    out.push('\n');
    out
}

fn total(d: &DossierReport) -> u32 {
    d.score().map_or(0, |s| s.total)
}
