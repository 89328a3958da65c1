//! `dossier timeline`: statutory steps as JSON, as one dossier's table, or as the reviewer's
//! to-do list over many dossiers (everything due or overdue, soonest first).

use super::grid::{Grid, GridCell};
use crate::edition::{Actor, Limit};
use crate::grid::Color;
use crate::judge::Judged;
use crate::lang::Lang;
use crate::t;
use dossier_judge::timeline::{Step, StepStatus};
use serde::Serialize;

/// One judged dossier's steps, for output.
pub struct DossierSteps<'a> {
    pub path: &'a str,
    pub judged: &'a Judged,
    pub steps: Vec<Step>,
}

impl DossierSteps<'_> {
    /// The title of a step in the report language, from the edition.
    fn title(&self, step: &Step, lang: Lang) -> String {
        self.judged
            .edition
            .deadline(&step.id)
            .map_or_else(|| step.id.clone(), |d| d.title.get(lang).to_string())
    }
}

#[derive(Serialize)]
struct Json<'a> {
    schema: u32,
    dossiers: Vec<JsonDossier<'a>>,
}

#[derive(Serialize)]
struct JsonDossier<'a> {
    path: &'a str,
    /// The object's name as `dossier.yaml` gives it; absent for an invalid dossier.
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<&'a crate::dossier::LocalText>,
    outcome: crate::outcome::Outcome,
    steps: Vec<JsonStep<'a>>,
    /// Why an invalid dossier has no steps (as in `check`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: crate::finding::Code,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    clause: &'a str,
    actor: &'static str,
    start: Option<String>,
    due: Option<String>,
    done: Option<String>,
    status: StepStatus,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal_due: Option<String>,
    /// R17: the earliest day the literal text allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    literal_earliest: Option<String>,
    /// The step was recorded done before its period started.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    done_before_start: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    working_days_left: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    working_days_late: Option<u32>,
    /// A year the period crosses that the built-in calendar does not know.
    #[serde(skip_serializing_if = "Option::is_none")]
    unknown_year: Option<i32>,
    /// Years the period crosses whose day-off transfers are not confirmed.
    #[serde(skip_serializing_if = "<[i32]>::is_empty")]
    transfers_unconfirmed: &'a [i32],
}

pub fn actor_id(a: Actor) -> &'static str {
    match a {
        Actor::StateBody => "state-body",
        Actor::AuthorizedBody => "authorized-body",
        Actor::ServiceIntegrator => "service-integrator",
    }
}

fn actor_word(a: Actor, lang: Lang) -> String {
    match a {
        Actor::StateBody => t!(lang, "actor.state-body"),
        Actor::AuthorizedBody => t!(lang, "actor.authorized-body"),
        Actor::ServiceIntegrator => t!(lang, "actor.service-integrator"),
    }
}

fn status_word(step: &Step, lang: Lang) -> String {
    let left = step.working_days_left.unwrap_or(0);
    let late = step.working_days_late.unwrap_or(0);
    if step.done_before_start {
        let start = date(step.start);
        return t!(lang, "step.done-before-start", start);
    }
    match step.status {
        StepStatus::Done => t!(lang, "step.done"),
        StepStatus::DoneLate => t!(lang, "step.done-late", late),
        StepStatus::Due if left == 0 => t!(lang, "step.due-today"),
        StepStatus::Due => t!(lang, "step.due", left),
        // A deadline passed on a day off is overdue with no working day late yet: the date
        // says so, the count only when it is at least one.
        StepStatus::Overdue if late == 0 => {
            let since = dotted(step.due);
            t!(lang, "step.overdue-since", since)
        }
        StepStatus::Overdue => {
            let since = dotted(step.due);
            t!(lang, "step.overdue", late, since)
        }
        StepStatus::Waiting => t!(lang, "step.waiting"),
    }
}

/// A date as the Kazakh and Russian papers write it: 04.12.2026.
fn dotted(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("—".to_string(), |d| d.format("%d.%m.%Y").to_string())
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("—".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// Every dossier in the order judged: a judged one with its steps, an invalid one with no steps
/// and the errors that stopped it.
pub fn json(
    reports: &[crate::judge::DossierReport],
    dossiers: &[DossierSteps],
    lang: Lang,
) -> String {
    fn step(s: &Step) -> JsonStep<'_> {
        JsonStep {
            clause: &s.clause,
            actor: actor_id(s.actor),
            start: s.start.map(|d| d.to_string()),
            due: s.due.map(|d| d.to_string()),
            done: s.done.map(|d| d.to_string()),
            status: s.status,
            id: &s.id,
            literal_due: s.literal_due.map(|d| d.to_string()),
            literal_earliest: s.literal_earliest.map(|d| d.to_string()),
            done_before_start: s.done_before_start,
            working_days_left: s.working_days_left,
            working_days_late: s.working_days_late,
            unknown_year: s.unknown_year,
            transfers_unconfirmed: &s.unconfirmed_years,
        }
    }
    let words = crate::messages::Words::new(lang);
    let j = Json {
        schema: 1,
        dossiers: reports
            .iter()
            .map(|r| match dossiers.iter().find(|d| d.path == r.path) {
                Some(d) => JsonDossier {
                    path: d.path,
                    object: Some(&d.judged.file.object.name),
                    outcome: d.judged.outcome,
                    steps: d.steps.iter().map(step).collect(),
                    diagnostics: Vec::new(),
                },
                None => JsonDossier {
                    path: &r.path,
                    object: None,
                    outcome: r.outcome(),
                    steps: Vec::new(),
                    diagnostics: r
                        .findings()
                        .iter()
                        .map(|f| JsonDiagnostic {
                            code: f.code,
                            message: words.finding(f),
                            file: f.place.as_ref().map(|p| p.file.as_str()),
                            line: f.place.as_ref().and_then(|p| p.line),
                        })
                        .collect(),
                },
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&j).expect("serializes");
    s.push('\n');
    s
}

fn painted(cell: GridCell, step: &Step) -> GridCell {
    cell.fg(match step.status {
        StepStatus::Overdue | StepStatus::DoneLate => Color::Red,
        StepStatus::Due => Color::Yellow,
        StepStatus::Done => Color::Green,
        StepStatus::Waiting => Color::DarkGrey,
    })
}

/// What the table's short words mean: "WD", and the literal reading shown beside a due date.
fn legend<'a>(
    steps: impl Iterator<Item = &'a Step> + Clone,
    lang: Lang,
    literal_shown: bool,
) -> String {
    let mut out = String::new();
    if steps
        .clone()
        .any(|s| s.working_days_left.unwrap_or(0) > 0 || s.working_days_late.is_some())
    {
        out.push_str(&format!("{}\n", t!(lang, "timeline.legend.wd")));
    }
    let literal =
        |s: &Step| s.literal_due.is_some_and(|l| Some(l) != s.due) || s.literal_earliest.is_some();
    if literal_shown && steps.clone().any(literal) {
        out.push_str(&format!("{}\n", t!(lang, "timeline.legend.literal")));
    }
    out
}

pub fn human(dossiers: &[DossierSteps], lang: Lang, color: bool, width: Option<u16>) -> String {
    super::grid::fit_text(&human_unfitted(dossiers, lang, color, width), width)
}

fn human_unfitted(
    dossiers: &[DossierSteps],
    lang: Lang,
    color: bool,
    width: Option<u16>,
) -> String {
    let mut out = String::new();
    if let [one] = dossiers {
        // The same heading as `score`: the kind and the edition named in full.
        out.push_str(&format!(
            "{} — {} ({}, {})\n",
            super::clean(one.path),
            super::object_name(one.judged, lang),
            super::kind_name(one.judged, lang),
            one.judged.edition.id()
        ));
        // Narrow terminals lose who acts first, then the start and the done date.
        let mut t = Grid::new([
            t!(lang, "timeline.header.clause"),
            t!(lang, "timeline.header.step"),
            t!(lang, "timeline.header.who"),
            t!(lang, "timeline.header.start"),
            t!(lang, "timeline.header.due"),
            t!(lang, "timeline.header.done"),
            t!(lang, "timeline.header.status"),
        ])
        .drop_order(&[2, 3, 5]);
        for s in &one.steps {
            let mut due = date(s.due);
            if let Some(literal) = s.literal_due.filter(|l| Some(*l) != s.due) {
                // The edition's literal reading of the step's start, beside the one applied.
                let literal = literal.to_string();
                due = format!("{due}\n({})", t!(lang, "timeline.literal", literal));
            }
            if let Some(earliest) = s.literal_earliest {
                // R17: the literal text sets a lower bound; the applied due date is beside it.
                let earliest = earliest.to_string();
                due = format!(
                    "{due}\n({})",
                    t!(lang, "timeline.literal-earliest", earliest)
                );
            }
            if s.limit == Limit::After {
                due.push_str(" *");
            }
            t.row([
                GridCell::from(s.clause.as_str()),
                GridCell::from(one.title(s, lang)),
                GridCell::from(actor_word(s.actor, lang)),
                GridCell::from(date(s.start)),
                GridCell::from(due),
                GridCell::from(date(s.done)),
                painted(GridCell::from(status_word(s, lang)), s),
            ]);
        }
        out.push_str(&super::human::grid_text(&t, lang, color, width));
        out.push_str(&legend(one.steps.iter(), lang, true));
        // A period crossing a year the calendar does not know: its due date is not certain.
        for s in &one.steps {
            if let Some(year) = s.unknown_year {
                let clause = &s.clause;
                out.push_str(&format!(
                    "{}\n",
                    t!(lang, "timeline.unknown-year", clause, year)
                ));
            }
        }
        // Years whose day-off transfers could not be confirmed against the published acts.
        let mut unconfirmed: Vec<i32> = one
            .steps
            .iter()
            .flat_map(|s| s.unconfirmed_years.iter().copied())
            .collect();
        unconfirmed.sort_unstable();
        unconfirmed.dedup();
        if !unconfirmed.is_empty() {
            let years = unconfirmed
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!(
                "{}\n",
                t!(lang, "timeline.transfers-unconfirmed", years)
            ));
        }
        // The edition says how it reads a period that ends "after" its working days.
        for s in one.steps.iter().filter(|s| s.limit == Limit::After) {
            if let Some(note) = one
                .judged
                .edition
                .deadline(&s.id)
                .and_then(|d| d.note.as_ref())
            {
                out.push_str(&format!("* {}\n", note.get(lang)));
            }
        }
        return out;
    }
    // Many dossiers: the reviewer's to-do list.
    let mut todo: Vec<(&DossierSteps, &Step)> = dossiers
        .iter()
        .flat_map(|d| d.steps.iter().map(move |s| (d, s)))
        .filter(|(_, s)| matches!(s.status, StepStatus::Due | StepStatus::Overdue))
        .collect();
    todo.sort_by(|a, b| a.1.due.cmp(&b.1.due).then_with(|| a.0.path.cmp(b.0.path)));
    // Narrow terminals lose who acts first, then the object's name and the step.
    let mut t = Grid::new([
        t!(lang, "timeline.header.due"),
        t!(lang, "report.header.dossier"),
        t!(lang, "report.header.object"),
        t!(lang, "timeline.header.clause"),
        t!(lang, "timeline.header.step"),
        t!(lang, "timeline.header.who"),
        t!(lang, "timeline.header.status"),
    ])
    .drop_order(&[5, 2, 4]);
    for (d, s) in &todo {
        t.row([
            painted(GridCell::from(date(s.due)), s),
            GridCell::from(super::clean(d.path).into_owned()),
            GridCell::from(super::object_name(d.judged, lang)),
            GridCell::from(s.clause.as_str()),
            GridCell::from(d.title(s, lang)),
            GridCell::from(actor_word(s.actor, lang)),
            painted(GridCell::from(status_word(s, lang)), s),
        ]);
    }
    if todo.is_empty() {
        out.push_str(&format!("{}\n", t!(lang, "timeline.nothing-due")));
    } else {
        out.push_str(&super::human::grid_text(&t, lang, color, width));
        out.push_str(&legend(todo.iter().map(|(_, s)| *s), lang, false));
    }
    out
}
