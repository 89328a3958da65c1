//! Scoring against the criteria of the edition (appendix 2; 2016: appendix 3) and the pass
//! rule of clause 6(1) (2016: clause 9).

use crate::dossier::CriterionOverride;
use crate::edition::{CountRule, Criterion, Edition};
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
    /// The row's boolean fact disagrees with the counts that decided it (§10.2).
    pub inconsistent: bool,
    /// Counts decided the row (§10.2), not its own fact.
    pub counted: bool,
}

impl CriterionResult {
    /// The row is unknown because the dossier does not state its fact (not the R19 case, where
    /// the counts are stated and a reviewer decides).
    pub fn unstated(&self) -> bool {
        self.status == CriterionStatus::Unknown && !self.counted
    }
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
    /// When failing: every smallest set of rows whose meeting would pass (see `to_pass`).
    pub to_pass: Vec<Vec<String>>,
    /// When passing: rows whose loss alone would fail (see `margin`).
    pub margin: Vec<String>,
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
    score_with_evidence(edition, kind, facts, overrides, &BTreeMap::new(), lang)
}

/// As `score`, with the dossier's `evidence:` added to the basis of the rows it supports.
pub fn score_with_evidence(
    edition: &Edition,
    kind: &str,
    facts: &BTreeMap<String, Value>,
    overrides: &BTreeMap<String, CriterionOverride>,
    evidence: &BTreeMap<String, String>,
    lang: Lang,
) -> Option<Score> {
    if !edition.scores(kind) {
        return None;
    }
    let kind_name = edition.kind(kind).map_or(kind, |k| k.name.get(lang));
    let criteria: Vec<CriterionResult> = edition
        .criteria
        .iter()
        .map(|c| {
            let mut r = row(edition, c, kind, kind_name, facts, overrides, lang);
            if let Some(e) = evidence.get(&c.id)
                && r.status != CriterionStatus::NotApplicable
                && !r.overridden
            {
                r.basis = format!("{}; {}", r.basis, msg::evidence(lang, e));
            }
            r
        })
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
        inconsistent: false,
        counted: false,
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
    // §10.2: when every count a row needs is given, the counts decide it.
    if let Some((status, basis)) = c
        .counts
        .as_ref()
        .and_then(|k| from_counts(edition, k, facts, lang))
    {
        r.status = status;
        r.points = u32::from(status == CriterionStatus::Met);
        r.basis = basis;
        r.counted = true;
        r.inconsistent = matches!(value, Some(Value::Flag(b)) if status != CriterionStatus::Unknown && b != (status == CriterionStatus::Met));
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

/// A row computed from counts (regulation.md §10.2, R18, R19); `None` unless all are given.
fn from_counts(
    edition: &Edition,
    k: &crate::edition::Counts,
    facts: &BTreeMap<String, Value>,
    lang: Lang,
) -> Option<(CriterionStatus, String)> {
    let get = |name: &str| match facts.get(name) {
        Some(Value::Number(n)) => Some(*n as u64),
        _ => None,
    };
    let label = |name: &str| -> String {
        edition
            .fact(name)
            .map_or(name, |f| f.label.get(lang))
            .to_string()
    };
    match k.rule {
        CountRule::AllUnitsCovered => {
            let totals: Vec<u64> = k.totals.iter().map(|t| get(t)).collect::<Option<_>>()?;
            let parts: Vec<u64> = k.parts.iter().map(|p| get(p)).collect::<Option<_>>()?;
            if totals.iter().sum::<u64>() == 0 {
                return Some((CriterionStatus::NotMet, msg::no_units_exist(lang)));
            }
            let met = totals.iter().zip(&parts).all(|(t, p)| p == t);
            let basis = k
                .parts
                .iter()
                .zip(totals.iter().zip(&parts))
                .map(|(name, (t, p))| msg::count_of(lang, &label(name), *p, *t))
                .collect::<Vec<_>>()
                .join("; ");
            Some((
                if met {
                    CriterionStatus::Met
                } else {
                    CriterionStatus::NotMet
                },
                basis,
            ))
        }
        CountRule::UnitsIntegrated => {
            let min = k.min_second?;
            let first_total = get(&k.totals[0])?;
            let first = get(&k.parts[0])?;
            let second = get(&k.parts[1])?;
            let second_total = get(&k.totals[1]);
            let first_ok = first_total == 0 || first == first_total;
            let second_ok = second >= u64::from(min);
            let basis = format!(
                "{}; {}",
                msg::count_of(lang, &label(&k.parts[0]), first, first_total),
                msg::at_least(lang, &label(&k.parts[1]), second, min)
            );
            // R19: fewer subdivisions exist than the row names, and all of them are integrated.
            if first_ok
                && !second_ok
                && second_total.is_some_and(|t| t < u64::from(min) && second == t)
            {
                let t = second_total.unwrap_or_default();
                return Some((
                    CriterionStatus::Unknown,
                    msg::fewer_units_than_named(lang, t, min),
                ));
            }
            let met = first_ok && second_ok;
            Some((
                if met {
                    CriterionStatus::Met
                } else {
                    CriterionStatus::NotMet
                },
                basis,
            ))
        }
    }
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
    let mut score = Score {
        total,
        max,
        passed: failures.is_empty(),
        groups,
        criteria,
        failures,
        to_pass: Vec::new(),
        margin: Vec::new(),
    };
    score.to_pass = to_pass(edition, &score);
    score.margin = margin(edition, &score);
    score
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

/// Every smallest set of applicable rows, not met now (`not-met` or `unknown`), whose meeting
/// would pass the criteria: all sets of the minimum size that passes, each sorted by id, the
/// list sorted (contract §6, `to_pass`). Empty when the score passes already.
pub fn to_pass(edition: &Edition, score: &Score) -> Vec<Vec<String>> {
    if score.passed {
        return Vec::new();
    }
    let candidates: Vec<&CriterionResult> = score
        .criteria
        .iter()
        .filter(|c| matches!(c.status, CriterionStatus::NotMet | CriterionStatus::Unknown))
        .collect();
    // At most 13 rows: every subset can be tried, smallest first.
    for size in 1..=candidates.len() {
        let mut found: Vec<Vec<String>> = subsets(candidates.len(), size)
            .into_iter()
            .filter(|set| passes_with(edition, score, set.iter().map(|&i| candidates[i])))
            .map(|set| {
                let mut ids: Vec<String> = set.iter().map(|&i| candidates[i].id.clone()).collect();
                ids.sort_by(|a, b| row_order(a, b));
                ids
            })
            .collect();
        if !found.is_empty() {
            found.sort_by(|a, b| {
                a.iter()
                    .zip(b.iter())
                    .map(|(x, y)| row_order(x, y))
                    .find(|o| o.is_ne())
                    .unwrap_or(a.len().cmp(&b.len()))
            });
            return found;
        }
    }
    Vec::new()
}

/// Met rows whose loss alone would make a passing score fail.
pub fn margin(edition: &Edition, score: &Score) -> Vec<String> {
    if !score.passed {
        return Vec::new();
    }
    score
        .criteria
        .iter()
        .filter(|c| c.points > 0)
        .filter(|lost| {
            let groups: Vec<GroupScore> = score
                .groups
                .iter()
                .map(|g| GroupScore {
                    points: g.points - u32::from(g.id == lost.group),
                    ..g.clone()
                })
                .collect();
            !failures(edition, score.total - 1, &groups).is_empty()
        })
        .map(|c| c.id.clone())
        .collect()
}

fn passes_with<'a>(
    edition: &Edition,
    score: &Score,
    added: impl Iterator<Item = &'a CriterionResult>,
) -> bool {
    let mut groups = score.groups.clone();
    let mut total = score.total;
    for c in added {
        total += 1;
        if let Some(g) = groups.iter_mut().find(|g| g.id == c.group) {
            g.points += 1;
        }
    }
    failures(edition, total, &groups).is_empty()
}

/// All `size`-element subsets of `0..n`, as index lists in increasing order.
fn subsets(n: usize, size: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(size);
    fn go(
        start: usize,
        n: usize,
        size: usize,
        current: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        if current.len() == size {
            out.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            go(i + 1, n, size, current, out);
            current.pop();
        }
    }
    go(0, n, size, &mut current, &mut out);
    out
}

/// Orders row ids as the table does: "1.2" before "1.10", numerically by each part.
pub fn row_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| -> Vec<u32> {
        s.split('.')
            .map(|p| p.parse().unwrap_or(u32::MAX))
            .collect()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}
