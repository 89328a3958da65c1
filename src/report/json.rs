//! The JSON report, field for field as contract §6 fixes it. Extra fields are additions.

use super::CheckReport;
use crate::diagnostic::Diagnostic;
use crate::documents::{DocStatus, DocumentResult};
use crate::judge::DossierReport;
use crate::outcome::Outcome;
use crate::score::{CriterionStatus, Score};
use serde::Serialize;

#[derive(Serialize)]
struct Wrapped<'a> {
    schema: u32,
    dossiers: Vec<Dossier<'a>>,
}

#[derive(Serialize)]
pub struct Dossier<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<&'a str>,
    outcome: Outcome,
    grounds: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<Vec<Document<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<ScoreJson<'a>>,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct Document<'a> {
    id: &'a str,
    clause: &'a str,
    status: DocStatus,
    files: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
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
    basis: &'a str,
}

/// The object for one dossier (what `dossier score` prints alone for one dossier).
pub fn dossier(d: &DossierReport) -> Dossier<'_> {
    Dossier {
        path: &d.path,
        kind: d.kind.as_deref(),
        edition: d.edition.as_deref(),
        outcome: d.outcome,
        grounds: d.grounds.iter().map(|g| g.code.as_str()).collect(),
        documents: d
            .documents
            .as_ref()
            .map(|docs| docs.iter().map(document).collect()),
        score: d.score.as_ref().map(score),
        diagnostics: &d.diagnostics,
    }
}

fn document(d: &DocumentResult) -> Document<'_> {
    Document {
        id: &d.id,
        clause: &d.clause,
        status: d.status,
        files: &d.files,
        pages: d.pages,
        message: d.message.as_deref(),
    }
}

fn score(s: &Score) -> ScoreJson<'_> {
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
                basis: &c.basis,
            })
            .collect(),
        // Contract §6: present when the criteria are not passed.
        to_pass: (!s.passed).then_some(s.to_pass.as_slice()),
    }
}

/// One dossier object alone, as `dossier score` prints it for a single dossier.
pub fn render_one(d: &DossierReport) -> String {
    let mut s = serde_json::to_string_pretty(&dossier(d)).expect("the report serializes");
    s.push('\n');
    s
}

/// `{"schema": 1, "dossiers": [...]}`, pretty-printed, with a final newline.
pub fn render(report: &CheckReport) -> String {
    let wrapped = Wrapped {
        schema: 1,
        dossiers: report.dossiers.iter().map(dossier).collect(),
    };
    let mut s = serde_json::to_string_pretty(&wrapped).expect("the report serializes");
    s.push('\n');
    s
}
