//! Scoring against the criteria of the edition (appendix 2; 2016: appendix 3) and the pass
//! rule of clause 6(1) (2016: clause 9).

use crate::dossier::CriterionOverride;
use crate::edition::{Criterion, Edition};
use crate::facts::{self, Value};
use crate::lang::Lang;
use crate::messages as msg;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionStatus {
    Met,
    NotMet,
    Unknown,
    NotApplicable,
}

#[derive(Debug, Clone)]
pub struct CriterionResult {
    pub id: String,
    pub group: String,
    pub points: u32,
    pub status: CriterionStatus,
    pub basis: String,
    /// The fact the row reads, and its value when stated.
    pub fact: String,
    pub value: Option<Value>,
    /// The reviewer's override decided the row.
    pub overridden: bool,
}

#[derive(Debug, Clone)]
pub struct GroupScore {
    pub id: String,
    pub points: u32,
    /// Rows of the group that apply to the kind.
    pub max: u32,
}

/// Which condition of the pass rule failed (R3: both are checked and named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    TotalBelow {
        total: u32,
        min: u32,
    },
    GroupBelow {
        group: String,
        points: u32,
        min: u32,
    },
}

#[derive(Debug, Clone)]
pub struct Score {
    pub total: u32,
    pub max: u32,
    pub passed: bool,
    pub groups: Vec<GroupScore>,
    pub criteria: Vec<CriterionResult>,
    pub failures: Vec<Failure>,
}

/// Scores one object. `None` when the edition does not score the kind (2016 internet
/// resources, R37).
pub fn score(
    edition: &Edition,
    kind: &str,
    facts: &BTreeMap<String, Value>,
    overrides: &BTreeMap<String, CriterionOverride>,
    lang: Lang,
) -> Option<Score> {
    if !edition.scores(kind) {
        return None;
    }
    let kind_name = edition.kind(kind).map_or(kind, |k| k.name.get(lang));
    let criteria: Vec<CriterionResult> = edition
        .criteria
        .iter()
        .map(|c| row(edition, c, kind, kind_name, facts, overrides, lang))
        .collect();
    Some(total(edition, criteria))
}

fn row(
    edition: &Edition,
    c: &Criterion,
    kind: &str,
    kind_name: &str,
    facts: &BTreeMap<String, Value>,
    overrides: &BTreeMap<String, CriterionOverride>,
    lang: Lang,
) -> CriterionResult {
    let value = facts.get(&c.fact).copied();
    let mut r = CriterionResult {
        id: c.id.clone(),
        group: c.group.clone(),
        points: 0,
        status: CriterionStatus::Unknown,
        basis: String::new(),
        fact: c.fact.clone(),
        value,
        overridden: false,
    };
    // R4: a row naming the other kind only does not apply, and does not count toward max.
    if !c.applies_to.iter().any(|k| k == kind) {
        r.status = CriterionStatus::NotApplicable;
        r.basis = msg::not_applicable(lang, kind_name);
        return r;
    }
    if let Some(o) = overrides.get(&c.id) {
        r.overridden = true;
        r.status = if o.met {
            CriterionStatus::Met
        } else {
            CriterionStatus::NotMet
        };
        r.points = u32::from(o.met);
        r.basis = msg::reviewer(lang, &o.basis);
        return r;
    }
    let Some(v) = value else {
        r.basis = msg::fact_missing(lang, &c.fact);
        return r;
    };
    let met = facts::meets(v, c.op, c.threshold).unwrap_or(false);
    r.status = if met {
        CriterionStatus::Met
    } else {
        CriterionStatus::NotMet
    };
    r.points = u32::from(met);
    r.basis = basis(edition, c, v, lang);
    r
}

/// "central state bodies whose employees are registered users: 3 (> 1)"
fn basis(edition: &Edition, c: &Criterion, v: Value, lang: Lang) -> String {
    let label = edition
        .fact(&c.fact)
        .map_or(c.fact.as_str(), |f| f.label.get(lang));
    match v {
        Value::Flag(b) => format!("{label}: {}", msg::yes_no(lang, b)),
        Value::Number(_) => format!("{label}: {v} ({} {})", c.op.symbol(), c.threshold),
    }
}

/// Sums rows into groups and applies the pass rule.
pub fn total(edition: &Edition, criteria: Vec<CriterionResult>) -> Score {
    let groups: Vec<GroupScore> = edition
        .groups
        .iter()
        .map(|g| {
            let rows = criteria.iter().filter(|c| c.group == g.id);
            GroupScore {
                id: g.id.clone(),
                points: rows.clone().map(|c| c.points).sum(),
                max: rows
                    .filter(|c| c.status != CriterionStatus::NotApplicable)
                    .count() as u32,
            }
        })
        .collect();
    let total = criteria.iter().map(|c| c.points).sum();
    let max = groups.iter().map(|g| g.max).sum();
    let failures = failures(edition, total, &groups);
    Score {
        total,
        max,
        passed: failures.is_empty(),
        groups,
        criteria,
        failures,
    }
}

/// Clause 6(1): total >= min_total and every group >= min_group_points (R2, R3).
fn failures(edition: &Edition, total: u32, groups: &[GroupScore]) -> Vec<Failure> {
    let rule = &edition.scoring;
    let mut out = Vec::new();
    if total < rule.min_total {
        out.push(Failure::TotalBelow {
            total,
            min: rule.min_total,
        });
    }
    for g in groups {
        if g.points < rule.min_group_points {
            out.push(Failure::GroupBelow {
                group: g.id.clone(),
                points: g.points,
                min: rule.min_group_points,
            });
        }
    }
    out
}
